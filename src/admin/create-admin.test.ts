import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';
import { loadDocumentText } from '../ingest/load-document.js';
import { runIngest } from '../ingest/run-ingest.js';
import { silentLogger } from '../logger.js';
import { createApp } from '../server/create-app.js';
import { makePlanDocx } from './__fixtures__/make-plan.js';
import { createAdmin, type Admin, type AdminDeps } from './create-admin.js';
import { runAdminJob } from './run-admin-job.js';

const TOKEN = 'token-for-the-admin-api-tests';
const BEARER = { authorization: `Bearer ${TOKEN}` };
const QUESTION = 'Cao Bằng phấn đấu bao nhiêu phần trăm người cao tuổi có hồ sơ sức khỏe điện tử?';

let root: string;
let corpusDir: string;
let pipeline: TestPipeline;
let admin: Admin;
let app: Hono;
/** The plan as first uploaded (a .docx made now carries the time it was made: bytes differ from one to the next). */
let plan: Buffer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'create-admin-'));
  plan = await makePlanDocx();
  corpusDir = join(root, 'corpus');
  await cp(join(import.meta.dirname, '../../corpus'), corpusDir, { recursive: true });
  pipeline = await openTestPipeline({ CORPUS_DIR: corpusDir, ADMIN_TOKEN: TOKEN, MAX_UPLOAD_BYTES: '200000', MAX_BODY_BYTES: '8192' });
  const { config } = pipeline;
  // Jobs run in this process here (forkJobRunner has its own test): the same work, without a process start each.
  const ingest = (onProgress: Parameters<typeof runIngest>[0]['onProgress']) => runIngest({ corpusDir, dataDir: config.DATA_DIR, embedding: null, logger: silentLogger, onProgress });
  const runJob: AdminDeps['runJob'] = (job, jobId, report) =>
    runAdminJob(job, jobId, { corpusDir, ingest, check: (file, onOcrPage) => loadDocumentText(file, { onOcrPage }) }, report);
  admin = createAdmin({ config, token: TOKEN, knowledge: pipeline.knowledge, logger: silentLogger, runJob });
  app = createApp({ ...pipeline, logger: silentLogger, admin });
});
afterAll(async () => {
  await pipeline?.cleanup();
  await rm(root, { recursive: true, force: true });
});

function form(file: Blob, name: string, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  body.set('file', file, name);
  for (const [field, value] of Object.entries(fields)) body.set(field, value);
  return body;
}

const upload = (body: FormData, headers: Record<string, string> = BEARER) => app.request('/api/admin/documents', { method: 'POST', body, headers });
const docx = async (options?: Parameters<typeof makePlanDocx>[0]) => new Blob([new Uint8Array(await makePlanDocx(options))]);

async function finished(jobId: string) {
  await admin.idle();
  const response = await app.request(`/api/admin/jobs/${jobId}`, { headers: BEARER });
  expect(response.status).toBe(200);
  return (await response.json()) as { state: string; progress: number; error?: string; docId: string };
}

async function ask(question: string) {
  const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  return (await response.json()) as { answer: string; answered: boolean; citations: { docId: string; quote: string }[] };
}

const corpusFiles = async () => (await readdir(corpusDir)).filter((name) => name !== '.admin').sort();

describe('admin API', () => {
  it('answers 404 when ADMIN_TOKEN is not set', async () => {
    const plain = createApp({ ...pipeline, config: { ...pipeline.config, ADMIN_TOKEN: undefined }, logger: silentLogger });
    expect((await plain.request('/admin')).status).toBe(404);
    expect((await app.request('/admin')).status).toBe(200);
    expect((await plain.request('/api/admin/documents', { headers: BEARER })).status).toBe(404);
    expect((await plain.request('/api/admin/documents', { method: 'POST', headers: BEARER, body: form(new Blob(['KẾ HOẠCH']), 'x.txt') })).status).toBe(404);
  });

  it('refuses calls without the token (401) and changes nothing, however large the body', async () => {
    const before = await corpusFiles();
    const none = await upload(form(await docx(), 'Kế hoạch.docx'), {});
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    // Over MAX_UPLOAD_BYTES: still 401, not 413 — it is refused before it is read.
    expect((await upload(form(new Blob(['x'.repeat(300_000)]), 'big.txt'), { authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect((await app.request('/api/admin/documents/huu-lung-2022', { method: 'DELETE' })).status).toBe(401);
    expect((await app.request('/api/admin/audit')).status).toBe(401);
    expect(await corpusFiles()).toEqual(before);
    await admin.idle();
    expect(pipeline.knowledge.catalogue()).toHaveLength(5);
  });

  it('uploads a plan (202 with jobId and docId), ingests it in the background, and answers from it', async () => {
    const response = await upload(form(new Blob([new Uint8Array(plan)]), 'Kế hoạch 77 (Cao Bằng).docx', { signer: 'Nguyễn Văn Thành' }));
    expect(response.status).toBe(202);
    const { jobId, docId } = (await response.json()) as { jobId: string; docId: string };
    expect(docId).toBe('ke-hoach-77-cao-bang');
    expect(await finished(jobId)).toMatchObject({ state: 'done', progress: 1, docId });
    expect(await corpusFiles()).toContain('Kế hoạch 77 (Cao Bằng).docx');

    const result = await ask(QUESTION);
    expect(result.answered).toBe(true);
    expect(result.citations[0].docId).toBe(docId);
    expect(result.answer).toContain('85%');
    // The original is kept and served as uploaded.
    const original = await app.request(`/api/documents/${docId}/original`);
    expect(original.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Buffer.from(await original.arrayBuffer()).equals(plan)).toBe(true);
  });

  it('takes two uploads of one file sent at once as one document', async () => {
    const bytes = new Uint8Array(await makePlanDocx({ province: 'Lai Châu', number: '5/KH-UBND' }));
    const [first, second] = await Promise.all([upload(form(new Blob([bytes]), 'Lai Châu.docx')), upload(form(new Blob([bytes]), 'Lai Châu.docx'))]);
    const bodies = [(await first.json()) as { docId: string; jobId?: string }, (await second.json()) as { docId: string; duplicate?: boolean }];
    expect(bodies.map((body) => body.docId)).toEqual(['lai-chau', 'lai-chau']);
    expect([first.status, second.status].sort()).toEqual([200, 202]);
    await admin.idle();
    expect((await corpusFiles()).filter((name) => name.startsWith('Lai Châu'))).toEqual(['Lai Châu.docx']);
  });

  it('recognises the same content uploaded again, under any name: the existing docId, no second copy', async () => {
    const before = await corpusFiles();
    const again = await upload(form(new Blob([new Uint8Array(plan)]), 'bản sao.pdf'));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ docId: 'ke-hoach-77-cao-bang', duplicate: true });
    const seed = await upload(form(new Blob([await readFile(join(corpusDir, 'huu-lung-2022.txt'))]), 'x.txt'));
    expect(await seed.json()).toEqual({ docId: 'huu-lung-2022', duplicate: true });
    expect(await corpusFiles()).toEqual(before);
  });

  it('replaces a document given its docId: the same id, the new text answers', async () => {
    const response = await upload(form(await docx({ target: '92%' }), 'Kế hoạch 77 sửa.docx', { docId: 'ke-hoach-77-cao-bang' }));
    expect(response.status).toBe(202);
    const { jobId, docId } = (await response.json()) as { jobId: string; docId: string };
    expect(docId).toBe('ke-hoach-77-cao-bang');
    expect(await finished(jobId)).toMatchObject({ state: 'done', docId });
    const result = await ask(QUESTION);
    expect(result.citations[0].docId).toBe(docId);
    expect(result.answer).toContain('92%');
    expect(result.answer).not.toContain('85%');
    expect((await corpusFiles()).filter((name) => name.startsWith('Kế hoạch 77'))).toEqual(['Kế hoạch 77 (Cao Bằng).docx']);
    expect((await upload(form(await docx({ target: '1%' }), 'x.docx', { docId: 'khong-co' }))).status).toBe(404);
  });

  it('checks uploads: type from the content, names sanitised, size limit, metadata fields', async () => {
    const unsupported = await upload(form(new Blob([Buffer.from('89504e470d0a1a0a0000', 'hex')]), 'ảnh.pdf'));
    expect(unsupported.status).toBe(415);
    const tooLarge = await upload(form(new Blob(['KẾ HOẠCH '.repeat(25_000)]), 'lớn.txt'));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('connection')).toBe('close');
    const badDate = await upload(form(new Blob(['KẾ HOẠCH\nThử.']), 'x.txt', { issuedDate: '15/3/2025' }));
    expect(badDate.status).toBe(400);
    const unknownField = await upload(form(new Blob(['KẾ HOẠCH\nThử.']), 'x.txt', { hacked: 'yes' }));
    expect(unknownField.status).toBe(400);
    expect((await app.request('/api/admin/documents', { method: 'POST', headers: { ...BEARER, 'content-type': 'application/json' }, body: '{}' })).status).toBe(400);

    const traversal = await upload(form(new Blob(['KẾ HOẠCH\nThông báo lịch tiêm chủng mở rộng tại Điện Biên.']), '../../../Thông báo Điện Biên.md'));
    expect(traversal.status).toBe(202);
    const { jobId, docId } = (await traversal.json()) as { jobId: string; docId: string };
    expect(docId).toBe('thong-bao-dien-bien');
    expect(await finished(jobId)).toMatchObject({ state: 'done' });
    expect(await corpusFiles()).toContain('Thông báo Điện Biên.txt');
    expect(await readdir(join(root))).toEqual(['corpus']);
  });

  it('says why a job failed, and the failed job changes nothing', async () => {
    const before = { files: await corpusFiles(), documents: pipeline.knowledge.catalogue().length };
    const response = await upload(form(new Blob(['%PDF-1.7\nbroken']), 'hỏng.pdf'));
    expect(response.status).toBe(202);
    const job = await finished(((await response.json()) as { jobId: string }).jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/Không đọc được tệp "hỏng\.pdf".*damaged/u);
    expect(await corpusFiles()).toEqual(before.files);
    expect(pipeline.knowledge.catalogue()).toHaveLength(before.documents);
    expect((await app.request('/api/admin/jobs/nope', { headers: BEARER })).status).toBe(404);
  });

  it('corrects metadata (PATCH), and lists documents with type, number, date, place, OCR and date added', async () => {
    const patch = await app.request('/api/admin/documents/huu-lung-2022', { method: 'PATCH', headers: { ...BEARER, 'content-type': 'application/json' }, body: JSON.stringify({ number: '99/KH-UBND', period: '' }) });
    expect(patch.status).toBe(202);
    expect(await finished(((await patch.json()) as { jobId: string }).jobId)).toMatchObject({ state: 'done' });
    expect((await (await app.request('/api/documents/huu-lung-2022')).json()).document.number).toBe('99/KH-UBND');
    expect((await app.request('/api/admin/documents/huu-lung-2022', { method: 'PATCH', headers: { ...BEARER, 'content-type': 'application/json' }, body: JSON.stringify({ secret: 'x' }) })).status).toBe(400);

    const list = (await (await app.request('/api/admin/documents?q=huu%20lung', { headers: BEARER })).json()) as { total: number; documents: Record<string, unknown>[] };
    expect(list.total).toBe(1);
    expect(list.documents[0]).toMatchObject({ id: 'huu-lung-2022', type: 'Kế hoạch', number: '99/KH-UBND', locality: 'Huyện Hữu Lũng', ocr: false });
    // The project manifest corrects this plan already; the period it gave was taken out, to be read from the text.
    expect(list.documents[0].corrected).toContain('number');
    expect(list.documents[0].corrected).not.toContain('period');
    expect(list.documents[0].addedAt).toMatch(/^\d{4}-\d\d-\d\dT/u);
    expect(list.documents[0].issuedDate).toMatch(/^2022/u);
  });

  it('lets the page log in once and then change things only with its CSRF token (403 on a forged one)', async () => {
    const login = await app.request('/api/admin/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: TOKEN }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const before = pipeline.knowledge.catalogue().length;
    const forged = await app.request('/api/admin/documents/ben-tre-8557-2021', { method: 'DELETE', headers: { cookie, 'x-csrf-token': 'forged' } });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await upload(form(await docx({ target: '3%' }), 'y.docx'), { cookie })).status).toBe(403);
    await admin.idle();
    expect(pipeline.knowledge.catalogue()).toHaveLength(before);
    expect((await app.request('/api/admin/documents', { headers: { cookie } })).status).toBe(200);
    const genuine = await app.request('/api/admin/documents/ben-tre-8557-2021', {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', origin: 'http://localhost', host: 'localhost' },
      body: JSON.stringify({ signer: 'Nguyễn Thị Bé Mười' }),
    });
    expect(genuine.status).toBe(202);
    expect(await finished(((await genuine.json()) as { jobId: string }).jobId)).toMatchObject({ state: 'done' });
    // Guessing the token: ten tries a minute, then 429.
    const guesses = [];
    for (let i = 0; i < 11; i += 1) guesses.push((await app.request('/api/admin/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: `guess-${i}` }) })).status);
    expect(guesses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(8);
    expect(guesses.at(-1)).toBe(429);
  });

  it('deletes a document (200): it leaves the answers, its file goes; then the audit log tells who did what, from where', async () => {
    const response = await app.request('/api/admin/documents/ke-hoach-77-cao-bang', { method: 'DELETE', headers: BEARER });
    expect(response.status).toBe(200);
    const { jobId } = (await response.json()) as { jobId: string };
    expect(await finished(jobId)).toMatchObject({ state: 'done' });
    const result = await ask(QUESTION);
    expect(result.citations.map((citation) => citation.docId)).not.toContain('ke-hoach-77-cao-bang');
    expect(await corpusFiles()).not.toContain('Kế hoạch 77 (Cao Bằng).docx');
    expect((await app.request('/api/admin/documents/ke-hoach-77-cao-bang', { method: 'DELETE', headers: BEARER })).status).toBe(404);

    const { entries } = (await (await app.request('/api/admin/audit?limit=100', { headers: BEARER })).json()) as { entries: { action: string; docId?: string; client: string; via?: string }[] };
    const actions = entries.map((entry) => `${entry.action}:${entry.docId ?? ''}`);
    expect(actions).toContain('delete:ke-hoach-77-cao-bang');
    expect(actions).toContain('replace:ke-hoach-77-cao-bang');
    expect(actions).toContain('upload:ke-hoach-77-cao-bang');
    expect(actions).toContain('job-failed:hong');
    expect(actions).toContain('login-failed:');
    expect(entries[0]).toMatchObject({ action: 'job-done', docId: 'ke-hoach-77-cao-bang', client: 'unknown', via: 'token' });
  });

  it('lists the feedback received by rating, and exports it', async () => {
    for (const rating of ['up', 'down', 'down'] as const) {
      const posted = await app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: `Hỏi ${rating}?`, answer: 'Đáp.', rating }) });
      expect(posted.status).toBe(201);
    }
    const down = (await (await app.request('/api/admin/feedback?rating=down', { headers: BEARER })).json()) as { items: { rating: string }[]; more: boolean };
    expect(down.items.map((item) => item.rating)).toEqual(['down', 'down']);
    expect((await app.request('/api/admin/feedback?rating=meh', { headers: BEARER })).status).toBe(400);
    const csv = await app.request('/api/admin/feedback/export.csv?rating=up', { headers: BEARER });
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="phan-hoi-\d{4}-\d\d-\d\d\.csv"$/u);
    expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(2);
  });
});
