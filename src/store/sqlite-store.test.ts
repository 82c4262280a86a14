import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Chunk, SourceDocument } from '../types.js';
import type { DocumentRecord } from './collection-writer.js';
import { ftsToken } from './index-token.js';
import { openCollectionStore, type CollectionStore } from './sqlite-store.js';

// The store's contract on small synthetic documents: replace and remove by document, nothing half-written, one
// writer, everything back after a restart.

const record = (id: string, text: string, hash = `hash-${text.length}`): DocumentRecord => {
  const doc: SourceDocument = { meta: { id, title: `Kế hoạch ${id}`, sourceFile: `${id}.txt` }, text, hash };
  const chunks: Chunk[] = [{ id: `${id}#0`, docId: id, section: ['I. MỤC TIÊU'], kind: 'body', start: 0, end: text.length, text }];
  const words = text.toLowerCase().split(/\s+/u);
  return { doc, signature: 'sig', chunks, outline: [], abbreviations: [['NCT', 'người cao tuổi']], terms: [{ text: words, section: ['mục', 'tiêu', 'mục tiêu'], source: [] }] };
};

let dir: string;
let store: CollectionStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-'));
  store = openCollectionStore(dir);
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const search = (terms: string[]) => store.search(terms, { limit: 10, weights: [1, 1.2, 1] }).map((hit) => hit.id);

describe('the collection store', () => {
  it('adds, replaces and removes a document with everything derived from it', () => {
    store.putDocument(record('a', 'chăm sóc người cao tuổi'));
    store.putDocument(record('b', 'trẻ em và người khuyết tật'));
    expect(store.catalogue().map((meta) => meta.id)).toEqual(['a', 'b']);
    expect(search(['cao'])).toEqual(['a#0']);

    store.putDocument(record('a', 'khám sức khỏe định kỳ'));
    expect(store.chunksOf('a').map((chunk) => chunk.text)).toEqual(['khám sức khỏe định kỳ']);
    expect(search(['cao'])).toEqual([]);
    expect(search(['khám'])).toEqual(['a#0']);
    expect(store.documentFrequency('khám')).toBe(1);

    store.removeDocument('a');
    expect(store.catalogue().map((meta) => meta.id)).toEqual(['b']);
    expect(store.document('a')).toBeUndefined();
    expect(store.chunk('a#0')).toBeUndefined();
    expect(search(['khám'])).toEqual([]);
    expect(store.definedAbbreviations().get('NCT')).toBe('người cao tuổi');
  });

  it('leaves the previous version whole when a write fails half way', () => {
    store.putDocument(record('a', 'chăm sóc người cao tuổi'));
    const broken = { ...record('a', 'văn bản mới hỏng'), terms: [] };
    expect(() => store.putDocument(broken)).toThrow();
    expect(store.document('a')?.text).toBe('chăm sóc người cao tuổi');
    expect(store.chunksOf('a')).toHaveLength(1);
    expect(search(['cao'])).toEqual(['a#0']);
  });

  it('serves the same collection after a restart, and a reader sees what a writer commits', () => {
    store.putDocument(record('a', 'chăm sóc người cao tuổi'));
    const reader = openCollectionStore(dir, { readonly: true });
    expect(reader.catalogue().map((meta) => meta.id)).toEqual(['a']);
    store.putDocument(record('b', 'trẻ em'));
    expect(reader.catalogue().map((meta) => meta.id)).toEqual(['a', 'b']);
    reader.close();
    store.close();
    store = openCollectionStore(dir);
    expect(store.chunk('b#0')?.text).toBe('trẻ em');
  });

  it('turns analyzer terms into single FTS5 tokens', () => {
    expect(ftsToken('sức khỏe')).toBe('sức_khỏe');
    expect(ftsToken('15/12/2025')).toBe('15_12_2025');
    expect(ftsToken('lđ-tb&xh')).toBe('lđ_tb_xh');
  });
});
