import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics } from '../lang/normalize.js';
import type { Logger } from '../logger.js';
import { createFtsLexicalIndex } from './fts-lexical-index.js';
import { openVectorIndex } from './vector-index.js';
import type { EmbeddingModel, KnowledgeBase, VectorIndex } from '../types.js';
import { DATABASE_FILE, openCollectionStore, STORE_FORMAT, type CollectionStore } from '../store/sqlite-store.js';

export interface OpenKnowledgeBaseOptions {
  dataDir: string;
  embedding: EmbeddingModel | null;
  logger: Logger;
}

export interface OpenedKnowledgeBase extends KnowledgeBase {
  /** The database under it, for the ingest's change check. */
  readonly store: CollectionStore;
}

/**
 * The collection database as a KnowledgeBase, or null when no ingest has written one yet (or an older version
 * did). Opening reads nothing but the schema version: start-up does not grow with the collection. Vectors are
 * used only when the given model made them; otherwise the knowledge base runs lexical-only (`embedding` null).
 */
export async function openKnowledgeBase(options: OpenKnowledgeBaseOptions): Promise<OpenedKnowledgeBase | null> {
  const { dataDir, embedding, logger } = options;
  if (!existsSync(join(dataDir, DATABASE_FILE))) return null;
  const store = openCollectionStore(dataDir, { readonly: true });
  if (store.format !== STORE_FORMAT) {
    store.close();
    return null;
  }
  const vectors = embedding ? await openVectors(dataDir, store, embedding, logger) : null;
  if (!vectors) logger.info({ dataDir }, 'knowledge base opened in lexical-only mode');
  return {
    store,
    catalogue: () => store.catalogue(),
    document: (id) => store.document(id),
    chunk: (id) => store.chunk(id),
    chunksOf: (docId) => store.chunksOf(docId),
    outline: (docId) => store.outline(docId),
    stats: {
      chunkCount: (docId) => (docId ? (store.chunkCounts().byDoc.get(docId) ?? 0) : store.chunkCounts().chunks),
      documentFrequency: (term) => store.documentFrequency(term),
    },
    chunksWithWords(words, { docIds, limit = 50 } = {}) {
      // Folded words match accented and unaccented text alike: the index holds both forms.
      const required = words.map((word) => foldDiacritics(word.toLowerCase()));
      return store.search([], { required, docIds, limit, weights: [1, 1, 1] }).flatMap(({ id }) => store.chunk(id) ?? []);
    },
    lexical: createFtsLexicalIndex(store),
    vectors,
    embedding: vectors ? embedding : null,
  };
}

async function openVectors(dataDir: string, store: CollectionStore, embedding: EmbeddingModel, logger: Logger): Promise<VectorIndex | null> {
  try {
    const vectors = await openVectorIndex(dataDir, store, embedding);
    if (!vectors) logger.warn({ model: embedding.id }, `the collection has no vectors made with "${embedding.id}": lexical-only until the ingest is run again`);
    return vectors;
  } catch (error) {
    // Lexical retrieval still answers; the dense half is restored by the next ingest.
    logger.warn({ err: error }, 'stored vectors unreadable: lexical-only until the ingest is run again');
    return null;
  }
}
