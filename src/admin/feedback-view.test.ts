import { mkdtemp, rm } from 'node:fs/promises';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedbackStore, feedbackFiles } from '../web/feedback-store.js';
import { feedbackCsv, readFeedback } from './feedback-view.js';

let dataDir: string;
let files: string[];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedback-view-'));
  let clock = Date.parse('2025-05-01T00:00:00Z');
  // Small files, so that the ratings spread over rotated files as they do in service.
  const store = createFeedbackStore(dataDir, { maxBytes: 4096, files: 3, now: () => new Date((clock += 60_000)) });
  for (let i = 1; i <= 12; i += 1) {
    store.append({ question: `Câu hỏi số ${i}?`, answer: `Trả lời ${i} [1].`, rating: i % 3 === 0 ? 'down' : 'up', citations: [{ n: 1, docId: `doc-${i % 2}` }, { n: 2, docId: `doc-${i % 2}` }] });
  }
  store.append({ question: '=HYPERLINK("http://x")', answer: 'Không tìm thấy "gì".', rating: 'down', comment: '-sai', answerId: 'abc' });
  files = feedbackFiles(dataDir, 3);
  appendFileSync(files[0], 'not json\n{"rating":"up"}\n');
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('readFeedback', () => {
  it('pages through the ratings newest first, across rotated files, skipping lines it cannot read', async () => {
    const first = await readFeedback(files, { offset: 0, limit: 5 });
    expect(first.more).toBe(true);
    expect(first.items.map((row) => row.question)).toEqual(['=HYPERLINK("http://x")', 'Câu hỏi số 12?', 'Câu hỏi số 11?', 'Câu hỏi số 10?', 'Câu hỏi số 9?']);
    expect(first.items[1]).toMatchObject({ rating: 'down', docIds: ['doc-0'], at: expect.stringMatching(/^2025-05-01T00:12:00/u) });
    const all = await readFeedback(files, { offset: 0, limit: 100 });
    expect(all.more).toBe(false);
    // Some of the oldest went with the rotation: the store is bounded.
    expect(all.items.length).toBeGreaterThan(5);
    expect(all.items.length).toBeLessThanOrEqual(13);
  });

  it('filters by rating', async () => {
    const down = await readFeedback(files, { rating: 'down', offset: 1, limit: 2 });
    expect(down.items.map((row) => row.question)).toEqual(['Câu hỏi số 12?', 'Câu hỏi số 9?']);
    expect(down.items.every((row) => row.rating === 'down')).toBe(true);
  });
});

describe('feedbackCsv', () => {
  it('exports for Excel: BOM, quoted cells, formulas defused', async () => {
    const csv = await feedbackCsv(files, 'down');
    expect(csv.startsWith('\uFEFF"Thời điểm","Đánh giá","Câu hỏi"')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[1]).toMatch(/^"2025-05-01T00:13:00.000Z","Chưa đúng","'=HYPERLINK\(""http:\/\/x""\)","'-sai","Không tìm thấy ""gì"".","","abc"$/u);
    expect(lines[2]).toContain('"Câu hỏi số 12?"');
    expect(lines.slice(1).every((line) => line.includes('"Chưa đúng"'))).toBe(true);
  });
});
