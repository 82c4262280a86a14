import type { Logger } from '../logger.js';
import { loadLexicalIndex } from '../retrieval/lexical-index.js';
import { loadVectorIndex } from '../retrieval/vector-index.js';
import type { Chunk, EmbeddingModel, KnowledgeBase, VectorIndex } from '../types.js';
import { readIndex, type StoredIndex } from './index-store.js';

export interface OpenKnowledgeBaseOptions {
  dataDir: string;
  embedding: EmbeddingModel | null;
  logger: Logger;
}

/**
 * The stored index as a KnowledgeBase, or null when no index has been written yet. Vectors are restored only
 * when the given model made them; otherwise the knowledge base runs lexical-only (and `embedding` is null).
 */
export async function openKnowledgeBase(options: OpenKnowledgeBaseOptions): Promise<KnowledgeBase | null> {
  const { dataDir, embedding, logger } = options;
  const stored = await readIndex(dataDir);
  if (!stored) return null;
  const { documents, chunks } = stored;
  const lexical = loadLexicalIndex(stored.lexical, chunks);
  const vectors = embedding ? await openVectors(stored, embedding, logger) : null;
  if (!vectors) logger.info({ documents: documents.length, chunks: chunks.length }, 'knowledge base opened in lexical-only mode');

  const documentById = new Map(documents.map((doc) => [doc.meta.id, doc]));
  const chunkById = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const chunksByDoc = new Map<string, Chunk[]>(documents.map((doc) => [doc.meta.id, []]));
  for (const chunk of chunks) chunksByDoc.get(chunk.docId)?.push(chunk);
  return {
    documents,
    chunks,
    document: (id) => documentById.get(id),
    chunk: (id) => chunkById.get(id),
    chunksOf: (docId) => chunksByDoc.get(docId) ?? [],
    outline: (docId) => stored.outlines[docId] ?? [],
    lexical,
    vectors,
    embedding: vectors ? embedding : null,
  };
}

async function openVectors(stored: StoredIndex, embedding: EmbeddingModel, logger: Logger): Promise<VectorIndex | null> {
  const storedModel = stored.manifest.modelId;
  if (storedModel !== embedding.id || !stored.vectors?.dir) {
    logger.warn(
      { storedModel, model: embedding.id },
      storedModel
        ? `stored vectors were made with "${storedModel}", not "${embedding.id}": lexical-only until the ingest is run again`
        : `the index was built lexical-only: run the ingest again to use "${embedding.id}"`,
    );
    return null;
  }
  try {
    return await loadVectorIndex(stored.vectors.dir, stored.chunks, embedding);
  } catch (error) {
    // Lexical retrieval still answers; the dense half is restored by the next ingest.
    logger.warn({ err: error }, 'stored vectors unreadable: lexical-only until the ingest is run again');
    return null;
  }
}
