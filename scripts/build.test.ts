import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCollectionStore } from '../src/store/sqlite-store.js';

const root = resolve(import.meta.dirname, '..');
const run = promisify(execFile);
let out: string;
let work: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  // Inside the repository, so that the built modules find node_modules as dist/ does.
  await mkdir(join(root, '.tmp'), { recursive: true });
  out = await mkdtemp(join(root, '.tmp', 'build-'));
  work = await mkdtemp(join(tmpdir(), 'built-'));
  await mkdir(join(work, 'corpus'));
  for (const file of ['huu-lung-2022.txt', 'ben-tre-8557-2021.txt']) await copyFile(join(root, 'corpus', file), join(work, 'corpus', file));
  await run(process.execPath, ['scripts/build.mjs', out], { cwd: root });
});
afterAll(async () => {
  server?.kill();
  await Promise.all([rm(out, { recursive: true, force: true }), rm(work, { recursive: true, force: true })]);
});

async function healthy(port: number): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if (server?.exitCode != null) throw new Error(`the built server exited with ${server.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the built server never became healthy');
}

describe('the build (npm start runs dist/)', () => {
  it('writes JavaScript beside the data and client sources the modules read, and skips an up-to-date build', async () => {
    for (const file of ['main.js', 'cli/ingest.js', 'admin/job-worker.js', 'lang/vocabulary/everyday-vi.json', 'web/client/chat.ts', 'web/client/styles.css']) {
      expect((await stat(join(out, file))).isFile(), file).toBe(true);
    }
    const built = (await stat(join(out, '.built'))).mtimeMs;
    await run(process.execPath, ['scripts/build.mjs', out], { cwd: root });
    expect((await stat(join(out, '.built'))).mtimeMs).toBe(built);
  });

  it('serves from the built files: builds the collection on first start, answers with citations, bundles the pages’ scripts', async () => {
    const port = 3700 + (process.pid % 200);
    const env = { ...process.env, CORPUS_DIR: join(work, 'corpus'), DATA_DIR: join(work, 'data'), EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent', PORT: String(port) };
    server = spawn(process.execPath, [join(out, 'main.js')], { env, stdio: 'ignore' });
    await healthy(port);
    const response = await fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Kế hoạch do cơ quan nào ban hành?' }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { answer: string; citations: unknown[] };
    expect(body.citations.length).toBeGreaterThan(0);
    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    const script = /\/assets\/chat-[\w-]+\.js/.exec(page)?.[0];
    expect(script).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}${script}`)).status).toBe(200);
  });

  it('runs an administrative job in the built worker, without tsx', async () => {
    const { forkJobRunner } = (await import(pathToFileURL(join(out, 'admin/fork-job.js')).href)) as typeof import('../src/admin/fork-job.js');
    const settings = { CORPUS_DIR: join(work, 'corpus'), DATA_DIR: join(work, 'data'), EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent' };
    await forkJobRunner(settings)({ kind: 'delete', docId: 'huu-lung-2022', file: 'huu-lung-2022.txt' }, 'job-cccccccccccc', () => {});
    const store = openCollectionStore(join(work, 'data'), { readonly: true });
    expect(store.catalogue().map((meta) => meta.id)).toEqual(['ben-tre-8557-2021']);
    store.close();
  });
});
