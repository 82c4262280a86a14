import type pg from 'pg';
import type { CollectionTarget, WriterSession } from '../store/collection-writer.js';
import { migrate } from '../store/postgres-schema.js';
import { acquirePostgresWriterLock } from '../store/postgres-writer-lock.js';
import { postgresWriter } from '../store/postgres-writes.js';

/**
 * A collection in PostgreSQL as the ingest writes it: the schema brought up to date, the writer's advisory lock
 * held on the connection every write goes through. Nothing is derived after writing: each app server builds its
 * vector index from the stored embeddings when it sees the new collection version.
 */
export function postgresTarget({ pool, database }: { pool: pg.Pool; database: string }): CollectionTarget {
  return {
    async openWriter(owner, options = {}): Promise<WriterSession> {
      await migrate(pool);
      const lock = await acquirePostgresWriterLock(pool, owner, { waitMs: options.waitMs, database });
      try {
        const writer = await postgresWriter(lock.client);
        return {
          ...writer,
          // The vectors are stored; the servers index them.
          indexVectors: async (embedding) => embedding !== null,
          // Outside a transaction: marks the pages all-visible (index-only scans of the postings) and renews the
          // planner's statistics after a large change.
          optimize: async () => {
            await lock.client.query('VACUUM (ANALYZE) chunk_postings, chunks, chunk_vocab');
          },
          // BM25's statistics are counted from the live rows at query time.
          reconcileIndex: async () => false,
          // Backups are the operators' (pg_dump, base backups with WAL archiving: docs/deploy.md).
          keepSpare: async () => {},
          close: lock.release,
        };
      } catch (error) {
        await lock.release();
        throw error;
      }
    },
  };
}
