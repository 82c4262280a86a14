import { foldDiacritics } from '../lang/normalize.js';
import { buildLexicalIndex } from './lexical-index.js';
import { analyzeForIndex } from './vietnamese-analyzer.js';
import type { Chunk, EmbeddingModel, KnowledgeBase, OutlineEntry, SourceDocument, VectorIndex } from '../types.js';

/**
 * A KnowledgeBase held in memory: for the evaluation's baselines and for tests on small synthetic collections.
 * The collection a deployment serves lives in the database (open-knowledge-base.ts).
 */
export function createMemoryKnowledgeBase(args: {
  documents: readonly SourceDocument[];
  chunks: readonly Chunk[];
  outlines?: Readonly<Record<string, readonly OutlineEntry[]>>;
  abbreviations?: ReadonlyMap<string, string>;
  vectors?: VectorIndex | null;
  embedding?: EmbeddingModel | null;
}): KnowledgeBase {
  const { documents, chunks } = args;
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const documentById = new Map(documents.map((doc) => [doc.meta.id, doc]));
  const catalogue = documents.map((doc) => doc.meta);
  const lexical = buildLexicalIndex(chunks, { documents: catalogue, abbreviations: args.abbreviations });
  let frequencies: Map<string, number> | undefined;
  const frequency = (term: string): number => {
    if (!frequencies) {
      frequencies = new Map();
      for (const chunk of chunks) {
        for (const found of new Set(analyzeForIndex(`${chunk.section.join('\n')}\n${chunk.text}`, lexical.abbreviations))) frequencies.set(found, (frequencies.get(found) ?? 0) + 1);
      }
    }
    return frequencies.get(term) ?? 0;
  };
  const words = (text: string): Set<string> => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).flatMap((word) => [word, foldDiacritics(word)]));
  return {
    catalogue: () => catalogue,
    document: async (id) => documentById.get(id),
    chunk: async (id) => byId.get(id),
    chunksOf: async (docId) => chunks.filter((chunk) => chunk.docId === docId),
    outline: async (docId) => args.outlines?.[docId] ?? [],
    stats: {
      chunkCount: async (docId) => (docId ? chunks.filter((chunk) => chunk.docId === docId).length : chunks.length),
      documentFrequencies: async (terms) => new Map(terms.map((term) => [term, frequency(term)])),
    },
    async chunksWithWords(wanted, options = {}) {
      const needed = wanted.map((word) => word.toLowerCase());
      const allowed = options.docIds && new Set(options.docIds);
      return chunks
        .filter((chunk) => (!allowed || allowed.has(chunk.docId)) && needed.every((word) => words(chunk.text).has(word)))
        .slice(0, options.limit ?? 50);
    },
    lexical,
    vectors: args.vectors ?? null,
    embedding: args.embedding ?? null,
  };
}
