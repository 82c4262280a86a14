// `npm run bench:pg -- --database-url postgres://user:password@127.0.0.1:5432/postgres`: throughput of the
// assistant on one collection of ../shared/scale-corpus (1,000 documents, fixed seed, plus the five seed plans) with
// 16 clients: the embedded engine (SQLite, one server), then PostgreSQL with one app server and with two app
// servers against the same database, in the same run. The role in the URL must be allowed to create databases: the
// collection goes to a database of its own (hdkh_bench_<size>). Everything runs on loopback; outputs go to the work
// folder, never into the repository.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ask, builtProject, prepareCorpus, rssMB, sleep, startServer, throughput, timed } from './bench-server.js';
import { percentile, QUESTIONS, scaleCorpus } from './scale-corpus.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    size: { type: 'string', default: '1000' },
    work: { type: 'string', default: '/tmp/hdkh-pg-bench' },
    archive: { type: 'string', default: '../shared/scale-corpus/vn-docs.tar.xz' },
    seed: { type: 'string', default: '20261201' },
    duration: { type: 'string', default: '15' },
    clients: { type: 'string', default: '16' },
    // Keep the collections an earlier run built (no ingest figures then).
    reuse: { type: 'boolean', default: false },
  },
});
if (!values['database-url']) {
  console.error('Usage: npm run bench:pg -- --database-url postgres://user:password@host:5432/postgres [--size 1000] [--duration 15] [--reuse]');
  process.exit(2);
}
const root = resolve(new URL('..', import.meta.url).pathname);
const built = await builtProject(root);
const work = resolve(values.work!);
const size = Number(values.size);
const duration = Number(values.duration) * 1000;
const clients = Number(values.clients);
/** Pause after the first answers, so the servers' start-up check of the corpus folder has settled. */
const SETTLE_MS = 3_000;

interface Row {
  system: string;
  servers: number;
  ingestSeconds?: number;
  startupSeconds: number;
  servingMB: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

async function measure(system: string, servers: { child: ChildProcess; port: number; seconds: number }[], ingestSeconds?: number): Promise<Row> {
  const ports = servers.map((server) => server.port);
  for (const port of ports) await ask(port, QUESTIONS[0]);
  await sleep(SETTLE_MS);
  const { perSecond, latencies, failed } = await throughput(ports, QUESTIONS, clients, duration);
  const servingMB = (await Promise.all(servers.map((server) => rssMB(server.child.pid!)))).reduce((sum, mb) => sum + mb, 0);
  return {
    system,
    servers: servers.length,
    ingestSeconds,
    startupSeconds: Math.max(...servers.map((server) => server.seconds)),
    servingMB,
    perSecond,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed,
  };
}

const { source, files } = await scaleCorpus(work, resolve(root, values.archive!), Number(values.seed));
const corpus = await prepareCorpus(root, work, size, files, source, values.reuse);
const rows: Row[] = [];
const running: ChildProcess[] = [];
const start = async (env: Record<string, string>, port: number) => {
  const server = await startServer(root, [built.main], env, port);
  running.push(server.child);
  return { ...server, port };
};
const stopAll = () => {
  for (const child of running.splice(0)) child.kill();
};
// The load comes from one address: no rate limit.
const common = { CORPUS_DIR: corpus, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };

try {
  // The embedded engine.
  const sqliteData = join(work, `data-sqlite-${size}`);
  const sqliteEnv = { ...common, DATA_DIR: sqliteData };
  const sqliteReuse = values.reuse && existsSync(join(sqliteData, 'collection.db'));
  if (!sqliteReuse) await rm(sqliteData, { recursive: true, force: true });
  console.error(`… ${size} documents: embedded engine`);
  const sqliteIngest = sqliteReuse ? undefined : await timed(root, process.execPath, [built.ingest], sqliteEnv);
  rows.push(await measure('embedded (SQLite)', [await start(sqliteEnv, 3501)], sqliteIngest?.seconds));
  stopAll();

  // PostgreSQL: one database for the collection, then one and two app servers on it.
  const name = `hdkh_bench_${size}`;
  const admin = new pg.Client({ connectionString: values['database-url'] });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  const pgReuse = values.reuse && exists;
  if (!pgReuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const url = new URL(values['database-url']!);
  url.pathname = `/${name}`;
  const pgEnv = (server: string) => ({ ...common, DATA_DIR: join(work, `data-pg-${server}`), DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '10' });
  console.error(`… ${size} documents: PostgreSQL`);
  const pgIngest = pgReuse ? undefined : await timed(root, process.execPath, [built.ingest], pgEnv('ingest'));
  const databaseMB = Number((await admin.query<{ bytes: string }>('SELECT pg_database_size($1) AS bytes', [name])).rows[0].bytes) / 1024 / 1024;
  await admin.end();
  const first = await start(pgEnv('a'), 3502);
  rows.push(await measure('PostgreSQL', [first], pgIngest?.seconds));
  const second = await start(pgEnv('b'), 3503);
  rows.push(await measure('PostgreSQL', [first, second]));
  stopAll();

  await writeFile(join(work, 'results.json'), JSON.stringify({ size, rows, databaseMB }, null, 2));
  const cell = (value: number | undefined, digits = 1) => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
  console.log(`\nPostgreSQL benchmark (${size} documents of the scale corpus + the 5 seed plans; seed ${values.seed}; lexical mode; ${clients} clients for ${values.duration} s; PostgreSQL on the same machine)\n`);
  console.log(`| system | app servers | ingest s | start-up s | serving MB (all servers) | answers/s (${clients} clients) | p50 ms | p99 ms | failed |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.system} | ${row.servers} | ${cell(row.ingestSeconds)} | ${cell(row.startupSeconds, 2)} | ${cell(row.servingMB, 0)} | ${cell(row.perSecond)} | ${cell(row.p50, 0)} | ${cell(row.p99, 0)} | ${row.failed} |`,
    );
  }
  console.log(`\nThe PostgreSQL database holds ${cell(databaseMB, 0)} MB. With two servers the clients alternate between them, as a reverse proxy would spread them.`);
} finally {
  stopAll();
}
