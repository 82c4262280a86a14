import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../ingest/run-ingest.js';
import { matchKey } from '../lang/normalize.js';
import { silentLogger } from '../logger.js';
import { loadFixtureModel } from '../../test/helpers/fixture-model.js';
import type { EmbeddingModel } from '../types.js';
import { openKnowledgeBase } from './open-knowledge-base.js';

const CORPUS = join(import.meta.dirname, '../../corpus');

function capturingLogger() {
  const lines: string[] = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }), lines };
}

let model: EmbeddingModel;
let root: string;
let hybridDir: string;
let lexicalDir: string;

beforeAll(async () => {
  model = await loadFixtureModel();
  root = await mkdtemp(join(tmpdir(), 'open-kb-'));
  hybridDir = join(root, 'hybrid');
  lexicalDir = join(root, 'lexical');
  await runIngest({ corpusDir: CORPUS, dataDir: hybridDir, embedding: model, logger: silentLogger });
  await runIngest({ corpusDir: CORPUS, dataDir: lexicalDir, embedding: null, logger: silentLogger });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('openKnowledgeBase', () => {
  it('returns null when no index has been written', async () => {
    expect(await openKnowledgeBase({ dataDir: join(root, 'nothing'), embedding: model, logger: silentLogger })).toBeNull();
  });

  it('opens documents, chunks, lexical and vector indexes from the database, quickly', async () => {
    const started = performance.now();
    const kb = await openKnowledgeBase({ dataDir: hybridDir, embedding: model, logger: silentLogger });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(kb!.catalogue().map((meta) => meta.id)).toHaveLength(5);
    expect(kb!.embedding).toBe(model);
    expect(kb!.vectors!.modelId).toBe('fixture/tiny-bert');
    const chunks = (await Promise.all(kb!.catalogue().map((meta) => kb!.chunksOf(meta.id)))).flat();
    expect(kb!.vectors!.size).toBe(chunks.length);
    expect(await kb!.stats.chunkCount()).toBe(chunks.length);

    for (const chunk of chunks) expect((await kb!.document(chunk.docId))!.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    const sample = chunks[Math.floor(chunks.length / 2)];
    expect(await kb!.chunk(sample.id)).toEqual(sample);
    expect((await kb!.chunksOf('khanh-hoa-2618-2022')).every((chunk) => chunk.docId === 'khanh-hoa-2618-2022')).toBe(true);
    expect((await kb!.chunksOf('khanh-hoa-2618-2022')).length).toBeGreaterThan(3);
    expect(await kb!.chunksOf('no-such-doc')).toEqual([]);
    expect(await kb!.document('no-such-doc')).toBeUndefined();

    // Both halves answer: the lexical index finds the abbreviation, the vectors find a chunk by its own passage.
    const lexicalHits = (await kb!.lexical.search('thẻ bảo hiểm y tế', { topK: 3 }));
    expect(lexicalHits.length).toBeGreaterThan(0);
    expect(await kb!.chunk(lexicalHits[0].id)).toBeDefined();
    const dense = await kb!.vectors!.search(await model.embedQuery(sample.text), { topK: 5 });
    expect(dense.map((hit) => hit.id)).toContain(sample.id);
    // Limited to some documents, the vectors are compared exactly.
    const scoped = await kb!.vectors!.search(await model.embedQuery(sample.text), { topK: 3, docIds: [sample.docId] });
    expect(scoped[0].id).toBe(sample.id);
    expect(scoped.every((hit) => hit.id.startsWith(`${sample.docId}#`))).toBe(true);
  });

  it('answers statistics and word lookups from the index', async () => {
    const kb = await openKnowledgeBase({ dataDir: lexicalDir, embedding: null, logger: silentLogger });
    const frequencies = await kb!.stats.documentFrequencies(['người cao', 'nguoi cao', 'không có từ này']);
    expect(frequencies.get('người cao')).toBeGreaterThan(10);
    expect(frequencies.get('nguoi cao')).toBeGreaterThanOrEqual(frequencies.get('người cao')!);
    expect(frequencies.get('không có từ này')).toBe(0);
    const found = (await kb!.chunksWithWords(['thao', 'hien']));
    expect(found.some((chunk) => chunk.text.includes('con cháu thảo hiền'))).toBe(true);
    for (const chunk of found) expect(matchKey(chunk.text)).toMatch(/\bthao\b[\s\S]*\bhien\b|\bhien\b[\s\S]*\bthao\b/u);
    expect((await kb!.chunksWithWords(['thao', 'hien'], { docIds: ['ha-noi-2021-2030'] })).every((chunk) => chunk.docId === 'ha-noi-2021-2030')).toBe(true);
  });

  it('serves the outline stored at ingest, with each heading kind and number', async () => {
    const kb = await openKnowledgeBase({ dataDir: hybridDir, embedding: model, logger: silentLogger });
    const outline = (await kb!.outline('lang-son-thanh-pho-2024'));
    expect(outline.some((entry) => entry.title.includes('TỔ CHỨC THỰC HIỆN'))).toBe(true);
    expect(outline.find((entry) => entry.title.includes('TỔ CHỨC THỰC HIỆN'))).toMatchObject({ kind: 'roman', depth: 0 });
    expect(await kb!.outline('no-such-doc')).toEqual([]);
  });

  it('falls back to lexical-only, and says so, when the vectors were made by another model', async () => {
    const other: EmbeddingModel = {
      id: 'fixture/other-model',
      dimensions: model.dimensions,
      embedQuery: (text) => model.embedQuery(text),
      embedPassages: (texts) => model.embedPassages(texts),
    };
    const { logger, lines } = capturingLogger();
    const kb = await openKnowledgeBase({ dataDir: hybridDir, embedding: other, logger });
    expect(kb!.vectors).toBeNull();
    expect(kb!.embedding).toBeNull();
    expect(lines.join('\n')).toContain('fixture/other-model');
    expect(await kb!.lexical.search('người cao tuổi', { topK: 1 })).toHaveLength(1);
  });

  it('opens a lexical-only index with or without a model', async () => {
    const withoutModel = await openKnowledgeBase({ dataDir: lexicalDir, embedding: null, logger: silentLogger });
    expect(withoutModel!.vectors).toBeNull();
    expect(await withoutModel!.stats.chunkCount()).toBeGreaterThan(0);
    const { logger, lines } = capturingLogger();
    const withModel = await openKnowledgeBase({ dataDir: lexicalDir, embedding: model, logger });
    expect(withModel!.vectors).toBeNull();
    expect(lines.join('\n')).toContain('lexical-only');
  });

  it('serves lexical-only, saying why, when hnswlib-node cannot be loaded; without a model it never loads it', async () => {
    let loads = 0;
    const loadHnsw = () => {
      loads += 1;
      return Promise.reject(new Error('Cannot find module hnswlib-node/build/Release/addon.node'));
    };
    const { logger, lines } = capturingLogger();
    const kb = await openKnowledgeBase({ dataDir: hybridDir, embedding: model, logger, loadHnsw });
    expect(kb).toMatchObject({ vectors: null, embedding: null, vectorsMissing: false });
    expect(lines.join('\n')).toContain('hnswlib-node cannot be loaded');
    expect(await kb!.lexical.search('người cao tuổi', { topK: 1 })).toHaveLength(1);
    expect(loads).toBe(1);

    expect(await openKnowledgeBase({ dataDir: lexicalDir, embedding: null, logger: silentLogger, loadHnsw })).toMatchObject({ vectors: null });
    expect(loads).toBe(1);
  });

  it('serves lexical-only, saying so, when the HNSW file or its labels are damaged; the ingest then rebuilds them', async () => {
    for (const [file, damage] of [
      ['vectors.hnsw', (bytes: Buffer) => bytes.subarray(0, bytes.length / 2)],
      ['vectors.hnsw', (bytes: Buffer) => bytes.fill(0x5a, 64, 256)],
      ['vectors.json', () => Buffer.from('{"format": 2, "labels": ')],
      ['vectors.json', () => Buffer.from('{"format": 99, "labels": []}')],
    ] as const) {
      const dir = join(root, `damaged-${Math.random().toString(36).slice(2)}`);
      await cp(hybridDir, dir, { recursive: true });
      await writeFile(join(dir, file), damage(await readFile(join(dir, file))));
      const { logger, lines } = capturingLogger();
      const kb = await openKnowledgeBase({ dataDir: dir, embedding: model, logger });
      expect(kb).toMatchObject({ vectors: null, vectorsMissing: true });
      expect(lines.join('\n')).toContain('stored vectors unreadable');
      expect(await kb!.lexical.search('người cao tuổi', { topK: 1 })).toHaveLength(1);
      kb!.store.close();
    }
  });

  it('refuses, saying why, a database that cannot serve', async () => {
    const dir = join(root, 'garbage');
    await cp(lexicalDir, dir, { recursive: true });
    await writeFile(join(dir, 'collection.db'), 'not a database at all');
    const refused = await openKnowledgeBase({ dataDir: dir, embedding: null, logger: silentLogger }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'index_unavailable', message: expect.stringContaining('cannot serve: the file is not a SQLite database') });
  });
});
