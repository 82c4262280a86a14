import type pg from 'pg';
import type { Logger } from '../logger.js';
import { openPostgresCollection, type PostgresCollection } from '../store/postgres-collection.js';
import { migrate } from '../store/postgres-schema.js';
import type { EmbeddingModel, KnowledgeBase } from '../types.js';
import { createFtsLexicalIndex } from './fts-lexical-index.js';
import { indexedWord } from './vietnamese-analyzer.js';
import { openPostgresVectorIndex, type PostgresVectorIndex } from './postgres-vector-index.js';
import { loadHnswLibrary, type HnswLibrary } from './vector-index.js';

export interface OpenPostgresKnowledgeBaseOptions {
  pool: pg.Pool;
  url: string;
  /** The database as messages name it (describeDatabase). */
  database: string;
  embedding: EmbeddingModel | null;
  logger: Logger;
  loadHnsw?: () => Promise<HnswLibrary>;
}

export interface OpenedPostgresKnowledgeBase extends KnowledgeBase {
  readonly collection: PostgresCollection;
  /** True when the model has no stored vectors though the collection has documents: an ingest must embed them. */
  readonly vectorsMissing: boolean;
  close(): Promise<void>;
}

/**
 * A PostgreSQL collection as a KnowledgeBase, after bringing its schema up to date. Every lookup is a query (cached
 * until the collection version changes); the catalogue and abbreviations are snapshots kept current by the
 * collection's notifications; vectors are indexed in memory from the stored embeddings and follow the version.
 */
export async function openPostgresKnowledgeBase(options: OpenPostgresKnowledgeBaseOptions): Promise<OpenedPostgresKnowledgeBase> {
  const { pool, embedding, logger } = options;
  await migrate(pool);
  const collection = await openPostgresCollection(pool, { url: options.url, database: options.database, logger });
  let vectors: PostgresVectorIndex | null = null;
  if (embedding) {
    try {
      vectors = await openPostgresVectorIndex(await (options.loadHnsw ?? loadHnswLibrary)(), collection, embedding, logger);
      if (!vectors && collection.catalogue().length > 0) logger.warn({ model: embedding.id }, `the collection has no vectors made with "${embedding.id}": lexical-only until the ingest embeds them`);
    } catch (error) {
      // An ingest cannot help: the native addon is not built. Lexical retrieval still answers.
      logger.warn({ err: error }, 'the vector library hnswlib-node cannot be loaded: lexical-only');
    }
  }
  if (!vectors) logger.info({ database: options.database }, 'knowledge base opened in lexical-only mode');
  return {
    collection,
    vectorsMissing: embedding !== null && vectors === null && collection.catalogue().length > 0,
    catalogue: () => collection.catalogue(),
    document: (id) => collection.document(id),
    chunk: (id) => collection.chunk(id),
    chunksOf: (docId) => collection.chunksOf(docId),
    outline: (docId) => collection.outline(docId),
    stats: {
      chunkCount: async (docId) => {
        const counts = await collection.chunkCounts();
        return docId ? (counts.byDoc.get(docId) ?? 0) : counts.chunks;
      },
      documentFrequencies: (terms) => collection.documentFrequencies(terms),
    },
    async chunksWithWords(words, { docIds, limit = 50 } = {}) {
      // Folded words match accented and unaccented text alike: the index holds both forms.
      const required = words.map(indexedWord);
      const hits = await collection.search([], { required, docIds, limit, weights: [1, 1, 1] });
      return collection.chunksById(hits.map((hit) => hit.id));
    },
    lexical: createFtsLexicalIndex({
      chunkCount: async () => (await collection.chunkCounts()).chunks,
      documentFrequencies: (terms) => collection.documentFrequencies(terms),
      definedAbbreviations: () => collection.definedAbbreviations(),
      search: (terms, searchOptions) => collection.search(terms, searchOptions),
    }),
    vectors,
    embedding: vectors ? embedding : null,
    close: () => collection.close(),
  };
}
