// `npm run bench:reliability`: the faults of issue 12, measured on real processes. Concurrent ingests on one
// collection (pairs of `npm run ingest` started together), 10,000 feedback posts to a running server, the Telegram
// webhook while Telegram's API never answers, bad input over keep-alive connections (dropped connections, 5xx,
// errors logged), and start-up on a collection damaged in many ways. Servers run as child processes
// (built to dist/, as `npm start` runs them) on loopback, with their data in a temporary folder, never in the repository.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { openCheckedCollection } from '../src/store/check-collection.js';
import { DATABASE_FILE } from '../src/store/sqlite-store.js';
import { FIXTURE_MODEL_ID, FIXTURE_MODELS_DIR } from '../test/helpers/fixture-model.js';
import { builtProject } from './bench-server.js';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '20' },
    feedback: { type: 'string', default: '10000' },
    repeats: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
    // A comma-separated subset: ingests, feedback, telegram, bad-input, damaged.
    only: { type: 'string', default: 'ingests,feedback,telegram,bad-input,damaged' },
  },
});
const only = new Set(values.only!.split(','));
const REPO = new URL('..', import.meta.url).pathname;
// The server and the ingest as `npm start` and `npm run ingest` run them.
const { main: MAIN, ingest: CLI_INGEST } = await builtProject(REPO);
const QUESTION = 'Kinh phí thực hiện kế hoạch của Hà Nội lấy từ đâu?';
const work = await mkdtemp(join(tmpdir(), 'hdkh-reliability-'));
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  if (!values.keep) rmSync(work, { recursive: true, force: true });
});

const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', EMBEDDING_MODEL: 'none', LOG_LEVEL: 'info' };
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isDirectory() ? folderBytes(join(dir, entry.name)) : statSync(join(dir, entry.name)).size), 0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function runNode(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, args, { cwd: REPO, env: { ...baseEnv, ...env }, maxBuffer: 16 * 1024 * 1024 }, (_error, stdout, stderr) => {
      children.delete(child);
      resolve({ code: child.exitCode, stdout, stderr });
    });
    children.add(child);
  });
}

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

interface RunningServer {
  url: string;
  child: ChildProcess;
  logs: LogLine[];
  startSeconds: number;
  stop(): Promise<void>;
}

/** Starts the built server on a free loopback port; resolves once it listens, or with the exit code if it dies first. */
function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer | { exitCode: number | null; logs: LogLine[]; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], { cwd: REPO, env: { ...baseEnv, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const logs: LogLine[] = [];
  let stderr = '';
  let buffered = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => (children.delete(child), done(code))));
  return new Promise((resolve) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), resolve({ exitCode: null, logs, stderr: `${stderr}\n(no answer in ${timeoutMs} ms)` })), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        let parsed: LogLine;
        try {
          parsed = JSON.parse(line) as LogLine;
        } catch {
          continue;
        }
        logs.push(parsed);
        if (parsed.msg === 'Hỏi đáp Kế hoạch is listening') {
          clearTimeout(timer);
          resolve({
            url: parsed.url as string,
            child,
            logs,
            startSeconds: (performance.now() - started) / 1000,
            stop: async () => {
              child.kill('SIGTERM');
              await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
            },
          });
        }
      }
    });
    void exited.then((exitCode) => (clearTimeout(timer), resolve({ exitCode, logs, stderr })));
  });
}

async function mustStart(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer(env);
  if (!('url' in server)) throw new Error(`the server did not start (exit ${server.exitCode}): ${server.stderr.slice(-2000)}`);
  return server;
}

/** A small synthetic corpus: tiny plans, quick to ingest. */
function syntheticCorpus(dir: string, count: number): void {
  cpSync(join(REPO, 'corpus'), dir, { recursive: true, filter: (source) => !source.endsWith('.txt') && !source.endsWith('.json') });
  for (let i = 1; i <= count; i += 1) {
    writeFileSync(
      join(dir, `ke-hoach-${i}.txt`),
      `ỦY BAN NHÂN DÂN\nHUYỆN SỐ ${i}\n\nKẾ HOẠCH\nChăm sóc người cao tuổi năm ${2000 + i}\n\nI. MỤC TIÊU\n\n- Phấn đấu ${i}% người cao tuổi được khám sức khỏe định kỳ.\n\nII. NHIỆM VỤ\n\n1. Phòng Y tế huyện số ${i} chủ trì, phối hợp với Hội Người cao tuổi.\n\nIII. KINH PHÍ\n\nNgân sách huyện số ${i} bảo đảm.\n`,
    );
  }
}

/** The collection holds `documents` documents and passes SQLite's full integrity check and FTS5's. */
function intact(dataDir: string, documents: number): boolean {
  const checked = openCheckedCollection(dataDir);
  if (!checked || !('store' in checked)) return false;
  const count = checked.store.catalogue().length;
  checked.store.close();
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    db.prepare("INSERT INTO chunk_terms(chunk_terms) VALUES ('integrity-check')").run();
    return count === documents && db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db.close();
  }
}

// ---- 1. concurrent ingests ---------------------------------------------------------------------------------------

async function concurrentIngests(pairs: number) {
  const corpus = join(work, 'synthetic');
  const documents = 40;
  syntheticCorpus(corpus, documents);
  const tally = { intact: 0, oneRefused: 0, secondWaitedOrFoundDone: 0, bothWrote: 0, otherFailures: 0, refusalNamesWriter: 0 };
  for (let pair = 1; pair <= pairs; pair += 1) {
    const dataDir = join(work, `ingest-pair-${pair}`);
    const results = await Promise.all([1, 2].map(() => runNode([CLI_INGEST, '--dir', corpus], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' })));
    const ok = results.filter((result) => result.code === 0);
    const refused = results.filter((result) => result.code === 75);
    if (ok.length + refused.length !== 2 || ok.length === 0) tally.otherFailures += 1;
    if (refused.length === 1) tally.oneRefused += 1;
    if (refused.some((result) => /Another ingest \(ingest of .+, process \d+, started .+\) is writing/.test(result.stderr))) tally.refusalNamesWriter += 1;
    if (ok.length === 2) tally[ok.filter((result) => result.stdout.includes('reused 0 unchanged')).length === 2 ? 'bothWrote' : 'secondWaitedOrFoundDone'] += 1;
    if (intact(dataDir, documents)) tally.intact += 1;
    rmSync(dataDir, { recursive: true, force: true });
  }
  return tally;
}

// ---- 2. feedback -------------------------------------------------------------------------------------------------

async function postAll(url: string, count: number, body: () => string, concurrency = 16): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const status = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() }).then(
          async (response) => (await response.arrayBuffer(), String(response.status)),
          (error: Error) => `error ${error.message}`,
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

const feedbackBody = (i: number) =>
  JSON.stringify({
    question: `Câu hỏi số ${i}: kinh phí thực hiện kế hoạch lấy từ đâu? Liên hệ: nguyen.van.a${i}@example.vn`,
    answer: 'Theo kế hoạch của thành phố Hà Nội: “Ngân sách nhà nước bố trí trong dự toán chi thường xuyên…” [1]. '.repeat(190),
    rating: i % 3 ? 'up' : 'down',
    comment: 'Câu trả lời chưa đủ chi tiết. '.repeat(60),
  });

async function feedbackPosts(count: number) {
  const dataDir = join(work, 'feedback-data');
  const server = await mustStart({ CORPUS_DIR: join(REPO, 'corpus'), DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' });
  try {
    let i = 0;
    const started = performance.now();
    const statuses = await postAll(`${server.url}/api/feedback`, count, () => feedbackBody((i += 1)));
    const seconds = (performance.now() - started) / 1000;
    const bodyBytes = Buffer.byteLength(feedbackBody(1));
    const stored = folderBytes(join(dataDir, 'feedback'));
    const modes = readdirSync(join(dataDir, 'feedback')).map((name) => (statSync(join(dataDir, 'feedback', name)).mode & 0o777).toString(8));
    const folderMode = (statSync(join(dataDir, 'feedback')).mode & 0o777).toString(8);
    return { statuses, seconds, bodyBytes, stored, files: modes.length, modes: [...new Set(modes)], folderMode };
  } finally {
    await server.stop();
  }
}

async function rateLimitedFeedback(count: number) {
  const server = await mustStart({ CORPUS_DIR: join(REPO, 'corpus'), DATA_DIR: join(work, 'feedback-limited') });
  try {
    let i = 0;
    return await postAll(`${server.url}/api/feedback`, count, () => feedbackBody((i += 1)), 4);
  } finally {
    await server.stop();
  }
}

// ---- 3. Telegram webhook with Telegram's API down ----------------------------------------------------------------

/** A TCP server that accepts connections and never answers: Telegram's API unreachable behind a firewall that drops. */
async function blackHole(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => (sockets.add(socket), socket.on('error', () => undefined)));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

async function telegramWebhook(withUsername: boolean) {
  const hole = await blackHole();
  const secret = 'bench-secret-token';
  const server = await mustStart({
    CORPUS_DIR: join(REPO, 'corpus'),
    DATA_DIR: join(work, `telegram-${withUsername}`),
    TELEGRAM_BOT_TOKEN: '123456789:AAbenchmarkbenchmarkbenchmarkbench',
    TELEGRAM_WEBHOOK_SECRET: secret,
    TELEGRAM_API_ROOT: `http://127.0.0.1:${hole.port}`,
    ...(withUsername ? { TELEGRAM_BOT_USERNAME: 'hoidap_kehoach_bot' } : {}),
  });
  const times: number[] = [];
  const statuses: string[] = [];
  try {
    for (let i = 1; i <= 5; i += 1) {
      const update = { update_id: 1000 + i, message: { message_id: i, date: Math.floor(Date.now() / 1000), chat: { id: 42, type: 'private' }, from: { id: 42, is_bot: false, first_name: 'A' }, text: QUESTION } };
      const started = performance.now();
      const status = await fetch(`${server.url}/bots/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (response) => (await response.arrayBuffer(), String(response.status)),
        (error: Error) => (error.name === 'TimeoutError' ? 'no answer in 10 s' : `error ${error.message}`),
      );
      times.push(performance.now() - started);
      statuses.push(status);
    }
  } finally {
    await server.stop();
    hole.close();
  }
  return { maxMs: Math.max(...times), times, statuses: [...new Set(statuses)] };
}

// ---- 4. bad input over keep-alive connections --------------------------------------------------------------------

interface Outcome {
  status?: number;
  error?: string;
}

/** One request on a keep-alive agent with one socket, so the next request reuses the connection when it can. */
function request(agent: http.Agent, url: string, options: { method: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean; abortAfter?: number }): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: options.method, headers: options.headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode }));
      response.on('error', (error) => resolve({ error: error.message }));
    });
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    if (options.abortAfter !== undefined) {
      req.write(Buffer.alloc(options.abortAfter, 0x7b));
      setTimeout(() => (req.destroy(), resolve({ error: 'aborted by the client' })), 100);
      return;
    }
    if (options.chunked && options.body) {
      // Written in pieces without a length: the server learns the size only while reading.
      const body = Buffer.from(options.body);
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
      return;
    }
    req.end(options.body);
  });
}

async function badInput(repeats: number) {
  const secret = 'bench-secret-token';
  const hole = await blackHole();
  const server = await mustStart({
    CORPUS_DIR: join(REPO, 'corpus'),
    DATA_DIR: join(work, 'bad-input'),
    RATE_LIMIT_PER_MINUTE: '0',
    WEBHOOK_RATE_LIMIT_PER_MINUTE: '0',
    TELEGRAM_BOT_TOKEN: '123456789:AAbenchmarkbenchmarkbenchmarkbench',
    TELEGRAM_WEBHOOK_SECRET: secret,
    TELEGRAM_BOT_USERNAME: 'hoidap_kehoach_bot',
    TELEGRAM_API_ROOT: `http://127.0.0.1:${hole.port}`,
  });
  const json = { 'content-type': 'application/json' };
  const big = Buffer.from(JSON.stringify({ question: 'x'.repeat(1024 * 1024) }));
  const cases: [string, Parameters<typeof request>[2], string][] = [
    ['body of 1 MB with its length (ask)', { method: 'POST', headers: { ...json, 'content-length': String(big.length) }, body: big }, '/api/ask'],
    ['body of 1 MB chunked, no length (ask)', { method: 'POST', headers: json, body: big, chunked: true }, '/api/ask'],
    ['body of 1 MB (feedback)', { method: 'POST', headers: json, body: big }, '/api/feedback'],
    ['body of 1 MB (Telegram webhook)', { method: 'POST', headers: { ...json, 'x-telegram-bot-api-secret-token': secret }, body: big }, '/bots/telegram'],
    ['invalid JSON', { method: 'POST', headers: json, body: '{"question": ' }, '/api/ask'],
    ['JSON null', { method: 'POST', headers: json, body: 'null' }, '/api/ask'],
    ['wrong content type', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'question' }, '/api/ask'],
    ['empty body', { method: 'POST', headers: json, body: '' }, '/api/ask'],
    ['question far too long', { method: 'POST', headers: json, body: JSON.stringify({ question: 'câu hỏi '.repeat(2000) }) }, '/api/ask'],
    ['null as a Telegram update', { method: 'POST', headers: { ...json, 'x-telegram-bot-api-secret-token': secret }, body: 'null' }, '/bots/telegram'],
    ['Telegram update without the secret', { method: 'POST', headers: json, body: '{"update_id": 1}' }, '/bots/telegram'],
    ['feedback with a rating missing', { method: 'POST', headers: json, body: '{"question": "a", "answer": "b"}' }, '/api/feedback'],
    ['unknown document', { method: 'GET' }, '/api/documents/khong-co'],
    ['chunked upload aborted by the client', { method: 'POST', headers: json, abortAfter: 32 * 1024 }, '/api/ask'],
  ];
  const rows: { name: string; requests: number; dropped: number; serverErrors: number; statuses: string[] }[] = [];
  try {
    for (const [name, options, path] of cases) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const row = { name, requests: 0, dropped: 0, serverErrors: 0, statuses: new Set<string>() };
      for (let i = 0; i < repeats; i += 1) {
        const bad = await request(agent, `${server.url}${path}`, options);
        row.requests += 1;
        if (bad.status !== undefined) row.statuses.add(String(bad.status));
        if (bad.status !== undefined && bad.status >= 500) row.serverErrors += 1;
        if (bad.error && options.abortAfter === undefined) row.dropped += 1;
        // The next request on the same keep-alive agent: lost if the server dropped a connection it kept.
        const next = await request(agent, `${server.url}/api/ask`, { method: 'POST', headers: json, body: JSON.stringify({ question: QUESTION }) });
        row.requests += 1;
        if (next.error) row.dropped += 1;
        if (next.status !== undefined && next.status !== 200) row.serverErrors += next.status >= 500 ? 1 : 0;
      }
      agent.destroy();
      rows.push({ ...row, statuses: [...row.statuses] });
    }
    // The same oversized body through Node's fetch (undici), which pools keep-alive connections its own way.
    let fetchDropped = 0;
    for (let i = 0; i < repeats; i += 1) {
      for (const body of [big, JSON.stringify({ question: QUESTION })]) {
        const result = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: json, body }).then(
          async (response) => (await response.arrayBuffer(), response.status),
          () => undefined,
        );
        if (result === undefined) fetchDropped += 1;
      }
    }
    rows.push({ name: 'body of 1 MB then a question, Node fetch', requests: repeats * 2, dropped: fetchDropped, serverErrors: 0, statuses: [] });
    const alive = await fetch(`${server.url}/healthz`).then((response) => response.ok, () => false);
    const errorsLogged = server.logs.filter((line) => line.level >= 50).map((line) => line.msg);
    return { rows, alive, errorsLogged };
  } finally {
    await server.stop();
    hole.close();
  }
}

// ---- 5. start-up on a damaged collection -------------------------------------------------------------------------

const overwrite = (offset: (size: number) => number, length: number) => (file: string) => {
  const bytes = readFileSync(file);
  const at = offset(bytes.length);
  bytes.fill(0xa5, at, Math.min(bytes.length, at + length));
  writeFileSync(file, bytes);
};
const sql = (statement: string) => (file: string) => {
  const db = new Database(file);
  db.exec(statement);
  db.close();
};

async function damagedStarts() {
  const corpus = join(work, 'seed-corpus');
  cpSync(join(REPO, 'corpus'), corpus, { recursive: true });
  const base = join(work, 'damaged-base');
  const env = { CORPUS_DIR: corpus, MODELS_DIR: FIXTURE_MODELS_DIR, EMBEDDING_MODEL: FIXTURE_MODEL_ID };
  const built = await runNode([CLI_INGEST], { ...env, DATA_DIR: base, LOG_LEVEL: 'warn' });
  if (built.code !== 0) throw new Error(`the base collection was not built: ${built.stderr}`);
  const db = (dir: string) => join(dir, DATABASE_FILE);
  const ways: [string, (dir: string) => void][] = [
    ['database deleted', (dir) => rmSync(db(dir))],
    ['database emptied (0 bytes)', (dir) => truncateSync(db(dir), 0)],
    ['database replaced by garbage', (dir) => writeFileSync(db(dir), Buffer.alloc(200_000, 0x5a))],
    ['header overwritten', (dir) => overwrite(() => 0, 100)(db(dir))],
    ['cut in half', (dir) => truncateSync(db(dir), Math.floor(statSync(db(dir)).size / 8192) * 4096)],
    ['last pages overwritten', (dir) => overwrite((size) => size - 16_384, 16_384)(db(dir))],
    ['first table pages overwritten', (dir) => overwrite(() => 4096, 8192)(db(dir))],
    ['another format version', (dir) => sql("UPDATE settings SET value = '2' WHERE key = 'format'")(db(dir))],
    ['a table dropped', (dir) => sql('DROP TABLE abbreviations')(db(dir))],
    ['a document\'s metadata unreadable', (dir) => sql("UPDATE documents SET meta = '{broken' WHERE id = 'ha-noi-2021-2030'")(db(dir))],
    ['unfinished ingest (no format)', (dir) => sql("DELETE FROM settings WHERE key = 'format'")(db(dir))],
    ['a garbage write-ahead log beside it', (dir) => writeFileSync(`${db(dir)}-wal`, Buffer.alloc(64 * 1024, 0x33))],
    ['HNSW file overwritten', (dir) => overwrite(() => 64, 4096)(join(dir, 'vectors.hnsw'))],
    ['HNSW file cut in half', (dir) => truncateSync(join(dir, 'vectors.hnsw'), Math.floor(statSync(join(dir, 'vectors.hnsw')).size / 2))],
    ['vector labels (vectors.json) garbage', (dir) => writeFileSync(join(dir, 'vectors.json'), '{"format": 2, "lab')],
    ['database and its last good copy both garbage', (dir) => (writeFileSync(db(dir), 'garbage'), writeFileSync(join(dir, 'collection.last-good.db'), 'garbage'))],
  ];
  const rows: { way: string; served: boolean; how: string; seconds: number; answered: boolean; mode: string }[] = [];
  for (const [way, damage] of ways) {
    const dir = join(work, `damaged-${rows.length + 1}`);
    cpSync(base, dir, { recursive: true });
    damage(dir);
    const started = await startServer({ ...env, DATA_DIR: dir }, 180_000);
    const messages = started.logs.map((line) => line.msg).join('\n');
    const how = /restored from its last good copy/.test(messages)
      ? 'last good copy'
      : /no last good copy|cannot serve either/.test(messages)
        ? 'rebuilt from the corpus'
        : /stored vectors unreadable/.test(messages)
          ? 'vectors rebuilt from stored embeddings'
          : 'as it was';
    if (!('url' in started)) {
      rows.push({ way, served: false, how: `exit ${started.exitCode}: ${started.stderr.trim().split('\n').pop()}`, seconds: 0, answered: false, mode: '' });
      continue;
    }
    const answer = await fetch(`${started.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) })
      .then((response) => response.json() as Promise<{ answered?: boolean; mode?: string }>)
      .catch(() => ({}) as { answered?: boolean; mode?: string });
    rows.push({ way, served: true, how, seconds: started.startSeconds, answered: answer.answered === true, mode: answer.mode ?? '?' });
    await started.stop();
  }
  return rows;
}

// ---- the table ---------------------------------------------------------------------------------------------------

const pairs = Number(values.pairs);
const print = (line = '') => process.stdout.write(`${line}\n`);
print(`work folder: ${work}`);

const ingests = only.has('ingests') ? await concurrentIngests(pairs) : undefined;
const feedback = only.has('feedback') ? { all: await feedbackPosts(Number(values.feedback)), limited: await rateLimitedFeedback(200) } : undefined;
const telegram = only.has('telegram') ? { noName: await telegramWebhook(false), named: await telegramWebhook(true) } : undefined;
const bad = only.has('bad-input') ? await badInput(Number(values.repeats)) : undefined;
const damaged = only.has('damaged') ? await damagedStarts() : undefined;

const counts = (statuses: Map<string, number>) => [...statuses].map(([status, n]) => `${n} × ${status}`).join(', ');
const defaults = loadConfig({});
const webhookTimes = (run: { maxMs: number; times: number[]; statuses: string[] }) =>
  `slowest of 5 updates ${Math.round(run.maxMs)} ms (${run.times.map(Math.round).join(', ')}), status ${run.statuses.join('/')}`;

print();
print('| measure | figure |');
print('| --- | --- |');
if (ingests) {
  print(`| concurrent ingests (pairs of \`npm run ingest\` started together on one new collection, 40 documents) | ${pairs} pairs: index intact ${ingests.intact}/${pairs}; one refused (exit 75, naming the writer) ${ingests.oneRefused}, the second found everything written ${ingests.secondWaitedOrFoundDone}, both wrote everything ${ingests.bothWrote}, other failures ${ingests.otherFailures} |`);
}
if (feedback) {
  const { all } = feedback;
  print(`| feedback posts (rate limit off, ${all.bodyBytes} bytes each, 16 clients) | ${Number(values.feedback).toLocaleString('en')} posts in ${all.seconds.toFixed(1)} s: ${counts(all.statuses)}; store ${mb(all.stored)} in ${all.files} files (bound: FEEDBACK_MAX_BYTES ${mb(defaults.FEEDBACK_MAX_BYTES)} × FEEDBACK_FILES ${defaults.FEEDBACK_FILES}; unbounded it would be ${mb(all.bodyBytes * Number(values.feedback))}); folder mode ${all.folderMode}, files ${all.modes.join('/')} |`);
  print(`| feedback posts with the default rate limit (4 clients, one address) | 200 posts: ${counts(feedback.limited)} |`);
}
if (telegram) {
  print(`| Telegram webhook, Telegram's API never answering, no TELEGRAM_BOT_USERNAME | ${webhookTimes(telegram.noName)} |`);
  print(`| Telegram webhook, Telegram's API never answering, TELEGRAM_BOT_USERNAME set | ${webhookTimes(telegram.named)} |`);
}
if (bad) {
  const total = (field: 'requests' | 'dropped' | 'serverErrors') => bad.rows.reduce((sum, row) => sum + row[field], 0);
  print(`| bad input over keep-alive connections (${bad.rows.length} cases × ${values.repeats}, each followed by a question on the same connection) | ${total('requests')} requests: ${total('dropped')} dropped, ${total('serverErrors')} answered 5xx; errors logged by the server ${bad.errorsLogged.length}; server alive after: ${bad.alive ? 'yes' : 'NO'} |`);
}
if (damaged) {
  const served = damaged.filter((row) => row.served && row.answered).length;
  const hows = [...new Set(damaged.map((row) => row.how))].map((how) => `${how} ${damaged.filter((row) => row.how === how).length}`).join(', ');
  print(`| start-up on a damaged collection (${damaged.length} ways, fixture model) | served and answered ${served}/${damaged.length}: ${hows}; crash loops ${damaged.filter((row) => !row.served).length} |`);
}

if (bad) {
  print();
  print('Bad input, case by case:');
  print();
  print('| case | requests | dropped | 5xx | statuses |');
  print('| --- | ---: | ---: | ---: | --- |');
  for (const row of bad.rows) print(`| ${row.name} | ${row.requests} | ${row.dropped} | ${row.serverErrors} | ${row.statuses.join(', ')} |`);
  if (bad.errorsLogged.length > 0) print(`\nErrors the server logged: ${[...new Set(bad.errorsLogged)].join('; ')}`);
}
if (damaged) {
  print();
  print('Damaged collection, way by way:');
  print();
  print('| damage | served | how | start-up s | answered | mode |');
  print('| --- | --- | --- | ---: | --- | --- |');
  for (const row of damaged) print(`| ${row.way} | ${row.served ? 'yes' : 'NO'} | ${row.how} | ${row.seconds.toFixed(1)} | ${row.answered ? 'yes' : 'no'} | ${row.mode} |`);
}
