import type pg from 'pg';
import type { Citation } from '../types.js';
import { ANSWER_ID, DAY_MS, newAnswerId, type AnswerArchive, type AnswerArchiveBounds, type NewAnswer } from './answer-archive.js';
import { postgresQuery } from './postgres-collection.js';

/**
 * Shared answers in the collection's PostgreSQL database (the `answers` table; migrate first), so that a link given
 * by one app server opens through any other. Bounded as the SQLite archive is: by age, and by count, the oldest first.
 */
export function postgresAnswerArchive<C extends Citation = Citation>(
  pool: pg.Pool,
  { database, maxAgeDays, maxRows, now = Date.now }: AnswerArchiveBounds & { database: string },
): AnswerArchive<C> {
  const query = postgresQuery(pool, database);
  const oldestKept = () => now() - maxAgeDays * DAY_MS;
  return {
    async save(entry) {
      const id = newAnswerId();
      // One statement, so one transaction: the insert and the pruning it makes due. Both deletes are index range
      // scans; seq only grows, so the newest maxRows are those within maxRows of the new one.
      await query(
        `WITH saved AS (INSERT INTO answers (id, created_at, body) VALUES ($1, $2, $3) RETURNING seq)
         DELETE FROM answers WHERE created_at < $4 OR seq <= (SELECT seq FROM saved) - $5`,
        [id, now(), JSON.stringify(entry), oldestKept(), maxRows],
      );
      return id;
    },
    async get(id) {
      if (!ANSWER_ID.test(id)) return undefined;
      const [row] = await query<{ created_at: string; body: NewAnswer<C> }>('SELECT created_at, body FROM answers WHERE id = $1 AND created_at >= $2', [id, oldestKept()]);
      if (!row) return undefined;
      return { ...row.body, id, createdAt: new Date(Number(row.created_at)).toISOString() };
    },
  };
}
