// `npm run bench:admin`: how answering holds up while documents uploaded through the admin API are ingested. A
// collection of the five seed plans and a few hundred documents of ../shared/scale-corpus is built, the server
// started with ADMIN_TOKEN, and a few clients ask the scale benchmark's questions without pause: first with
// nothing else going on, then while documents are uploaded one after another, each followed to the end of its
// job. Asks that started while a job was queued or running count as "during ingest". Runs in child processes on
// loopback; everything is written to the work folder, never into the repository.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { makePlanDocx } from '../src/admin/__fixtures__/make-plan.js';
import { builtProject } from './bench-server.js';
import { percentile, QUESTIONS, scaleCorpus } from './scale-corpus.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '300' },
    work: { type: 'string', default: '/tmp/hdkh-admin-bench' },
    archive: { type: 'string', default: '../shared/scale-corpus/vn-docs.tar.xz' },
    seed: { type: 'string', default: '20261201' },
    seconds: { type: 'string', default: '15' },
    clients: { type: 'string', default: '4' },
    uploads: { type: 'string', default: '8' },
    port: { type: 'string', default: '3471' },
  },
});
const root = resolve(new URL('..', import.meta.url).pathname);
const built = await builtProject(root);
const work = resolve(values.work!);
const size = Number(values.size);
const clients = Number(values.clients);
const port = Number(values.port);
const TOKEN = 'bench-admin-token-0123456789';
const base = `http://127.0.0.1:${port}`;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Ask {
  at: number;
  ms: number;
}

async function ask(question: string): Promise<Ask> {
  const at = performance.now();
  const response = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  if (!response.ok) throw new Error(`ask: ${response.status}`);
  await response.arrayBuffer();
  return { at, ms: performance.now() - at };
}

/** `clients` clients asking one question after another until `stop` says so. */
async function asking(stop: () => boolean): Promise<Ask[]> {
  const asks: Ask[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!stop()) asks.push(await ask(QUESTIONS[next++ % QUESTIONS.length]));
    }),
  );
  return asks;
}

/** Uploads one file and follows its job to the end: when it was accepted, when it finished, and how. */
async function upload(name: string, bytes: Uint8Array): Promise<{ from: number; to: number; state: string; error?: string }> {
  const from = performance.now();
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${base}/api/admin/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form });
  const accepted = (await response.json()) as { jobId?: string; error?: { message: string } };
  if (!accepted.jobId) return { from, to: performance.now(), state: 'refused', error: accepted.error?.message ?? String(response.status) };
  for (;;) {
    const job = (await (await fetch(`${base}/api/admin/jobs/${accepted.jobId}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { state: string; error?: string };
    if (job.state === 'done' || job.state === 'failed') return { from, to: performance.now(), state: job.state, error: job.error };
    await sleep(100);
  }
}

const { source, files } = await scaleCorpus(work, resolve(root, values.archive!), Number(values.seed));
const corpus = join(work, `corpus-${size}`);
const data = join(work, `data-${size}`);
// Uploads change the corpus folder: every run starts from the same one.
await rm(corpus, { recursive: true, force: true });
await rm(data, { recursive: true, force: true });
await mkdir(corpus, { recursive: true });
for (const name of await readdir(join(root, 'corpus'))) if (name.endsWith('.txt') || name === 'manifest.json') await copyFile(join(root, 'corpus', name), join(corpus, name));
for (const file of files.slice(0, size)) await symlink(join(source, file), join(corpus, file.replace(/\.md$/u, '.txt')));

const env = { ...process.env, CORPUS_DIR: corpus, DATA_DIR: data, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ADMIN_TOKEN: TOKEN, PORT: String(port) };
console.error(`… ingesting ${size} + 5 documents`);
await promisify(execFile)(process.execPath, [built.ingest], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
const server: ChildProcess = spawn(process.execPath, [built.main], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  while (!(await fetch(`${base}/healthz`).then((response) => response.ok, () => false))) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    await sleep(50);
  }
  // The first answer builds what is built lazily; then the server's start-up corpus check settles.
  await ask(QUESTIONS[0]);
  await sleep(3000);

  console.error(`… ${clients} clients asking for ${values.seconds} s, nothing else going on`);
  const quietUntil = performance.now() + Number(values.seconds) * 1000;
  const quiet = await asking(() => performance.now() > quietUntil);

  // A Word plan, then documents of the scale corpus the collection does not hold, as .txt.
  const uploads: { name: string; bytes: Uint8Array }[] = [{ name: 'Kế hoạch 77 Cao Bằng.docx', bytes: await makePlanDocx() }];
  for (const file of files.slice(size, size + Number(values.uploads) - 1)) uploads.push({ name: file.replace(/\.md$/u, '.txt'), bytes: await readFile(join(source, file)) });
  console.error(`… the same while ${uploads.length} uploads are ingested one after another`);
  let uploading = true;
  const busyAsks = asking(() => !uploading);
  const jobs: Awaited<ReturnType<typeof upload>>[] = [];
  for (const { name, bytes } of uploads) jobs.push(await upload(name, bytes));
  uploading = false;
  const during = (await busyAsks).filter(({ at }) => jobs.some((job) => at >= job.from && at <= job.to));

  const row = (label: string, asks: Ask[]) => {
    const ms = asks.map((entry) => entry.ms);
    return `| ${label} | ${asks.length} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${Math.max(...ms).toFixed(0)} |`;
  };
  const seconds = jobs.map((job) => (job.to - job.from) / 1000);
  console.log(`\nAsk latency during admin uploads (${size} scale-corpus documents + the 5 seed plans; lexical mode; ${clients} clients asking without pause)\n`);
  console.log('| asks | count | p50 ms | p95 ms | max ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(row('nothing else going on', quiet));
  console.log(row('while an upload is ingested', during));
  console.log(
    `\n${jobs.length} uploads, one job at a time, each in its own process: ${jobs.filter((job) => job.state === 'done').length} done; ` +
      `upload to done ${percentile(seconds, 50).toFixed(1)} s median, ${Math.max(...seconds).toFixed(1)} s at most.`,
  );
  for (const job of jobs.filter((entry) => entry.state !== 'done')) console.log(`  ${job.state}: ${job.error}`);
} finally {
  server.kill();
}
