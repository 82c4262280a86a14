import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { openCheckedCollection } from '../store/check-collection.js';
import type { CollectionStore } from '../store/sqlite-store.js';
import type { EmbeddingModel, KnowledgeBase, VectorIndex } from '../types.js';
import { createFtsLexicalIndex } from './fts-lexical-index.js';
import { indexedWord } from './vietnamese-analyzer.js';
import { loadHnswLibrary, openVectorIndex, type HnswLibrary } from './vector-index.js';

export interface OpenKnowledgeBaseOptions {
  dataDir: string;
  embedding: EmbeddingModel | null;
  logger: Logger;
  /** The HNSW library, loaded only when there is a model (a native addon: lexical-only mode runs without it). */
  loadHnsw?: () => Promise<HnswLibrary>;
}

export interface OpenedKnowledgeBase extends KnowledgeBase {
  /** The database under it, for the ingest's change check. */
  readonly store: CollectionStore;
  /** True when the model has no usable vectors that an ingest could make (missing, or damaged: rebuilt from the stored embeddings). */
  readonly vectorsMissing: boolean;
}

/**
 * The collection database as a KnowledgeBase, or null when no ingest has written one yet. Throws index_unavailable
 * saying why when the database cannot serve (damaged, another format, unfinished). Opening reads the schema and the
 * catalogue, never the whole file: start-up does not grow with the collection's text. Vectors are used only when
 * the given model made them; otherwise the knowledge base runs lexical-only (`embedding` null).
 */
export async function openKnowledgeBase(options: OpenKnowledgeBaseOptions): Promise<OpenedKnowledgeBase | null> {
  const { dataDir, embedding, logger } = options;
  const checked = openCheckedCollection(dataDir);
  if (!checked) return null;
  if ('problem' in checked) throw new AppError('index_unavailable', `The collection database in ${dataDir} cannot serve: ${checked.problem}`);
  const { store } = checked;
  const opened = embedding ? await openVectors(dataDir, store, embedding, options.loadHnsw ?? loadHnswLibrary, logger) : { vectors: null, missing: false };
  const { vectors } = opened;
  if (!vectors) logger.info({ dataDir }, 'knowledge base opened in lexical-only mode');
  const documentFrequencies = async (terms: readonly string[]) => new Map(terms.map((term) => [term, store.documentFrequency(term)]));
  return {
    store,
    vectorsMissing: opened.missing,
    // better-sqlite3 reads synchronously: each lookup is an already settled promise.
    catalogue: () => store.catalogue(),
    document: async (id) => store.document(id),
    chunk: async (id) => store.chunk(id),
    chunksOf: async (docId) => store.chunksOf(docId),
    outline: async (docId) => store.outline(docId),
    stats: {
      chunkCount: async (docId) => store.chunkCount(docId),
      documentFrequencies,
    },
    async chunksWithWords(words, { docIds, limit = 50 } = {}) {
      // Folded words match accented and unaccented text alike: the index holds both forms.
      const required = words.map(indexedWord);
      return store.search([], { required, docIds, limit, weights: [1, 1, 1] }).flatMap(({ id }) => store.chunk(id) ?? []);
    },
    lexical: createFtsLexicalIndex({
      chunkCount: async () => store.chunkCount(),
      documentFrequencies,
      definedAbbreviations: () => store.definedAbbreviations(),
      search: async (terms, searchOptions) => store.search(terms, searchOptions),
    }),
    vectors,
    embedding: vectors ? embedding : null,
  };
}

async function openVectors(
  dataDir: string,
  store: CollectionStore,
  embedding: EmbeddingModel,
  loadHnsw: () => Promise<HnswLibrary>,
  logger: Logger,
): Promise<{ vectors: VectorIndex | null; missing: boolean }> {
  let library: HnswLibrary;
  try {
    library = await loadHnsw();
  } catch (error) {
    // An ingest cannot help: the native addon is not built. Lexical retrieval still answers.
    logger.warn({ err: error }, 'the vector library hnswlib-node cannot be loaded: lexical-only');
    return { vectors: null, missing: false };
  }
  try {
    const vectors = await openVectorIndex(library, dataDir, store, embedding);
    if (!vectors) logger.warn({ model: embedding.id }, `the collection has no vectors made with "${embedding.id}" for this database: lexical-only until the ingest is run again`);
    return { vectors, missing: !vectors };
  } catch (error) {
    // Lexical retrieval still answers; the ingest rebuilds the HNSW file from the stored embeddings.
    logger.warn({ err: error }, 'stored vectors unreadable: lexical-only until the ingest is run again');
    return { vectors: null, missing: true };
  }
}
