import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import type { Chunk, ChunkKind, EmbeddingModel } from '../types.js';
import { resolveEmbeddingModel } from './embedding-model.js';
import { buildVectorIndex, passageText } from './vector-index.js';

const FIXTURE_MODELS = fileURLToPath(new URL('../../test/fixtures/models', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

let ordinal = 0;
const chunk = (docId: string, text: string, kind: ChunkKind = 'body', section: string[] = []): Chunk => {
  const n = ordinal++;
  return { id: `${docId}#${n}`, docId, section, kind, start: n * 1000, end: n * 1000 + text.length, text };
};

/** A few long paragraphs of each of three real plans, plus synthetic chunks of other kinds. */
async function sampleChunks(): Promise<Chunk[]> {
  const files = (await readdir(CORPUS)).filter((name) => name.endsWith('.txt')).sort().slice(0, 3);
  const real = await Promise.all(
    files.map(async (file) => {
      const paragraphs = (await readFile(path.join(CORPUS, file), 'utf8'))
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 150);
      const docId = file.replace(/\.txt$/, '');
      return [...new Set(paragraphs)].slice(0, 6).map((text, i) => chunk(docId, text, 'body', ['II. NHIỆM VỤ', `${i + 1}. Nội dung`]));
    }),
  );
  return [
    ...real.flat(),
    chunk('synthetic-a', 'ỦY BAN NHÂN DÂN TỈNH MẪU. Số: 01/KH-UBND', 'header'),
    chunk('synthetic-a', 'Nơi nhận: Sở Y tế; Sở Tài chính; Lưu: VT.', 'recipients'),
    chunk('synthetic-a', 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Mẫu', 'signature'),
    chunk('synthetic-b', 'Kinh phí thực hiện từ nguồn ngân sách nhà nước và nguồn xã hội hóa.', 'body', ['IV. KINH PHÍ']),
  ];
}

/** Counts the passages a model is asked to embed. */
const counting = (model: EmbeddingModel) => {
  const counter = { passages: 0 };
  const wrapped: EmbeddingModel = {
    id: model.id,
    dimensions: model.dimensions,
    embedQuery: (text) => model.embedQuery(text),
    embedPassages: (texts) => {
      counter.passages += texts.length;
      return model.embedPassages(texts);
    },
  };
  return { model: wrapped, counter };
};

let model: EmbeddingModel;
let chunks: Chunk[];

beforeAll(async () => {
  const resolved = await resolveEmbeddingModel({ modelsDir: FIXTURE_MODELS, modelId: 'fixture/tiny-bert', allowRemote: false, timeoutMs: 10_000, logger: silentLogger });
  if (!resolved) throw new Error('fixture model did not load');
  model = resolved;
  chunks = await sampleChunks();
});

describe('passageText', () => {
  it('puts the section path above the chunk text', () => {
    expect(passageText(chunk('d', 'Nội dung.', 'body', ['I. MỤC TIÊU', '1. Mục tiêu chung']))).toBe('I. MỤC TIÊU › 1. Mục tiêu chung\nNội dung.');
    expect(passageText(chunk('d', 'Số: 01/KH-UBND', 'header'))).toBe('Số: 01/KH-UBND');
  });
});

describe('buildVectorIndex and search', () => {
  it('ranks each chunk first for its own text, with cosine scores in descending order', async () => {
    const { index, vectors } = await buildVectorIndex(chunks, model);
    expect(index.size).toBe(chunks.length);
    expect(index.modelId).toBe(model.id);
    expect([...vectors.keys()]).toEqual(chunks.map((c) => c.id));
    for (const c of chunks) {
      const hits = await index.search(await model.embedQuery(c.text), { topK: 3 });
      expect(hits).toHaveLength(3);
      expect(hits[0].id).toBe(c.id);
      expect(hits[0].score).toBeGreaterThan(0.8);
      expect(hits[0].score).toBeLessThanOrEqual(1.0001);
      expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
      expect(hits[1].score).toBeGreaterThanOrEqual(hits[2].score);
    }
  });

  it('filters by document ids and by kinds', async () => {
    const { index } = await buildVectorIndex(chunks, model);
    const [first] = chunks;
    const otherDoc = chunks.find((c) => c.docId !== first.docId)!.docId;
    const query = await model.embedQuery(first.text);

    const inOther = await index.search(query, { topK: 50, docIds: [otherDoc] });
    expect(inOther.map((hit) => hit.id).sort()).toEqual(chunks.filter((c) => c.docId === otherDoc).map((c) => c.id).sort());

    const framing = await index.search(query, { topK: 50, kinds: ['header', 'signature'] });
    expect(framing.map((hit) => hit.id).sort()).toEqual(chunks.filter((c) => c.kind === 'header' || c.kind === 'signature').map((c) => c.id).sort());

    expect(await index.search(query, { docIds: ['no-such-document'] })).toEqual([]);
    expect(await index.search(query, { topK: 2, docIds: [first.docId] })).toHaveLength(2);
    expect((await index.search(query, { topK: 2, docIds: [first.docId] }))[0].id).toBe(first.id);
  });

  it('reuses given vectors and embeds only the chunks without a usable one', async () => {
    const { vectors } = await buildVectorIndex(chunks, model);
    const reuse = counting(model);
    const again = await buildVectorIndex(chunks, reuse.model, { vectors });
    expect(reuse.counter.passages).toBe(0);
    expect(again.vectors.get(chunks[2].id)).toBe(vectors.get(chunks[2].id));

    const partial = new Map(vectors);
    partial.delete(chunks[0].id);
    partial.set(chunks[1].id, [1, 0, 0]); // from a model of another size
    const refill = counting(model);
    const rebuilt = await buildVectorIndex(chunks, refill.model, { vectors: partial });
    expect(refill.counter.passages).toBe(2);
    expect(rebuilt.vectors.get(chunks[1].id)).toHaveLength(model.dimensions);
    expect((await rebuilt.index.search(await model.embedQuery(chunks[1].text), { topK: 1 }))[0].id).toBe(chunks[1].id);
  });

  it('rejects a query vector of the wrong size', async () => {
    const { index } = await buildVectorIndex(chunks, model);
    await expect(index.search([1, 0, 0])).rejects.toMatchObject({ code: 'index_unavailable' });
  });

  it('handles an empty chunk list', async () => {
    const { index } = await buildVectorIndex([], model);
    expect(index.size).toBe(0);
    expect(await index.search(await model.embedQuery('kế hoạch'))).toEqual([]);
  });
});
