import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../errors.js';
import type { IngestProgress, IngestSummary } from '../ingest/run-ingest.js';
import { setManifestEntry, type MetadataOverrides } from './corpus-manifest.js';
import type { JobProgress } from './job-queue.js';

/**
 * Where administration keeps files inside the corpus folder: uploads waiting for their job, and the files a running
 * job set aside (so that it can put them back). A dot-folder: the ingest reads neither.
 */
export const ADMIN_FOLDER = '.admin';

/** A job with its files resolved against the collection as it is when the job starts. */
export type AdminJob =
  /** A new document: the staged upload becomes `file`. */
  | { kind: 'add'; docId: string; file: string; staged: string; meta?: MetadataOverrides }
  /** The staged upload takes the place of `previous`, under `file` (the same name unless the type changed). */
  | { kind: 'replace'; docId: string; file: string; previous: string; staged: string; meta?: MetadataOverrides }
  /** Metadata corrections: a field set to null is read from the text again. */
  | { kind: 'update'; docId: string; file: string; meta: { [K in keyof MetadataOverrides]?: MetadataOverrides[K] | null } }
  | { kind: 'delete'; docId: string; file: string };

export interface AdminJobDeps {
  corpusDir: string;
  /** Brings the collection in line with the corpus folder (runIngest). */
  ingest(onProgress: (event: IngestProgress) => void): Promise<IngestSummary>;
  /** Reads a file as the ingest would, OCR included, throwing why it cannot (loadDocumentText). */
  check(file: string, onOcrPage: (done: number, total: number) => void): Promise<unknown>;
}

/** Ingest progress as a share of [from, to] of the job: OCR pages take most of a scanned PDF's time. */
function ingestReporter(report: (progress: JobProgress) => void, from: number, to: number): (event: IngestProgress) => void {
  const at = (share: number) => from + (to - from) * share;
  return (event) => {
    if (event.phase === 'ocr') report({ progress: at(0.05 + (0.8 * event.done) / event.total), phase: 'ocr', pages: { done: event.done, total: event.total } });
    // Reading covers a scan's first page too: OCR reports a page once it is read.
    else if (event.phase === 'load') report({ progress: at(0.05), phase: 'read' });
    else if (event.phase === 'index' || event.phase === 'optimize') report({ progress: at(0.95), phase: 'index' });
    else report({ progress: at(0.9), phase: 'index' });
  };
}

const exists = (path: string): Promise<boolean> => stat(path).then(
  () => true,
  () => false,
);

const UPLOAD_PREFIX = 'upload-';
// A job id (16 characters) and the name the file had.
const SET_ASIDE = /^[\w-]{16}--(.+)$/u;

/** Keeps an upload until its job runs, under its (sanitised) name in a folder of its own; returns its path. */
export async function stageUpload(corpusDir: string, name: string, bytes: Uint8Array): Promise<string> {
  const folder = join(corpusDir, ADMIN_FOLDER, `${UPLOAD_PREFIX}${randomBytes(9).toString('base64url')}`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const staged = join(folder, name);
  await writeFile(staged, bytes, { mode: 0o600 });
  return staged;
}

/**
 * After a restart, what jobs left in the admin folder: uploads whose jobs are gone are removed; files a job set
 * aside and never finished with are put back where they were (unless something took their name), since the job
 * did not complete. Returns what was put back.
 */
export async function recoverAdminFolder(corpusDir: string): Promise<string[]> {
  const folder = join(corpusDir, ADMIN_FOLDER);
  const entries = await readdir(folder).catch(() => [] as string[]);
  const restored: string[] = [];
  for (const entry of entries) {
    const name = SET_ASIDE.exec(entry)?.[1];
    if (entry.startsWith(UPLOAD_PREFIX)) await rm(join(folder, entry), { recursive: true, force: true });
    else if (name && !(await exists(join(corpusDir, name)))) {
      await rename(join(folder, entry), join(corpusDir, name));
      restored.push(name);
    }
  }
  return restored;
}

type Changes = Record<string, unknown>;

/**
 * The entry after a correction: the fields given win, null ones go (read from the text again), the others stay.
 * An entry left naming only the document's own id and file says nothing the ingest would not work out: none.
 */
const corrected = (changes: Changes, docId: string, file: string) => (entry: Changes | undefined): Changes | undefined => {
  const merged: Changes = { ...entry, id: entry?.id ?? docId, sourceFile: file };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete merged[field];
    else merged[field] = value;
  }
  return Object.keys(merged).length > 2 || merged.id !== docId ? merged : undefined;
};

/**
 * Carries out one administrative job on the corpus folder, then runs the incremental ingest, so that the collection
 * changes one committed document at a time while answers go on being served. A job that fails puts every file and
 * manifest entry back as it was, brings the collection back in line with them, and throws saying why.
 * Replacing a document by one of another type (.txt by .pdf) keeps its id: the old file is removed by a first
 * ingest, so that the new one, pinned to the id by its manifest entry, can take it (the document is missing from
 * answers between the two).
 */
export async function runAdminJob(job: AdminJob, jobId: string, deps: AdminJobDeps, report: (progress: JobProgress) => void): Promise<void> {
  const { corpusDir } = deps;
  const inCorpus = (name: string) => join(corpusDir, name);
  const undo: (() => Promise<unknown>)[] = [];
  const setAside: string[] = [];
  let ingested = false;

  const moveAside = async (name: string): Promise<void> => {
    const kept = join(corpusDir, ADMIN_FOLDER, `${jobId}--${name}`);
    await mkdir(dirname(kept), { recursive: true });
    // A rename keeps the file's size and time: put back, the ingest finds it unchanged.
    await rename(inCorpus(name), kept);
    setAside.push(kept);
    undo.push(() => rename(kept, inCorpus(name)));
  };
  const setEntry = async (file: string, next: Parameters<typeof setManifestEntry>[2]): Promise<Changes | undefined> => {
    const previous = await setManifestEntry(corpusDir, file, next);
    undo.push(() => setManifestEntry(corpusDir, file, previous));
    return previous;
  };
  const place = async (staged: string, file: string): Promise<void> => {
    if (await exists(inCorpus(file))) throw new AppError('invalid_request', `Đã có tệp "${file}" trong thư mục văn bản. (A file of that name exists.)`);
    await rename(staged, inCorpus(file));
    undo.push(() => rm(inCorpus(file), { force: true }));
  };
  const ingest = async (from: number, to: number, file?: string): Promise<void> => {
    ingested = true;
    const summary = await deps.ingest(ingestReporter(report, from, to));
    const failure = file && summary.failures.find((entry) => entry.file === file);
    if (failure) throw new AppError('unreadable_document', `Không đọc được tệp "${file}": ${failure.reason}`);
  };
  const hasMeta = (meta?: Changes): meta is Changes => meta !== undefined && Object.keys(meta).length > 0;

  try {
    switch (job.kind) {
      case 'add':
        if (hasMeta(job.meta)) await setEntry(job.file, { id: job.docId, ...job.meta, sourceFile: job.file });
        await place(job.staged, job.file);
        await ingest(0, 1, job.file);
        break;
      case 'replace':
        // Read first: a replacement that cannot be read must not take the old document's place, even for a moment.
        report({ progress: 0.02, phase: 'check' });
        await deps.check(job.staged, (done, total) => report({ progress: (0.45 * done) / total, phase: 'ocr', pages: { done, total } }));
        await moveAside(job.previous);
        if (job.file === job.previous) {
          if (hasMeta(job.meta)) await setEntry(job.file, corrected(job.meta, job.docId, job.file));
          await place(job.staged, job.file);
          await ingest(0.45, 1, job.file);
        } else {
          const entry = await setEntry(job.previous, undefined);
          await setEntry(job.file, (none) => ({ ...corrected(job.meta ?? {}, job.docId, job.file)(entry ?? none), id: job.docId, sourceFile: job.file }));
          await ingest(0.45, 0.6);
          await place(job.staged, job.file);
          await ingest(0.6, 1, job.file);
        }
        break;
      case 'update':
        await setEntry(job.file, corrected(job.meta, job.docId, job.file));
        await ingest(0, 1, job.file);
        break;
      case 'delete':
        await moveAside(job.file);
        await setEntry(job.file, undefined);
        await ingest(0, 1);
        break;
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    if (ingested) {
      try {
        await deps.ingest(() => {});
      } catch (again) {
        throw new AppError('internal', `${(error as Error).message} — và chưa đưa được kho văn bản về như cũ: ${(again as Error).message}`, { cause: error });
      }
    }
    throw error;
  } finally {
    if ('staged' in job) await rm(dirname(job.staged), { recursive: true, force: true });
  }
  // Only once the job has succeeded: until then, what was set aside is what a failure puts back.
  await Promise.all(setAside.map((kept) => rm(kept, { force: true })));
}
