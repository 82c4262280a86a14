// What the serving benchmarks share: starting a server in a child process until /healthz answers, asking it a
// question, a corpus folder of the scale corpus's first documents, and GNU time around a command.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);

/**
 * The project as `npm start` and `npm run ingest` run it: built to dist/ (scripts/build.mjs) and run by Node alone,
 * not under tsx's loader (a second of start-up).
 */
export async function builtProject(root: string): Promise<{ main: string; ingest: string }> {
  await run(process.execPath, ['scripts/build.mjs'], { cwd: root });
  return { main: join(root, 'dist/main.js'), ingest: join(root, 'dist/cli/ingest.js') };
}

/** A TypeScript script of scripts/ built to JavaScript in .tmp/ (where node_modules is found), so it too runs without tsx. */
export async function builtScript(root: string, script: string): Promise<string> {
  const outfile = join(root, '.tmp', 'bench', basename(script).replace(/\.ts$/, '.js'));
  await build({ entryPoints: [join(root, script)], outfile, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  return outfile;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export const rssMB = async (pid: number, field = 'VmRSS'): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
};

/** Runs a command under GNU time in `cwd`: wall seconds and peak RSS. */
export async function timed(cwd: string, command: string, args: string[], env: Record<string, string>): Promise<{ seconds: number; peakMB: number }> {
  const { stderr } = await run('/usr/bin/time', ['-f', 'TIMED %e %M', command, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const [, seconds, kb] = /TIMED ([\d.]+) (\d+)/.exec(stderr) ?? [];
  return { seconds: Number(seconds), peakMB: Number(kb) / 1024 };
}

/** Starts `node args` in `cwd` on `port` and waits for /healthz: the child and the seconds it took. */
export async function startServer(cwd: string, args: string[], env: Record<string, string>, port: number): Promise<{ child: ChildProcess; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
    if (ok) return { child, seconds: (performance.now() - started) / 1000 };
    await sleep(50);
  }
}

export async function ask(port: number, question: string): Promise<{ ms: number; bytes: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, bytes: body.byteLength, ok: response.ok };
}

/**
 * Answers per second with `clients` clients asking `questions` in turn for `durationMs`, spread over `ports` (one
 * server, or several behind what a reverse proxy would do), and the latencies seen.
 */
export async function throughput(ports: readonly number[], questions: readonly string[], clients: number, durationMs: number): Promise<{ perSecond: number; latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < until) {
        const { ms, ok } = await ask(ports[client % ports.length], questions[next++ % questions.length]);
        if (ok) latencies.push(ms);
        else failed += 1;
      }
    }),
  );
  return { perSecond: latencies.length / (durationMs / 1000), latencies, failed };
}

/**
 * A corpus folder `work`/corpus-`size` of the five seed plans (from `root`/corpus) and the first `size` documents of
 * `files` (linked, not copied); kept as it is when `reuse` and it exists.
 */
export async function prepareCorpus(root: string, work: string, size: number, files: string[], source: string, reuse = false): Promise<string> {
  const dir = join(work, `corpus-${size}`);
  if (reuse && existsSync(dir)) return dir;
  if (existsSync(dir)) await rm(dir, { recursive: true });
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(join(root, 'corpus'))) if (name.endsWith('.txt') || name === 'manifest.json') await copyFile(join(root, 'corpus', name), join(dir, name));
  for (const file of files.slice(0, size)) await symlink(join(source, file), join(dir, file.replace(/\.md$/u, '.txt')));
  return dir;
}
