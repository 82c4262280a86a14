import pg from 'pg';
import type { Logger } from '../logger.js';

/** How long a request waits for a connection before failing (a database that is down answers 503 quickly). */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * A pool of connections to the collection's database. A connection the server ends while idle (a restart, a
 * failover, pg_terminate_backend) is dropped with a warning and a new one opened on the next query: the pool
 * recovers by itself when the database returns.
 */
export function createPostgresPool(url: string, options: { size: number; logger: Logger; applicationName?: string }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.size,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'hoi-dap-ke-hoach',
  });
  // Without a listener an idle connection's error would end the process.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'a PostgreSQL connection was lost; the pool opens a new one when needed'));
  return pool;
}

/** The database as messages name it: host, port and name, never the password. */
export function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL database ${decodeURIComponent(parsed.pathname.slice(1)) || '(default)'} on ${parsed.hostname || 'localhost'}:${parsed.port || 5432}`;
}
