import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AnsweredBy, Citation } from '../types.js';

/** An answer as it was given, kept so that a link can show it to anyone who has it. */
export interface ArchivedAnswer<C extends Citation = Citation> {
  id: string;
  /** As the person typed it. */
  question: string;
  /** The standalone question answered (a follow-up rewritten from its conversation). */
  standaloneQuestion: string;
  answer: string;
  answered: boolean;
  /** Written by a language model or quoted; absent in answers kept before there were generated ones (quoted). */
  answeredBy?: AnsweredBy;
  citations: C[];
  /** ISO time. */
  createdAt: string;
}

/** What is kept of an answer before it has an id. */
export type NewAnswer<C extends Citation = Citation> = Omit<ArchivedAnswer<C>, 'id' | 'createdAt'>;

/** Where shared answers are kept: SQLite in DATA_DIR for one server, PostgreSQL when several share a collection. */
export interface AnswerArchive<C extends Citation = Citation> {
  /** Stores an answer and returns its new id. */
  save(entry: NewAnswer<C>): Promise<string>;
  /** The answer, unless the id is unknown or the answer has outlived the archive's age limit. */
  get(id: string): Promise<ArchivedAnswer<C> | undefined>;
}

/** How long and how many answers are kept, the oldest going first. */
export interface AnswerArchiveBounds {
  /** ANSWERS_MAX_AGE_DAYS. */
  maxAgeDays: number;
  /** ANSWERS_MAX_ROWS: the oldest answers go first. */
  maxRows: number;
  now?: () => number;
}

export interface AnswerArchiveOptions extends AnswerArchiveBounds {
  /** SQLite file, e.g. `${DATA_DIR}/answers.db`. */
  file: string;
}

// 16 random bytes: a link cannot be guessed, only passed on.
export const ANSWER_ID = /^[A-Za-z0-9_-]{22}$/;
export const DAY_MS = 86_400_000;

/** A new answer's id. */
export const newAnswerId = (): string => randomBytes(16).toString('base64url');

/**
 * Answers given through the API, by an unguessable id, in their own small SQLite file. Questions can hold personal
 * data, so the file is 0600 and bounded by age and by count.
 */
export function openAnswerArchive<C extends Citation = Citation>({ file, maxAgeDays, maxRows, now = Date.now }: AnswerArchiveOptions): AnswerArchive<C> & { close(): void } {
  mkdirSync(dirname(file), { recursive: true });
  // Created private before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // seq grows with every save and only the oldest rows are deleted, so the newest maxRows are seq > max(seq) - maxRows.
  db.exec(`CREATE TABLE IF NOT EXISTS answers (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, body TEXT NOT NULL);
           CREATE INDEX IF NOT EXISTS answers_created_at ON answers (created_at);`);
  const insert = db.prepare('INSERT INTO answers (id, created_at, body) VALUES (?, ?, ?)');
  const select = db.prepare<[string, number], { created_at: number; body: string }>('SELECT created_at, body FROM answers WHERE id = ? AND created_at >= ?');
  const dropOld = db.prepare('DELETE FROM answers WHERE created_at < ?');
  const dropExtra = db.prepare('DELETE FROM answers WHERE seq <= (SELECT max(seq) FROM answers) - ?');
  const oldestKept = () => now() - maxAgeDays * DAY_MS;
  const prune = () => {
    dropOld.run(oldestKept());
    dropExtra.run(maxRows);
  };
  prune();

  return {
    async save(entry) {
      const id = newAnswerId();
      // Both deletes are index range scans (a few microseconds when there is nothing to drop): the bound is exact.
      db.transaction(() => {
        insert.run(id, now(), JSON.stringify(entry));
        prune();
      })();
      return id;
    },
    async get(id) {
      if (!ANSWER_ID.test(id)) return undefined;
      const row = select.get(id, oldestKept());
      if (!row) return undefined;
      const body = JSON.parse(row.body) as NewAnswer<C>;
      return { ...body, id, createdAt: new Date(row.created_at).toISOString() };
    },
    close: () => db.close(),
  };
}
