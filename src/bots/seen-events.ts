import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export interface SeenEventsOptions {
  /** SQLite file, e.g. `${DATA_DIR}/bot-events.db`. */
  file: string;
  /** How long an event is remembered; older events are forgotten and should be refused by their timestamp. */
  windowMs?: number;
  /** Hard cap on remembered events, oldest forgotten first. */
  maxEntries?: number;
  now?: () => number;
}

export interface SeenEvents {
  /** How long an event is remembered: a platform event older than this cannot be recognised as a replay. */
  readonly windowMs: number;
  /** Remembers `key`; true the first time it is seen (in this or any earlier process), false on a replay. */
  claim(key: string): boolean;
  close(): void;
}

// Zalo re-delivers unacknowledged events for hours and Telegram keeps updates for 24 hours: a week covers both.
const WEEK_MS = 7 * 24 * 3_600_000;
// Pruning scans the newest `maxEntries` rows, so it runs now and then rather than at every event.
const PRUNE_EVERY = 100;

/**
 * Webhook deliveries already handled, kept on disk so a replay is not answered again after a restart.
 * Keys are stored as SHA-256 digests (no user ids or text on disk). SQLite serialises writers, so two
 * processes sharing the file each see the other's claims and a key is claimed once.
 */
export function openSeenEvents({ file, windowMs = WEEK_MS, maxEntries = 100_000, now = Date.now }: SeenEventsOptions): SeenEvents {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS seen_events (key BLOB PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
           CREATE INDEX IF NOT EXISTS seen_events_at ON seen_events (at);`);
  const insert = db.prepare('INSERT OR IGNORE INTO seen_events (key, at) VALUES (?, ?)');
  const dropOld = db.prepare('DELETE FROM seen_events WHERE at < ?');
  const dropExtra = db.prepare('DELETE FROM seen_events WHERE at < (SELECT at FROM seen_events ORDER BY at DESC LIMIT 1 OFFSET ?)');
  const prune = () => {
    dropOld.run(now() - windowMs);
    dropExtra.run(maxEntries - 1);
  };
  prune();
  let claims = 0;

  return {
    windowMs,
    claim(key) {
      const digest = createHash('sha256').update(key, 'utf8').digest();
      const fresh = insert.run(digest, now()).changes === 1;
      if (++claims % PRUNE_EVERY === 0) prune();
      return fresh;
    },
    close: () => db.close(),
  };
}
