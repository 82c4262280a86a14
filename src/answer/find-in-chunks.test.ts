import { describe, expect, it } from 'vitest';
import type { Chunk } from '../types.js';
import { findInChunks } from './find-in-chunks.js';

const chunk = (docId: string, start: number, text: string): Chunk => ({ id: `${docId}#${start}`, docId, section: [], kind: 'body', start, end: start + text.length, text });
const CHUNKS = [
  chunk('a', 0, 'c) Thời gian: Thực hiện thường xuyên. d) Thực hiện thường xuyên, hằng năm.'),
  chunk('a', 100, 'c) Thời gian thực hiện: Thực hiện thường xuyên.'),
  chunk('b', 0, 'Thực hiện thường xuyên trong năm.'),
];
const knowledge = { chunksWithWords: async () => CHUNKS };
const PATTERN = /thuc hien thuong xuyen/u;

describe('findInChunks', () => {
  it('finds the first match in each document', async () => {
    const found = await findInChunks(knowledge, ['thuong', 'xuyen'], PATTERN, { folded: true });
    expect(found.map((match) => [match.chunk.docId, match.start])).toEqual([['a', 14], ['b', 0]]);
  });

  it('finds each match of a document, within a chunk and across its chunks, up to the number asked', async () => {
    const all = await findInChunks(knowledge, ['thuong', 'xuyen'], PATTERN, { folded: true, every: 10 });
    expect(all.map((match) => [match.chunk.docId, match.start])).toEqual([['a', 14], ['a', 41], ['a', 124], ['b', 0]]);
    const two = await findInChunks(knowledge, ['thuong', 'xuyen'], PATTERN, { folded: true, every: 2 });
    expect(two.filter((match) => match.chunk.docId === 'a')).toHaveLength(2);
  });
});
