import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { LAST_GOOD_FILE, saveLastGood } from './last-good-copy.js';
import type { CollectionStore } from './sqlite-store.js';

/** A store whose copy writes `content`. */
const storeCopying = (content: string) => ({ copyTo: (file: string) => writeFileSync(file, content) }) as unknown as CollectionStore;
const DAY = 24 * 3_600_000;

describe('saveLastGood', () => {
  it('writes a copy when there is none, whatever changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'last-good-'));
    expect(saveLastGood(storeCopying('v1'), dir, silentLogger, { changed: 1, documents: 14_000 })).toBe(true);
    expect(readFileSync(join(dir, LAST_GOOD_FILE), 'utf8')).toBe('v1');
  });

  it('renews an old copy only after an ingest that changed a tenth of the documents or more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'last-good-'));
    const copy = join(dir, LAST_GOOD_FILE);
    writeFileSync(copy, 'old');
    const twoDaysAgo = (Date.now() - 2 * DAY) / 1000;
    utimesSync(copy, twoDaysAgo, twoDaysAgo);
    // Adding one document to 14,000 never pays for a copy of them all.
    expect(saveLastGood(storeCopying('v2'), dir, silentLogger, { changed: 1, documents: 14_000 })).toBe(false);
    expect(readFileSync(copy, 'utf8')).toBe('old');
    expect(saveLastGood(storeCopying('v3'), dir, silentLogger, { changed: 1_500, documents: 14_000 })).toBe(true);
    expect(readFileSync(copy, 'utf8')).toBe('v3');
    // A fresh copy is kept whatever changed.
    expect(saveLastGood(storeCopying('v4'), dir, silentLogger, { changed: 14_000, documents: 14_000 })).toBe(false);
  });

  it('keeps the previous copy when copying fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'last-good-'));
    const failing = { copyTo: () => { throw new Error('database disk image is malformed'); } } as unknown as CollectionStore;
    expect(saveLastGood(failing, dir, silentLogger, { changed: 5, documents: 5 })).toBe(false);
    expect(existsSync(join(dir, LAST_GOOD_FILE))).toBe(false);
  });
});
