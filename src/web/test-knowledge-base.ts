import { createMemoryKnowledgeBase } from '../retrieval/memory-knowledge-base.js';
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
  const outlines = Object.fromEntries(entries.map((entry) => [entry.meta.id, entry.outline ?? []]));
  return createMemoryKnowledgeBase({ documents, chunks, outlines, abbreviations });
}
