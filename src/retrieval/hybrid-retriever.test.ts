import { describe, expect, it } from 'vitest';
import type { Chunk, EmbeddingModel, KnowledgeBase, LexicalIndex, ScoredId, VectorIndex } from '../types.js';
import { createHybridRetriever, fuseByReciprocalRank } from './hybrid-retriever.js';

const chunk = (id: string, docId = 'doc'): Chunk => ({ id, docId, section: [], kind: 'body', start: 0, end: 1, text: id });
const chunks = ['a', 'b', 'c', 'd'].map((id) => chunk(id));

function knowledgeWith(lexicalResults: ScoredId[], denseResults: ScoredId[] | null): KnowledgeBase {
  const lexical: LexicalIndex = { search: async () => lexicalResults, abbreviations: new Map() };
  const vectors: VectorIndex | null = denseResults && { modelId: 'm', size: 4, search: async () => denseResults };
  const embedding: EmbeddingModel | null = denseResults && { id: 'm', dimensions: 2, embedQuery: async () => [1, 0], embedPassages: async (texts) => texts.map(() => [1, 0]) };
  return {
    catalogue: () => [],
    document: async () => undefined,
    chunk: async (id) => chunks.find((candidate) => candidate.id === id),
    chunksOf: async () => chunks,
    outline: async () => [],
    stats: { chunkCount: async () => chunks.length, documentFrequencies: async (terms) => new Map(terms.map((term) => [term, 0])) },
    chunksWithWords: async () => [],
    lexical,
    vectors,
    embedding,
  };
}

describe('fuseByReciprocalRank', () => {
  it('ranks ids found high in both lists first', () => {
    const fused = fuseByReciprocalRank(
      [
        [{ id: 'a', score: 9 }, { id: 'b', score: 5 }, { id: 'c', score: 1 }],
        [{ id: 'b', score: 0.9 }, { id: 'd', score: 0.8 }, { id: 'a', score: 0.1 }],
      ],
      60,
    );
    expect(fused.map((hit) => hit.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0].score).toBeCloseTo(1 / 62 + 1 / 61);
  });
});

describe('createHybridRetriever', () => {
  it('passes BM25 results through in lexical mode', async () => {
    const retriever = createHybridRetriever(knowledgeWith([{ id: 'c', score: 7 }, { id: 'a', score: 3 }], null));
    expect(retriever.mode).toBe('lexical');
    const hits = await retriever.search('q', { topK: 5 });
    expect(hits.map((hit) => [hit.chunk.id, hit.score])).toEqual([['c', 7], ['a', 3]]);
  });

  it('fuses lexical and dense results when a model is loaded', async () => {
    const retriever = createHybridRetriever(knowledgeWith([{ id: 'a', score: 7 }, { id: 'b', score: 3 }], [{ id: 'd', score: 0.9 }, { id: 'b', score: 0.8 }]));
    expect(retriever.mode).toBe('hybrid');
    const hits = await retriever.search('q', { topK: 2 });
    expect(hits.map((hit) => hit.chunk.id)).toEqual(['b', 'a']);
  });
});
