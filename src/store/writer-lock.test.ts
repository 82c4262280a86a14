import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { acquireWriterLock } from './writer-lock.js';

const REPO = join(import.meta.dirname, '../..');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'writer-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe('the writer lock', () => {
  it('refuses a second writer, in the same process too, naming the first; released, it is free again', async () => {
    const release = await acquireWriterLock(dir, 'ingest of /corpus');
    const refused = await refusal(acquireWriterLock(dir, 'second ingest'));
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('index_busy');
    expect((refused as AppError).message).toMatch(new RegExp(`Another ingest \\(ingest of /corpus, process ${process.pid}, started .+\\) is writing .* nothing was changed`));
    release();
    release();
    (await acquireWriterLock(dir, 'second ingest'))();
  });

  it('waits up to the given time for the writer to finish', async () => {
    const release = await acquireWriterLock(dir, 'first');
    setTimeout(release, 300);
    const started = performance.now();
    (await acquireWriterLock(dir, 'second', { waitMs: 5_000 }))();
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);

    const holding = await acquireWriterLock(dir, 'first');
    const refused = await refusal(acquireWriterLock(dir, 'second', { waitMs: 400 }));
    expect((refused as AppError).message).toContain('after waiting 0 s');
    holding();
  });

  it('is freed when the process holding it is killed', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `const { acquireWriterLock } = await import('./src/store/writer-lock.ts'); await acquireWriterLock(${JSON.stringify(dir)}, 'doomed ingest'); console.log('locked'); setInterval(() => {}, 1000);`],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(child.stdout, 'data');
    expect(((await refusal(acquireWriterLock(dir, 'next'))) as AppError).message).toContain(`doomed ingest, process ${child.pid}`);
    child.kill('SIGKILL');
    await once(child, 'exit');
    (await acquireWriterLock(dir, 'next'))();
  });
});
