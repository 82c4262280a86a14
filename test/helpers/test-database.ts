import { randomBytes } from 'node:crypto';
import pg from 'pg';

// A throwaway PostgreSQL database per test file, on the server TEST_DATABASE_URL names (.ci/run starts one and sets
// it). Tests read the variable for their own fixture; the application never reads the environment outside config.

const adminUrl = process.env.TEST_DATABASE_URL;

/**
 * Whether the PostgreSQL tests can run. Locally without TEST_DATABASE_URL they are skipped, saying so; in CI
 * (CI=true) a missing server is a failure, never a silent skip.
 */
export function postgresAvailable(): boolean {
  if (adminUrl) return true;
  if (process.env.CI === 'true') throw new Error('TEST_DATABASE_URL is not set: CI must run the PostgreSQL tests (.ci/run starts a local server and sets it)');
  console.warn('PostgreSQL tests skipped: set TEST_DATABASE_URL (e.g. postgres://hoidap:hoidap@127.0.0.1:5432/postgres) to run them');
  return false;
}

/** Ends the client sessions of this role on the database named $1 (another role's, or autovacuum's, it may not). */
export const endSessions =
  "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND usename = current_user";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database with a unique name; `drop` ends its connections and removes it. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `test_${prefix.replace(/\W+/gu, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // The test's own sessions are ended; an autovacuum worker on it (which only a superuser may end) soon ends
        // by itself: tried again.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await client.query(endSessions, [name]);
            await client.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch (error) {
            if (attempt === 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
