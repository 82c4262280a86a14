// Benchmark (prints figures, not a test): warm POST /api/ask latency over the evaluation questions,
// and cold start to a healthy server with an existing index.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openPipeline } from '../src/pipeline.js';
import { createApp } from '../src/server/create-app.js';
import { builtProject } from './bench-server.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (value: number) => Math.round(value * 10) / 10;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function waitHealthy(url: string, deadlineMs: number): Promise<boolean> {
  while (Date.now() < deadlineMs) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

async function main() {
  const built = await builtProject(process.cwd());
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-ask-'));
  // A benchmark is one client asking as fast as it can: no rate limit.
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
  const config = loadConfig(env);
  const logger = createLogger('warn');
  const lines = (await readFile('eval/questions.jsonl', 'utf8')).split('\n').filter((line) => line.trim());
  const questions = lines.map((line) => JSON.parse(line) as { question: string; history?: { role: string; content: string }[] });

  const pipeline = await openPipeline(config, logger); // builds the index on first use
  const app = createApp({ ...pipeline, config, logger });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const ask = async (body: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await response.json();
  };
  for (const q of questions.slice(0, 20)) await ask(q); // warm-up
  const latencies: number[] = [];
  for (let round_ = 0; round_ < 3; round_++) {
    for (const q of questions) {
      const started = performance.now();
      await ask({ question: q.question, history: q.history });
      latencies.push(performance.now() - started);
    }
  }
  server.close();
  latencies.sort((a, b) => a - b);

  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const startPort = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [built.main], { env: { ...env, PORT: String(startPort) }, stdio: 'ignore' });
    const healthy = await waitHealthy(`http://127.0.0.1:${startPort}/healthz`, Date.now() + 30_000);
    starts.push(healthy ? performance.now() - started : Number.NaN);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await rm(dataDir, { recursive: true, force: true });
  starts.sort((a, b) => a - b);

  console.log(`mode: ${pipeline.mode}${pipeline.modelId ? ` (${pipeline.modelId})` : ''}`);
  console.log(`warm POST /api/ask over ${questions.length} evaluation questions × 3 (${latencies.length} requests, loopback HTTP):`);
  console.log(`  p50 ${round(percentile(latencies, 50))} ms   p95 ${round(percentile(latencies, 95))} ms   max ${round(latencies[latencies.length - 1])} ms   (targets in lexical mode: p50 ≤ 30 ms, p95 ≤ 100 ms)`);
  console.log(`cold start to healthy with an existing index (3 runs, the built server as npm start runs it): ${starts.map((ms) => `${round(ms)} ms`).join(', ')}   median ${round(starts[1])} ms   (target ≤ 3000 ms)`);
}

await main();
