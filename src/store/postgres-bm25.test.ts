import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../../test/helpers/test-database.js';
import { postgresTarget } from '../ingest/postgres-target.js';
import { runIngest } from '../ingest/run-ingest.js';
import { CURATED_ABBREVIATIONS } from '../lang/abbreviations.js';
import { silentLogger } from '../logger.js';
import { analyzeQuery } from '../retrieval/vietnamese-analyzer.js';
import { openPostgresCollection, type PostgresCollection } from './postgres-collection.js';
import { createPostgresPool } from './postgres-pool.js';
import { openCollectionStore, type CollectionStore } from './sqlite-store.js';

// PostgreSQL ranks as the embedded engine does: BM25 with FTS5's formula and field weights over the same tokens.

const CORPUS = join(import.meta.dirname, '../../corpus');
const QUESTIONS = [
  'Kinh phí thực hiện kế hoạch lấy từ đâu?',
  'Người cao tuổi được khám sức khỏe định kỳ',
  'Sở Lao động - Thương binh và Xã hội có trách nhiệm gì?',
  'BHYT cho NCT',
  'mục tiêu đến năm 2030',
];

describe.skipIf(!postgresAvailable())('BM25 in PostgreSQL', () => {
  let database: TestDatabase;
  let root: string;
  let pool: ReturnType<typeof createPostgresPool>;
  let collection: PostgresCollection;
  let sqlite: CollectionStore;

  beforeAll(async () => {
    database = await createTestDatabase('bm25');
    root = await mkdtemp(join(tmpdir(), 'bm25-'));
    pool = createPostgresPool(database.url, { size: 3, logger: silentLogger });
    await runIngest({ corpusDir: CORPUS, dataDir: join(root, 'data'), embedding: null, logger: silentLogger });
    await runIngest({ corpusDir: CORPUS, dataDir: join(root, 'unused'), target: postgresTarget({ pool, database: 'test' }), embedding: null, logger: silentLogger });
    sqlite = openCollectionStore(join(root, 'data'), { readonly: true });
    collection = await openPostgresCollection(pool, { url: database.url, database: 'test', logger: silentLogger });
  });
  afterAll(async () => {
    sqlite?.close();
    await collection?.close();
    await pool?.end();
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  it.each(QUESTIONS)('ranks the chunks for "%s" as FTS5 does, with the same scores', async (question) => {
    const { terms } = analyzeQuery(question, CURATED_ABBREVIATIONS);
    const options = { limit: 10, weights: [1, 1.2, 1] as const };
    const expected = sqlite.search(terms, options);
    const found = await collection.search(terms, options);
    expect(found.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
    found.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i].score, 6));
  });

  it('finds the chunks holding every required word, filtered by document, as FTS5 does', async () => {
    const [docId] = collection.catalogue().map((meta) => meta.id);
    const options = { required: ['nguoi', 'cao', 'tuoi'], docIds: [docId], limit: 20, weights: [1, 1, 1] as const };
    const expected = sqlite.search([], options).map((hit) => hit.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await collection.search([], options)).map((hit) => hit.id)).toEqual(expected);
    expect(await collection.documentFrequencies(['người', 'sức khỏe'])).toEqual(new Map([['người', sqlite.documentFrequency('người')], ['sức khỏe', sqlite.documentFrequency('sức khỏe')]]));
  });
});
