import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openAnswerArchive } from '../store/answer-archive.js';
import type { Answerer, Retriever } from '../types.js';
import type { ReferencedCitation } from '../web/format-citation.js';
import { createTestKnowledgeBase } from '../web/test-knowledge-base.js';
import { createApp } from './create-app.js';
import { serveApp } from './serve-app.js';

const MAX_BODY_BYTES = 8192;
const logLines: { level: number; msg: string; status?: number; question?: unknown }[] = [];
const logger = createLogger('debug', 'stdout', { destination: { write: (line: string) => void logLines.push(JSON.parse(line)) } });

const answerer: Answerer = {
  ask: async ({ question }) => ({ answer: `Trả lời: ${question}`, answered: true, question, citations: [], mode: 'lexical', answeredBy: 'extractive', timings: { totalMs: 1, retrieveMs: 0, answerMs: 1 } }),
};
const retriever: Retriever = { mode: 'lexical', search: async () => [] };
const knowledge = createTestKnowledgeBase([{ meta: { id: 'doc', title: 'Kế hoạch', sourceFile: 'doc.txt' }, text: 'Kế hoạch.' }]);

// A webhook that reads its body as the bots do.
const bots = new Hono();
bots.post('/zalo', async (c) => c.json({ ok: true, bytes: (await c.req.text()).length }));

let dataDir: string;
let answers: ReturnType<typeof openAnswerArchive<ReferencedCitation>>;
let server: Server;
let port: number;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hdkh-serve-'));
  const config = loadConfig({ DATA_DIR: dataDir, MAX_BODY_BYTES: String(MAX_BODY_BYTES), RATE_LIMIT_PER_MINUTE: '0', WEBHOOK_RATE_LIMIT_PER_MINUTE: '0' });
  answers = openAnswerArchive<ReferencedCitation>({ file: join(dataDir, 'answers.db'), maxAgeDays: config.ANSWERS_MAX_AGE_DAYS, maxRows: config.ANSWERS_MAX_ROWS });
  const app = createApp({ knowledge, answerer, retriever, config, logger, bots, answers });
  server = await new Promise<Server>((resolve) => {
    const started: Server = serveApp(app, { port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  answers.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  logLines.length = 0;
});

interface Reply {
  status: number;
  connection?: string;
  body: string;
}

/** One request through a keep-alive agent; a lost request resolves with status 0. */
const send = (agent: Agent, method: string, path: string, body?: { bytes: number; chunked?: boolean }) =>
  new Promise<Reply>((resolve) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (body && !body.chunked) headers['content-length'] = body.bytes;
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    if (body) {
      // Valid JSON for a small body, so only the size decides.
      const payload = Buffer.alloc(body.bytes, ' ');
      payload.write('{"question":"a"}');
      for (let at = 0; at < payload.length; at += 4096) req.write(payload.subarray(at, at + 4096));
    }
    req.end();
  });

/** Sends a whole request before reading a byte of the response, as Python's http.client does. */
const sendAllThenRead = (head: string, body: Buffer) =>
  new Promise<{ response: string; error?: string }>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.pause();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (response += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ response, error: error.code }));
    socket.on('end', () => {
      socket.end();
      resolve({ response });
    });
    socket.write(head);
    socket.write(body, () => socket.resume());
  });

const errorLogs = () => logLines.filter((line) => line.level >= 50);

describe('bodies too large', () => {
  it.each(['/api/ask', '/api/feedback', '/bots/zalo'])('%s: a declared or chunked body over the limit gets 413 with Connection: close, and the next request on the keep-alive agent is never lost', async (path) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const results: Reply[][] = [];
    for (let round = 0; round < 10; round++) {
      // Queued together on one socket: the second goes out as soon as the first is answered.
      results.push(await Promise.all([send(agent, 'POST', path, { bytes: 100_000, chunked: round % 2 === 1 }), send(agent, 'GET', '/healthz')]));
    }
    agent.destroy();
    expect(results.map(([big]) => big.status)).toEqual(Array(10).fill(413));
    expect(results.every(([big]) => big.connection === 'close')).toBe(true);
    expect(JSON.parse(results[0][0].body).error.code).toBe('payload_too_large');
    expect(results.filter(([, next]) => next.status !== 200)).toHaveLength(0);
    expect(errorLogs()).toEqual([]);
  });

  it('a client that sends the whole of a large body before reading still gets the 413 (lingering close)', async () => {
    const bytes = 8 * 1024 * 1024; // more than the socket buffers hold
    const head = `POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`;
    const { response, error } = await sendAllThenRead(head, Buffer.alloc(bytes, ' '));
    expect(error).toBeUndefined();
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response.toLowerCase()).toContain('connection: close');
  });

  it('bodies within the limit are read as before, keep-alive kept', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const [ask, webhook] = await Promise.all([send(agent, 'POST', '/api/ask', { bytes: 2000 }), send(agent, 'POST', '/bots/zalo', { bytes: 3000, chunked: true })]);
    agent.destroy();
    expect(ask.status).toBe(200);
    expect(ask.connection).toBe('keep-alive');
    expect(JSON.parse(ask.body).answer).toBe('Trả lời: a');
    expect(JSON.parse(webhook.body)).toEqual({ ok: true, bytes: 3000 });
  });
});

describe('a client that aborts its upload', () => {
  it.each([
    ['/api/ask', 'chunked'],
    ['/bots/zalo', 'chunked'],
    ['/api/feedback', 'with a Content-Length'],
  ])('%s: an upload %s cut mid-way is a 400 in the log, never a 500 or an unhandled error', async (path, framing) => {
    const consoleError = vi.spyOn(console, 'error');
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    const length = framing === 'chunked' ? 'Transfer-Encoding: chunked' : 'Content-Length: 4000';
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${length}\r\n\r\n`);
    socket.write(framing === 'chunked' ? '400\r\n' + '{'.repeat(0x400) + '\r\n' : '{'.repeat(0x400));
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await vi.waitFor(() => expect(logLines.find((line) => line.msg === 'request')).toBeDefined());
    expect(logLines.find((line) => line.msg === 'request')?.status).toBe(400);
    expect(errorLogs()).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    // The server is still there.
    const agent = new Agent({ keepAlive: true });
    expect((await send(agent, 'GET', '/healthz')).status).toBe(200);
    agent.destroy();
  });
});

describe('the logging policy', () => {
  it('logs a question from the API as its length and hash, not its words', async () => {
    const question = 'CCCD 001085012345 của tôi, email a.nguyen@example.vn: được cấp thẻ BHYT không?';
    const response = await fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    expect(response.status).toBe(200);
    const ask = logLines.find((line) => line.msg === 'ask');
    expect(ask?.question).toEqual({ chars: question.length, hash: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(JSON.stringify(logLines)).not.toMatch(/001085012345|example\.vn/);
  });
});
