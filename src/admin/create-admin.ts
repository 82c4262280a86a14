import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { hashBytes } from '../ingest/load-document.js';
import { matchKey } from '../lang/normalize.js';
import type { Logger } from '../logger.js';
import { clientOf, rateLimit } from '../server/rate-limit.js';
import { readJsonBody } from '../http/read-json-body.js';
import { slugOfFileName } from '../structure/extract-metadata.js';
import type { DocumentMeta, KnowledgeBase } from '../types.js';
import { feedbackFiles } from '../web/feedback-store.js';
import { ADMIN_API, createAdminAuth } from './admin-auth.js';
import { createAuditLog, type AuditAction } from './audit-log.js';
import { metadataOverridesSchema, OVERRIDABLE_FIELDS, readManifest, type MetadataOverrides } from './corpus-manifest.js';
import { feedbackCsv, readFeedback } from './feedback-view.js';
import { forkJobRunner, workerSettings } from './fork-job.js';
import { createJobQueue, type JobProgress, type JobStatus } from './job-queue.js';
import { recoverAdminFolder, stageUpload, type AdminJob } from './run-admin-job.js';
import { safeFileName, uniqueFileName } from './safe-file-name.js';
import { sniffUpload, type UploadExtension } from './sniff-upload.js';
import type { AdminMount } from '../server/create-app.js';

export interface AdminDeps {
  config: Config;
  /** ADMIN_TOKEN: administration exists only when it is set. */
  token: string;
  knowledge: Pick<KnowledgeBase, 'catalogue'>;
  logger: Logger;
  /** Runs one job; by default in a process of its own (fork-job.ts). */
  runJob?: (job: AdminJob, jobId: string, report: (progress: JobProgress) => void) => Promise<void>;
}

export interface Admin extends AdminMount {
  /** Settles when the jobs enqueued so far have finished. */
  idle(): Promise<void>;
}

interface Actor {
  client: string;
  via: 'token' | 'session';
}

/** A job as queued: the document it is about, and what it needs that is known when it is asked for. */
type QueuedJob = { docId: string; file: string; by: Actor } & (
  | { kind: 'add'; staged: string; hash: string; meta?: MetadataOverrides }
  | { kind: 'replace'; staged: string; hash: string; extension: UploadExtension; meta?: MetadataOverrides }
  | { kind: 'update'; meta: Record<string, string | null> }
  | { kind: 'delete' }
);

/** What GET /jobs/:jobId says. */
const jobView = ({ jobId, state, progress, phase, pages, error, createdAt, finishedAt, spec }: JobStatus<QueuedJob>) => ({
  jobId,
  state,
  progress,
  phase,
  pages,
  error,
  kind: spec.kind,
  docId: spec.docId,
  file: spec.file,
  createdAt,
  finishedAt,
});

const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const documentsQuery = pageQuery.extend({ q: z.string().max(200).optional() });
const feedbackQuery = pageQuery.extend({ rating: z.enum(['up', 'down']).optional() });
const loginSchema = z.object({ token: z.string().min(1).max(1000) });
/** A correction: a field given a text overrides what is read, null (or an empty text) reads it again. */
const updateSchema = z
  .record(z.enum(OVERRIDABLE_FIELDS as [string, ...string[]]), z.string().trim().max(1000).nullable())
  .refine((fields) => Object.keys(fields).length > 0, { message: 'no field to change' });

function parseQuery<T extends z.ZodTypeAny>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new AppError('invalid_request', `Tham số không hợp lệ: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}. (Invalid query.)`);
  return parsed.data;
}

function checkedOverrides(fields: Record<string, string>): MetadataOverrides {
  const parsed = metadataOverridesSchema.safeParse(fields);
  if (!parsed.success) {
    throw new AppError('invalid_request', `Thông tin văn bản không hợp lệ: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'trường'}: ${issue.message}`).join('; ')}. (Invalid metadata.)`);
  }
  return parsed.data;
}

/**
 * Administration of the collection from the web: uploads (checked, deduplicated by content, kept as originals in
 * the corpus folder), replacements, metadata corrections and deletions, each a background job run one at a time
 * while answers go on from the collection as committed; the audit log; the feedback received.
 */
export function createAdmin({ config, token, knowledge, logger, runJob = forkJobRunner(workerSettings(config)) }: AdminDeps): Admin {
  const corpusDir = config.CORPUS_DIR;
  const auth = createAdminAuth({ token, publicUrl: config.PUBLIC_URL });
  const audit = createAuditLog(config.DATA_DIR);
  const feedback = feedbackFiles(config.DATA_DIR, config.FEEDBACK_FILES);
  const actor = (c: Context): Actor => ({ client: clientOf(c, config.TRUST_PROXY), via: auth.via(c) });
  const metaOf = (docId: string): DocumentMeta | undefined => knowledge.catalogue().find((meta) => meta.id === docId);

  // Before the first job: what jobs cut short by the last stop left in the corpus folder.
  const recovered = recoverAdminFolder(corpusDir).then(
    (restored) => restored.length > 0 && logger.warn({ restored }, 'files set aside by unfinished admin jobs were put back'),
    (error: unknown) => logger.error({ err: error }, 'the admin folder in the corpus could not be checked'),
  );

  /** The job with its files resolved against the collection as it is now (an earlier job may have changed it). */
  const resolve = (spec: QueuedJob): AdminJob => {
    if (spec.kind === 'add') return { kind: 'add', docId: spec.docId, file: spec.file, staged: spec.staged, meta: spec.meta };
    const meta = metaOf(spec.docId);
    if (!meta) throw new AppError('not_found', `Văn bản "${spec.docId}" không còn trong kho. (The document is gone.)`);
    if (spec.kind === 'replace') {
      const previous = meta.sourceFile;
      const stem = basename(previous, extname(previous));
      // The same name when the type is the same ("in place"); otherwise the old name with the new extension.
      const file = extname(previous).toLowerCase() === spec.extension ? previous : uniqueFileName(`${stem}${spec.extension}`, (name) => existsSync(join(corpusDir, name)));
      return { kind: 'replace', docId: spec.docId, file, previous, staged: spec.staged, meta: spec.meta };
    }
    if (spec.kind === 'update') return { kind: 'update', docId: spec.docId, file: meta.sourceFile, meta: spec.meta };
    return { kind: 'delete', docId: spec.docId, file: meta.sourceFile };
  };

  const queue = createJobQueue<QueuedJob>({
    async execute(spec, report, jobId) {
      await recovered;
      const job = resolve(spec);
      spec.file = job.file;
      await runJob(job, jobId, report);
      // The id the ingest gave a new document (the one promised, unless a file took it meanwhile).
      if (job.kind === 'add') spec.docId = knowledge.catalogue().find((meta) => meta.sourceFile === job.file)?.id ?? spec.docId;
    },
    onSettled(job) {
      const { spec, state, error, jobId } = job;
      audit.record({ action: state === 'done' ? 'job-done' : 'job-failed', client: spec.by.client, via: spec.by.via, docId: spec.docId, file: spec.file, jobId, detail: error ?? spec.kind });
      if (error) logger.warn({ jobId, kind: spec.kind, docId: spec.docId, error }, 'admin job failed');
      else logger.info({ jobId, kind: spec.kind, docId: spec.docId }, 'admin job done');
    },
  });
  const pendingFor = (docId: string) => queue.pending().find((job) => job.spec.docId === docId);
  const enqueue = (action: AuditAction, spec: QueuedJob, detail?: string) => {
    const job = queue.enqueue(spec);
    audit.record({ action, ...spec.by, docId: spec.docId, file: spec.file, jobId: job.jobId, detail });
    return job;
  };
  const documentFor = (docId: string): DocumentMeta => {
    const meta = metaOf(docId);
    if (!meta) throw new AppError('not_found', `Không có văn bản mang mã "${docId}". (Unknown document.)`);
    if (pendingFor(docId)) throw new AppError('index_busy', `Văn bản "${docId}" đang được xử lý; hãy đợi việc đó xong. (A job for this document is pending.)`);
    return meta;
  };

  /**
   * Uploads between their checks and their job being queued (staging the file takes a moment): by content hash to
   * the document id they were given, and by the file name taken. Another upload meanwhile sees them as taken.
   */
  const arriving = { hashes: new Map<string, string>(), names: new Set<string>() };

  /** The document that already holds these bytes (in the corpus folder, or on its way there), if any. */
  const holderOf = async (size: number, hash: string): Promise<string | undefined> => {
    const queued = queue.pending().find((job) => 'hash' in job.spec && job.spec.hash === hash);
    if (queued) return queued.spec.docId;
    const catalogue = knowledge.catalogue();
    const sizes = await Promise.all(catalogue.map((meta) => stat(join(corpusDir, meta.sourceFile)).then((info) => info.size, () => -1)));
    // Only files of the same size are read and hashed: few, whatever the collection's size.
    for (const [i, meta] of catalogue.entries()) {
      if (sizes[i] === size && hashBytes(await readFile(join(corpusDir, meta.sourceFile))) === hash) return meta.id;
    }
    return undefined;
  };

  const routes = new Hono();

  // ---- session ----------------------------------------------------------------------------------------------

  // Guessing the token: ten tries a minute per address.
  routes.post('/session', rateLimit({ perMinute: 10, trustProxy: config.TRUST_PROXY }), async (c) => {
    const { token } = await readJsonBody(c, loginSchema);
    const session = auth.login(c, token);
    audit.record({ action: session ? 'login' : 'login-failed', client: clientOf(c, config.TRUST_PROXY), via: 'session' });
    if (!session) throw new AppError('unauthorized', 'Mã quản trị không đúng. (Invalid admin token.)');
    return c.json(session);
  });
  routes.get('/session', (c) => c.json(auth.session(c) ?? { via: 'token' }));
  routes.delete('/session', (c) => {
    audit.record({ action: 'logout', ...actor(c) });
    auth.logout(c);
    return c.json({ ok: true });
  });

  // ---- documents --------------------------------------------------------------------------------------------

  routes.get('/documents', async (c) => {
    const { q, offset, limit } = parseQuery(c, documentsQuery);
    const key = q ? matchKey(q) : '';
    const catalogue = knowledge.catalogue();
    const matching = key ? catalogue.filter((meta) => matchKey([meta.id, meta.title, meta.number, meta.locality, meta.sourceFile].join(' ')).includes(key)) : catalogue;
    const manifest = await readManifest(corpusDir).catch(() => ({ documents: [] }));
    const corrected = new Map(manifest.documents.map((entry) => [entry.sourceFile, Object.keys(entry).filter((field) => field !== 'id' && field !== 'sourceFile')]));
    const documents = await Promise.all(
      matching.slice(offset, offset + limit).map(async (meta) => ({
        ...meta,
        ocr: meta.ocr === true,
        // When its file was put in the corpus folder (uploaded, or replaced).
        addedAt: (await stat(join(corpusDir, meta.sourceFile)).catch(() => undefined))?.mtime.toISOString(),
        corrected: corrected.get(meta.sourceFile) ?? [],
        pendingJob: pendingFor(meta.id)?.jobId,
      })),
    );
    return c.json({ total: matching.length, offset, limit, documents });
  });

  routes.post('/documents', async (c) => {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch (cause) {
      throw new AppError('invalid_request', 'Yêu cầu phải gửi tệp dạng multipart/form-data, trường "file". (Send multipart/form-data with a "file" field.)', { cause });
    }
    const { file, docId: replacing, ...fields } = form;
    if (!(file instanceof File)) throw new AppError('invalid_request', 'Thiếu tệp tải lên (trường "file"). (Missing the "file" field.)');
    if (replacing !== undefined && typeof replacing !== 'string') throw new AppError('invalid_request', 'Trường "docId" phải là mã văn bản. (docId must be text.)');
    if (Object.values(fields).some((value) => typeof value !== 'string')) throw new AppError('invalid_request', 'Mỗi yêu cầu gửi một tệp, trong trường "file", và mỗi trường một lần. (One file, each field once.)');
    const meta = checkedOverrides(Object.fromEntries(Object.entries(fields as Record<string, string>).filter(([, value]) => value.trim() !== '').map(([field, value]) => [field, value.trim()])));
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length > config.MAX_UPLOAD_BYTES) throw new AppError('payload_too_large', `Tệp lớn hơn ${config.MAX_UPLOAD_BYTES} byte. (File too large.)`);
    const extension = sniffUpload(bytes);
    const hash = hashBytes(bytes);
    const by = actor(c);

    const holder = (await holderOf(bytes.length, hash)) ?? arriving.hashes.get(hash);
    if (holder) return c.json({ docId: holder, duplicate: true }, 200);

    const name = safeFileName(file.name, extension);
    let docId = replacing;
    let target = name;
    if (docId) documentFor(docId);
    else {
      // A name whose id is free: the ingest names a new document after its file.
      const ids = new Set(knowledge.catalogue().map((meta) => meta.id));
      const pending = queue.pending().map((job) => job.spec);
      target = uniqueFileName(name, (candidate) => {
        const id = slugOfFileName(candidate);
        return existsSync(join(corpusDir, candidate)) || arriving.names.has(candidate) || ids.has(id) || pending.some((spec) => spec.file === candidate || spec.docId === id);
      });
      docId = slugOfFileName(target);
      arriving.names.add(target);
    }
    arriving.hashes.set(hash, docId);
    try {
      const staged = await stageUpload(corpusDir, target, bytes);
      const detail = `${file.name}, ${bytes.length} B`;
      const job = replacing
        ? enqueue('replace', { kind: 'replace', docId, file: target, staged, hash, extension, meta, by }, detail)
        : enqueue('upload', { kind: 'add', docId, file: target, staged, hash, meta, by }, detail);
      return c.json({ jobId: job.jobId, docId }, 202);
    } finally {
      arriving.hashes.delete(hash);
      arriving.names.delete(target);
    }
  });

  routes.patch('/documents/:docId', async (c) => {
    const docId = c.req.param('docId');
    const changes = await readJsonBody(c, updateSchema);
    const meta = documentFor(docId);
    const set = checkedOverrides(Object.fromEntries(Object.entries(changes).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== '')));
    const cleared = Object.fromEntries(Object.keys(changes).filter((field) => !(field in set)).map((field) => [field, null]));
    const job = enqueue('update-metadata', { kind: 'update', docId, file: meta.sourceFile, meta: { ...cleared, ...set }, by: actor(c) }, Object.keys(changes).join(', '));
    return c.json({ jobId: job.jobId, docId }, 202);
  });

  routes.delete('/documents/:docId', (c) => {
    const docId = c.req.param('docId');
    const meta = documentFor(docId);
    const job = enqueue('delete', { kind: 'delete', docId, file: meta.sourceFile, by: actor(c) });
    return c.json({ jobId: job.jobId, docId });
  });

  // ---- jobs, audit, feedback -----------------------------------------------------------------------------------

  routes.get('/jobs', (c) => c.json({ jobs: queue.list().slice(0, 50).map(jobView) }));
  routes.get('/jobs/:jobId', (c) => {
    const job = queue.get(c.req.param('jobId'));
    if (!job) throw new AppError('not_found', 'Không có việc xử lý này (có thể đã quá cũ, hoặc máy chủ đã khởi động lại). (Unknown job.)');
    return c.json(jobView(job));
  });

  routes.get('/audit', async (c) => c.json({ entries: await audit.recent(parseQuery(c, pageQuery).limit) }));

  routes.get('/feedback', async (c) => {
    const { rating, offset, limit } = parseQuery(c, feedbackQuery);
    return c.json(await readFeedback(feedback, { rating, offset, limit }));
  });
  routes.get('/feedback/export.csv', async (c) => {
    const { rating } = parseQuery(c, feedbackQuery);
    audit.record({ action: 'export-feedback', ...actor(c), detail: rating ?? 'all' });
    return c.body(await feedbackCsv(feedback, rating), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="phan-hoi-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    });
  });

  return {
    path: ADMIN_API,
    guard: auth.guard,
    routes,
    upload: { method: 'POST', path: `${ADMIN_API}/documents`, maxBytes: config.MAX_UPLOAD_BYTES },
    idle: () => queue.idle(),
  };
}
