import { performance } from 'node:perf_hooks';
import { AppError } from '../errors.js';
import { buildAbbreviationTable, CURATED_ABBREVIATIONS } from '../lang/abbreviations.js';
import type { Logger } from '../logger.js';
import { indexFields } from '../retrieval/lexical-index.js';
import { passageText, type HnswLibrary } from '../retrieval/vector-index.js';
import { analyzeForIndex } from '../retrieval/vietnamese-analyzer.js';
import type { CollectionTarget, CollectionWriter, DocumentRecord, WriterSession } from '../store/collection-writer.js';
import { isLargeChange } from '../store/last-good-copy.js';
import { outlineOf } from '../structure/outline.js';
import { parseStructure } from '../structure/parse-structure.js';
import { GRAMMAR_VERSION } from '../structure/grammar.js';
import type { EmbeddingModel, SourceDocument } from '../types.js';
import { chunkDocument } from './chunk-document.js';
import { readDocuments, scanCorpus } from './load-corpus.js';
import { sqliteTarget } from './sqlite-target.js';

export type IngestPhase = 'load' | 'ocr' | 'chunk' | 'embed' | 'index' | 'write' | 'optimize';

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
  /** The embedded collection's folder, written unless `target` names another store. */
  dataDir: string;
  /** Where the collection is written (PostgreSQL: postgres-target.ts); default the SQLite database in `dataDir`. */
  target?: CollectionTarget;
  embedding: EmbeddingModel | null;
  logger: Logger;
  /** Ignore what is stored: re-read, re-chunk and re-embed everything (e.g. after the chunker changed). */
  rebuild?: boolean;
  /** How long to wait for another ingest writing to the same collection before refusing (default: refuse at once). */
  waitMs?: number;
  onProgress?: (event: IngestProgress) => void;
  /** The HNSW library, loaded only when there is a model (a native addon: lexical-only mode runs without it). */
  loadHnsw?: () => Promise<HnswLibrary>;
}

// Passages go through the model in slices so a long embed phase shows progress.
const EMBED_SLICE = 32;

/**
 * Brings the collection database in line with the corpus folder, one document per transaction: new and changed
 * files are read, chunked, indexed and embedded; removed files are removed; unchanged files are not even read. A
 * crash at any point leaves every document either as it was or as it is now. One ingest writes at a time: a
 * second one waits up to `waitMs`, then is refused (index_busy) having changed nothing. A database that cannot
 * serve is replaced by its last good copy, else rebuilt from the corpus.
 */
export async function runIngest(options: RunIngestOptions): Promise<IngestSummary> {
  const { corpusDir, dataDir, embedding, logger } = options;
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();

  const target = options.target ?? sqliteTarget({ dataDir, logger, loadHnsw: options.loadHnsw });
  const store: WriterSession = await target.openWriter(`ingest of ${corpusDir}`, { waitMs: options.waitMs });
  try {
    // A database written by another version of the ingest is rebuilt from the corpus.
    const rebuild = options.rebuild || !store.formatCurrent;
    // Documents read by an older grammar are read again, each replaced in its own transaction as usual.
    const reread = rebuild || (await store.setting('grammar')) !== String(GRAMMAR_VERSION);
    const known = reread ? undefined : await store.knownFiles();
    const knownFiles = known && new Map([...known].map(([file, { id, signature }]) => [file, { id, signature }]));
    const scan = await scanCorpus(corpusDir, knownFiles).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new AppError('unreadable_document', `Nothing could be indexed: the corpus folder ${corpusDir} does not exist`, { cause: error });
    });
    const { failures } = scan;
    progress({ phase: 'load', done: scan.unchanged.length, total: scan.unchanged.length + scan.toRead.length });

    // Documents are read, chunked, indexed and written a batch at a time; each document in its own transaction.
    const present = new Set(scan.unchanged);
    let written = 0;
    let chunkCount = 0;
    const embed = embedding ? withEmbedProgress(embedding, progress) : null;
    // One table for the whole run, grown with each document's own definitions (the analyzer memoises it by size).
    const abbreviations = new Map([...CURATED_ABBREVIATIONS, ...(await store.definedAbbreviations())]);
    // OCR is the slow part of reading a scanned PDF (seconds a page): its pages are reported as they are read.
    const onOcrPage = (file: string, done: number, total: number) => progress({ phase: 'ocr', done, total, file });
    for await (const batch of readDocuments(corpusDir, scan, { known: knownFiles, onOcrPage })) {
      for (const doc of batch) {
        present.add(doc.meta.id);
        const signature = scan.signatures.get(doc.meta.sourceFile) ?? '';
        // Same content, new file time: only the signature is new.
        if (!reread && known?.get(doc.meta.sourceFile)?.hash === doc.hash) {
          await store.setSignature(doc.meta.id, signature);
          continue;
        }
        const record = await recordOf(doc, store, embed, signature, rebuild, abbreviations);
        chunkCount += record.chunks.length;
        progress({ phase: 'write', done: written, total: scan.toRead.length, file: doc.meta.sourceFile });
        await store.putDocument(record);
        written += 1;
        progress({ phase: 'chunk', done: written, total: scan.toRead.length, file: doc.meta.sourceFile });
      }
    }
    for (const failure of failures) logger.warn({ file: failure.file }, `skipped unreadable document: ${failure.reason}`);
    if (present.size === 0) {
      const reasons = failures.map((failure) => `${failure.file}: ${failure.reason}`).join('; ');
      throw new AppError('unreadable_document', `Nothing could be indexed in ${corpusDir}${reasons ? ` (${reasons})` : ': no documents found'}`, { details: failures });
    }
    // Removed last, once the folder is known to hold something: an empty or unreadable folder changes nothing.
    const stale = [...(await store.knownFiles()).values()].map((file) => file.id).filter((id) => !present.has(id));
    for (const id of stale) await store.removeDocument(id);
    // Written only when they change: every write clears the caches of the servers reading the collection.
    if (!store.formatCurrent) await store.markFormatCurrent();
    if (reread) await store.setSetting('grammar', String(GRAMMAR_VERSION));
    // A model the stored chunks were not embedded with: their vectors are made, the chunks stay as they are.
    if (embed) {
      for (const docId of await store.documentsWithoutVectors(embed.id)) {
        const chunks = await store.chunksOf(docId);
        const vectors = await embed.embedPassages(chunks.map(passageText));
        await store.putEmbeddings(docId, embed.id, new Map(chunks.map((chunk, i) => [chunk.id, vectors[i]])));
      }
    }

    progress({ phase: 'index', done: 0, total: 1 });
    const indexed = await store.indexVectors(embedding);
    progress({ phase: 'index', done: 1, total: 1 });
    const change = { changed: written + stale.length, documents: present.size };
    if (change.changed > 0 && isLargeChange(change)) {
      progress({ phase: 'optimize', done: 0, total: 1 });
      await store.optimize();
      // The ranking's statistics recounted too (each write keeps them, unless it was interrupted or written by an
      // earlier version): answers must not depend on what the collection held before.
      if (await store.reconcileIndex()) logger.info({ changed: change.changed }, 'lexical index statistics brought in line with its rows');
      progress({ phase: 'optimize', done: 1, total: 1 });
    }
    if (change.changed > 0) await store.keepSpare(change);

    const summary: IngestSummary = {
      documents: present.size,
      chunks: await store.chunkCount(),
      mode: indexed ? 'hybrid' : 'lexical',
      modelId: embedding?.id ?? null,
      seconds: (performance.now() - started) / 1000,
      reused: present.size - written,
      written,
      removed: stale.length,
      failures,
    };
    logger.info({ ...summary, failures: failures.length, newChunks: chunkCount }, 'ingest finished');
    return summary;
  } finally {
    await store.close();
  }
}

/** Everything derived from one document: chunks, outline, index terms, its own abbreviations and embeddings. */
async function recordOf(
  doc: SourceDocument,
  store: CollectionWriter,
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
    const stored = rebuild ? new Map<string, Float32Array>() : await store.embeddingsOf(doc.meta.id, embedding.id);
    for (const chunk of rebuild ? [] : await store.chunksOf(doc.meta.id)) {
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
