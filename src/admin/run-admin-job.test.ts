import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { loadDocumentText } from '../ingest/load-document.js';
import { runIngest, type IngestProgress, type IngestSummary } from '../ingest/run-ingest.js';
import { silentLogger } from '../logger.js';
import { openCollectionStore } from '../store/sqlite-store.js';
import { makePlanDocx } from './__fixtures__/make-plan.js';
import type { JobProgress } from './job-queue.js';
import { ADMIN_FOLDER, recoverAdminFolder, runAdminJob, stageUpload, type AdminJob, type AdminJobDeps } from './run-admin-job.js';

const SEED = join(import.meta.dirname, '../../corpus');
const JOB_ID = 'job-aaaaaaaaaaaa';

let root: string;
let corpusDir: string;
let dataDir: string;
let run = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'run-admin-job-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));
beforeEach(async () => {
  run += 1;
  corpusDir = join(root, `corpus-${run}`);
  dataDir = join(root, `data-${run}`);
  await mkdir(corpusDir);
  // Two plans keep each ingest quick; Bến Tre's metadata comes from the manifest, as in the project corpus.
  for (const file of ['ben-tre-8557-2021.txt', 'huu-lung-2022.txt']) await copyFile(join(SEED, file), join(corpusDir, file));
  const manifest = JSON.parse(await readFile(join(SEED, 'manifest.json'), 'utf8')) as { documents: { sourceFile: string }[] };
  await writeFile(join(corpusDir, 'manifest.json'), `${JSON.stringify({ documents: manifest.documents.filter((entry) => entry.sourceFile === 'ben-tre-8557-2021.txt') }, null, 2)}\n`);
  await ingestNow();
});

const ingestNow = (onProgress: (event: IngestProgress) => void = () => {}): Promise<IngestSummary> => runIngest({ corpusDir, dataDir, embedding: null, logger: silentLogger, onProgress });
const deps = (): AdminJobDeps => ({ corpusDir, ingest: ingestNow, check: (file, onOcrPage) => loadDocumentText(file, { onOcrPage }) });

/** The collection as stored: each document's metadata and text, by id. */
function collection() {
  const store = openCollectionStore(dataDir, { readonly: true });
  try {
    return new Map(store.catalogue().map((meta) => [meta.id, { meta, text: store.document(meta.id)!.text }]));
  } finally {
    store.close();
  }
}

/** The corpus folder's files (the admin folder apart): the documents' sizes and times (the ingest's signature), the manifest's text. */
async function corpusState() {
  const names = (await readdir(corpusDir)).filter((name) => name !== ADMIN_FOLDER).sort();
  return Promise.all(
    names.map(async (name) => {
      if (name === 'manifest.json') return { name, text: await readFile(join(corpusDir, name), 'utf8') };
      const { size, mtimeMs } = await stat(join(corpusDir, name));
      return { name, size, mtimeMs };
    }),
  );
}

async function runJob(job: AdminJob, options: Partial<AdminJobDeps> = {}) {
  const reports: JobProgress[] = [];
  await runAdminJob(job, JOB_ID, { ...deps(), ...options }, (progress) => reports.push(progress));
  return reports;
}

async function failure(job: AdminJob, options: Partial<AdminJobDeps> = {}): Promise<AppError> {
  const error = await runJob(job, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('runAdminJob', () => {
  it('adds an uploaded plan, metadata corrections winning over what is read, and leaves nothing staged', async () => {
    const staged = await stageUpload(corpusDir, 'Kế hoạch 77 Cao Bằng.docx', await makePlanDocx());
    const reports = await runJob({ kind: 'add', docId: 'ke-hoach-77-cao-bang', file: 'Kế hoạch 77 Cao Bằng.docx', staged, meta: { signer: 'Nguyễn Văn Thành (sửa)' } });
    const added = collection().get('ke-hoach-77-cao-bang')!;
    expect(added.meta).toMatchObject({ number: '77/KH-UBND', locality: 'Tỉnh Cao Bằng', signer: 'Nguyễn Văn Thành (sửa)', sourceFile: 'Kế hoạch 77 Cao Bằng.docx' });
    expect(added.text).toContain('85% người cao tuổi');
    expect(collection().size).toBe(3);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.every((report) => report.progress >= 0 && report.progress <= 1)).toBe(true);
    expect(reports[0]).toEqual({ progress: 0.05, phase: 'read' });
    expect(reports.at(-1)).toEqual({ progress: 0.95, phase: 'index' });
    expect(await readdir(join(corpusDir, ADMIN_FOLDER))).toEqual([]);
    const manifest = JSON.parse(await readFile(join(corpusDir, 'manifest.json'), 'utf8'));
    expect(manifest.documents.map((entry: { sourceFile: string }) => entry.sourceFile)).toEqual(['ben-tre-8557-2021.txt', 'Kế hoạch 77 Cao Bằng.docx']);
  });

  it('shows the OCR of a scanned PDF page by page', async () => {
    const staged = await stageUpload(corpusDir, 'scan.pdf', await readFile(join(import.meta.dirname, '../ingest/__fixtures__/scanned.pdf')));
    const reports = await runJob({ kind: 'add', docId: 'scan', file: 'scan.pdf', staged });
    const ocr = reports.filter((report) => report.phase === 'ocr');
    expect(ocr).toEqual([{ progress: expect.closeTo(0.85), phase: 'ocr', pages: { done: 1, total: 1 } }]);
    expect(collection().get('scan')!.meta.ocr).toBe(true);
  });

  it('fails an upload the ingest cannot read, saying why, and changes nothing', async () => {
    const before = { files: await corpusState(), collection: collection() };
    const staged = await stageUpload(corpusDir, 'hỏng.pdf', Buffer.from('%PDF-1.7\nnot really a pdf'));
    const error = await failure({ kind: 'add', docId: 'hong', file: 'hỏng.pdf', staged, meta: { title: 'Hỏng' } });
    expect(error.message).toMatch(/^Không đọc được tệp "hỏng\.pdf": .*damaged or encrypted/u);
    expect(await corpusState()).toEqual(before.files);
    expect(collection()).toEqual(before.collection);
    expect(await readdir(join(corpusDir, ADMIN_FOLDER))).toEqual([]);
  });

  it('replaces a document in place, keeping its id, and drops the file it replaced', async () => {
    const staged = await stageUpload(corpusDir, 'bản mới.txt', Buffer.from(`${await readFile(join(SEED, 'huu-lung-2022.txt'), 'utf8')}\nBổ sung: hoàn thành trước ngày 30/9/2026.\n`));
    await runJob({ kind: 'replace', docId: 'huu-lung-2022', file: 'huu-lung-2022.txt', previous: 'huu-lung-2022.txt', staged });
    expect(collection().get('huu-lung-2022')!.text).toContain('hoàn thành trước ngày 30/9/2026');
    expect((await corpusState()).map((file) => file.name)).toEqual(['ben-tre-8557-2021.txt', 'huu-lung-2022.txt', 'manifest.json']);
    expect(await readdir(join(corpusDir, ADMIN_FOLDER))).toEqual([]);
  });

  it('replaces a .txt by a .docx under the same id, carrying its manifest entry over', async () => {
    const staged = await stageUpload(corpusDir, 'Bến Tre.docx', await makePlanDocx({ province: 'Bến Tre', number: '8557/KH-UBND' }));
    const reports = await runJob({ kind: 'replace', docId: 'ben-tre-8557-2021', file: 'ben-tre-8557-2021.docx', previous: 'ben-tre-8557-2021.txt', staged, meta: { period: '2025' } });
    const replaced = collection().get('ben-tre-8557-2021')!;
    // The manifest's corrections stay with the document; the new one is added.
    expect(replaced.meta).toMatchObject({ sourceFile: 'ben-tre-8557-2021.docx', signer: 'Nguyễn Thị Bé Mười', period: '2025' });
    expect(replaced.text).toContain('hồ sơ sức khỏe điện tử');
    expect(collection().size).toBe(2);
    expect((await corpusState()).map((file) => file.name)).toEqual(['ben-tre-8557-2021.docx', 'huu-lung-2022.txt', 'manifest.json']);
    expect(reports[0]).toEqual({ progress: 0.02, phase: 'check' });
  });

  it('refuses a replacement it cannot read before touching the old document', async () => {
    const before = { files: await corpusState(), collection: collection() };
    const staged = await stageUpload(corpusDir, 'trống.docx', Buffer.from('PK\u0003\u0004 not a zip'));
    let ingests = 0;
    const error = await failure({ kind: 'replace', docId: 'huu-lung-2022', file: 'huu-lung-2022.docx', previous: 'huu-lung-2022.txt', staged }, { ingest: async (onProgress) => (ingests++, ingestNow(onProgress)) });
    expect(error.message).toMatch(/trống\.docx.*damaged or is not a \.docx/u);
    expect(ingests).toBe(0);
    expect(await corpusState()).toEqual(before.files);
    expect(collection()).toEqual(before.collection);
  });

  it('puts everything back when the ingest fails after the files moved, and brings the collection back in line', async () => {
    const before = { files: await corpusState(), collection: collection() };
    const staged = await stageUpload(corpusDir, 'x.txt', Buffer.from('KẾ HOẠCH\nNội dung mới của Hữu Lũng.'));
    let ingests = 0;
    // The first ingest commits the change and then fails (a disk full at the end, say); the one after the undo runs.
    const flaky: AdminJobDeps['ingest'] = async (onProgress) => {
      ingests += 1;
      const summary = await ingestNow(onProgress);
      if (ingests === 1) throw new AppError('internal', 'the disk is full');
      return summary;
    };
    const error = await failure({ kind: 'replace', docId: 'huu-lung-2022', file: 'huu-lung-2022.txt', previous: 'huu-lung-2022.txt', staged }, { ingest: flaky });
    expect(error.message).toBe('the disk is full');
    expect(ingests).toBe(2);
    expect(await corpusState()).toEqual(before.files);
    expect(collection().get('huu-lung-2022')!.text).toBe(before.collection.get('huu-lung-2022')!.text);
  });

  it('corrects metadata, and a field set to null is read from the text again', async () => {
    await runJob({ kind: 'update', docId: 'huu-lung-2022', file: 'huu-lung-2022.txt', meta: { locality: 'Huyện Hữu Lũng (đã sửa)', issuedDate: '2022-02-01' } });
    expect(collection().get('huu-lung-2022')!.meta).toMatchObject({ locality: 'Huyện Hữu Lũng (đã sửa)', issuedDate: '2022-02-01' });
    await runJob({ kind: 'update', docId: 'huu-lung-2022', file: 'huu-lung-2022.txt', meta: { locality: null, issuedDate: null } });
    expect(collection().get('huu-lung-2022')!.meta.locality).toBe('Huyện Hữu Lũng');
    // Nothing left to say: the entry is gone again.
    const manifest = JSON.parse(await readFile(join(corpusDir, 'manifest.json'), 'utf8'));
    expect(manifest.documents.map((entry: { sourceFile: string }) => entry.sourceFile)).toEqual(['ben-tre-8557-2021.txt']);
  });

  it('deletes a document with its file and manifest entry; the last one is refused and stays', async () => {
    await runJob({ kind: 'delete', docId: 'ben-tre-8557-2021', file: 'ben-tre-8557-2021.txt' });
    expect([...collection().keys()]).toEqual(['huu-lung-2022']);
    expect((await corpusState()).map((file) => file.name)).toEqual(['huu-lung-2022.txt', 'manifest.json']);
    expect(JSON.parse(await readFile(join(corpusDir, 'manifest.json'), 'utf8')).documents).toEqual([]);

    const error = await failure({ kind: 'delete', docId: 'huu-lung-2022', file: 'huu-lung-2022.txt' });
    expect(error.message).toMatch(/Nothing could be indexed/u);
    expect([...collection().keys()]).toEqual(['huu-lung-2022']);
    expect((await corpusState()).map((file) => file.name)).toEqual(['huu-lung-2022.txt', 'manifest.json']);
  });

  it('after a restart, removes orphaned uploads and puts back what an unfinished job set aside', async () => {
    await stageUpload(corpusDir, 'orphan.txt', Buffer.from('x'));
    const aside = join(corpusDir, ADMIN_FOLDER, `${JOB_ID}--huu-lung-2022.txt`);
    await copyFile(join(corpusDir, 'huu-lung-2022.txt'), aside);
    await rm(join(corpusDir, 'huu-lung-2022.txt'));
    await copyFile(join(corpusDir, 'ben-tre-8557-2021.txt'), join(corpusDir, ADMIN_FOLDER, `${JOB_ID}--ben-tre-8557-2021.txt`));
    expect(await recoverAdminFolder(corpusDir)).toEqual(['huu-lung-2022.txt']);
    // Ben Tre's name was taken: its copy stays where it is, for a person to look at.
    expect(await readdir(join(corpusDir, ADMIN_FOLDER))).toEqual([`${JOB_ID}--ben-tre-8557-2021.txt`]);
    expect((await corpusState()).map((file) => file.name)).toEqual(['ben-tre-8557-2021.txt', 'huu-lung-2022.txt', 'manifest.json']);
  });
});
