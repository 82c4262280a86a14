import { cp, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureModel } from '../../test/helpers/fixture-model.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../../test/helpers/test-database.js';
import { postgresTarget } from '../ingest/postgres-target.js';
import { runIngest } from '../ingest/run-ingest.js';
import { silentLogger } from '../logger.js';
import { openPostgresCollection, type PostgresCollection } from '../store/postgres-collection.js';
import { createPostgresPool } from '../store/postgres-pool.js';
import type { EmbeddingModel } from '../types.js';
import { openPostgresVectorIndex } from './postgres-vector-index.js';
import { loadHnswLibrary, passageText } from './vector-index.js';

describe.skipIf(!postgresAvailable())('the vector index of a PostgreSQL collection', () => {
  let database: TestDatabase;
  let root: string;
  let model: EmbeddingModel;
  let pool: ReturnType<typeof createPostgresPool>;
  let collection: PostgresCollection;
  const ingest = () =>
    runIngest({ corpusDir: join(root, 'corpus'), dataDir: join(root, 'data'), target: postgresTarget({ pool, database: 'test' }), embedding: model, logger: silentLogger });

  beforeAll(async () => {
    database = await createTestDatabase('vectors');
    root = await mkdtemp(join(tmpdir(), 'pg-vectors-'));
    await cp(join(import.meta.dirname, '../../corpus'), join(root, 'corpus'), { recursive: true });
    model = await loadFixtureModel();
    pool = createPostgresPool(database.url, { size: 3, logger: silentLogger });
    await ingest();
    collection = await openPostgresCollection(pool, { url: database.url, database: 'test', logger: silentLogger });
  });
  afterAll(async () => {
    await collection?.close();
    await pool?.end();
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('is built from the stored embeddings, finds a passage by its own text, and follows removed documents', async () => {
    const vectors = await openPostgresVectorIndex(await loadHnswLibrary(), collection, model, silentLogger);
    const { chunks } = await collection.chunkCounts();
    expect(vectors?.size).toBe(chunks);
    const [docId] = collection.catalogue().map((meta) => meta.id);
    const [chunk] = (await collection.chunksOf(docId)).slice(3, 4);
    const query = await model.embedPassages([passageText(chunk)]);
    expect((await vectors!.search(query[0], { topK: 1 }))[0]).toMatchObject({ id: chunk.id });
    const scoped = await vectors!.search(query[0], { topK: 3, docIds: [docId] });
    expect(scoped[0].id).toBe(chunk.id);
    expect(scoped[0].score).toBeCloseTo(1, 5);
    expect(scoped.every((hit) => hit.id.startsWith(`${docId}#`))).toBe(true);

    const removed = (await collection.document(docId))!.meta.sourceFile;
    await unlink(join(root, 'corpus', removed));
    await ingest();
    // The notification drops the caches and the index follows.
    await expect.poll(() => vectors!.size, { timeout: 5_000 }).toBeLessThan(chunks);
    expect((await vectors!.search(query[0], { topK: 5 })).some((hit) => hit.id.startsWith(`${docId}#`))).toBe(false);
    expect(await vectors!.search(query[0], { topK: 3, docIds: [docId] })).toEqual([]);
  });
});
