import type { Logger } from '../logger.js';
import type { Answerer, DocumentMeta } from '../types.js';
import type { ChatHistory } from './chat-history.js';
import type { TaskQueue } from './task-queue.js';

/** What every chat adapter (Telegram, Zalo) is built from: the answering service and the shared bot state. */
export interface AdapterDeps {
  answerer: Answerer;
  /** The collection's documents as they are now (an ingest may add some while the bot runs). */
  catalogue: () => readonly DocumentMeta[];
  history: ChatHistory;
  tasks: TaskQueue;
  logger: Logger;
  /** Public base URL of the web app, for links to the cited passages. */
  publicUrl?: string;
}
