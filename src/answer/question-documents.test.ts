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
});
