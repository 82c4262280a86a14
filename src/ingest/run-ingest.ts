import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppError } from '../errors.js';
import { buildAbbreviationTable, CURATED_ABBREVIATIONS } from '../lang/abbreviations.js';
import type { Logger } from '../logger.js';
import { indexFields } from '../retrieval/lexical-index.js';
import { passageText, syncVectorIndex } from '../retrieval/vector-index.js';
import { analyzeForIndex } from '../retrieval/vietnamese-analyzer.js';
import { DATABASE_FILE, openCollectionStore, STORE_FORMAT, type CollectionStore, type DocumentRecord } from '../store/sqlite-store.js';
import { outlineOf } from '../structure/outline.js';
import { parseStructure } from '../structure/parse-structure.js';
import type { EmbeddingModel, SourceDocument } from '../types.js';
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
  /** Documents skipped as unchanged (same file and manifest entry as in the database). */
  reused: number;
  /** Documents added or replaced, and removed. */
  written: number;
  removed: number;
  failures: IngestFailure[];
}

export interface RunIngestOptions {
  corpusDir: string;
  dataDir: string;
  embedding: EmbeddingModel | null;
  logger: Logger;
  /** Ignore what is stored: re-read, re-chunk and re-embed everything (e.g. after the chunker changed). */
  rebuild?: boolean;
  onProgress?: (event: IngestProgress) => void;
}

// Passages go through the model in slices so a long embed phase shows progress.
const EMBED_SLICE = 32;

/**
 * Brings the collection database in line with the corpus folder, one document per transaction: new and changed
 * files are read, chunked, indexed and embedded; removed files are removed; unchanged files are not even read. A
 * crash at any point leaves every document either as it was or as it is now. One ingest writes at a time: a
 * second one is refused while the first runs.
 */
export async function runIngest(options: RunIngestOptions): Promise<IngestSummary> {
  const { corpusDir, dataDir, embedding, logger } = options;
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();

  const store = openForWriting(dataDir, logger);
  const release = store.acquireWriter(`ingest of ${corpusDir}`);
  try {
    // A database written by another version of the ingest is rebuilt from the corpus.
    const rebuild = options.rebuild || store.format !== STORE_FORMAT;
    const known = rebuild ? undefined : store.knownFiles();
    const loaded = await loadCorpus(corpusDir, {
      known: known && new Map([...known].map(([file, { id, signature }]) => [file, { id, signature }])),
    }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new AppError('unreadable_document', `Nothing could be indexed: the corpus folder ${corpusDir} does not exist`, { cause: error });
    });
    const { failures } = loaded;
    progress({ phase: 'load', done: loaded.documents.length + loaded.unchanged.length, total: loaded.documents.length + loaded.unchanged.length + failures.length });
    for (const failure of failures) logger.warn({ file: failure.file }, `skipped unreadable document: ${failure.reason}`);
    if (loaded.documents.length + loaded.unchanged.length === 0) {
      const reasons = failures.map((failure) => `${failure.file}: ${failure.reason}`).join('; ');
      throw new AppError('unreadable_document', `Nothing could be indexed in ${corpusDir}${reasons ? ` (${reasons})` : ': no documents found'}`, { details: failures });
    }

    // Same content under the same id (a touched file, or a rebuild of an unchanged text) keeps its chunks only
    // when nothing else asks for a rebuild; otherwise every loaded document is written again.
    const present = new Set([...loaded.unchanged, ...loaded.documents.map((doc) => doc.meta.id)]);
    const stale = [...(store.knownFiles().values())].map((file) => file.id).filter((id) => !present.has(id));
    const changed = loaded.documents.filter((doc) => rebuild || known?.get(doc.meta.sourceFile)?.hash !== doc.hash);
    const rewritten = new Set(changed);
    const touched = loaded.documents.filter((doc) => !rewritten.has(doc));

    for (const id of stale) store.removeDocument(id);
    // Unchanged content, new file time: only the signature is new.
    for (const doc of touched) store.setSignature(doc.meta.id, loaded.signatures.get(doc.meta.sourceFile)!);

    let chunkCount = 0;
    const embed = embedding ? withEmbedProgress(embedding, progress) : null;
    // One table for the whole run, grown with each document's own definitions (the analyzer memoises it by size).
    const abbreviations = new Map([...CURATED_ABBREVIATIONS, ...store.definedAbbreviations()]);
    for (const [i, doc] of changed.entries()) {
      const record = await recordOf(doc, store, embed, loaded.signatures.get(doc.meta.sourceFile) ?? '', rebuild, abbreviations);
      chunkCount += record.chunks.length;
      progress({ phase: 'write', done: i, total: changed.length, file: doc.meta.sourceFile });
      store.putDocument(record);
      progress({ phase: 'chunk', done: i + 1, total: changed.length, file: doc.meta.sourceFile });
    }
    store.setSetting('format', String(STORE_FORMAT));
    // A model the stored chunks were not embedded with: their vectors are made, the chunks stay as they are.
    if (embed) {
      for (const docId of store.documentsWithoutVectors(embed.id)) {
        const chunks = store.chunksOf(docId);
        const vectors = await embed.embedPassages(chunks.map(passageText));
        store.putEmbeddings(docId, embed.id, new Map(chunks.map((chunk, i) => [chunk.id, vectors[i]])));
      }
    }

    progress({ phase: 'index', done: 0, total: 1 });
    if (embedding) await syncVectorIndex(dataDir, store, embedding);
    progress({ phase: 'index', done: 1, total: 1 });

    const summary: IngestSummary = {
      documents: present.size,
      chunks: store.chunkCounts().chunks,
      mode: embedding ? 'hybrid' : 'lexical',
      modelId: embedding?.id ?? null,
      seconds: (performance.now() - started) / 1000,
      reused: present.size - changed.length,
      written: changed.length,
      removed: stale.length,
      failures,
    };
    logger.info({ ...summary, failures: failures.length, newChunks: chunkCount }, 'ingest finished');
    return summary;
  } finally {
    release();
    store.close();
  }
}

/** The database, or a new one when the file is not a database at all (the damaged one is kept aside). */
function openForWriting(dataDir: string, logger: Logger): CollectionStore {
  try {
    return openCollectionStore(dataDir);
  } catch (error) {
    const aside = join(dataDir, `${DATABASE_FILE}.damaged-${Date.now()}`);
    logger.warn({ err: error, aside }, 'the collection database is unreadable: it is moved aside and rebuilt from the corpus');
    renameSync(join(dataDir, DATABASE_FILE), aside);
    for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `${DATABASE_FILE}${suffix}`), { force: true });
    return openCollectionStore(dataDir);
  }
}

/** Everything derived from one document: chunks, outline, index terms, its own abbreviations and embeddings. */
async function recordOf(
  doc: SourceDocument,
  store: CollectionStore,
  embedding: EmbeddingModel | null,
  signature: string,
  rebuild: boolean,
  abbreviations: Map<string, string>,
): Promise<DocumentRecord> {
  // One reading of the document's structure serves its chunks and its outline.
  const blocks = parseStructure(doc.text);
  const chunks = chunkDocument(doc, blocks);
  const defined = buildAbbreviationTable([doc.text]);
  for (const [term, expansion] of defined) abbreviations.set(term, expansion);
  const terms = chunks.map((chunk) => {
    const fields = indexFields(chunk, doc.meta);
    return { text: analyzeForIndex(fields.text, abbreviations), section: analyzeForIndex(fields.section, abbreviations), source: analyzeForIndex(fields.source, abbreviations) };
  });
  let embeddings: DocumentRecord['embeddings'];
  if (embedding) {
    // A passage embedded before (same text, same model) is never embedded again.
    const previous = new Map<string, Float32Array>();
    const stored = rebuild ? new Map<string, Float32Array>() : store.embeddingsOf(doc.meta.id, embedding.id);
    for (const chunk of rebuild ? [] : store.chunksOf(doc.meta.id)) {
      const vector = stored.get(chunk.id);
      if (vector) previous.set(passageText(chunk), vector);
    }
    const missing = chunks.filter((chunk) => !previous.has(passageText(chunk)));
    const fresh = await embedding.embedPassages(missing.map(passageText));
    missing.forEach((chunk, i) => previous.set(passageText(chunk), Float32Array.from(fresh[i])));
    embeddings = { model: embedding.id, vectors: new Map(chunks.map((chunk) => [chunk.id, previous.get(passageText(chunk))!])) };
  }
  return { doc, signature, chunks, outline: outlineOf(doc, blocks), abbreviations: [...defined], terms, embeddings };
}

/** The model, embedding in slices and reporting progress after each. */
function withEmbedProgress(model: EmbeddingModel, progress: (event: IngestProgress) => void): EmbeddingModel {
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
        progress({ phase: 'embed', done, total: done + texts.length - start - slice.length });
      }
      return vectors;
    },
  };
}
