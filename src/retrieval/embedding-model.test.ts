import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddingModel } from '../types.js';
import { promptPrefixes, resolveEmbeddingModel } from './embedding-model.js';

const FIXTURE_MODELS = fileURLToPath(new URL('../../test/fixtures/models', import.meta.url));
const FIXTURE_ID = 'fixture/tiny-bert';
const FIXTURE_DIR = path.join(FIXTURE_MODELS, FIXTURE_ID);

interface LogLine {
  level: number;
  msg: string;
}
const WARN = 40;

function capturingLogger() {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines, warnings: () => lines.filter((line) => line.level >= WARN).map((line) => line.msg) };
}

const resolveFixture = (overrides: Partial<Parameters<typeof resolveEmbeddingModel>[0]> = {}) => {
  const log = capturingLogger();
  const model = resolveEmbeddingModel({ modelsDir: FIXTURE_MODELS, modelId: FIXTURE_ID, allowRemote: false, timeoutMs: 10_000, logger: log.logger, ...overrides });
  return { model, log };
};

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);
const expectClose = (a: number[], b: number[]) => {
  expect(a).toHaveLength(b.length);
  a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 5));
};

const tempDirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'embedding-model-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('resolveEmbeddingModel with the fixture model', () => {
  let model: EmbeddingModel;
  let loadMs: number;

  beforeAll(async () => {
    const started = performance.now();
    const resolved = await resolveFixture().model;
    loadMs = performance.now() - started;
    expect(resolved).not.toBeNull();
    model = resolved!;
  });

  it('loads from the local folder quickly, with the dimensions of the model', async () => {
    const config = JSON.parse(await readFile(path.join(FIXTURE_DIR, 'config.json'), 'utf8')) as { hidden_size: number };
    expect(model.id).toBe(FIXTURE_ID);
    expect(model.dimensions).toBe(config.hidden_size);
    expect(loadMs).toBeLessThan(3_000);
  });

  it('embeds passages in batches into normalised, deterministic vectors', async () => {
    const texts = Array.from({ length: 21 }, (_, i) => `Mục tiêu ${i}: nâng cao chất lượng chăm sóc sức khỏe người cao tuổi, trẻ em số ${i * 7}`);
    const vectors = await model.embedPassages(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const vector of vectors) {
      expect(vector).toHaveLength(model.dimensions);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
    }
    // Same text, alone or inside a padded batch, and on a second call: the same vector.
    expectClose((await model.embedPassages([texts[20]]))[0], vectors[20]);
    expectClose((await model.embedPassages(texts))[3], vectors[3]);
    expect(dot(vectors[0], vectors[1])).toBeLessThan(0.9999);
    expect(await model.embedPassages([])).toEqual([]);
  });

  it('uses no prefixes for a non-e5 model: a query embeds like the same passage', async () => {
    const text = 'Hỗ trợ người khuyết tật tiếp cận dịch vụ y tế';
    expectClose(await model.embedQuery(text), (await model.embedPassages([text]))[0]);
  });

  it('prefixes queries and passages for an e5-family model id', async () => {
    const modelsDir = await tempDir();
    await cp(FIXTURE_DIR, path.join(modelsDir, 'fixture', 'tiny-e5-small'), { recursive: true });
    const e5 = await resolveEmbeddingModel({ modelsDir, modelId: 'fixture/tiny-e5-small', allowRemote: false, timeoutMs: 10_000, logger: capturingLogger().logger });
    expect(e5).not.toBeNull();
    const text = 'Kinh phí thực hiện kế hoạch';
    expectClose(await e5!.embedQuery(text), (await model.embedPassages([`query: ${text}`]))[0]);
    expectClose((await e5!.embedPassages([text]))[0], (await model.embedPassages([`passage: ${text}`]))[0]);
  });
});

describe('promptPrefixes', () => {
  it('recognises the e5 family by the model name', () => {
    expect(promptPrefixes('Xenova/multilingual-e5-small')).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(promptPrefixes('intfloat/e5-base-v2')).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(promptPrefixes('fixture/tiny-bert')).toEqual({ query: '', passage: '' });
    expect(promptPrefixes('someone/e50-model')).toEqual({ query: '', passage: '' });
  });
});

describe('lexical-only fallback', () => {
  it('returns null for modelId "none", without a warning', async () => {
    const { model, log } = resolveFixture({ modelId: 'none' });
    expect(await model).toBeNull();
    expect(log.warnings()).toEqual([]);
    expect(log.lines.map((line) => line.msg).join('\n')).toMatch(/lexical-only/);
  });

  it('returns null quickly with one clear warning when the model folder is missing and downloads are off', async () => {
    const modelsDir = await tempDir();
    const started = performance.now();
    const { model, log } = resolveFixture({ modelsDir, modelId: 'Xenova/multilingual-e5-small' });
    expect(await model).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(log.warnings()).toEqual([
      `lexical-only mode: embedding model "Xenova/multilingual-e5-small" not found in ${modelsDir} and remote download is disabled (set MODELS_DIR or ALLOW_REMOTE_MODELS=true)`,
    ]);
  });

  it('treats a folder without ONNX weights as missing', async () => {
    const modelsDir = await tempDir();
    await mkdir(path.join(modelsDir, FIXTURE_ID), { recursive: true });
    await cp(path.join(FIXTURE_DIR, 'config.json'), path.join(modelsDir, FIXTURE_ID, 'config.json'));
    const { model, log } = resolveFixture({ modelsDir });
    expect(await model).toBeNull();
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]).toMatch(/not found in/);
  });

  it('returns null with a warning, and does not throw, when the ONNX file is garbage', async () => {
    const modelsDir = await tempDir();
    const dir = path.join(modelsDir, FIXTURE_ID);
    await cp(FIXTURE_DIR, dir, { recursive: true });
    await writeFile(path.join(dir, 'onnx', 'model.onnx'), Buffer.from('this is not an onnx protobuf at all'.repeat(20)));
    const { model, log } = resolveFixture({ modelsDir });
    expect(await model).toBeNull();
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]).toMatch(new RegExp(`^lexical-only mode: embedding model "${FIXTURE_ID}" could not be loaded from .*: .+`));
  });
});

describe('remote download', () => {
  let server: Server | undefined;
  const listen = async (handler: Parameters<typeof createServer>[1]) => {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
  };
  const close = async () => {
    if (!server) return;
    const closing = server;
    server = undefined;
    closing.closeAllConnections();
    await new Promise((resolve) => closing.close(resolve));
  };
  afterAll(close);

  it('downloads into the models folder, which then loads offline', async () => {
    const requested: string[] = [];
    const remoteHost = await listen(async (request, response) => {
      requested.push(request.url ?? '');
      const match = /^\/fixture\/tiny-bert\/resolve\/main\/(.+)$/.exec(request.url ?? '');
      // The hub serves the 8-bit file; the fixture's fp32 weights stand in for it.
      const file = match?.[1].replace('model_quantized.onnx', 'model.onnx');
      try {
        response.end(await readFile(path.join(FIXTURE_DIR, file ?? 'missing')));
      } catch {
        response.writeHead(404).end();
      }
    });
    const modelsDir = await tempDir();
    const { model, log } = resolveFixture({ modelsDir, allowRemote: true, remoteHost });
    expect(await model).not.toBeNull();
    expect(log.warnings()).toEqual([]);
    expect(requested).toContain('/fixture/tiny-bert/resolve/main/onnx/model_quantized.onnx');
    expect((await stat(path.join(modelsDir, FIXTURE_ID, 'onnx', 'model_quantized.onnx'))).size).toBeGreaterThan(0);
    await close();

    const offline = resolveFixture({ modelsDir });
    const reloaded = await offline.model;
    expect(reloaded?.dimensions).toBe((await model)!.dimensions);
  });

  it('gives up after the timeout when the hub does not answer', async () => {
    const remoteHost = await listen(() => undefined);
    const started = performance.now();
    const { model, log } = resolveFixture({ modelsDir: await tempDir(), allowRemote: true, timeoutMs: 300, remoteHost });
    expect(await model).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]).toMatch(/timed out after 300 ms/);
    await close();
  });
});
