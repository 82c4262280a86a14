// The process one administrative job runs in, started by fork-job.ts: it takes the job from its parent, runs it,
// reports progress, says how it ended and exits.
import { loadConfig } from '../config.js';
import { resolveConfiguredModel } from '../configured-model.js';
import { configuredTarget } from '../ingest/configured-target.js';
import { loadDocumentText } from '../ingest/load-document.js';
import { runIngest } from '../ingest/run-ingest.js';
import { createLogger } from '../logger.js';
import type { WorkerMessage, WorkerRequest } from './fork-job.js';
import { runAdminJob } from './run-admin-job.js';

/** How long a job waits for another ingest (the server's start-up check, an `npm run ingest`) to finish writing. */
const OTHER_INGEST_WAIT_MS = 10 * 60_000;

// A server that stopped meanwhile hears nothing: the job still finishes, leaving the collection whole.
const send = (message: WorkerMessage): Promise<void> =>
  new Promise((resolve) => (process.connected ? process.send!(message, () => resolve()) : resolve()));

async function work({ job, jobId, settings }: WorkerRequest): Promise<void> {
  try {
    const config = loadConfig(settings);
    const logger = createLogger(config.LOG_LEVEL, 'stdout', { logQuestions: config.LOG_QUESTIONS }).child({ jobId });
    const embedding = await resolveConfiguredModel(config, logger);
    const collection = configuredTarget(config, logger);
    const ingest = (onProgress: Parameters<typeof runIngest>[0]['onProgress']) =>
      runIngest({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, target: collection.target, embedding, logger, waitMs: OTHER_INGEST_WAIT_MS, onProgress });
    const check = (file: string, onOcrPage: (done: number, total: number) => void) => loadDocumentText(file, { onOcrPage });
    try {
      await runAdminJob(job, jobId, { corpusDir: config.CORPUS_DIR, ingest, check }, (progress) => void send({ type: 'progress', progress }));
    } finally {
      await collection.close();
    }
    await send({ type: 'done' });
  } catch (error) {
    await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
  if (process.connected) process.disconnect();
}

process.once('message', (request: WorkerRequest) => void work(request));
