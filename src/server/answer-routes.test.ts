import { statSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';
import { AppError } from '../errors.js';
import { silentLogger } from '../logger.js';
import type { SharedAskResult } from '../web/format-citation.js';
import { createApp } from './create-app.js';

const QUESTION = 'Khánh Hòa yêu cầu gửi báo cáo kết quả thực hiện kế hoạch trước ngày nào?';

let pipeline: TestPipeline;
let app: ReturnType<typeof createApp>;
/** One answer to QUESTION, shared by the tests that only read it back. */
let result: SharedAskResult;

beforeAll(async () => {
  pipeline = await openTestPipeline({ PUBLIC_URL: 'https://hoidap.example.vn/' });
  app = createApp({ ...pipeline, logger: silentLogger });
  result = await ask({ question: QUESTION });
});
afterAll(() => pipeline.cleanup());

const ask = async (body: Record<string, unknown>): Promise<SharedAskResult> => {
  const response = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as SharedAskResult;
};

describe('shared answers', () => {
  it('gives every answer an unguessable answerId and citations in full form', async () => {
    expect(result.answerId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(result.citations.length).toBeGreaterThan(0);
    const khanhHoa = result.citations.find((citation) => citation.docId === 'khanh-hoa-2618-2022')!;
    expect(khanhHoa.reference).toMatch(/^Kế hoạch số 2618\/KH-UBND ngày 24\/3\/2022 của Ủy ban nhân dân tỉnh Khánh Hòa, /);
    expect((await ask({ question: QUESTION })).answerId).not.toBe(result.answerId);
    expect(statSync(join(pipeline.config.DATA_DIR, 'answers.db')).mode & 0o777).toBe(0o600);
  });

  it('serves the answer as JSON by its id: question, answer, citations, createdAt', async () => {
    const response = await app.request(`/api/answers/${result.answerId}`);
    expect(response.status).toBe(200);
    const shared = await response.json();
    expect(shared).toEqual({
      answerId: result.answerId,
      question: QUESTION,
      standaloneQuestion: result.question,
      answer: result.answer,
      answered: result.answered,
      answeredBy: 'extractive',
      citations: result.citations,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('puts the answerId in the streamed answer’s final event, and the stored answer is the streamed one', async () => {
    const response = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: 'Ai ký kế hoạch của huyện Hữu Lũng?' }),
    });
    const events = [...(await response.text()).matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((match) => ({ event: match[1], data: JSON.parse(match[2]) }));
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data.answerId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(events[0].data[0].reference).toBe(done.data.citations[0].reference);
    const shared = await (await app.request(`/api/answers/${done.data.answerId}`)).json();
    expect(shared.answer).toBe(done.data.answer);
  });

  it('exports the answer as a Word file with the question, the answer, the citations in full form and the link', async () => {
    const response = await app.request(`/api/answers/${result.answerId}/export.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="tra-loi-[\w-]{8}\.docx"$/);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
    expect(text).toContain(QUESTION);
    expect(text).toContain(result.answer.split('\n')[0]);
    expect(text).toContain(`[1] ${result.citations[0].reference}`);
    expect(text).toContain(`Xem trực tuyến: https://hoidap.example.vn/a/${result.answerId}`);
  });

  it('shows the answer on a page at /a/:answerId, each citation opening its highlighted passage', async () => {
    const response = await app.request(`/a/${result.answerId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).toContain(QUESTION);
    const first = result.citations[0];
    expect(page).toContain(`href="/docs/${first.docId}#q-${first.start}-${first.end}"`);
    expect(page).toContain(first.reference);
    expect(page).toContain(`/api/answers/${result.answerId}/export.docx`);
  });

  it('counts exports against the client’s rate limit (a Word file costs more than a read)', async () => {
    const limited = createApp({ ...pipeline, config: { ...pipeline.config, RATE_LIMIT_PER_MINUTE: 1 }, logger: silentLogger });
    expect((await limited.request(`/api/answers/${result.answerId}/export.docx`)).status).toBe(200);
    expect((await limited.request(`/api/answers/${result.answerId}/export.docx`)).status).toBe(429);
    expect((await limited.request(`/api/answers/${result.answerId}`)).status).toBe(200);
  });

  it('still answers when the archive fails: only the link is lost', async () => {
    const unavailable = async () => {
      throw new AppError('index_unavailable', 'The collection database cannot be reached');
    };
    const failing = createApp({ ...pipeline, answers: { save: unavailable, get: unavailable }, logger: silentLogger });
    const response = await failing.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as SharedAskResult;
    expect(answer.answer).toBe(result.answer);
    expect(answer.answerId).toBeUndefined();
    expect((await failing.request(`/api/answers/${result.answerId}`)).status).toBe(503);
  });

  it('answers an unknown, malformed or expired id with 404, as JSON for the API and as a page for people', async () => {
    for (const path of ['/api/answers/AAAAAAAAAAAAAAAAAAAAAA', '/api/answers/..%2F..%2Fetc', '/api/answers/AAAAAAAAAAAAAAAAAAAAAA/export.docx']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
    const page = await app.request('/a/AAAAAAAAAAAAAAAAAAAAAA');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('quá 180 ngày lưu');
  });
});

describe('filters', () => {
  it('limits an answer to the places and types asked, resolved on the server', async () => {
    const result = await ask({ question: 'Khi nào phải gửi báo cáo kết quả thực hiện kế hoạch?', places: ['Lạng Sơn'], types: ['Kế hoạch'] });
    expect(result.citations.length).toBeGreaterThan(0);
    for (const citation of result.citations) expect(['lang-son-thanh-pho-2024', 'huu-lung-2022']).toContain(citation.docId);
    const search = await app.request('/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'báo cáo', places: ['ben tre'] }) });
    const hits = (await search.json()).results as { docId: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((hit) => hit.docId))).toEqual(new Set(['ben-tre-8557-2021']));
  });

  it('refuses a filter no document passes, and malformed filters, with a 400', async () => {
    const post = (body: unknown) => app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const empty = await post({ question: 'BHYT?', places: ['Cà Mau'] });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain('Không có văn bản nào thuộc phạm vi đã chọn (địa phương: Cà Mau)');
    for (const places of ['Khánh Hòa', [''], Array.from({ length: 101 }, () => 'x'), [42]]) {
      const response = await post({ question: 'BHYT?', places });
      expect(response.status, JSON.stringify(places)).toBe(400);
    }
  });
});
