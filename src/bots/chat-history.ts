import type { ChatTurn } from '../types.js';
import { BoundedMap } from '../bounded-map.js';

export interface ChatHistoryOptions {
  /** Messages kept per chat (a question and its answer are two). */
  maxTurns?: number;
  /** Chats remembered at once; the least recently active is forgotten first. */
  maxChats?: number;
  /** A chat idle this long starts afresh, so an old topic does not leak into a new question. */
  idleMs?: number;
  now?: () => number;
}

export interface ChatHistory {
  /** The remembered turns of a chat, oldest first (empty when unknown or idle too long). */
  get(chatKey: string): ChatTurn[];
  /** Remembers one exchange. */
  record(chatKey: string, question: string, answer: string): void;
  forget(chatKey: string): void;
}

interface Entry {
  turns: ChatTurn[];
  lastSeen: number;
}

/** Per-chat follow-up memory shared by the Telegram and Zalo bots, bounded in size and time. */
export function createChatHistory({ maxTurns = 6, maxChats = 1000, idleMs = 30 * 60_000, now = Date.now }: ChatHistoryOptions = {}): ChatHistory {
  const chats = new BoundedMap<string, Entry>(maxChats);

  const live = (chatKey: string): Entry | undefined => {
    const entry = chats.get(chatKey);
    if (entry && now() - entry.lastSeen > idleMs) {
      chats.delete(chatKey);
      return undefined;
    }
    return entry;
  };

  return {
    get: (chatKey) => [...(live(chatKey)?.turns ?? [])],
    record(chatKey, question, answer) {
      const turns = [...(live(chatKey)?.turns ?? []), { role: 'user', content: question } satisfies ChatTurn, { role: 'assistant', content: answer } satisfies ChatTurn];
      chats.set(chatKey, { turns: turns.slice(-maxTurns), lastSeen: now() });
    },
    forget: (chatKey) => void chats.delete(chatKey),
  };
}
