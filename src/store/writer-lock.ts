import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { AppError } from '../errors.js';

// One ingest writes to a collection at a time. The writer holds a write transaction open on a small SQLite file
// beside the collection for its whole run: SQLite's file lock refuses a second writer, in another process or in
// the same one, and the operating system frees it when the process ends however it ends (no stale lock, no
// process-id guesswork). The collection itself is written a document per transaction, so readers never wait.

export const WRITER_LOCK_FILE = 'writer.lock';
/** Who holds the lock, for the refusal message only: the lock is the open transaction, not this file. */
const HOLDER_FILE = 'writer.json';
const RETRY_MS = 200;

interface Holder {
  pid: number;
  owner: string;
  since: string;
}

const isBusy = (error: unknown): boolean => (error as { code?: string }).code === 'SQLITE_BUSY';

function holderOf(dataDir: string): string {
  try {
    const { pid, owner, since } = JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')) as Holder;
    return `Another ingest (${owner}, process ${pid}, started ${since})`;
  } catch {
    return 'Another ingest';
  }
}

/**
 * Takes the writer's lock on the collection in `dataDir`, waiting up to `waitMs` for another writer to finish.
 * Returns the release function; throws `index_busy` naming the other writer when it is still writing.
 */
export async function acquireWriterLock(dataDir: string, owner: string, options: { waitMs?: number } = {}): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  // timeout 0: better-sqlite3 would otherwise block the event loop for 5 s on a busy lock.
  const lock = new Database(join(dataDir, WRITER_LOCK_FILE), { timeout: 0 });
  const deadline = performance.now() + (options.waitMs ?? 0);
  for (;;) {
    try {
      lock.exec('BEGIN IMMEDIATE');
      break;
    } catch (error) {
      if (!isBusy(error) || performance.now() + RETRY_MS > deadline) {
        lock.close();
        if (!isBusy(error)) throw error;
        const waited = options.waitMs ? ` after waiting ${Math.round(options.waitMs / 1000)} s` : '';
        throw new AppError(
          'index_busy',
          `${holderOf(dataDir)} is writing to the collection in ${dataDir}${waited}; nothing was changed. Run the ingest again when it has finished.`,
        );
      }
      await sleep(RETRY_MS);
    }
  }
  const holder: Holder = { pid: process.pid, owner, since: new Date().toISOString() };
  writeFileSync(join(dataDir, HOLDER_FILE), JSON.stringify(holder));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    rmSync(join(dataDir, HOLDER_FILE), { force: true });
    lock.exec('ROLLBACK');
    lock.close();
  };
}
