// Answers stay small whatever the size of the collection: a few hundred synthetic plans that all say similar
// things, read through the real pipeline (SQLite store, lexical mode).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from './helpers/open-test-pipeline.js';

const DOCUMENTS = 240;
const ANSWER_LIMIT = 8 * 1024;

const plan = (i: number): string =>
  [
    'ỦY BAN NHÂN DÂN',
    `HUYỆN THỬ NGHIỆM ${i}`,
    '',
    `Số: ${100 + i}/KH-UBND`,
    '',
    `Thử Nghiệm ${i}, ngày ${1 + (i % 28)} tháng ${1 + (i % 12)} năm 2025`,
    '',
    'KẾ HOẠCH',
    `Chăm sóc sức khỏe người cao tuổi trên địa bàn huyện Thử Nghiệm ${i} năm 2026`,
    '',
    'I. MỤC TIÊU',
    '',
    `- Phấn đấu ${50 + (i % 40)}% người cao tuổi được khám sức khỏe định kỳ.`,
    '',
    'II. TỔ CHỨC THỰC HIỆN',
    '',
    '1. Phòng Y tế',
    '',
    `- Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân huyện trước ngày ${1 + (i % 20)}/12 hằng năm.`,
    '',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    `Nguyễn Văn Thử${i}`,
  ].join('\n');

let pipeline: TestPipeline;
let corpus: string;
beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'hdkh-bounded-'));
  for (let i = 1; i <= DOCUMENTS; i += 1) await writeFile(join(corpus, `thu-nghiem-${i}.txt`), plan(i));
  pipeline = await openTestPipeline({ CORPUS_DIR: corpus });
}, 120_000);
afterAll(async () => {
  await pipeline.cleanup();
  await rm(corpus, { recursive: true, force: true });
});

const size = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

describe(`answers over ${DOCUMENTS} documents`, () => {
  it('quote the best few documents and name how many others answer too', async () => {
    const result = await pipeline.answerer.ask({ question: 'Phòng Y tế báo cáo kết quả thực hiện trước ngày nào?' });
    expect(result.answered).toBe(true);
    expect(new Set(result.citations.map((citation) => citation.docId)).size).toBeLessThanOrEqual(5);
    expect(result.otherDocuments?.length ?? 0).toBeGreaterThan(0);
    expect(result.answer).toMatch(/và \d+ văn bản khác/u);
    expect(size(result)).toBeLessThan(ANSWER_LIMIT);
  });

  it('summarise the collection by counts when they cannot answer, instead of listing every document', async () => {
    const result = await pipeline.answerer.ask({ question: 'Giá vàng hôm nay là bao nhiêu?' });
    expect(result.answered).toBe(false);
    expect(result.answer).toContain(`${DOCUMENTS} văn bản`);
    expect(result.answer).not.toContain('Thử Nghiệm 17,');
    expect(size(result)).toBeLessThan(2048);
  });

  it('answer structure and plan-fact questions that name no document from a few documents only', async () => {
    for (const question of ['Kế hoạch gồm những phần nào?', 'Ai ký kế hoạch chăm sóc sức khỏe người cao tuổi?']) {
      const result = await pipeline.answerer.ask({ question });
      expect(new Set(result.citations.map((citation) => citation.docId)).size, question).toBeLessThanOrEqual(5);
      expect(size(result), question).toBeLessThan(ANSWER_LIMIT);
    }
  });

  it('still find one document named by its number among all of them', async () => {
    const result = await pipeline.answerer.ask({ question: 'Kế hoạch 217/KH-UBND phấn đấu bao nhiêu phần trăm người cao tuổi được khám sức khỏe định kỳ?' });
    expect(result.answered).toBe(true);
    expect(result.citations.every((citation) => citation.docId === 'thu-nghiem-117')).toBe(true);
    expect(result.answer).toContain(`${50 + (117 % 40)}%`);
  });
});
