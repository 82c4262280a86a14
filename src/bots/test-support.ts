// Shared by the bot tests only: local fake Telegram/Zalo APIs on loopback, a stub answerer, fixtures.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { pino, type Logger } from 'pino';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { loadConfig, type Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Answerer, AskInput, AskResult, Citation, DocumentMeta } from '../types.js';

export interface RecordedCall {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: any;
}

export interface FakeServer {
  url: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

export type Reply = { status?: number; json: unknown };

/** A node:http server on 127.0.0.1 with a random port, recording every request. */
export async function startFakeServer(respond: (call: RecordedCall) => Reply): Promise<FakeServer> {
  const calls: RecordedCall[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const call = { path: req.url ?? '', headers: req.headers, body, json };
      calls.push(call);
      const reply = respond(call);
      res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A server that accepts connections and reads requests but never answers, like an API behind a black hole. */
export async function startSilentServer(): Promise<{ url: string; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = [];
  const server = createServer((req) => void paths.push(req.url ?? ''));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** An address where nothing listens: connections are refused at once. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

export const TELEGRAM_TOKEN = '123456:TEST-token';

/**
 * Bot API stand-in: answers getMe and the methods the bot uses, like Telegram would. `override` may answer a
 * call instead (a flood limit, an error); `sent` lists only the calls that succeeded.
 */
export async function startFakeTelegram(override?: (method: string, call: RecordedCall) => Reply | undefined): Promise<FakeServer & { sent(method: string): any[] }> {
  let messageId = 1000;
  const edited = new Map<number, string>();
  const failed = new Set<RecordedCall>();
  const server = await startFakeServer((call) => {
    const { path, json } = call;
    const method = path.split('/').pop() ?? '';
    const overridden = override?.(method, call);
    if (overridden) {
      failed.add(call);
      return overridden;
    }
    switch (method) {
      case 'getMe':
        return { json: { ok: true, result: { id: 123456, is_bot: true, first_name: 'Hỏi đáp', username: 'hoidap_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } } };
      case 'sendMessage':
        return { json: { ok: true, result: { message_id: ++messageId, date: 1, chat: { id: json.chat_id, type: 'private' }, text: json.text } } };
      case 'editMessageText':
        if (edited.get(json.message_id) === json.text) {
          return { status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same' } };
        }
        edited.set(json.message_id, json.text);
        return { json: { ok: true, result: { message_id: json.message_id, date: 1, chat: { id: json.chat_id, type: 'private' }, text: json.text } } };
      default:
        return { json: { ok: true, result: true } };
    }
  });
  return { ...server, sent: (method) => server.calls.filter((call) => call.path.endsWith(`/${method}`) && !failed.has(call)).map((call) => call.json) };
}

let updateId = 1;
const chat = (chatId: number) => ({ id: chatId, type: 'private', first_name: 'Cán bộ' });

export function textUpdate(text: string, { chatId = 42, id = updateId++, messageId = 7 } = {}) {
  const command = /^\/\w+(@\w+)?/.exec(text);
  return {
    update_id: id,
    message: {
      message_id: messageId,
      date: 1_700_000_000,
      chat: chat(chatId),
      from: { id: chatId, is_bot: false, first_name: 'Cán bộ' },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}

export function callbackUpdate(data: string, { chatId = 42, messageId = 1001 } = {}) {
  return {
    update_id: updateId++,
    callback_query: {
      id: `cb${updateId}`,
      from: { id: chatId, is_bot: false, first_name: 'Cán bộ' },
      chat_instance: 'ci',
      data,
      message: { message_id: messageId, date: 1_700_000_000, chat: chat(chatId), text: 'x' },
    },
  };
}

/** Documents whose metadata contains HTML-special characters. */
export const DOCUMENTS: DocumentMeta[] = [
  {
    id: 'ben-tre-8557-2021',
    title: 'Kế hoạch chăm sóc sức khỏe người có công <giai đoạn 2021 - 2030> & người cao tuổi tỉnh Bến Tre',
    number: '8557/KH-UBND',
    issuer: 'Ủy ban nhân dân tỉnh Bến Tre',
    locality: 'Tỉnh Bến Tre',
    level: 'tỉnh',
    province: 'Bến Tre',
    issuedDate: '2021-12-24',
    sourceFile: 'ben-tre-8557-2021.txt',
  },
  {
    id: 'lang-son-thanh-pho-2024',
    title: 'Kế hoạch thực hiện Chương trình trên địa bàn thành phố Lạng Sơn năm 2024',
    locality: 'Thành phố Lạng Sơn',
    level: 'thành phố',
    province: 'Lạng Sơn',
    issuedDate: '2024-03',
    sourceFile: 'lang-son-thanh-pho-2024.txt',
  },
];

/** A few hundred plans with long, HTML-special titles, as a large collection would list. */
export const manyDocuments = (count: number): DocumentMeta[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `ke-hoach-${String(i + 1).padStart(4, '0')}`,
    title: `Kế hoạch số ${i + 1} về chăm sóc sức khỏe người cao tuổi & trẻ em <giai đoạn 2021 - 2030> ${'trên địa bàn tỉnh, thành phố '.repeat(8)}`,
    number: `${1000 + i}/KH-UBND`,
    locality: `Tỉnh Thử Nghiệm ${i + 1}`,
    issuedDate: '2022-03-24',
    sourceFile: `ke-hoach-${i + 1}.txt`,
  }));

export function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    docId: 'ben-tre-8557-2021',
    docTitle: DOCUMENTS[0].title,
    docName: 'Kế hoạch 8557/KH-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh Bến Tre',
    label: 'III › 2',
    section: 'III. NHIỆM VỤ › 2. Chăm sóc sức khỏe',
    quote: `Đoạn trích số ${n}: cấp thẻ bảo hiểm y tế cho người cao tuổi từ đủ 80 tuổi.`,
    start: 100 * n,
    end: 100 * n + 60,
    chunkId: `ben-tre-8557-2021#${n}`,
    score: 1 / n,
    ...overrides,
  };
}

export function askResult(overrides: Partial<AskResult> = {}): AskResult {
  return {
    answer: 'Người cao tuổi từ đủ 80 tuổi được cấp thẻ bảo hiểm y tế [1].',
    answered: true,
    question: 'Ai được cấp thẻ BHYT?',
    citations: [citation(1)],
    mode: 'lexical',
    answeredBy: 'extractive',
    timings: { totalMs: 5, retrieveMs: 3, answerMs: 2 },
    ...overrides,
  };
}

/** An answerer returning canned results in turn (the last one repeats), recording what it was asked. */
export function stubAnswerer(...results: Array<AskResult | Error>): Answerer & { inputs: AskInput[] } {
  const inputs: AskInput[] = [];
  return {
    inputs,
    async ask(input) {
      inputs.push(structuredClone(input));
      const next = results.length > 1 ? results.shift()! : results[0];
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

export const testConfig = (env: Record<string, string>): Config => loadConfig({ LOG_LEVEL: 'silent', ...env });

/** Mounts bot routes at /bots with the same AppError → JSON mapping as the app's onError. */
export function mountBots(routes: Hono): Hono {
  const app = new Hono();
  app.route('/bots', routes);
  app.onError((error, c) => {
    if (error instanceof AppError) return c.json({ error: { code: error.code, message: error.message } }, error.status as ContentfulStatusCode);
    return c.json({ error: { code: 'internal', message: String(error) } }, 500);
  });
  return app;
}

/** A logger whose JSON lines the test can read. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}
