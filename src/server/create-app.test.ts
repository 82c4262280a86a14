import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';
import { silentLogger } from '../logger.js';
import type { AskResult } from '../types.js';
import { createApp } from './create-app.js';

let pipeline: TestPipeline;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  pipeline = await openTestPipeline({ MAX_BODY_BYTES: '8192' });
  app = createApp({ ...pipeline, logger: silentLogger });
});
afterAll(() => pipeline.cleanup());

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const expectError = async (response: Response, status: number, code: string) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(body.error.message).not.toMatch(/at .+\.ts:\d+/); // no stack trace
  return body.error.message;
};

describe('GET /healthz and documents', () => {
  it('reports documents, chunks, the lexical mode, the store and that no language model writes answers', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', documents: 5, mode: 'lexical', model: null, llm: null, database: { kind: 'sqlite', reachable: true } });
    expect(body.chunks).toBeGreaterThan(50);
  });

  it('lists the documents with metadata and chunk counts', async () => {
    const body = await (await app.request('/api/documents')).json();
    expect(body.documents).toHaveLength(5);
    const khanhHoa = body.documents.find((doc: { id: string }) => doc.id === 'khanh-hoa-2618-2022');
    expect(khanhHoa).toMatchObject({ number: '2618/KH-UBND', level: 'tỉnh', signer: 'Đinh Văn Thiệu' });
    expect(khanhHoa.chunks).toBeGreaterThan(5);
  });

  it('serves one document with its original text and outline, and 404s an unknown id', async () => {
    const body = await (await app.request('/api/documents/huu-lung-2022')).json();
    expect(body.document.id).toBe('huu-lung-2022');
    expect(body.text).toContain('Trần Quốc Phong');
    expect(body.outline.length).toBeGreaterThan(5);
    await expectError(await app.request('/api/documents/khong-co'), 404, 'not_found');
  });
});

describe('POST /api/ask', () => {
  it('answers with valid citations: verbatim quotes at their offsets, every marker resolvable, figures quoted', async () => {
    const response = await postJson('/api/ask', { question: 'Kế hoạch của Bến Tre đặt mục tiêu tối thiểu bao nhiêu phần trăm Trung tâm điều dưỡng đủ điều kiện chăm sóc sức khỏe ban đầu giai đoạn 2021 - 2025?' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as AskResult;
    expect(result.answered).toBe(true);
    expect(result.mode).toBe('lexical');
    expect(result.answeredBy).toBe('extractive');
    expect(result.citations.length).toBeGreaterThan(0);
    for (const citation of result.citations) {
      const doc = (await pipeline.knowledge.document(citation.docId))!;
      expect(doc.text.slice(citation.start, citation.end)).toBe(citation.quote);
    }
    const markers = [...result.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(result.citations.some((citation) => citation.n === n)).toBe(true);
    expect(result.answer).toContain('70%');
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.retrieveMs);
  });

  it('streams citations, then answer pieces, then done', async () => {
    const response = await postJson('/api/ask', { question: 'Ai ký kế hoạch của huyện Hữu Lũng?' }, { accept: 'text/event-stream' });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = [...(await response.text()).matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((match) => ({ event: match[1], data: JSON.parse(match[2]) }));
    expect(events[0].event).toBe('citations');
    expect(events.at(-1)!.event).toBe('done');
    const done = events.at(-1)!.data as AskResult;
    const streamed = events.filter((event) => event.event === 'delta').map((event) => event.data.text).join('');
    expect(streamed).toBe(done.answer);
    expect(done.answer).toContain('Trần Quốc Phong');
    expect(events[0].data).toEqual(done.citations);
  });

  it('limits answers to the requested documents', async () => {
    const result = (await (await postJson('/api/ask', { question: 'cấp thẻ bảo hiểm y tế', docIds: ['huu-lung-2022'] })).json()) as AskResult;
    expect(result.citations.every((citation) => citation.docId === 'huu-lung-2022')).toBe(true);
  });
});

describe('bad input gets a clear 4xx, never a 500', () => {
  it('invalid JSON', async () => expectError(await postJson('/api/ask', '{"question": '), 400, 'invalid_json'));
  it('not JSON at all', async () =>
    expectError(await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }), 415, 'unsupported_media_type'));
  it('wrong types', async () => {
    const message = await expectError(await postJson('/api/ask', { question: 42 }), 400, 'invalid_request');
    expect(message).toMatch(/câu hỏi/);
  });
  it('missing question', async () => expectError(await postJson('/api/ask', {}), 400, 'invalid_request'));
  it('empty and blank question', async () => {
    await expectError(await postJson('/api/ask', { question: '' }), 400, 'invalid_request');
    const message = await expectError(await postJson('/api/ask', { question: '   ' }), 400, 'invalid_request');
    expect(message).toMatch(/không được để trống/);
  });
  it('over-long question', async () => {
    const message = await expectError(await postJson('/api/ask', { question: 'a'.repeat(1001) }), 400, 'invalid_request');
    expect(message).toMatch(/1000/);
  });
  it('too much history', async () => {
    const history = Array.from({ length: 21 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'x' }));
    await expectError(await postJson('/api/ask', { question: 'còn Hà Nội?', history }), 400, 'invalid_request');
  });
  it('malformed history entries', async () => expectError(await postJson('/api/ask', { question: 'x', history: [{ role: 'system', content: 'x' }] }), 400, 'invalid_request'));
  it('topK out of range', async () => expectError(await postJson('/api/ask', { question: 'x', topK: 50 }), 400, 'invalid_request'));
  it('unknown docIds', async () => {
    const message = await expectError(await postJson('/api/ask', { question: 'x', docIds: ['da-nang-2022'] }), 400, 'unknown_document');
    expect(message).toContain('da-nang-2022');
  });
  it('oversized body', async () => expectError(await postJson('/api/ask', { question: 'x'.repeat(9000) }), 413, 'payload_too_large'));
  it('a JSON array instead of an object', async () => expectError(await postJson('/api/ask', '[1,2]'), 400, 'invalid_request'));
  it('unknown routes', async () => {
    await expectError(await app.request('/api/nothing'), 404, 'not_found');
    await expectError(await postJson('/api/documents', {}), 404, 'not_found');
  });
});

describe('POST /api/search', () => {
  it('returns ranked chunks with sections and offsets', async () => {
    const body = await (await postJson('/api/search', { query: 'thẻ bảo hiểm y tế', topK: 5 })).json();
    expect(body.results).toHaveLength(5);
    expect(body.results[0].score).toBeGreaterThanOrEqual(body.results[4].score);
    for (const result of body.results) {
      expect((await pipeline.knowledge.document(result.docId))!.text.slice(result.start, result.end)).toBe(result.text);
      expect(typeof result.section).toBe('string');
    }
  });
  it('validates its input', async () => expectError(await postJson('/api/search', { query: '' }), 400, 'invalid_request'));
});

describe('rate limits', () => {
  it('answer 429 with Retry-After on asks (JSON and streamed), feedback and the bot webhooks, each client its own budget; never pages or health', async () => {
    const bots = new Hono();
    bots.post('/zalo', (c) => c.json({ ok: true }));
    const limited = createApp({ ...pipeline, logger: silentLogger, bots, config: { ...pipeline.config, RATE_LIMIT_PER_MINUTE: 2, WEBHOOK_RATE_LIMIT_PER_MINUTE: 1, TRUST_PROXY: true } });
    const post = (path: string, body: unknown, client: string, headers: Record<string, string> = {}) =>
      limited.request(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...headers }, body: JSON.stringify(body) });
    const feedback = { question: 'Ai ký?', answer: 'Trần Quốc Phong [1].', rating: 'up' };
    expect((await post('/api/ask', { question: 'Ai ký kế hoạch của huyện Hữu Lũng?' }, '203.0.113.1')).status).toBe(200);
    expect((await post('/api/feedback', feedback, '203.0.113.1')).status).toBe(201);
    const message = await expectError(await post('/api/ask', { question: 'x' }, '203.0.113.1', { accept: 'text/event-stream' }), 429, 'rate_limited');
    expect(message).toMatch(/Quá nhiều yêu cầu.*Too many requests/);
    const refused = await post('/api/feedback', feedback, '203.0.113.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post('/api/ask', { question: 'Ai ký kế hoạch của huyện Hữu Lũng?' }, '203.0.113.2')).status).toBe(200);
    expect((await post('/bots/zalo', {}, '149.154.167.220')).status).toBe(200);
    await expectError(await post('/bots/zalo', {}, '149.154.167.220'), 429, 'rate_limited');
    for (let i = 0; i < 5; i++) {
      expect((await limited.request('/healthz', { headers: { 'x-forwarded-for': '203.0.113.1' } })).status).toBe(200);
      expect((await limited.request('/api/documents', { headers: { 'x-forwarded-for': '203.0.113.1' } })).status).toBe(200);
    }
  });
});
