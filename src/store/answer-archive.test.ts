import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable } from '../../test/helpers/test-database.js';
import { AppError } from '../errors.js';
import { silentLogger } from '../logger.js';
import type { Citation } from '../types.js';
import { ANSWER_ID, openAnswerArchive, type AnswerArchive, type AnswerArchiveBounds } from './answer-archive.js';
import { postgresAnswerArchive } from './postgres-answer-archive.js';
import { createPostgresPool } from './postgres-pool.js';
import { migrate } from './postgres-schema.js';

// The archive contract, run against both archives: an answer kept under an unguessable id, found again after a
// reopen (a restart, or another server), bounded by age and by count.

const citation: Citation = {
  n: 1,
  docId: 'khanh-hoa-2618-2022',
  docTitle: 'Kế hoạch',
  docName: 'Kế hoạch 2618/KH-UBND',
  label: 'VI › 2',
  section: 'VI › 2',
  quote: 'Báo cáo trước ngày 15/12 hàng năm.',
  start: 10,
  end: 44,
  chunkId: 'khanh-hoa-2618-2022#3',
  score: 1.5,
};
const entry = (question: string) => ({ question, standaloneQuestion: question, answer: `Trả lời: ${question} [1]`, answered: true, citations: [citation] });

interface Place {
  /** An archive on the place; each call a new one, as a restarted or another server opens it. */
  open(bounds: AnswerArchiveBounds): AnswerArchive;
  cleanup(): Promise<void>;
}

const sqlitePlace = async (): Promise<Place & { dir: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'hdkh-answers-'));
  const opened: { close(): void }[] = [];
  return {
    dir,
    open(bounds) {
      const archive = openAnswerArchive({ file: join(dir, 'answers.db'), ...bounds });
      opened.push(archive);
      return archive;
    },
    async cleanup() {
      for (const archive of opened) archive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgresPlace = async (): Promise<Place> => {
  const database = await createTestDatabase('answers');
  const pool = createPostgresPool(database.url, { size: 2, logger: silentLogger });
  await migrate(pool);
  return {
    open: (bounds) => postgresAnswerArchive(pool, { database: 'the test database', ...bounds }),
    async cleanup() {
      await pool.end();
      await database.drop();
    },
  };
};

function describeAnswerArchive(name: string, make: () => Promise<Place>, enabled = true): void {
  describe.skipIf(!enabled)(`the answer archive: ${name}`, () => {
    let place: Place;
    let clock: number;
    const open = (maxRows = 100, maxAgeDays = 30) => place.open({ maxAgeDays, maxRows, now: () => clock });

    beforeEach(async () => {
      place = await make();
      clock = Date.UTC(2025, 0, 1);
    });
    afterEach(() => place.cleanup());

    it('keeps an answer under a random, unguessable id, readable after a reopen', async () => {
      const archive = open();
      const id = await archive.save(entry('Khi nào gửi báo cáo?'));
      const other = await archive.save(entry('Khi nào gửi báo cáo?'));
      expect(id).toMatch(ANSWER_ID);
      expect(other).not.toBe(id);
      expect(await open().get(id)).toEqual({ id, ...entry('Khi nào gửi báo cáo?'), createdAt: '2025-01-01T00:00:00.000Z' });
    });

    it('knows nothing of an unknown or malformed id', async () => {
      const archive = open();
      await archive.save(entry('a'));
      expect(await archive.get('A'.repeat(22))).toBeUndefined();
      expect(await archive.get("' OR 1=1 --")).toBeUndefined();
      expect(await archive.get('')).toBeUndefined();
    });

    it('forgets answers older than the age limit, even before they are pruned', async () => {
      const archive = open(100, 30);
      const old = await archive.save(entry('cũ'));
      clock += 31 * 86_400_000;
      expect(await archive.get(old)).toBeUndefined();
      const fresh = await archive.save(entry('mới'));
      expect((await archive.get(fresh))?.question).toBe('mới');
    });

    it('keeps at most maxRows answers, the newest', async () => {
      const archive = open(100);
      const ids: string[] = [];
      for (let i = 0; i < 250; i += 1) {
        clock += 1000;
        ids.push(await archive.save(entry(`câu ${i}`)));
      }
      const kept = await Promise.all(ids.map((id) => archive.get(id)));
      expect(kept.filter(Boolean).length).toBe(100);
      expect(kept[149]).toBeUndefined();
      expect(kept[150]?.question).toBe('câu 150');
      expect(kept[249]?.question).toBe('câu 249');
    });
  });
}

describeAnswerArchive('SQLite', sqlitePlace);
describeAnswerArchive('PostgreSQL', postgresPlace, postgresAvailable());

describe('the SQLite answer archive', () => {
  it('keeps its file and its write-ahead log private: questions can hold personal data', async () => {
    const place = await sqlitePlace();
    try {
      await place.open({ maxAgeDays: 30, maxRows: 100 }).save(entry('a'));
      for (const name of ['answers.db', 'answers.db-wal']) expect(statSync(join(place.dir, name)).mode & 0o777).toBe(0o600);
    } finally {
      await place.cleanup();
    }
  });
});

describe.skipIf(!postgresAvailable())('the PostgreSQL answer archive', () => {
  it('answers index_unavailable while its database cannot be reached', async () => {
    // Nothing listens on port 1: the connection is refused.
    const pool = createPostgresPool('postgres://nobody@127.0.0.1:1/none', { size: 1, logger: silentLogger });
    try {
      const archive = postgresAnswerArchive(pool, { database: 'an unreachable database', maxAgeDays: 30, maxRows: 100 });
      await expect(archive.get('A'.repeat(22))).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'index_unavailable');
      await expect(archive.save(entry('a'))).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'index_unavailable');
    } finally {
      await pool.end();
    }
  });
});
