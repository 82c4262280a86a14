import type { KnowledgeBase, Retriever, ScoredId, SearchHit, SearchOptions } from '../types.js';

export interface HybridRetrieverOptions {
  /** The RRF constant: larger flattens the contribution of top ranks. */
  rrfK?: number;
  /** How many candidates each retriever contributes before fusion. */
  candidates?: number;
}

/** Reciprocal rank fusion: each list adds 1 / (k + rank) for every id it ranks. */
export function fuseByReciprocalRank(lists: readonly (readonly ScoredId[])[], k: number): ScoredId[] {
  const fused = new Map<string, number>();
  for (const list of lists) {
    list.forEach(({ id }, rank) => fused.set(id, (fused.get(id) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...fused].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/**
 * Lexical BM25 always; HNSW vectors too when an embedding model is loaded, fused by RRF.
 * In lexical mode the BM25 scores pass through unchanged.
 */
export function createHybridRetriever(knowledge: KnowledgeBase, options: HybridRetrieverOptions = {}): Retriever {
  const rrfK = options.rrfK ?? 60;
  const candidates = options.candidates ?? 50;
  const { vectors, embedding } = knowledge;
  const dense = vectors && embedding ? { vectors, embedding } : null;

  const toHits = async (scored: readonly ScoredId[], topK: number): Promise<SearchHit[]> => {
    const top = scored.slice(0, topK);
    const chunks = await Promise.all(top.map(({ id }) => knowledge.chunk(id)));
    return top.flatMap(({ score }, i) => {
      const chunk = chunks[i];
      return chunk ? [{ chunk, score }] : [];
    });
  };

  return {
    mode: dense ? 'hybrid' : 'lexical',
    async search(query: string, searchOptions: SearchOptions = {}): Promise<SearchHit[]> {
      const topK = searchOptions.topK ?? 10;
      const filters = { docIds: searchOptions.docIds, kinds: searchOptions.kinds };
      const lexical = await knowledge.lexical.search(query, { ...filters, topK: Math.max(topK, candidates) });
      if (!dense) return toHits(lexical, topK);
      const queryVector = await dense.embedding.embedQuery(query);
      const nearest = await dense.vectors.search(queryVector, { ...filters, topK: Math.max(topK, candidates) });
      return toHits(fuseByReciprocalRank([lexical, nearest], rrfK), topK);
    },
  };
}
