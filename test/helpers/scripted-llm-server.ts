import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted model does with the next request. */
export type LlmScript =
  /** Streams these pieces of text as OpenAI-style chunks, `delayMs` apart, then `[DONE]`. */
  | { kind: 'stream'; chunks: readonly string[]; delayMs?: number }
  /** Sends the headers and one chunk, then nothing: a model stuck mid-answer. */
  | { kind: 'hang'; chunks?: readonly string[] }
  /** Answers with this HTTP status and an OpenAI-style error body. */
  | { kind: 'fail'; status: number };

export interface LlmRequestRecord {
  body: { model: string; stream: boolean; messages: { role: string; content: string }[] };
  headers: IncomingMessage['headers'];
  /** The client closed the connection before the script ended (an abort). */
  aborted: boolean;
  /** performance.now() when the last chunk was written, for "the first delta arrived before the model finished". */
  finishedAt?: number;
}

export interface ScriptedLlmServer {
  /** "http://127.0.0.1:<port>/v1", what LLM_BASE_URL takes. */
  baseUrl: string;
  /** Scripts the following requests in turn; the last one repeats. */
  script(...scripts: LlmScript[]): void;
  readonly requests: LlmRequestRecord[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const chunkLine = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 0, model: 'scripted', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

/**
 * An OpenAI-compatible chat completions server on loopback (`POST /v1/chat/completions`, `stream: true`), scripted
 * per request: no model runs on the test machines.
 */
export async function startScriptedLlmServer(): Promise<ScriptedLlmServer> {
  let scripts: LlmScript[] = [{ kind: 'stream', chunks: ['OK'] }];
  const requests: LlmRequestRecord[] = [];

  const play = async (script: LlmScript, record: LlmRequestRecord, response: ServerResponse): Promise<void> => {
    if (script.kind === 'fail') {
      response.writeHead(script.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    if (script.kind === 'hang') {
      for (const content of script.chunks ?? []) response.write(chunkLine(content));
      return; // never ends: the client's timeout must close it
    }
    for (const content of script.chunks) {
      if (record.aborted) return;
      response.write(chunkLine(content));
      await sleep(script.delayMs ?? 0);
    }
    response.write(chunkLine('', 'stop'));
    response.write('data: [DONE]\n\n');
    record.finishedAt = performance.now();
    response.end();
  };

  const server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404).end();
        return;
      }
      const record: LlmRequestRecord = { body: JSON.parse(raw), headers: request.headers, aborted: false };
      requests.push(record);
      response.on('close', () => {
        if (!response.writableFinished) record.aborted = true;
      });
      const script = scripts.length > 1 ? scripts.shift()! : scripts[0];
      void play(script, record, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    script: (...next) => void (scripts = next),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
