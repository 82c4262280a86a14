import { performance } from 'node:perf_hooks';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { buildLexicalIndex } from '../retrieval/lexical-index.js';
import { buildVectorIndex } from '../retrieval/vector-index.js';
import { INDEX_FORMAT_VERSION, readIndex, writeIndex, type StoredIndex } from '../store/index-store.js';
import { outlineOf } from '../structure/outline.js';
import { parseStructure } from '../structure/parse-structure.js';
import type { Chunk, EmbeddingModel, OutlineEntry, VectorIndex } from '../types.js';
import { chunkDocument } from './chunk-document.js';
import { loadCorpus } from './load-corpus.js';

export type IngestPhase = 'load' | 'chunk' | 'embed' | 'index' | 'write';

export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
  file?: string;
}

export interface IngestFailure {
  file: string;
  reason: string;
}

export interface IngestSummary {
  documents: number;
  chunks: number;
  mode: 'hybrid' | 'lexical';
  modelId: string | null;
  seconds: number;
  /** Documents skipped as unchanged (same content hash as in the previous index). */
  reused: number;
  failures: IngestFailure[];
}

export interface RunIngestOptions {
  corpusDir: string;
  dataDir: string;
  embedding: EmbeddingModel | null;
  logger: Logger;
  /** Ignore the previous index: re-chunk and re-embed everything (e.g. after the chunker changed). */
  rebuild?: boolean;
  onProgress?: (event: IngestProgress) => void;
}

/**
 * Loads the corpus, chunks and embeds what changed since the previous index (by content hash), rebuilds the
 * lexical index and writes a new index version atomically.
 */
export async function runIngest(options: RunIngestOptions): Promise<IngestSummary> {
  const { corpusDir, dataDir, embedding, logger } = options;
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();

  const { documents, failures } = await loadCorpus(corpusDir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new AppError('unreadable_document', `Nothing could be indexed: the corpus folder ${corpusDir} does not exist`, { cause: error });
  });
  progress({ phase: 'load', done: documents.length, total: documents.length + failures.length });
  for (const failure of failures) logger.warn({ file: failure.file }, `skipped unreadable document: ${failure.reason}`);
  if (documents.length === 0) {
    const reasons = failures.map((failure) => `${failure.file}: ${failure.reason}`).join('; ');
    throw new AppError('unreadable_document', `Nothing could be indexed in ${corpusDir}${reasons ? ` (${reasons})` : ': no documents found'}`, {
      details: failures,
    });
  }

  const previous = options.rebuild ? null : await readPrevious(dataDir, logger);
  const previousDocs = new Map(previous?.documents.map((doc) => [doc.meta.id, doc]));
  const previousChunks = groupByDoc(previous?.chunks ?? []);
  const unchanged = new Set(documents.filter((doc) => previousDocs.get(doc.meta.id)?.hash === doc.hash).map((doc) => doc.meta.id));

  const changed = documents.filter((doc) => !unchanged.has(doc.meta.id));
  const fresh = new Map<string, Chunk[]>();
  const outlines: Record<string, OutlineEntry[]> = {};
  for (const id of unchanged) outlines[id] = previous?.outlines[id] ?? [];
  changed.forEach((doc, i) => {
    // One reading of the document's structure serves its chunks and its outline.
    const blocks = parseStructure(doc.text);
    fresh.set(doc.meta.id, chunkDocument(doc, blocks));
    outlines[doc.meta.id] = outlineOf(doc, blocks);
    progress({ phase: 'chunk', done: i + 1, total: changed.length, file: doc.meta.sourceFile });
  });
  const chunksOf = (docId: string): Chunk[] => fresh.get(docId) ?? previousChunks.get(docId) ?? [];
  const chunks = documents.flatMap((doc) => chunksOf(doc.meta.id));

  let vectors: VectorIndex | undefined;
  let embeddings = new Map<string, number[]>();
  if (embedding) {
    // Vectors of unchanged documents are reusable only when they were made by the same model.
    const sameModel = previous?.manifest.modelId === embedding.id;
    const cached = new Map<string, number[]>();
    if (sameModel) {
      for (const docId of unchanged) {
        for (const chunk of chunksOf(docId)) {
          const vector = previous!.embeddings.get(chunk.id);
          if (vector) cached.set(chunk.id, vector);
        }
      }
    }
    const toEmbed = chunks.length - cached.size;
    progress({ phase: 'embed', done: 0, total: toEmbed });
    const built = await buildVectorIndex(chunks, withEmbedProgress(embedding, toEmbed, progress), { vectors: cached });
    progress({ phase: 'embed', done: toEmbed, total: toEmbed });
    vectors = built.index;
    embeddings = built.vectors;
  }

  progress({ phase: 'index', done: 0, total: 1 });
  const lexical = buildLexicalIndex(chunks, { documents: documents.map((doc) => doc.meta) });
  progress({ phase: 'index', done: 1, total: 1 });

  progress({ phase: 'write', done: 0, total: 1 });
  const stored: StoredIndex = {
    manifest: {
      version: INDEX_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      modelId: embedding?.id ?? null,
      documents: documents.map((doc) => ({ id: doc.meta.id, sourceFile: doc.meta.sourceFile, hash: doc.hash, chunkCount: chunksOf(doc.meta.id).length })),
    },
    documents,
    chunks,
    outlines,
    lexical: lexical.toJSON(),
    embeddings,
    vectors,
  };
  await writeIndex(dataDir, stored);
  progress({ phase: 'write', done: 1, total: 1 });

  const summary: IngestSummary = {
    documents: documents.length,
    chunks: chunks.length,
    mode: embedding ? 'hybrid' : 'lexical',
    modelId: embedding?.id ?? null,
    seconds: (performance.now() - started) / 1000,
    reused: unchanged.size,
    failures,
  };
  logger.info({ ...summary, failures: failures.length }, 'ingest finished');
  return summary;
}

/** A corrupt previous index is not fatal for ingest: everything is rebuilt. */
async function readPrevious(dataDir: string, logger: Logger): Promise<StoredIndex | null> {
  try {
    return await readIndex(dataDir);
  } catch (error) {
    logger.warn({ err: error }, 'previous index unreadable; rebuilding everything');
    return null;
  }
}

function groupByDoc(chunks: readonly Chunk[]): Map<string, Chunk[]> {
  const byDoc = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const list = byDoc.get(chunk.docId);
    if (list) list.push(chunk);
    else byDoc.set(chunk.docId, [chunk]);
  }
  return byDoc;
}

// Passages go through the model in slices so a long embed phase shows progress.
const EMBED_SLICE = 32;

/** The model, embedding in slices and reporting progress after each. */
function withEmbedProgress(model: EmbeddingModel, total: number, progress: (event: IngestProgress) => void): EmbeddingModel {
  let done = 0;
  return {
    id: model.id,
    dimensions: model.dimensions,
    embedQuery: (text) => model.embedQuery(text),
    async embedPassages(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += EMBED_SLICE) {
        const slice = texts.slice(start, start + EMBED_SLICE);
        vectors.push(...(await model.embedPassages(slice)));
        done += slice.length;
        progress({ phase: 'embed', done: Math.min(done, total), total });
      }
      return vectors;
    },
  };
}
