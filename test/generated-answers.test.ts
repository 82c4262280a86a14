// Generated answers end to end: the real pipeline over the project corpus, LLM mode on against a scripted
// OpenAI-compatible server on loopback, the app served over HTTP as a browser reaches it.
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractiveAnswerer } from '../src/answer/extractive-answerer.js';
import { silentLogger } from '../src/logger.js';
import { createHybridRetriever } from '../src/retrieval/hybrid-retriever.js';
import { createApp } from '../src/server/create-app.js';
import type { AskResult } from '../src/types.js';
import { readEventStream, type ServerSentEvent } from '../src/web/client/sse.js';
import { openTestPipeline, type TestPipeline } from './helpers/open-test-pipeline.js';
import { serveOnLoopback, type ServedApp } from './helpers/serve-on-loopback.js';
import { startScriptedLlmServer, type LlmScript, type ScriptedLlmServer } from './helpers/scripted-llm-server.js';

const QUESTION = 'Khánh Hòa yêu cầu gửi báo cáo kết quả thực hiện kế hoạch trước ngày nào?';
const GOOD: readonly string[] = ['Theo kế hoạch của tỉnh Khánh Hòa, ', 'báo cáo kết quả thực hiện ', 'gửi trước ngày 15/12 hàng năm [1].'];

let llm: ScriptedLlmServer;
let pipeline: TestPipeline;
let served: ServedApp;
/** What the extractive answerer alone says to QUESTION: every fallback must say exactly this. */
let extractive: AskResult;

beforeAll(async () => {
  llm = await startScriptedLlmServer();
  pipeline = await openTestPipeline({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'scripted-qwen', LLM_TIMEOUT_MS: '1000' });
  served = await serveOnLoopback(createApp({ ...pipeline, logger: silentLogger }));
  extractive = await createExtractiveAnswerer({ knowledge: pipeline.knowledge, retriever: createHybridRetriever(pipeline.knowledge) }).ask({ question: QUESTION });
});
afterAll(async () => {
  await served?.close();
  await llm?.close();
  await pipeline?.cleanup();
});

/** Asks over HTTP for an event stream, noting when each event arrived. */
async function askStreaming(question: string): Promise<(ServerSentEvent & { at: number; json: any })[]> {
  const response = await fetch(`${served.base}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  const events: (ServerSentEvent & { at: number; json: any })[] = [];
  await readEventStream(response.body!, (event) => events.push({ ...event, at: performance.now(), json: JSON.parse(event.data) }));
  return events;
}

const askJson = async (question: string): Promise<AskResult> =>
  (await fetch(`${served.base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json();

describe('generated answers (LLM mode)', () => {
  it('says in /healthz which model writes answers, naming the host and not the path', async () => {
    const health = await (await fetch(`${served.base}/healthz`)).json();
    expect(health.llm).toEqual({ model: 'scripted-qwen', host: new URL(llm.baseUrl).host });
  });

  it('streams the model’s first words to the client before the model has finished, then the checked answer', async () => {
    expect(extractive.citations[0].quote).toContain('15/12');
    llm.script({ kind: 'stream', chunks: GOOD, delayMs: 250 });
    const events = await askStreaming(QUESTION);
    const firstDelta = events.find((event) => event.event === 'delta')!;
    expect(firstDelta.json.text).toBe(GOOD[0]);
    expect(firstDelta.at).toBeLessThan(llm.requests.at(-1)!.finishedAt!);
    expect(events.map((event) => event.event)).toEqual(['citations', 'delta', 'delta', 'delta', 'done']);
    const done = events.at(-1)!.json;
    expect(done).toMatchObject({ answeredBy: 'llm', answered: true, answer: GOOD.join('').trim() });
    expect(done.fallbackReason).toBeUndefined();
    expect(done.answerId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Citations stay verbatim quotes at their offsets, in full form.
    for (const citation of done.citations) expect(pipeline.texts.get(citation.docId)!.slice(citation.start, citation.end)).toBe(citation.quote);
    expect(done.citations[0].reference).toMatch(/^Kế hoạch số 2618\/KH-UBND/);
    // The model was given the passages, the rules and the question.
    const [system, user] = llm.requests.at(-1)!.body.messages;
    expect(system.content).toContain('Use only the numbered passages');
    expect(user.content).toContain(`[1] ${extractive.citations[0].docName}`);
    expect(user.content).toContain(extractive.citations[0].quote);
  });

  it.each<[string, LlmScript, string]>([
    ['cites a passage it was not given', { kind: 'stream', chunks: ['Báo cáo gửi trước ngày 15/12 hàng năm ', '[7].'], delayMs: 20 }, 'unknown_citation'],
    ['invents a figure', { kind: 'stream', chunks: ['Báo cáo gửi trước ngày 15/12 hàng năm, ', 'đạt 100% [1].'], delayMs: 20 }, 'unsupported_figure'],
  ])('withdraws a streamed answer that %s: the client is told to show the extractive answer', async (_, script, reason) => {
    llm.script(script);
    const events = await askStreaming(QUESTION);
    expect(events.map((event) => event.event)).toEqual(['citations', 'delta', 'delta', 'replace', 'done']);
    expect(events[3].json).toEqual({ text: extractive.answer, reason });
    expect(events[4].json).toMatchObject({ answeredBy: 'extractive', fallbackReason: reason, answer: extractive.answer });
    expect(events[4].json.citations.map((citation: { quote: string }) => citation.quote)).toEqual(extractive.citations.map((citation) => citation.quote));
  });

  it.each<[string, LlmScript, string]>([
    ['fails', { kind: 'fail', status: 500 }, 'model_error'],
    ['hangs past LLM_TIMEOUT_MS', { kind: 'hang' }, 'timeout'],
  ])('gives the extractive answer when the model %s', async (_, script, reason) => {
    llm.script(script);
    const events = await askStreaming(QUESTION);
    expect(events.map((event) => event.event)).toEqual(['citations', 'delta', 'done']);
    expect(events[1].json.text).toBe(extractive.answer);
    expect(events[2].json).toMatchObject({ answeredBy: 'extractive', fallbackReason: reason, answer: extractive.answer });
    expect(await askJson(QUESTION)).toMatchObject({ answeredBy: 'extractive', fallbackReason: reason, answer: extractive.answer });
  });

  it('answers as JSON too, and a shared generated answer says a model wrote it, in its page and its Word file', async () => {
    llm.script({ kind: 'stream', chunks: GOOD, delayMs: 5 });
    const result = (await askJson(QUESTION)) as AskResult & { answerId: string };
    expect(result).toMatchObject({ answeredBy: 'llm', answer: GOOD.join('').trim(), question: extractive.question });
    expect(await (await fetch(`${served.base}/api/answers/${result.answerId}`)).json()).toMatchObject({ answeredBy: 'llm', answer: result.answer });
    expect(await (await fetch(`${served.base}/a/${result.answerId}`)).text()).toContain('do mô hình ngôn ngữ viết từ các đoạn trích nguyên văn');
    const docx = Buffer.from(await (await fetch(`${served.base}/api/answers/${result.answerId}/export.docx`)).arrayBuffer());
    expect((await mammoth.extractRawText({ buffer: docx })).value).toContain('Câu trả lời do mô hình ngôn ngữ viết');
  });

  it('closes the model’s request when the client leaves mid-answer', async () => {
    llm.script({ kind: 'stream', chunks: Array.from({ length: 40 }, () => 'báo cáo '), delayMs: 50 });
    const leave = new AbortController();
    const response = await fetch(`${served.base}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: QUESTION }),
      signal: leave.signal,
    });
    await readEventStream(response.body!, (event) => {
      if (event.event === 'delta') leave.abort();
    }).catch(() => undefined);
    await expect.poll(() => llm.requests.at(-1)!.aborted).toBe(true);
  });

  it('does not ask the model when the documents do not answer', async () => {
    const before = llm.requests.length;
    const result = await askJson('Kế hoạch của tỉnh Cà Mau về người cao tuổi là gì?');
    expect(result).toMatchObject({ answered: false, answeredBy: 'extractive' });
    expect(result.fallbackReason).toBeUndefined();
    expect(llm.requests.length).toBe(before);
  });
});
