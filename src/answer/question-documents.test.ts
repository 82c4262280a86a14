import { describe, expect, it } from 'vitest';
import type { Chunk, OutlineEntry, SourceDocument } from '../types.js';
import { createQuestionDocuments } from './question-documents.js';

const doc = (id: string): SourceDocument => ({ meta: { id, title: id, sourceFile: `${id}.txt` }, text: `văn bản ${id}`, hash: id });

/** A knowledge base of two documents that counts its reads. */
function countingKnowledge() {
  const reads = { document: 0, chunksOf: 0, outline: 0 };
  const documents = new Map([doc('a'), doc('b')].map((d) => [d.meta.id, d]));
  return {
    reads,
    knowledge: {
      document: async (id: string) => (reads.document++, documents.get(id)),
      chunksOf: async (id: string) => (reads.chunksOf++, documents.has(id) ? [{ id: `${id}#0`, docId: id } as Chunk] : []),
      outline: async (id: string) => (reads.outline++, documents.has(id) ? [{ title: id } as OutlineEntry] : []),
    },
  };
}

describe('createQuestionDocuments', () => {
  it('reads each document once, however often a stage asks for it', async () => {
    const { knowledge, reads } = countingKnowledge();
    const documents = createQuestionDocuments(knowledge);
    await documents.load(['a', 'a', 'b']);
    await documents.load(['a']);
    expect(reads).toEqual({ document: 2, chunksOf: 2, outline: 2 });
    expect(documents.document('a').text).toBe('văn bản a');
    expect(documents.chunksOf('b').map((chunk) => chunk.id)).toEqual(['b#0']);
  });

  it('reads outlines alone for scoring, and the rest of a document only when it is quoted', async () => {
    const { knowledge, reads } = countingKnowledge();
    const documents = createQuestionDocuments(knowledge);
    await documents.loadOutlines(['a', 'b']);
    expect(documents.outline('b')).toEqual([{ title: 'b' }]);
    expect(() => documents.document('a')).toThrow(/not loaded/);
    await documents.load(['a']);
    expect(reads).toEqual({ document: 1, chunksOf: 1, outline: 2 });
  });

  it('leaves out a document removed since it was found', async () => {
    const { knowledge } = countingKnowledge();
    const documents = createQuestionDocuments(knowledge);
    await documents.load(['gone', 'a']);
    expect(documents.document('a').meta.id).toBe('a');
    expect(() => documents.document('gone')).toThrow(/not loaded/);
  });

  it('reads only the documents whose passages refer to their own clauses, and gives those clauses', async () => {
    const text = 'Điều 2. Trường hợp\n1. Tự ý thôi học.\n2. Bị buộc thôi học.\nĐiều 3. Mức hoàn trả\n1. Trường hợp quy định tại khoản 2 Điều 2 Nghị định này hoàn trả một nửa.';
    const outline: OutlineEntry[] = [
      { title: 'Điều 2. Trường hợp', depth: 1, start: 0, end: text.indexOf('Điều 3'), kind: 'article', number: '2' },
      { title: 'Điều 3. Mức hoàn trả', depth: 1, start: text.indexOf('Điều 3'), end: text.length, kind: 'article', number: '3' },
    ];
    const reads: string[] = [];
    const documents = createQuestionDocuments({
      document: async (id: string) => (reads.push(id), { meta: { id, title: id, sourceFile: id }, text, hash: id }),
      chunksOf: async () => [],
      outline: async () => outline,
    });
    const rule = text.slice(text.lastIndexOf('1. Trường hợp'));
    await documents.loadReferred([{ id: 'x#0', docId: 'x', text: rule } as Chunk, { id: 'y#0', docId: 'y', text: 'Không dẫn khoản nào.' } as Chunk]);
    expect(reads).toEqual(['x']);
    expect(documents.referred('x', rule)).toBe('Bị buộc thôi học.');
    expect(documents.referred('y', 'trường hợp quy định tại khoản 2 Điều 2 Nghị định này')).toBe('');
  });
});
