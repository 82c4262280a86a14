// HNSW (hnswlib-node, cosine space) over chunk embeddings, persisted as the HNSW file plus a small JSON sidecar.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
// hnswlib-node is CommonJS with `module.exports = addon`, so its classes come off the default export.
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { AppError } from '../errors.js';
import { formatSection, type Chunk, type EmbeddingModel, type ScoredId, type SearchOptions, type VectorIndex } from '../types.js';

const HNSW_FILE = 'vectors.hnsw';
const META_FILE = 'vectors.json';
const FORMAT_VERSION = 1;
const DEFAULT_TOP_K = 10;
// Breadth of the HNSW search; at this corpus size it makes search effectively exact, filters included.
const EF_SEARCH = 200;

interface VectorIndexMeta {
  format: number;
  modelId: string;
  dimensions: number;
  /** Chunk ids in label order: label i is ids[i]. */
  ids: string[];
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

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const hnswPath = path.join(dir, HNSW_FILE);
    await this.hnsw.writeIndex(hnswPath);
    const meta: VectorIndexMeta = {
      format: FORMAT_VERSION,
      modelId: this.modelId,
      dimensions: this.dimensions,
      ids: this.chunks.map((chunk) => chunk.id),
      hnswSha256: sha256(await readFile(hnswPath)),
    };
    // Written last: a folder without a matching sidecar is never taken for a complete index.
    await writeFile(path.join(dir, META_FILE), JSON.stringify(meta));
  }
}

function createHnsw(dimensions: number, capacity: number): HierarchicalNSW {
  const hnsw = new hnswlib.HierarchicalNSW('cosine', dimensions);
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
  options: { vectors?: Map<string, number[]> } = {},
): Promise<{ index: VectorIndex; vectors: Map<string, number[]> }> {
  const reusable = (chunk: Chunk): number[] | undefined => {
    const vector = options.vectors?.get(chunk.id);
    return vector?.length === model.dimensions ? vector : undefined;
  };
  const missing = chunks.filter((chunk) => !reusable(chunk));
  const embedded = await model.embedPassages(missing.map(passageText));
  const fresh = new Map(missing.map((chunk, i) => [chunk.id, embedded[i]]));
  const vectors = new Map(chunks.map((chunk) => [chunk.id, reusable(chunk) ?? fresh.get(chunk.id)!]));

  const hnsw = createHnsw(model.dimensions, chunks.length);
  chunks.forEach((chunk, label) => hnsw.addPoint(vectors.get(chunk.id)!, label));
  return { index: new HnswVectorIndex(model.id, model.dimensions, hnsw, chunks), vectors };
}

const unavailable = (dir: string, reason: string, cause?: unknown): AppError =>
  new AppError('index_unavailable', `vector index in ${dir} is unusable: ${reason}; run ingest again`, { cause });

/** Loads an index written by `save`. Throws AppError('index_unavailable') if it is missing, damaged, stale or from another model. */
export async function loadVectorIndex(dir: string, chunks: readonly Chunk[], model: EmbeddingModel): Promise<VectorIndex> {
  let meta: VectorIndexMeta;
  let hnswBytes: Buffer;
  try {
    meta = JSON.parse(await readFile(path.join(dir, META_FILE), 'utf8')) as VectorIndexMeta;
    hnswBytes = await readFile(path.join(dir, HNSW_FILE));
  } catch (error) {
    throw unavailable(dir, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'files missing' : 'unreadable metadata', error);
  }
  if (meta.format !== FORMAT_VERSION || !Array.isArray(meta.ids)) throw unavailable(dir, 'unknown format');
  if (meta.modelId !== model.id || meta.dimensions !== model.dimensions) {
    throw unavailable(dir, `built with model "${meta.modelId}" (${meta.dimensions} dimensions), current model is "${model.id}" (${model.dimensions})`);
  }
  if (sha256(hnswBytes) !== meta.hnswSha256) throw unavailable(dir, 'HNSW file damaged (checksum mismatch)');
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const ordered = meta.ids.map((id) => byId.get(id));
  if (ordered.length !== chunks.length || ordered.some((chunk) => !chunk)) throw unavailable(dir, 'built for a different set of chunks');

  const hnsw = new hnswlib.HierarchicalNSW('cosine', meta.dimensions);
  try {
    await hnsw.readIndex(path.join(dir, HNSW_FILE));
  } catch (error) {
    throw unavailable(dir, 'HNSW file unreadable', error);
  }
  if (hnsw.getCurrentCount() !== meta.ids.length) throw unavailable(dir, 'HNSW file does not match its metadata');
  return new HnswVectorIndex(meta.modelId, meta.dimensions, hnsw, ordered as Chunk[]);
}
