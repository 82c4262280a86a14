import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSeenEvents } from './seen-events.js';

const HOUR = 3_600_000;

describe('openSeenEvents', () => {
  let dir: string;
  let file: string;
  let clock: number;
  const now = () => clock;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'seen-events-'));
    file = join(dir, 'nested', 'bot-events.db');
    clock = 1_700_000_000_000;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const rows = () => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM seen_events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('claims a key once, also across a reopen and between two open handles, and stores no key in clear', () => {
    const first = openSeenEvents({ file, now });
    expect(first.claim('zalo:msg:1')).toBe(true);
    expect(first.claim('zalo:msg:1')).toBe(false);
    const second = openSeenEvents({ file, now }); // another process on the same data folder
    expect(second.claim('zalo:msg:1')).toBe(false);
    expect(second.claim('zalo:msg:2')).toBe(true);
    expect(first.claim('zalo:msg:2')).toBe(false);
    first.close();
    second.close();

    const reopened = openSeenEvents({ file, now });
    expect(reopened.claim('zalo:msg:2')).toBe(false);
    reopened.close();
    const db = new Database(file, { readonly: true });
    const keys = db.prepare('SELECT key FROM seen_events').all() as Array<{ key: Buffer }>;
    db.close();
    expect(keys.map(({ key }) => key.length)).toEqual([32, 32]);
  });

  it('forgets events older than its window', () => {
    const seen = openSeenEvents({ file, now, windowMs: 2 * HOUR });
    seen.claim('old');
    seen.close();
    clock += 3 * HOUR;
    const later = openSeenEvents({ file, now, windowMs: 2 * HOUR });
    expect(rows()).toBe(0);
    expect(later.claim('old')).toBe(true);
    expect(later.windowMs).toBe(2 * HOUR);
    later.close();
  });

  it('keeps at most maxEntries events (pruned every 100 claims), the newest', () => {
    const seen = openSeenEvents({ file, now, maxEntries: 10 });
    for (let i = 0; i < 250; i++) {
      clock += 1;
      seen.claim(`event-${i}`);
    }
    expect(rows()).toBeLessThanOrEqual(10 + 100);
    seen.close();
    openSeenEvents({ file, now, maxEntries: 10 }).close();
    expect(rows()).toBe(10);
    const reopened = openSeenEvents({ file, now, maxEntries: 10 });
    expect(reopened.claim('event-249')).toBe(false);
    expect(reopened.claim('event-0')).toBe(true);
    reopened.close();
  });
});
