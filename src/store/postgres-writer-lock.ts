import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { AppError } from '../errors.js';
import { LOCK_CLASS, WRITER_LOCK } from './postgres-schema.js';

// One ingest writes to a PostgreSQL collection at a time, whichever machine it runs on: the writer holds a
// session-level advisory lock on its own connection for its whole run. The database frees it when that session
// ends, however it ends (process killed, machine lost, connection cut). Who holds it is written to the settings
// table for the refusal message only: the lock is the session, not that row.

const RETRY_MS = 200;
const HOLDER_KEY = 'writer';

interface Holder {
  owner: string;
  host: string;
  pid: number;
  since: string;
}

async function holderOf(pool: pg.Pool): Promise<string> {
  try {
    const { rows } = await pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [HOLDER_KEY]);
    const { owner, host, pid, since } = JSON.parse(rows[0].value) as Holder;
    return `Another ingest (${owner}, process ${pid} on ${host}, started ${since})`;
  } catch {
    return 'Another ingest';
  }
}

/**
 * Takes the writer's lock on the collection in `pool`'s database, waiting up to `waitMs` for another writer.
 * Returns the connection holding it (the writer writes through it) and the release function; throws
 * `index_busy` naming the other writer when it is still writing. The schema must exist (migrate first).
 */
export async function acquirePostgresWriterLock(
  pool: pg.Pool,
  owner: string,
  options: { waitMs?: number; database: string },
): Promise<{ client: pg.PoolClient; release: () => Promise<void> }> {
  const client = await pool.connect();
  const deadline = performance.now() + (options.waitMs ?? 0);
  try {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [LOCK_CLASS, WRITER_LOCK]);
      if (rows[0].locked) break;
      if (performance.now() + RETRY_MS > deadline) {
        const waited = options.waitMs ? ` after waiting ${Math.round(options.waitMs / 1000)} s` : '';
        throw new AppError(
          'index_busy',
          `${await holderOf(pool)} is writing to the collection in ${options.database}${waited}; nothing was changed. Run the ingest again when it has finished.`,
        );
      }
      await sleep(RETRY_MS);
    }
    const holder: Holder = { owner, host: hostname(), pid: process.pid, since: new Date().toISOString() };
    await client.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [HOLDER_KEY, JSON.stringify(holder)]);
  } catch (error) {
    client.release();
    throw error;
  }
  let released = false;
  return {
    client,
    async release() {
      if (released) return;
      released = true;
      try {
        await client.query('DELETE FROM settings WHERE key = $1', [HOLDER_KEY]);
        await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, WRITER_LOCK]);
        client.release();
      } catch (error) {
        // A lost connection has freed the lock with its session: the client is dropped, not reused.
        client.release(error as Error);
      }
    },
  };
}
