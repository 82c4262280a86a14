import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../types.js';
import { openCheckedCollection } from './check-collection.js';
import type { DocumentRecord } from './collection-writer.js';
import { DATABASE_FILE, openCollectionStore, STORE_FORMAT } from './sqlite-store.js';

// The ways a collection database is found broken at start-up, each told apart from a sound one without reading
// the whole file.

const record = (id: string): DocumentRecord => {
  const text = `Kế hoạch ${id}: chăm sóc người cao tuổi. `.repeat(60);
  const chunks: Chunk[] = [{ id: `${id}#0`, docId: id, section: ['I. MỤC TIÊU'], kind: 'body', start: 0, end: text.length, text }];
  return {
    doc: { meta: { id, title: `Kế hoạch ${id}`, sourceFile: `${id}.txt` }, text, hash: id },
    signature: 'sig',
    chunks,
    outline: [],
    abbreviations: [],
    terms: [{ text: text.toLowerCase().split(/\s+/u), section: ['mục', 'tiêu'], source: [] }],
  };
};

let root: string;
let sound: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'check-collection-'));
  sound = join(root, 'sound');
  const store = openCollectionStore(sound);
  for (let i = 0; i < 80; i += 1) store.putDocument(record(`kh-${i}`));
  store.setSetting('format', String(STORE_FORMAT));
  store.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let cases = 0;
/** A copy of the sound collection, damaged by `damage(file)`. */
function damaged(damage: (file: string) => void): string {
  const dir = join(root, `case-${(cases += 1)}`);
  cpSync(sound, dir, { recursive: true });
  damage(join(dir, DATABASE_FILE));
  return dir;
}

const withDb = (run: (db: Database.Database) => void) => (file: string) => {
  const db = new Database(file);
  run(db);
  db.close();
};

const overwrite = (offset: (size: number) => number, length: number) => (file: string) => {
  const bytes = readFileSync(file);
  const at = offset(bytes.length);
  bytes.fill(0xa5, at, at + length);
  writeFileSync(file, bytes);
};

const problemOf = (dir: string): string | undefined => {
  const checked = openCheckedCollection(dir);
  if (checked && 'store' in checked) checked.store.close();
  return checked && 'problem' in checked ? checked.problem : undefined;
};

describe('openCheckedCollection', () => {
  it('opens a sound collection, and says there is none when the file is missing', () => {
    const checked = openCheckedCollection(sound);
    expect(checked && 'store' in checked && checked.store.catalogue()).toHaveLength(80);
    if (checked && 'store' in checked) checked.store.close();
    expect(openCheckedCollection(join(root, 'nothing'))).toBeUndefined();
  });

  it.each([
    ['an empty file', (file: string) => truncateSync(file, 0), /empty/],
    ['garbage instead of a database', (file: string) => writeFileSync(file, 'x'.repeat(10_000)), /not a SQLite database/],
    ['a header overwritten', overwrite(() => 0, 100), /not a SQLite database/],
    ['a file cut in half', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2 / 4096) * 4096), /cut short/],
    ['its last pages overwritten', overwrite((size) => size - 16_384, 16_384), /malformed|not a database|corrupt/i],
    ['its first table pages overwritten', overwrite(() => 4096, 8192), /malformed|not a database|corrupt/i],
    ['another format', withDb((db) => db.prepare("UPDATE settings SET value = '2' WHERE key = 'format'").run()), /written in format 2; this version reads format/],
    ['an unfinished first ingest', withDb((db) => db.prepare("DELETE FROM settings WHERE key = 'format'").run()), /no ingest has finished/],
    ['a table missing', withDb((db) => db.exec('DROP TABLE abbreviations')), /tables missing: abbreviations/],
    ['unreadable metadata', withDb((db) => db.prepare("UPDATE documents SET meta = '{broken' WHERE id = 'kh-7'").run()), /JSON/],
  ])('finds %s', (_name, damage, expected) => {
    expect(problemOf(damaged(damage))).toMatch(expected);
  });
});
