import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { runIngest } from '../ingest/run-ingest.js';
import { silentLogger } from '../logger.js';
import { openCollectionStore } from '../store/sqlite-store.js';
import { makePlanDocx } from './__fixtures__/make-plan.js';
import { forkJobRunner, workerSettings } from './fork-job.js';
import type { JobProgress } from './job-queue.js';
import { stageUpload } from './run-admin-job.js';

let root: string;
let corpusDir: string;
let dataDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fork-job-'));
  corpusDir = join(root, 'corpus');
  dataDir = join(root, 'data');
  await mkdir(corpusDir);
  await copyFile(join(import.meta.dirname, '../../corpus/huu-lung-2022.txt'), join(corpusDir, 'huu-lung-2022.txt'));
  await runIngest({ corpusDir, dataDir, embedding: null, logger: silentLogger });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('forkJobRunner', () => {
  it('runs a job in a process of its own, relaying its progress, and says why one failed', async () => {
    const run = forkJobRunner(workerSettings(loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'not-sent-to-the-worker!' })));
    const reports: JobProgress[] = [];
    const staged = await stageUpload(corpusDir, 'Kế hoạch 77.docx', await makePlanDocx());
    await run({ kind: 'add', docId: 'ke-hoach-77', file: 'Kế hoạch 77.docx', staged }, 'job-aaaaaaaaaaaa', (progress) => reports.push(progress));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.at(-1)).toMatchObject({ phase: 'index' });
    const store = openCollectionStore(dataDir, { readonly: true });
    expect(store.catalogue().map((meta) => meta.id)).toEqual(['huu-lung-2022', 'ke-hoach-77']);
    store.close();

    const bad = await stageUpload(corpusDir, 'hỏng.pdf', Buffer.from('%PDF-1.4 nothing more'));
    const failed = await run({ kind: 'add', docId: 'hong', file: 'hỏng.pdf', staged: bad }, 'job-bbbbbbbbbbbb', () => {}).catch((error: Error) => error);
    expect((failed as Error).message).toMatch(/^Không đọc được tệp "hỏng\.pdf"/u);
  });
});
