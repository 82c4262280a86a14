import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { Chunk, OutlineEntry, SourceDocument } from '../types.js';

/** Bump when the stored layout (or what the ingest pipeline puts in it) changes: older indexes are then rebuilt. */
export const INDEX_FORMAT_VERSION = 2;

export interface IndexManifest {
  version: number;
  createdAt: string;
  /** Model the vectors were made with; null for a lexical-only index. */
  modelId: string | null;
  documents: { id: string; sourceFile: string; hash: string; chunkCount: number }[];
}

/** Vector files: `save` writes them into the new version folder; an index that was read also says where they are. */
export interface StoredVectors {
  readonly dir?: string;
  save(dir: string): Promise<void>;
}

export interface StoredIndex {
  manifest: IndexManifest;
  documents: SourceDocument[];
  chunks: Chunk[];
  /** Each document's outline, computed at ingest so nothing re-parses a document at query time. */
  outlines: Record<string, OutlineEntry[]>;
  /** LexicalIndex.toJSON() output. */
  lexical: unknown;
  /** Passage embeddings by chunk id, kept so re-ingest does not re-embed unchanged documents. Empty when lexical-only. */
  embeddings: Map<string, number[]>;
  vectors?: StoredVectors;
}

const CURRENT = 'CURRENT';
const VERSION_PREFIX = 'index-';
const TEMP_PREFIX = '.tmp-';
const VECTORS_DIR = 'vectors';

const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  chunks: 'chunks.json',
  outlines: 'outlines.json',
  lexical: 'lexical.json',
  embeddingIds: 'embeddings.json',
  embeddingData: 'embeddings.f32',
} as const;

/** Chunk texts are not stored: they are slices of the document text, restored on read. */
type StoredChunk = Omit<Chunk, 'text'>;

const uniqueSuffix = (): string => `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;

/**
 * Writes a complete new version folder, then switches the `CURRENT` pointer with a rename, so a crash at any
 * point leaves the previous index loadable. Old versions and abandoned temp folders are removed afterwards.
 */
export async function writeIndex(dataDir: string, index: StoredIndex): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const temp = join(dataDir, `${TEMP_PREFIX}${uniqueSuffix()}`);
  await mkdir(temp);
  try {
    await writeVersion(temp, index);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const version = `${VERSION_PREFIX}${uniqueSuffix()}`;
  await rename(temp, join(dataDir, version));
  const pointerTemp = join(dataDir, `${TEMP_PREFIX}${CURRENT}-${randomBytes(3).toString('hex')}`);
  await writeFile(pointerTemp, `${version}\n`);
  await rename(pointerTemp, join(dataDir, CURRENT));
  await removeStale(dataDir, version);
}

async function writeVersion(dir: string, index: StoredIndex): Promise<void> {
  const chunks: StoredChunk[] = index.chunks.map(({ text: _text, ...rest }) => rest);
  const ids = [...index.embeddings.keys()];
  const dimensions = ids.length ? index.embeddings.get(ids[0])!.length : 0;
  const data = new Float32Array(ids.length * dimensions);
  ids.forEach((id, i) => data.set(index.embeddings.get(id)!, i * dimensions));
  await Promise.all([
    writeFile(join(dir, FILES.documents), JSON.stringify(index.documents)),
    writeFile(join(dir, FILES.chunks), JSON.stringify(chunks)),
    writeFile(join(dir, FILES.outlines), JSON.stringify(index.outlines)),
    writeFile(join(dir, FILES.lexical), JSON.stringify(index.lexical)),
    writeFile(join(dir, FILES.embeddingIds), JSON.stringify({ dimensions, ids })),
    writeFile(join(dir, FILES.embeddingData), new Uint8Array(data.buffer)),
  ]);
  if (index.vectors) {
    await mkdir(join(dir, VECTORS_DIR));
    await index.vectors.save(join(dir, VECTORS_DIR));
  }
  // Written last: a version folder without a manifest is incomplete by construction.
  await writeFile(join(dir, FILES.manifest), JSON.stringify(index.manifest, null, 2));
}

async function removeStale(dataDir: string, keep: string): Promise<void> {
  const entries = await readdir(dataDir);
  const stale = entries.filter((name) => name !== keep && (name.startsWith(VERSION_PREFIX) || name.startsWith(TEMP_PREFIX)));
  await Promise.all(stale.map((name) => rm(join(dataDir, name), { recursive: true, force: true })));
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/** The current index, or null when none was ever written. Throws AppError('index_unavailable') when it is corrupt. */
export async function readIndex(dataDir: string): Promise<StoredIndex | null> {
  // A writer may remove the version we are reading right after switching `CURRENT`; one retry picks up the new one.
  for (let attempt = 0; ; attempt++) {
    let version: string;
    try {
      version = (await readFile(join(dataDir, CURRENT), 'utf8')).trim();
    } catch (error) {
      if (isMissing(error)) return null;
      throw new AppError('index_unavailable', `Cannot read the index pointer in ${dataDir}`, { cause: error });
    }
    try {
      return await readVersion(join(dataDir, version));
    } catch (error) {
      if (isMissing(error) && attempt === 0) continue;
      if (error instanceof AppError) throw error;
      throw new AppError('index_unavailable', `The index in ${join(dataDir, version)} is missing or corrupt; run the ingest again`, { cause: error });
    }
  }
}

async function readVersion(dir: string): Promise<StoredIndex> {
  const readJson = async (name: string): Promise<unknown> => JSON.parse(await readFile(join(dir, name), 'utf8'));
  const manifest = (await readJson(FILES.manifest)) as IndexManifest;
  if (manifest?.version !== INDEX_FORMAT_VERSION) {
    throw new AppError('index_unavailable', `The index in ${dir} has format version ${manifest?.version}, expected ${INDEX_FORMAT_VERSION}; run the ingest again`);
  }
  const [documents, storedChunks, outlines, lexical, embeddingIds, embeddingData, entries] = await Promise.all([
    readJson(FILES.documents) as Promise<SourceDocument[]>,
    readJson(FILES.chunks) as Promise<StoredChunk[]>,
    readJson(FILES.outlines) as Promise<Record<string, OutlineEntry[]>>,
    readJson(FILES.lexical),
    readJson(FILES.embeddingIds) as Promise<{ dimensions: number; ids: string[] }>,
    readFile(join(dir, FILES.embeddingData)),
    readdir(dir),
  ]);
  const textOf = new Map(documents.map((doc) => [doc.meta.id, doc.text]));
  const chunks = storedChunks.map((chunk): Chunk => {
    const text = textOf.get(chunk.docId);
    if (text === undefined) throw new AppError('index_unavailable', `The index in ${dir} has chunk ${chunk.id} of an unknown document`);
    return { ...chunk, text: text.slice(chunk.start, chunk.end) };
  });
  const { dimensions, ids } = embeddingIds;
  if (embeddingData.byteLength !== ids.length * dimensions * 4) {
    throw new AppError('index_unavailable', `The stored embeddings in ${dir} are truncated; run the ingest again`);
  }
  // Copy: the file buffer may be pooled and unaligned for a Float32Array view.
  const floats = new Float32Array(new Uint8Array(embeddingData).buffer);
  const embeddings = new Map(ids.map((id, i) => [id, Array.from(floats.subarray(i * dimensions, (i + 1) * dimensions))]));
  const vectorsDir = join(dir, VECTORS_DIR);
  const vectors: StoredVectors | undefined = entries.includes(VECTORS_DIR)
    ? { dir: vectorsDir, save: (target) => cp(vectorsDir, target, { recursive: true }) }
    : undefined;
  return { manifest, documents, chunks, outlines, lexical, embeddings, vectors };
}
