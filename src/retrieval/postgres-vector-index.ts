import type { HierarchicalNSW } from 'hnswlib-node';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PostgresCollection } from '../store/postgres-collection.js';
import type { ChunkKind, EmbeddingModel, ScoredId, SearchOptions, VectorIndex } from '../types.js';
import { cosine, type HnswLibrary } from './vector-index.js';

// Vectors of a PostgreSQL collection: the embeddings are stored in the database (pgvector is not required), and
// each app server builds its HNSW index from them in memory at start, labelled by chunk row id. When the collection
// version changes it brings the index in line: vectors of removed chunks are marked deleted, new ones fetched and
// added — a few rows per changed document, never the whole table again.

const DEFAULT_TOP_K = 10;
// Breadth of the HNSW search, as in vector-index.ts.
const EF_SEARCH = 200;

interface Labelled {
  id: string;
  docId: string;
  kind: ChunkKind;
}

export interface PostgresVectorIndex extends VectorIndex {
  /** Brings the index in line with the stored vectors; one run at a time, a request meanwhile runs once more after. */
  sync(): Promise<void>;
}

/** The stored vectors of `model` indexed in memory, or null when the collection has none of that model. */
export async function openPostgresVectorIndex(library: HnswLibrary, collection: PostgresCollection, model: EmbeddingModel, logger: Logger): Promise<PostgresVectorIndex | null> {
  const rows = await collection.vectors(model.id);
  if (rows.length === 0) return null;
  const hnsw: HierarchicalNSW = new library.HierarchicalNSW('cosine', model.dimensions);
  hnsw.initIndex({ maxElements: Math.max(1024, Math.ceil(rows.length * 1.25)) });
  const labels = new Map<number, Labelled>();
  const byDoc = new Map<string, Set<number>>();
  const add = (added: typeof rows): void => {
    const needed = hnsw.getCurrentCount() + added.length;
    if (needed > hnsw.getMaxElements()) hnsw.resizeIndex(Math.max(needed, Math.ceil(hnsw.getMaxElements() * 1.5)));
    for (const row of added) {
      hnsw.addPoint(Array.from(row.vector), row.label);
      labels.set(row.label, { id: row.id, docId: row.docId, kind: row.kind });
      byDoc.set(row.docId, (byDoc.get(row.docId) ?? new Set()).add(row.label));
    }
  };
  add(rows);

  const syncOnce = async (): Promise<void> => {
    const current = new Set(await collection.vectorLabels(model.id));
    for (const [label, chunk] of labels) {
      if (current.has(label)) continue;
      hnsw.markDelete(label);
      labels.delete(label);
      byDoc.get(chunk.docId)?.delete(label);
    }
    const added = [...current].filter((label) => !labels.has(label));
    if (added.length > 0) add(await collection.vectors(model.id, added));
  };
  let running: Promise<void> | undefined;
  let again = false;
  const sync = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await syncOnce();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  collection.onChange(() => {
    sync().catch((error: unknown) => logger.warn({ err: error }, 'the vector index could not follow the collection; it tries again at the next change'));
  });

  return {
    modelId: model.id,
    get size() {
      return labels.size;
    },
    sync,
    async search(queryVector: number[], options: SearchOptions = {}): Promise<ScoredId[]> {
      if (queryVector.length !== model.dimensions) {
        throw new AppError('index_unavailable', `query vector has ${queryVector.length} dimensions; the vector index has ${model.dimensions}`);
      }
      const topK = options.topK ?? DEFAULT_TOP_K;
      const kinds = options.kinds && new Set(options.kinds);
      const allowed = (label: number): boolean => {
        const chunk = labels.get(label);
        return chunk !== undefined && (!kinds || kinds.has(chunk.kind));
      };
      // Questions limited to some documents are answered exactly, from the vectors the index holds.
      if (options.docIds) {
        return options.docIds
          .flatMap((docId) => [...(byDoc.get(docId) ?? [])].filter(allowed).map((label) => ({ id: labels.get(label)!.id, score: cosine(Float32Array.from(hnsw.getPoint(label)), queryVector) })))
          .sort((a, b) => b.score - a.score)
          .slice(0, topK);
      }
      // hnswlib cannot return more than the filter lets through.
      const candidates = kinds ? [...labels.keys()].filter(allowed).length : labels.size;
      const k = Math.min(candidates, topK);
      if (k <= 0) return [];
      hnsw.setEf(Math.max(EF_SEARCH, k));
      const { neighbors, distances } = hnsw.searchKnn(queryVector, k, kinds ? allowed : undefined);
      return neighbors.map((label, i) => ({ id: labels.get(label)!.id, score: 1 - distances[i] }));
    },
  };
}
