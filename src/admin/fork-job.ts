import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants, setPriority } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { JobProgress } from './job-queue.js';
import type { AdminJob } from './run-admin-job.js';

/** What the worker process is sent: the job, and the settings it needs as environment strings (no secrets). */
export interface WorkerRequest {
  job: AdminJob;
  jobId: string;
  settings: Record<string, string>;
}

export type WorkerMessage = { type: 'progress'; progress: JobProgress } | { type: 'done' } | { type: 'failed'; message: string };

// The worker runs as the server does: built to JavaScript (npm start runs dist/), or TypeScript under tsx's loader
// (tests, the evaluation), found from here whatever the working folder.
const BUILT = import.meta.url.endsWith('.js');
const WORKER = fileURLToPath(new URL(BUILT ? './job-worker.js' : './job-worker.ts', import.meta.url));
const EXEC_ARGV = BUILT ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];

/** The settings a job reads: where the corpus and collection are (DATA_DIR, or DATABASE_URL), the embedding model, logging. */
export const workerSettings = (config: Config): Record<string, string> => ({
  CORPUS_DIR: config.CORPUS_DIR,
  DATA_DIR: config.DATA_DIR,
  ...(config.DATABASE_URL ? { DATABASE_URL: config.DATABASE_URL } : {}),
  MODELS_DIR: config.MODELS_DIR,
  EMBEDDING_MODEL: config.EMBEDDING_MODEL,
  ALLOW_REMOTE_MODELS: String(config.ALLOW_REMOTE_MODELS),
  MODEL_DOWNLOAD_TIMEOUT_MS: String(config.MODEL_DOWNLOAD_TIMEOUT_MS),
  LOG_LEVEL: config.LOG_LEVEL,
  LOG_QUESTIONS: String(config.LOG_QUESTIONS),
});

/**
 * Runs each job in a process of its own (job-worker.ts): reading, OCR and indexing a document take CPU and memory
 * the server needs for answering, and a document that brings its reader down must not bring the server down. The
 * worker writes the collection as any ingest does (one writer, each document committed whole), and the server's
 * answers follow its commits. It runs at a lower priority than the server, so that asks are answered first when the
 * machine is busy. Starting the process costs about a second.
 */
export function forkJobRunner(settings: Record<string, string>): (job: AdminJob, jobId: string, report: (progress: JobProgress) => void) => Promise<void> {
  return (job, jobId, report) =>
    new Promise((resolve, reject) => {
      const child = fork(WORKER, [], { execArgv: EXEC_ARGV, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      // Answers come first: on a busy machine the job gets the CPU the server leaves.
      try {
        if (child.pid) setPriority(child.pid, constants.priority.PRIORITY_BELOW_NORMAL);
      } catch {
        // Gone already: its exit says how.
      }
      let outcome: WorkerMessage | undefined;
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') report(message.progress);
        else outcome = message;
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (outcome?.type === 'done') resolve();
        else if (outcome?.type === 'failed') reject(new Error(outcome.message));
        else reject(new AppError('internal', `Tiến trình xử lý dừng giữa chừng (${signal ?? `mã ${code}`}): các văn bản đã ghi xong được giữ, phần còn lại được khôi phục khi khởi động lại.`));
      });
      child.send({ job, jobId, settings } satisfies WorkerRequest);
    });
}
