import type { Logger } from '../logger.js';
import { loadHnswLibrary, syncVectorIndex, type HnswLibrary } from '../retrieval/vector-index.js';
import type { CollectionTarget, WriterSession } from '../store/collection-writer.js';
import { repairCollection, saveLastGood } from '../store/last-good-copy.js';
import { openCollectionStore, STORE_FORMAT } from '../store/sqlite-store.js';
import { acquireWriterLock } from '../store/writer-lock.js';
import type { EmbeddingModel } from '../types.js';

export interface SqliteTargetOptions {
  dataDir: string;
  logger: Logger;
  /** The HNSW library, loaded only when there is a model (a native addon: lexical-only mode runs without it). */
  loadHnsw?: () => Promise<HnswLibrary>;
}

/**
 * The embedded collection in `dataDir` as the ingest writes it: the writer's lock file, a damaged database
 * replaced by its last good copy before writing, and after writing the HNSW file and the last good copy.
 */
export function sqliteTarget({ dataDir, logger, loadHnsw = loadHnswLibrary }: SqliteTargetOptions): CollectionTarget {
  return {
    async openWriter(owner, options = {}): Promise<WriterSession> {
      // The lock before anything else: only the writer may judge the database damaged and replace it.
      const release = await acquireWriterLock(dataDir, owner, { waitMs: options.waitMs });
      let store: ReturnType<typeof openCollectionStore>;
      try {
        // Without reading every document's metadata (0.3 s at 14,000 documents): start-up does, and repairs.
        repairCollection(dataDir, logger, { metadata: false });
        store = openCollectionStore(dataDir);
      } catch (error) {
        release();
        throw error;
      }
      return {
        formatCurrent: store.format === STORE_FORMAT,
        markFormatCurrent: async () => store.setSetting('format', String(STORE_FORMAT)),
        setting: async (key) => store.setting(key),
        setSetting: async (key, value) => store.setSetting(key, value),
        knownFiles: async () => store.knownFiles(),
        setSignature: async (id, signature) => store.setSignature(id, signature),
        definedAbbreviations: async () => store.definedAbbreviations(),
        putDocument: async (record) => store.putDocument(record),
        removeDocument: async (id) => store.removeDocument(id),
        chunksOf: async (docId) => store.chunksOf(docId),
        chunkCount: async () => store.chunkCount(),
        embeddingsOf: async (docId, model) => store.embeddingsOf(docId, model),
        documentsWithoutVectors: async (model) => store.documentsWithoutVectors(model),
        putEmbeddings: async (docId, model, vectors) => store.putEmbeddings(docId, model, vectors),
        indexVectors: async (embedding) => (embedding ? indexVectors(embedding) : false),
        optimize: async () => store.optimizeIndex(),
        reconcileIndex: async () => store.reconcileTermTotals(),
        keepSpare: async (change) => {
          saveLastGood(store, dataDir, logger, change);
        },
        close: async () => {
          try {
            store.close();
          } finally {
            release();
          }
        },
      };

      /** Brings the HNSW file in line with the stored vectors; false (and a warning) when the library cannot load. */
      async function indexVectors(embedding: EmbeddingModel): Promise<boolean> {
        let library: HnswLibrary;
        try {
          library = await loadHnsw();
        } catch (error) {
          logger.warn({ err: error }, 'the vector library hnswlib-node cannot be loaded: passages are embedded and stored, but served lexical-only until it is installed');
          return false;
        }
        await syncVectorIndex(library, dataDir, store, embedding);
        return true;
      }
    },
  };
}
