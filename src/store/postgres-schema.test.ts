import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../../test/helpers/test-database.js';
import { silentLogger } from '../logger.js';
import { createPostgresPool } from './postgres-pool.js';
import { MIGRATIONS, migrate } from './postgres-schema.js';

describe.skipIf(!postgresAvailable())('PostgreSQL schema migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('schema');
  });
  afterAll(() => database?.drop());

  it('run at every start, idempotently, one server at a time under a lock', async () => {
    const pools = [1, 2, 3].map(() => createPostgresPool(database.url, { size: 2, logger: silentLogger }));
    try {
      // Three servers starting together: one migrates, the others wait for it and find nothing to do.
      const versions = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(versions).toEqual([1, 1, 1].map(() => MIGRATIONS.at(-1)!.version));
      expect(await migrate(pools[0])).toBe(MIGRATIONS.at(-1)!.version);
      const { rows } = await pools[0].query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
      const { rows: tables } = await pools[0].query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
      expect(tables.map((table) => table.name)).toEqual(['abbreviations', 'answers', 'chunk_postings', 'chunk_vocab', 'chunks', 'collection_version', 'documents', 'embeddings', 'schema_migrations', 'settings']);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
