import { cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../src/config.js';
import { configuredTarget } from '../src/ingest/configured-target.js';
import { runIngest } from '../src/ingest/run-ingest.js';
import { silentLogger } from '../src/logger.js';
import { openPipeline, type Pipeline } from '../src/pipeline.js';
import { createApp } from '../src/server/create-app.js';
import { createTestDatabase, endSessions, postgresAvailable, type TestDatabase } from './helpers/test-database.js';

// Several app servers share one collection in PostgreSQL: an ingest through one is answered by the other within
// seconds, without a restart, and a removed document leaves the other's answers; an answer's link opens through
// either; a database that cannot be reached answers 503 and the servers recover by themselves when it is back.

const NEW_PLAN = `ỦY BAN NHÂN DÂN
HUYỆN CHI LĂNG

KẾ HOẠCH
Chăm sóc sức khỏe người cao tuổi năm 2023

I. MỤC TIÊU

- Phấn đấu 97% người cao tuổi trên địa bàn huyện Chi Lăng được khám sức khỏe định kỳ.
`;
const QUESTION = 'Huyện Chi Lăng phấn đấu bao nhiêu phần trăm người cao tuổi được khám sức khỏe định kỳ?';

interface Server {
  config: Config;
  pipeline: Pipeline;
  app: ReturnType<typeof createApp>;
}

describe.skipIf(!postgresAvailable())('two app servers on one PostgreSQL collection', () => {
  let database: TestDatabase;
  let root: string;
  let one: Server;
  let other: Server;

  const start = async (name: string): Promise<Server> => {
    const config = loadConfig({
      CORPUS_DIR: join(root, `corpus-${name}`),
      DATA_DIR: join(root, `data-${name}`),
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '3',
      EMBEDDING_MODEL: 'none',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    const pipeline = await openPipeline(config, silentLogger);
    await pipeline.settled;
    return { config, pipeline, app: createApp({ ...pipeline, config, logger: silentLogger }) };
  };
  const ask = async (server: Server, question: string) => {
    const response = await server.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    return { status: response.status, body: (await response.json()) as { answer: string; answerId?: string; citations?: { docId: string }[]; error?: { code: string; message: string } } };
  };
  /** Ingests server `one`'s corpus folder, as `npm run ingest` on its machine does. */
  const ingestThroughOne = async () => {
    const collection = configuredTarget(one.config, silentLogger);
    try {
      return await runIngest({ corpusDir: one.config.CORPUS_DIR, dataDir: one.config.DATA_DIR, target: collection.target, embedding: null, logger: silentLogger });
    } finally {
      await collection.close();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase('two_servers');
    root = await mkdtemp(join(tmpdir(), 'two-servers-'));
    for (const name of ['one', 'other']) await cp(join(import.meta.dirname, '../corpus'), join(root, `corpus-${name}`), { recursive: true });
    // The first builds the collection; the second finds it built.
    one = await start('one');
    other = await start('other');
  });
  afterAll(async () => {
    await one?.pipeline.close();
    await other?.pipeline.close();
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('answers on the other server with a document ingested through one, and forgets it once removed', async () => {
    expect(other.pipeline.knowledge.catalogue()).toHaveLength(5);
    const before = await ask(other, QUESTION);
    expect(before.body.answer).not.toContain('97%');

    await writeFile(join(one.config.CORPUS_DIR, 'chi-lang-2023.txt'), NEW_PLAN);
    expect(await ingestThroughOne()).toMatchObject({ written: 1, documents: 6 });
    await expect.poll(() => other.pipeline.knowledge.catalogue().length, { timeout: 5_000 }).toBe(6);
    const after = await ask(other, QUESTION);
    expect(after.status).toBe(200);
    expect(after.body.answer).toContain('97%');
    const newId = after.body.citations!.find((citation) => citation.docId.includes('chi-lang'))!.docId;

    await unlink(join(one.config.CORPUS_DIR, 'chi-lang-2023.txt'));
    expect(await ingestThroughOne()).toMatchObject({ removed: 1, documents: 5 });
    await expect.poll(() => other.pipeline.knowledge.catalogue().length, { timeout: 5_000 }).toBe(5);
    const gone = await ask(other, QUESTION);
    expect(gone.body.answer).not.toContain('97%');
    expect(gone.body.citations?.map((citation) => citation.docId) ?? []).not.toContain(newId);
  });

  it('opens an answer given by one server through the other, by its id', async () => {
    const asked = await ask(one, 'Kinh phí thực hiện kế hoạch của Hà Nội lấy từ đâu?');
    expect(asked.body.answerId).toBeDefined();
    const response = await other.app.request(`/api/answers/${asked.body.answerId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ answerId: asked.body.answerId, answer: asked.body.answer, citations: asked.body.citations });
    expect((await other.app.request(`/a/${asked.body.answerId}`)).status).toBe(200);
  });

  it('answers 503 while the database cannot be reached, and recovers by itself when it is back', async () => {
    const admin = new URL(database.url);
    const name = admin.pathname.slice(1);
    const control = (await import('pg')).default;
    const client = new control.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      // Refuse new connections and end every open one, the listeners' too: as a database restart does.
      await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await client.query(endSessions, [name]);
      const refused = await ask(other, 'Kinh phí thực hiện kế hoạch của Hà Nội lấy từ đâu?');
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({ code: 'index_unavailable', message: expect.stringContaining('cannot be reached') });
      const health = await other.app.request('/healthz');
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ database: { kind: 'postgres', reachable: false } });

      await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await expect.poll(async () => (await other.app.request('/healthz')).status, { timeout: 10_000 }).toBe(200);
      expect((await ask(other, 'Kinh phí thực hiện kế hoạch của Hà Nội lấy từ đâu?')).status).toBe(200);
      // Listening again: a change made through the other server still reaches it.
      await expect.poll(async () => ((await (await other.app.request('/healthz')).json()) as { database: { listening: boolean } }).database.listening, { timeout: 10_000 }).toBe(true);
      await writeFile(join(one.config.CORPUS_DIR, 'chi-lang-2023.txt'), NEW_PLAN);
      await ingestThroughOne();
      await expect.poll(() => other.pipeline.knowledge.catalogue().length, { timeout: 5_000 }).toBe(6);
    } finally {
      await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
      await client.end();
    }
  });
});
