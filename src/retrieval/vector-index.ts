// HNSW (hnswlib-node, cosine space) over chunk embeddings, persisted as the HNSW file plus a small JSON sidecar.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import { AppError } from '../errors.js';
import { replaceDurably } from '../store/durable-files.js';
import type { CollectionStore } from '../store/sqlite-store.js';
import { formatSection, type Chunk, type EmbeddingModel, type ScoredId, type SearchOptions, type VectorIndex } from '../types.js';

const HNSW_FILE = 'vectors.hnsw';
const META_FILE = 'vectors.json';
const FORMAT_VERSION = 2;
const DEFAULT_TOP_K = 10;
// Breadth of the HNSW search; at this corpus size it makes search effectively exact, filters included.
const EF_SEARCH = 200;

/** The part of hnswlib-node used here. */
export interface HnswLibrary {
  HierarchicalNSW: typeof HierarchicalNSW;
}

/**
 * hnswlib-node is a native addon built at install: it is loaded on first use, so that lexical-only mode runs where
 * it was never built. It is CommonJS with `module.exports = addon`, so its classes come off the default export.
 */
export const loadHnswLibrary = async (): Promise<HnswLibrary> => (await import('hnswlib-node')).default as HnswLibrary;

interface VectorIndexMeta {
  format: number;
  /** The identity of the collection database whose row ids label the vectors: another database's labels differ. */
  collection?: string;
  modelId: string;
  dimensions: number;
  /** Row ids of the chunks whose vectors the file holds (its labels), deleted ones excluded. */
  labels: number[];
  /** sha256 of the HNSW file, so a damaged file is refused before the native loader reads it. */
  hnswSha256: string;
}

/** The text embedded for a chunk: its section path gives the embedding the context a bare paragraph lacks. */
export const passageText = (chunk: Chunk): string => (chunk.section.length > 0 ? `${formatSection(chunk.section)}\n${chunk.text}` : chunk.text);

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

class HnswVectorIndex implements VectorIndex {
  readonly size: number;

  constructor(
    readonly modelId: string,
    private readonly dimensions: number,
    private readonly hnsw: HierarchicalNSW,
    private readonly chunks: readonly Chunk[],
  ) {
    this.size = chunks.length;
  }

  async search(queryVector: number[], options: SearchOptions = {}): Promise<ScoredId[]> {
    if (queryVector.length !== this.dimensions) {
      throw new AppError('index_unavailable', `query vector has ${queryVector.length} dimensions; the vector index has ${this.dimensions}`);
    }
    const docIds = options.docIds ? new Set(options.docIds) : null;
    const kinds = options.kinds ? new Set(options.kinds) : null;
    const allowed = (label: number): boolean => {
      const chunk = this.chunks[label];
      return (!docIds || docIds.has(chunk.docId)) && (!kinds || kinds.has(chunk.kind));
    };
    const candidates = docIds || kinds ? this.chunks.filter((_, label) => allowed(label)).length : this.size;
    const k = Math.min(options.topK ?? DEFAULT_TOP_K, candidates);
    if (k <= 0) return [];
    this.hnsw.setEf(Math.max(EF_SEARCH, k));
    const { neighbors, distances } = this.hnsw.searchKnn(queryVector, k, candidates < this.size ? allowed : undefined);
    // Cosine distance is 1 − cosine similarity; results come nearest first.
    return neighbors.map((label, i) => ({ id: this.chunks[label].id, score: 1 - distances[i] }));
  }
}

function createHnsw(library: HnswLibrary, dimensions: number, capacity: number): HierarchicalNSW {
  const hnsw = new library.HierarchicalNSW('cosine', dimensions);
  hnsw.initIndex({ maxElements: Math.max(1, capacity) });
  return hnsw;
}

/**
 * Embeds the chunks (reusing `options.vectors` where given, keyed by chunk id) and indexes them.
 * Returns the vectors of every chunk so the caller can keep them for the next ingest.
 */
export async function buildVectorIndex(
  chunks: readonly Chunk[],
  model: EmbeddingModel,
  options: { vectors?: Map<string, number[]>; library?: HnswLibrary } = {},
): Promise<{ index: VectorIndex; vectors: Map<string, number[]> }> {
  const reusable = (chunk: Chunk): number[] | undefined => {
    const vector = options.vectors?.get(chunk.id);
    return vector?.length === model.dimensions ? vector : undefined;
  };
  const missing = chunks.filter((chunk) => !reusable(chunk));
  const embedded = await model.embedPassages(missing.map(passageText));
  const fresh = new Map(missing.map((chunk, i) => [chunk.id, embedded[i]]));
  const vectors = new Map(chunks.map((chunk) => [chunk.id, reusable(chunk) ?? fresh.get(chunk.id)!]));

  const hnsw = createHnsw(options.library ?? (await loadHnswLibrary()), model.dimensions, chunks.length);
  chunks.forEach((chunk, label) => hnsw.addPoint(vectors.get(chunk.id)!, label));
  return { index: new HnswVectorIndex(model.id, model.dimensions, hnsw, chunks), vectors };
}


const unavailable = (dir: string, reason: string, cause?: unknown): AppError =>
  new AppError('index_unavailable', `vector index in ${dir} is unusable: ${reason}; run ingest again`, { cause });

/**
 * The HNSW file of the collection and its labels, or undefined when there is none, or it is not this model's or
 * this database's (rebuilt or restored since: its row ids label other chunks).
 */
async function readStored(
  library: HnswLibrary,
  dir: string,
  store: CollectionStore,
  model: EmbeddingModel,
): Promise<{ hnsw: HierarchicalNSW; meta: VectorIndexMeta } | undefined> {
  let meta: VectorIndexMeta;
  let bytes: Buffer;
  try {
    meta = JSON.parse(await readFile(path.join(dir, META_FILE), 'utf8')) as VectorIndexMeta;
    bytes = await readFile(path.join(dir, HNSW_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unavailable(dir, 'unreadable metadata', error);
  }
  if (meta.format !== FORMAT_VERSION || !Array.isArray(meta.labels)) throw unavailable(dir, 'unknown format');
  if (meta.modelId !== model.id || meta.dimensions !== model.dimensions || meta.collection !== store.setting('identity')) return undefined;
  if (sha256(bytes) !== meta.hnswSha256) throw unavailable(dir, 'HNSW file damaged (checksum mismatch)');
  const hnsw = new library.HierarchicalNSW('cosine', meta.dimensions);
  try {
    await hnsw.readIndex(path.join(dir, HNSW_FILE), true);
  } catch (error) {
    throw unavailable(dir, 'HNSW file unreadable', error);
  }
  return { hnsw, meta };
}

/**
 * Brings the HNSW file beside the database in line with the stored embeddings of `model`: vectors of removed
 * chunks are marked deleted, new ones added, labelled by chunk row id; then the file is replaced atomically. A
 * damaged file is rebuilt from the stored embeddings (nothing is embedded again).
 */
export async function syncVectorIndex(library: HnswLibrary, dir: string, store: CollectionStore, model: EmbeddingModel): Promise<void> {
  const stored = await readStored(library, dir, store, model).catch(() => undefined);
  const hnsw = stored?.hnsw ?? createHnsw(library, model.dimensions, 1024);
  const had = new Set(stored?.meta.labels ?? []);
  const current = store.vectorLabels(model.id);
  const now = new Set(current);
  for (const label of had) if (!now.has(label)) hnsw.markDelete(label);
  const added = current.filter((label) => !had.has(label));
  if (added.length === 0 && stored && had.size === now.size) return;
  const needed = hnsw.getCurrentCount() + added.length;
  if (needed > hnsw.getMaxElements()) hnsw.resizeIndex(Math.max(needed, Math.ceil(hnsw.getMaxElements() * 1.5)));
  for (const label of added) hnsw.addPoint(Array.from(store.vectorOf(label)!), label);
  const temp = path.join(dir, `.${HNSW_FILE}.${process.pid}`);
  await hnsw.writeIndex(temp);
  const meta: VectorIndexMeta = {
    format: FORMAT_VERSION,
    collection: store.setting('identity'),
    modelId: model.id,
    dimensions: model.dimensions,
    labels: current,
    hnswSha256: sha256(await readFile(temp)),
  };
  const metaTemp = path.join(dir, `.${META_FILE}.${process.pid}`);
  await writeFile(metaTemp, JSON.stringify(meta));
  // The HNSW file first, then its labels, each on disk before its rename: a reader seeing new labels always finds
  // their vectors, and a power cut never leaves a name pointing at a file that was not written.
  replaceDurably(temp, path.join(dir, HNSW_FILE));
  replaceDurably(metaTemp, path.join(dir, META_FILE));
}

export const cosine = (a: Float32Array, b: readonly number[]): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
};

/**
 * The collection's vectors for `model`, or null when the ingest has not made any with it. Questions limited to
 * some documents are answered exactly from their stored vectors; others by the HNSW index.
 */
export async function openVectorIndex(library: HnswLibrary, dir: string, store: CollectionStore, model: EmbeddingModel): Promise<VectorIndex | null> {
  const stored = await readStored(library, dir, store, model);
  if (!stored) return null;
  const { hnsw, meta } = stored;
  return {
    modelId: meta.modelId,
    size: meta.labels.length,
    async search(queryVector: number[], options: SearchOptions = {}): Promise<ScoredId[]> {
      if (queryVector.length !== meta.dimensions) {
        throw new AppError('index_unavailable', `query vector has ${queryVector.length} dimensions; the vector index has ${meta.dimensions}`);
      }
      const topK = options.topK ?? DEFAULT_TOP_K;
      const kinds = options.kinds && new Set(options.kinds);
      if (options.docIds) {
        const scored = options.docIds.flatMap((docId) => {
          const vectors = store.embeddingsOf(docId, model.id);
          return store.chunksOf(docId).flatMap((chunk) => {
            const vector = vectors.get(chunk.id);
            return vector && (!kinds || kinds.has(chunk.kind)) ? [{ id: chunk.id, score: cosine(vector, queryVector) }] : [];
          });
        });
        return scored.sort((a, b) => b.score - a.score).slice(0, topK);
      }
      const k = Math.min(meta.labels.length, kinds ? topK * 4 : topK);
      if (k <= 0) return [];
      hnsw.setEf(Math.max(EF_SEARCH, k));
      const { neighbors, distances } = hnsw.searchKnn(queryVector, k);
      return neighbors
        .flatMap((label, i) => {
          const chunk = store.chunkAt(label);
          return chunk && (!kinds || kinds.has(chunk.kind)) ? [{ id: chunk.id, score: 1 - distances[i] }] : [];
        })
        .slice(0, topK);
    },
  };
}
