import { appendFile, cp, mkdtemp, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { silentLogger } from '../logger.js';
import { loadFixtureModel } from '../../test/helpers/fixture-model.js';
import { DAMAGED_FILE, LAST_GOOD_FILE } from '../store/last-good-copy.js';
import { DATABASE_FILE, openCollectionStore } from '../store/sqlite-store.js';
import { openKnowledgeBase } from '../retrieval/open-knowledge-base.js';
import { passageText } from '../retrieval/vector-index.js';
import type { EmbeddingModel } from '../types.js';
import { runIngest, type IngestProgress } from './run-ingest.js';

const CORPUS = join(import.meta.dirname, '../../corpus');

/** Counts the passages a model is asked to embed; `id` overrides the model id to simulate another model. */
function counting(model: EmbeddingModel, id = model.id): EmbeddingModel & { embedded: string[] } {
  const embedded: string[] = [];
  return {
    id,
    dimensions: model.dimensions,
    embedded,
    embedQuery: (text) => model.embedQuery(text),
    embedPassages(texts) {
      embedded.push(...texts);
      return model.embedPassages(texts);
    },
  };
}

/** A logger keeping its warnings' messages. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }), warnings: () => lines.filter((line) => line.level === 40).map((line) => line.msg) };
}

let model: EmbeddingModel;
let root: string;
/** A hybrid index of the five plans, made once; tests that start from it get their own copy. */
let baseDataDir: string;
let baseChunks: number;
let corpusDir: string;
let dataDir: string;

beforeAll(async () => {
  model = await loadFixtureModel();
  root = await mkdtemp(join(tmpdir(), 'run-ingest-'));
  baseDataDir = join(root, 'base-data');
  const first = counting(model);
  const cold = await runIngest({ corpusDir: CORPUS, dataDir: baseDataDir, embedding: first, logger: silentLogger });
  expect(cold).toMatchObject({ documents: 5, mode: 'hybrid', modelId: 'fixture/tiny-bert', reused: 0, failures: [] });
  expect(first.embedded).toHaveLength(cold.chunks);
  baseChunks = cold.chunks;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let runNumber = 0;
beforeEach(async () => {
  runNumber++;
  corpusDir = join(root, `corpus-${runNumber}`);
  dataDir = join(root, `data-${runNumber}`);
  await cp(CORPUS, corpusDir, { recursive: true });
});

const fromBase = () => cp(baseDataDir, dataDir, { recursive: true });

/** Reads the database through a connection of its own, closed again. */
function inStore<T>(read: (store: ReturnType<typeof openCollectionStore>) => T): T {
  const store = openCollectionStore(dataDir);
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** What the database holds. */
const stored = () =>
  inStore((store) => {
    const known = store.knownFiles();
    const ids = [...known.values()].map((file) => file.id).sort();
    return { known, ids, chunks: ids.flatMap((id) => store.chunksOf(id)), vectors: (model: string) => inStore((again) => again.vectorLabels(model).length) };
  });

const ingest = (embedding: EmbeddingModel | null, onProgress?: (event: IngestProgress) => void) =>
  runIngest({ corpusDir, dataDir, embedding, logger: silentLogger, onProgress });

describe('runIngest', () => {
  it('indexes the five plans, then reuses all of them on an unchanged re-ingest without embedding anything', async () => {
    expect(baseChunks).toBeGreaterThan(5 * 5);
    await fromBase();
    const second = counting(model);
    const events: IngestProgress[] = [];
    const warm = await ingest(second, (event) => events.push(event));
    expect(warm).toMatchObject({ documents: 5, chunks: baseChunks, reused: 5 });
    expect(second.embedded).toEqual([]);
    expect(events.filter((event) => event.phase === 'chunk')).toEqual([]);
    // Nothing changed: the lexical index is left as it is.
    expect(events.some((event) => event.phase === 'optimize')).toBe(false);

    expect(stored().vectors('fixture/tiny-bert')).toBe(baseChunks);
    const kb = await openKnowledgeBase({ dataDir, embedding: model, logger: silentLogger });
    expect(kb!.vectors?.size).toBe(baseChunks);
  });

  it('reads every document again after the grammar changed, embedding no passage whose text is unchanged', async () => {
    await fromBase();
    inStore((store) => store.setSetting('grammar', 'an older grammar'));
    const again = counting(model);
    const events: IngestProgress[] = [];
    const summary = await ingest(again, (event) => events.push(event));
    expect(events.filter((event) => event.phase === 'chunk')).toHaveLength(5);
    // Every document written again: the lexical index is merged into one segment, and still answers.
    expect(events.some((event) => event.phase === 'optimize')).toBe(true);
    const kb = await openKnowledgeBase({ dataDir, embedding: null, logger: silentLogger });
    expect(await kb!.lexical.search('người khuyết tật', { topK: 3 })).toHaveLength(3);
    expect(summary).toMatchObject({ documents: 5, chunks: baseChunks });
    expect(again.embedded).toEqual([]);
    // Read by this grammar now: the next ingest reuses everything.
    const third = await ingest(counting(model));
    expect(third.reused).toBe(5);
  });

  it('re-chunks and re-embeds only a changed document, keeping the others as they were', async () => {
    await fromBase();
    const before = stored();
    await appendFile(join(corpusDir, 'ben-tre-8557-2021.txt'), '\nĐề nghị các sở, ngành báo cáo kết quả thực hiện trước ngày 20/12 hằng năm.\n');

    const again = counting(model);
    const events: IngestProgress[] = [];
    const summary = await ingest(again, (event) => events.push(event));
    expect(summary.reused).toBe(4);
    expect(events.filter((event) => event.phase === 'chunk').map((event) => event.file)).toEqual(['ben-tre-8557-2021.txt']);

    const after = stored();
    const benTre = after.chunks.filter((chunk) => chunk.docId === 'ben-tre-8557-2021');
    // Only passages whose text changed are embedded again: the new sentence joins the plan's last chunk.
    expect(again.embedded.length).toBeGreaterThan(0);
    expect(again.embedded.length).toBeLessThan(benTre.length);
    expect(benTre.some((chunk) => chunk.text.includes('trước ngày 20/12'))).toBe(true);
    const others = (state: ReturnType<typeof stored>) => state.chunks.filter((chunk) => chunk.docId !== 'ben-tre-8557-2021');
    expect(others(after)).toEqual(others(before));
    expect(after.known.get('ben-tre-8557-2021.txt')!.hash).not.toBe(before.known.get('ben-tre-8557-2021.txt')!.hash);
    expect(after.vectors('fixture/tiny-bert')).toBe(after.chunks.length);
  });

  it('reports the OCR of a scanned PDF page by page', async () => {
    await fromBase();
    await cp(join(import.meta.dirname, '__fixtures__/scanned.pdf'), join(corpusDir, 'scanned.pdf'));
    const events: IngestProgress[] = [];
    const summary = await ingest(model, (event) => events.push(event));
    expect(summary).toMatchObject({ documents: 6, written: 1, failures: [] });
    expect(events.filter((event) => event.phase === 'ocr')).toEqual([{ phase: 'ocr', done: 1, total: 1, file: 'scanned.pdf' }]);
  });

  it('drops a removed document from the index', async () => {
    await fromBase();
    await unlink(join(corpusDir, 'ha-noi-2021-2030.txt'));
    const again = counting(model);
    const summary = await ingest(again);
    expect(summary).toMatchObject({ documents: 4, reused: 4 });
    expect(again.embedded).toEqual([]);
    const state = stored();
    expect(state.ids).not.toContain('ha-noi-2021-2030');
    expect(state.chunks.filter((chunk) => chunk.docId === 'ha-noi-2021-2030')).toEqual([]);
    expect(state.vectors('fixture/tiny-bert')).toBe(state.chunks.length);
  });

  it('re-embeds everything when the model id changes', async () => {
    await fromBase();
    const other = counting(model, 'fixture/other-model');
    const summary = await ingest(other);
    expect(summary).toMatchObject({ reused: 5, modelId: 'fixture/other-model' });
    expect(other.embedded).toHaveLength(baseChunks);
    expect(stored().vectors('fixture/other-model')).toBe(baseChunks);
  });

  it('re-chunks and re-embeds everything on request', async () => {
    await fromBase();
    const again = counting(model);
    const events: IngestProgress[] = [];
    const summary = await runIngest({ corpusDir, dataDir, embedding: again, logger: silentLogger, rebuild: true, onProgress: (event) => events.push(event) });
    expect(summary.reused).toBe(0);
    expect(events.filter((event) => event.phase === 'chunk')).toHaveLength(5);
    expect(again.embedded).toHaveLength(baseChunks);
  });

  it('rebuilds everything when the database is damaged and no good copy is kept, keeping the damaged file aside', async () => {
    await fromBase();
    await rm(join(dataDir, LAST_GOOD_FILE));
    await writeFile(join(dataDir, DATABASE_FILE), 'this is not a database');
    const logged = capturingLogger();
    const summary = await runIngest({ corpusDir, dataDir, embedding: null, logger: logged.logger });
    expect(summary).toMatchObject({ documents: 5, reused: 0 });
    expect(stored().chunks).toHaveLength(summary.chunks);
    expect(await readFile(join(dataDir, DAMAGED_FILE), 'utf8')).toBe('this is not a database');
    expect(logged.warnings()).toEqual([
      expect.stringContaining('cannot serve (the file is not a SQLite database): it is set aside'),
      expect.stringContaining('no last good copy'),
    ]);
  });

  it('restores the last good copy of a damaged database and brings it in line with the corpus, embedding only what changed', async () => {
    await fromBase();
    const changed = join(corpusDir, 'ben-tre-8557-2021.txt');
    const plan = (place: string, aim: string) => `ỦY BAN NHÂN DÂN\n${place}\n\nKẾ HOẠCH\n${aim}\n\nI. MỤC TIÊU\n\n- ${aim}.\n`;
    await writeFile(changed, plan('HUYỆN BA TRI', 'Trồng 500 ha rừng phòng hộ ven biển'));
    // The vector index now labels this plan's passages; the good copy is still the first ingest's (under a day old).
    await ingest(model);
    await writeFile(changed, plan('HUYỆN GIỒNG TRÔM', 'Cung cấp 100% dịch vụ công trực tuyến toàn trình cho người dân'));
    await truncate(join(dataDir, DATABASE_FILE), 8192);

    const logged = capturingLogger();
    const again = counting(model);
    const summary = await runIngest({ corpusDir, dataDir, embedding: again, logger: logged.logger });
    expect(summary).toMatchObject({ documents: 5, reused: 4, written: 1, mode: 'hybrid' });
    expect(again.embedded).toHaveLength(stored().chunks.filter((chunk) => chunk.docId === 'ben-tre-8557-2021').length);
    expect(logged.warnings()).toEqual([expect.stringContaining('the file is cut short'), expect.stringContaining('restored from its last good copy')]);
    // The restored database reuses the row ids that label the first plan's vectors: it has a new identity, so the
    // vectors are indexed again from the stored embeddings rather than taken for the new plan's.
    const target = stored().chunks.find((chunk) => chunk.text.includes('dịch vụ công trực tuyến'))!;
    const kb = await openKnowledgeBase({ dataDir, embedding: model, logger: silentLogger });
    const [nearest] = await kb!.vectors!.search(await model.embedQuery(passageText(target)), { topK: 1 });
    expect(nearest).toEqual({ id: target.id, score: expect.closeTo(1, 4) });
    kb!.store.close();
  });

  it('lets one ingest of a collection write at a time, in one process too; the other changes nothing and says who writes', async () => {
    const results = await Promise.allSettled([ingest(null), ingest(null)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected')!.reason as AppError;
    expect(refused.code).toBe('index_busy');
    expect(refused.message).toContain(`Another ingest (ingest of ${corpusDir}, process ${process.pid}`);
    expect(stored().ids).toHaveLength(5);
    // Free again: the next one finds everything written.
    expect(await ingest(null)).toMatchObject({ reused: 5 });
  });

  it('is not held up by a writer recorded by an older version for a process that is alive but not ingesting', async () => {
    await fromBase();
    inStore((store) => store.setSetting('writer', JSON.stringify({ pid: process.ppid, owner: 'crashed ingest', since: '2026-01-01T00:00:00Z' })));
    expect(await ingest(null)).toMatchObject({ documents: 5, reused: 5 });
  });

  it('stores the embeddings but indexes no vectors when hnswlib-node cannot be loaded, and says so', async () => {
    const logged = capturingLogger();
    const loadHnsw = () => Promise.reject(new Error('Cannot find module hnswlib-node/build/Release/addon.node'));
    const summary = await runIngest({ corpusDir, dataDir, embedding: model, logger: logged.logger, loadHnsw });
    expect(summary).toMatchObject({ documents: 5, mode: 'lexical' });
    expect(stored().vectors('fixture/tiny-bert')).toBe(summary.chunks);
    expect(logged.warnings()).toEqual([expect.stringContaining('hnswlib-node cannot be loaded')]);
    // Once it loads, the vectors are indexed from the stored embeddings: nothing is embedded again.
    const again = counting(model);
    expect(await ingest(again)).toMatchObject({ mode: 'hybrid', reused: 5 });
    expect(again.embedded).toEqual([]);
  });

  it('rebuilds a damaged HNSW file from the stored embeddings, embedding nothing', async () => {
    await fromBase();
    const hnsw = join(dataDir, 'vectors.hnsw');
    const bytes = await readFile(hnsw);
    bytes.fill(7, 100, 400);
    await writeFile(hnsw, bytes);
    expect((await openKnowledgeBase({ dataDir, embedding: model, logger: silentLogger }))!.vectorsMissing).toBe(true);
    const again = counting(model);
    await ingest(again);
    expect(again.embedded).toEqual([]);
    const kb = await openKnowledgeBase({ dataDir, embedding: model, logger: silentLogger });
    expect(kb).toMatchObject({ vectorsMissing: false, vectors: { size: baseChunks } });
  });

  it('works lexical-only without a model, and openKnowledgeBase then has no vectors', async () => {
    const summary = await ingest(null);
    expect(summary).toMatchObject({ documents: 5, mode: 'lexical', modelId: null });
    expect(stored().vectors('fixture/tiny-bert')).toBe(0);
    const kb = await openKnowledgeBase({ dataDir, embedding: null, logger: silentLogger });
    expect(kb!.vectors).toBeNull();
    expect(await kb!.lexical.search('người khuyết tật', { topK: 3 })).toHaveLength(3);

    // Adding a model later embeds every chunk: a lexical index has no vectors to reuse.
    const withModel = counting(model);
    await ingest(withModel);
    expect(withModel.embedded).toHaveLength(summary.chunks);
  });

  it('reports unreadable files by name and indexes the rest', async () => {
    await writeFile(join(corpusDir, 'trong.txt'), '');
    await writeFile(join(corpusDir, 'hong.pdf'), '%PDF-1.7\nthis is not a pdf body');
    const summary = await ingest(null);
    expect(summary.documents).toBe(5);
    expect(summary.failures.map((failure) => failure.file).sort()).toEqual(['hong.pdf', 'trong.txt']);
    for (const failure of summary.failures) expect(failure.reason.length).toBeGreaterThan(0);
  });

  it('throws unreadable_document when nothing could be indexed, leaving any previous index alone', async () => {
    const empty = join(root, `empty-${runNumber}`);
    await cp(CORPUS, empty, { recursive: true, filter: (source) => !source.endsWith('.txt') });
    await writeFile(join(empty, 'trong.txt'), '   \n');
    await ingest(null);
    const error = await runIngest({ corpusDir: empty, dataDir, embedding: null, logger: silentLogger }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unreadable_document');
    expect((error as AppError).message).toContain('trong.txt');
    expect(stored().ids).toHaveLength(5);

    const missing = await runIngest({ corpusDir: join(root, 'no-such-folder'), dataDir, embedding: null, logger: silentLogger }).catch((caught: unknown) => caught);
    expect((missing as AppError).code).toBe('unreadable_document');
  });
});
