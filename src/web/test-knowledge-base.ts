import type { Chunk, DocumentMeta, KnowledgeBase, OutlineEntry, SourceDocument } from '../types.js';

/** A tiny in-memory KnowledgeBase for the web tests: documents, their outlines and chunk counts only. */
export function createTestKnowledgeBase(
  entries: { meta: DocumentMeta; text: string; outline?: OutlineEntry[]; chunks?: number }[],
  abbreviations: ReadonlyMap<string, string> = new Map(),
): KnowledgeBase {
  const documents: SourceDocument[] = entries.map(({ meta, text }) => ({ meta, text, hash: 'test' }));
  const chunks: Chunk[] = entries.flatMap(({ meta, text, chunks: count = 1 }) =>
    Array.from({ length: count }, (_, i) => ({ id: `${meta.id}#${i}`, docId: meta.id, section: [], kind: 'body' as const, start: 0, end: text.length, text })),
  );
  return {
    documents,
    chunks,
    document: (id) => documents.find((doc) => doc.meta.id === id),
    chunk: (id) => chunks.find((chunk) => chunk.id === id),
    chunksOf: (docId) => chunks.filter((chunk) => chunk.docId === docId),
    outline: (docId) => entries.find((entry) => entry.meta.id === docId)?.outline ?? [],
    lexical: { abbreviations, search: () => [], toJSON: () => ({}) },
    vectors: null,
    embedding: null,
  };
}
