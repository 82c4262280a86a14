// `npm run bench:scale`: the project against a plain MiniSearch server (scripts/baseline-minisearch-server.ts), in
// the same run, over subsets of ../shared/scale-corpus (fixed seed) plus the five seed plans. For each size it
// measures cold ingest (time, peak RSS), start-up to a healthy server, the first answer after it, serving RSS, ask
// latency over 30 fixed questions once the server has settled, throughput with 16 clients, adding and removing one
// document, and the largest answer. Everything
// runs in child processes on loopback; outputs go to the work folder, never into the repository.
import { existsSync } from 'node:fs';
import { rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ask, builtProject, builtScript, prepareCorpus, rssMB, sleep, startServer as startIn, throughput, timed as timedIn } from './bench-server.js';
import { percentile, QUESTIONS, scaleCorpus } from './scale-corpus.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,13967' },
    work: { type: 'string', default: '/tmp/hdkh-scale' },
    archive: { type: 'string', default: '../shared/scale-corpus/vn-docs.tar.xz' },
    seed: { type: 'string', default: '20261201' },
    duration: { type: 'string', default: '15' },
    'baseline-max': { type: 'string', default: '13967' },
    // For trying a change quickly: keep the collection an earlier run built (no cold-ingest figures then).
    reuse: { type: 'boolean', default: false },
  },
});
const root = resolve(new URL('..', import.meta.url).pathname);
const work = resolve(values.work!);
const startServer = (args: string[], env: Record<string, string>, port: number) => startIn(root, args, env, port);
const timed = (command: string, args: string[], env: Record<string, string>) => timedIn(root, command, args, env);
const sizes = values.sizes!.split(',').map(Number);
// Both servers run as plain JavaScript, the project as `npm start` runs it.
const built = await builtProject(root);
const baselineServer = await builtScript(root, 'scripts/baseline-minisearch-server.ts');
const duration = Number(values.duration) * 1000;
/** Pause between the first answer and the latency measurement. */
const SETTLE_MS = 5_000;

interface Figures {
  ingestSeconds?: number;
  ingestPeakMB?: number;
  startupSeconds: number;
  servingMB: number;
  p50: number;
  p95: number;
  perSecond: number;
  p99: number;
  addSeconds?: number;
  removeSeconds?: number;
  largestAnswerKB: number;
  /** The first answer after start-up. */
  firstMs: number;
  error?: string;
}

/** Latency over the 30 questions, then throughput with 16 clients for the run's duration. */
async function load(port: number, pid: number): Promise<Omit<Figures, 'startupSeconds'>> {
  // The first answer after start builds what is built lazily (place index, caches): reported on its own. Latency is
  // then measured once the server's background corpus check has settled.
  const first = await ask(port, QUESTIONS[0]);
  await sleep(SETTLE_MS);
  const sequential: number[] = [];
  let largest = 0;
  for (const question of QUESTIONS) {
    const { ms, bytes } = await ask(port, question);
    sequential.push(ms);
    largest = Math.max(largest, bytes);
  }
  const servingMB = await rssMB(pid);
  const { perSecond, latencies } = await throughput([port], QUESTIONS, 16, duration);
  return {
    servingMB,
    p50: percentile(sequential, 50),
    p95: percentile(sequential, 95),
    perSecond,
    p99: percentile(latencies, 99),
    largestAnswerKB: largest / 1024,
    firstMs: first.ms,
  };
}

async function project(size: number, corpus: string, extra: string): Promise<Figures> {
  const data = join(work, `data-${size}`);
  const reuse = values.reuse && existsSync(join(data, 'collection.db'));
  if (!reuse) await rm(data, { recursive: true, force: true });
  // The load comes from one address: no rate limit.
  const env = { CORPUS_DIR: corpus, DATA_DIR: data, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
  const ingest = reuse ? { seconds: undefined, peakMB: undefined } : await timed(process.execPath, [built.ingest], env);
  const port = 3300 + (size % 500);
  const { child, seconds } = await startServer([built.main], env, port);
  try {
    const figures = await load(port, child.pid!);
    await symlink(extra, join(corpus, 'them-mot-van-ban.txt'));
    const add = await timed(process.execPath, [built.ingest], env);
    await unlink(join(corpus, 'them-mot-van-ban.txt'));
    const remove = await timed(process.execPath, [built.ingest], env);
    return { ingestSeconds: ingest.seconds, ingestPeakMB: ingest.peakMB, startupSeconds: seconds, addSeconds: add.seconds, removeSeconds: remove.seconds, ...figures };
  } finally {
    child.kill();
  }
}

async function baseline(size: number, corpus: string): Promise<Figures> {
  const port = 3900 + (size % 90);
  const env = { CORPUS_DIR: corpus };
  const { child, seconds } = await startServer([baselineServer], env, port);
  try {
    const peak = await rssMB(child.pid!, 'VmHWM');
    const figures = await load(port, child.pid!);
    // It keeps nothing on disk: a new document means starting again, rebuilding everything.
    return { ingestSeconds: seconds, ingestPeakMB: peak, startupSeconds: seconds, addSeconds: seconds, removeSeconds: seconds, ...figures };
  } finally {
    child.kill();
  }
}

const { source, files } = await scaleCorpus(work, resolve(root, values.archive!), Number(values.seed));
const results: { size: number; project: Figures; baseline: Figures }[] = [];
for (const size of sizes) {
  const corpus = await prepareCorpus(root, work, Math.min(size, files.length - 1), files, source, values.reuse);
  const extra = join(source, files[files.length - 1]);
  console.error(`… ${size} documents: project`);
  const mine = await project(size, corpus, extra).catch((error: Error) => ({ error: error.message }) as Figures);
  console.error(`… ${size} documents: baseline`);
  const theirs =
    size <= Number(values['baseline-max'])
      ? await baseline(size, corpus).catch((error: Error) => ({ error: error.message.slice(0, 80) }) as Figures)
      : ({ error: 'not run' } as Figures);
  results.push({ size, project: mine, baseline: theirs });
  await writeFile(join(work, 'results.json'), JSON.stringify(results, null, 2));
}

const cell = (value: number | undefined, digits = 1) => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
console.log(`\nScale benchmark (${sizes.join(', ')} documents of the scale corpus + the 5 seed plans; seed ${values.seed}; lexical mode; 16 clients for ${values.duration} s)\n`);
console.log('| documents | system | cold ingest s | ingest peak MB | start-up s | first answer ms | serving MB | ask p50 / p95 ms | answers/s (16 clients) | p99 ms | add one s | remove one s | largest answer KB |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { size, project: p, baseline: b } of results) {
  for (const [name, f] of [['project', p], ['MiniSearch baseline', b]] as const) {
    if (f.error) console.log(`| ${size} | ${name} | failed: ${f.error} | | | | | | | | | | |`);
    else
      console.log(
        `| ${size} | ${name} | ${cell(f.ingestSeconds)} | ${cell(f.ingestPeakMB, 0)} | ${cell(f.startupSeconds, 2)} | ${cell(f.firstMs, 0)} | ${cell(f.servingMB, 0)} | ${cell(f.p50, 0)} / ${cell(f.p95, 0)} | ${cell(f.perSecond)} | ${cell(f.p99, 0)} | ${cell(f.addSeconds, 2)} | ${cell(f.removeSeconds, 2)} | ${cell(f.largestAnswerKB)} |`,
      );
  }
}
console.log('\nThe baseline keeps no index on disk: its ingest, start-up and add/remove figures are all one rebuild at start.');
