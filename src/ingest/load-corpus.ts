import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { isAppError } from '../errors.js';
import type { DocumentMeta, SourceDocument } from '../types.js';
import { extractMetadata } from '../structure/extract-metadata.js';
import { DOCUMENT_TYPES, type DocumentType } from '../structure/grammar.js';
import { hashBytes, loadDocumentText } from './load-document.js';

export interface CorpusFailure {
  file: string;
  reason: string;
}

const MANIFEST = 'manifest.json';
/** Notes and the manifest live next to the documents; they are not documents. */
const IGNORED_EXTENSIONS = ['.json', '.md'];
const READ_BATCH = 16;

const manifestSchema = z.object({
  documents: z.array(
    z.object({
      id: z.string().min(1),
      // Optional like every field but the id and file: one left out is read from the text.
      title: z.string().min(1).optional(),
      number: z.string().optional(),
      issuer: z.string().optional(),
      locality: z.string().optional(),
      type: z.enum(DOCUMENT_TYPES.map((entry) => entry.type) as [DocumentType, ...DocumentType[]]).optional(),
      level: z.enum(['quốc gia', 'tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường']).optional(),
      province: z.string().optional(),
      issuedDate: z.string().optional(),
      signer: z.string().optional(),
      period: z.string().optional(),
      effectiveDate: z.string().optional(),
      relations: z.array(z.object({ kind: z.enum(['căn cứ', 'thực hiện', 'thay thế', 'bãi bỏ', 'sửa đổi, bổ sung']), number: z.string() })).optional(),
      sourceFile: z.string().min(1),
    }),
  ),
});
/** One entry of `manifest.json`: what it gives wins over what is read from the text. */
export const manifestEntrySchema = manifestSchema.shape.documents.element;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** Manifest entries by file name; a missing manifest is fine, a broken one is reported and ignored. */
async function readManifest(dir: string, failures: CorpusFailure[]): Promise<Map<string, ManifestEntry>> {
  let raw: string;
  try {
    raw = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return new Map();
  }
  try {
    const parsed = manifestSchema.parse(JSON.parse(raw));
    return new Map(parsed.documents.map((entry) => [entry.sourceFile, entry]));
  } catch (error) {
    const detail = error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : (error as Error).message;
    failures.push({ file: MANIFEST, reason: `manifest ignored, metadata taken from the documents instead (${detail})` });
    return new Map();
  }
}

/** What the store already holds for a file: its id, and the file's size and time plus its manifest entry. */
export interface KnownFile {
  id: string;
  signature: string;
}

export interface LoadedCorpus {
  /** Documents new or changed since the store last saw them (all of them without `known`). */
  documents: SourceDocument[];
  /** Ids of stored documents whose file and manifest entry are unchanged: not read again. */
  unchanged: string[];
  failures: CorpusFailure[];
  /** Signature of each loaded file, to store beside its document. */
  signatures: Map<string, string>;
}

export interface CorpusScan {
  manifest: Map<string, ManifestEntry>;
  failures: CorpusFailure[];
  signatures: Map<string, string>;
  /** Ids of known documents whose file and manifest entry are unchanged. */
  unchanged: string[];
  /** Files new or changed since the store saw them. */
  toRead: string[];
  /** Ids of known documents whose file is gone. */
  removed: string[];
}

const STAT_BATCH = 1_000;
/** A file that vanished or cannot be read is a changed file: the read that follows says why. */
const statOrNothing = (path: string) => {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

/** The corpus folder against what the store knows, by file size, time and manifest entry: nothing is read. */
export async function scanCorpus(dir: string, known?: ReadonlyMap<string, KnownFile>): Promise<CorpusScan> {
  const failures: CorpusFailure[] = [];
  const manifest = await readManifest(dir, failures);
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && !entry.name.startsWith('.') && !IGNORED_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort();
  const signatures = new Map<string, string>();
  const unchanged: string[] = [];
  const toRead: string[] = [];
  // One synchronous stat per file: a few microseconds each, where thousands of promised ones through the thread
  // pool cost half a second at 14,000 files. A server scanning at start-up answers requests between batches.
  for (const [i, file] of files.entries()) {
    if (i % STAT_BATCH === STAT_BATCH - 1) await new Promise(setImmediate);
    const info = statOrNothing(join(dir, file));
    const entry = manifest.get(file);
    const signature = `${info?.size ?? 0}:${Math.round(info?.mtimeMs ?? 0)}:${entry ? hashBytes(Buffer.from(JSON.stringify(entry))).slice(0, 16) : ''}`;
    signatures.set(file, signature);
    const stored = known?.get(file);
    if (stored && stored.signature === signature) unchanged.push(stored.id);
    else toRead.push(file);
  }
  const present = new Set(files);
  const removed = [...(known ?? [])].filter(([file]) => !present.has(file)).map(([, { id }]) => id);
  return { manifest, failures, signatures, unchanged: unchanged.sort(), toRead: toRead.sort(), removed };
}

/**
 * Reads the files a scan found new or changed, a batch at a time, and yields their documents batch by batch, so a
 * province's collection never sits in memory at once. Unreadable files go to `scan.failures`. Ids stay stable:
 * a known file keeps its id; a new one gets its slug, made unique.
 */
export async function* readDocuments(
  dir: string,
  scan: CorpusScan,
  options: { known?: ReadonlyMap<string, KnownFile>; onOcrPage?: (file: string, done: number, total: number) => void } = {},
): AsyncGenerator<SourceDocument[]> {
  const usedIds = new Set<string>([...(options.known?.values() ?? [])].map((known) => known.id));
  for (let start = 0; start < scan.toRead.length; start += READ_BATCH) {
    const loaded = await Promise.all(
      scan.toRead.slice(start, start + READ_BATCH).map(async (file) => {
        try {
          const onOcrPage = options.onOcrPage && ((done: number, total: number) => options.onOcrPage!(file, done, total));
          const { text, hash, ocr } = await loadDocumentText(join(dir, file), { onOcrPage });
          return { file, text, hash, ocr };
        } catch (error) {
          scan.failures.push({ file, reason: isAppError(error) ? error.message : `Cannot read "${file}": ${(error as Error).message}` });
          return undefined;
        }
      }),
    );
    const documents: SourceDocument[] = [];
    for (const item of loaded) {
      if (!item) continue;
      const entry = scan.manifest.get(item.file);
      // What the text states, corrected by the manifest entry where there is one: the manifest always wins.
      const meta: DocumentMeta = { ...extractMetadata(item.text, item.file), ...entry, ...(item.ocr ? { ocr: true } : {}), sourceFile: item.file };
      let id = options.known?.get(item.file)?.id;
      if (!id) {
        id = meta.id;
        for (let n = 2; usedIds.has(id); n += 1) id = `${meta.id}-${n}`;
        usedIds.add(id);
      }
      // The manifest entry is part of what was indexed: changing it re-ingests the document.
      const hash = entry ? hashBytes(Buffer.from(`${item.hash}:${JSON.stringify(entry)}`)) : item.hash;
      documents.push({ meta: { ...meta, id }, text: item.text, hash });
    }
    yield documents;
  }
}

/**
 * Loads every .txt/.docx/.pdf in `dir` at once (small folders: tests, the evaluation); files that cannot be read
 * are reported in `failures` and skipped. With `known`, unchanged files are not read at all.
 */
export async function loadCorpus(dir: string, options: { known?: ReadonlyMap<string, KnownFile> } = {}): Promise<LoadedCorpus> {
  const scan = await scanCorpus(dir, options.known);
  const documents: SourceDocument[] = [];
  for await (const batch of readDocuments(dir, scan, options)) documents.push(...batch);
  documents.sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  scan.failures.sort((a, b) => a.file.localeCompare(b.file));
  return { documents, unchanged: scan.unchanged, failures: scan.failures, signatures: scan.signatures };
}
