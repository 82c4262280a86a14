import { cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable } from '../../test/helpers/test-database.js';
import { loadFixtureModel } from '../../test/helpers/fixture-model.js';
import { AppError } from '../errors.js';
import { postgresTarget } from '../ingest/postgres-target.js';
import { runIngest } from '../ingest/run-ingest.js';
import { sqliteTarget } from '../ingest/sqlite-target.js';
import { silentLogger } from '../logger.js';
import type { Chunk, SourceDocument } from '../types.js';
import type { CollectionTarget, DocumentRecord } from './collection-writer.js';
import { openPostgresCollection } from './postgres-collection.js';
import { createPostgresPool } from './postgres-pool.js';
import { openCollectionStore } from './sqlite-store.js';

// The store contract, run against both stores: what the ingest writes (add, replace, remove by document, each in
// one transaction), what a reader then finds, one writer at a time, and the collection after a restart.

const CORPUS = join(import.meta.dirname, '../../corpus');

/** What the contract reads back, through a connection of the reader's own. */
interface Reader {
  ids(): Promise<string[]>;
  text(id: string): Promise<string | undefined>;
  chunkTexts(docId: string): Promise<string[]>;
  search(terms: string[]): Promise<string[]>;
  /** The hits' ids with their scores, rounded: how the lexical index ranks them. */
  scores(terms: string[]): Promise<string[]>;
  frequency(term: string): Promise<number>;
  abbreviation(term: string): Promise<string | undefined>;
  close(): Promise<void>;
}

interface Collection {
  /** The collection as the ingest opens it; each call a new connection, as a new process would make. */
  target(): CollectionTarget;
  reader(): Promise<Reader>;
  cleanup(): Promise<void>;
}

const WEIGHTS = [1, 1.2, 1] as const;

const sqliteCollection = async (): Promise<Collection> => {
  const dir = await mkdtemp(join(tmpdir(), 'contract-sqlite-'));
  return {
    target: () => sqliteTarget({ dataDir: dir, logger: silentLogger }),
    async reader() {
      const store = openCollectionStore(dir, { readonly: true });
      return {
        ids: async () => store.catalogue().map((meta) => meta.id),
        text: async (id) => store.document(id)?.text,
        chunkTexts: async (docId) => store.chunksOf(docId).map((chunk) => chunk.text),
        search: async (terms) => store.search(terms, { limit: 10, weights: WEIGHTS }).map((hit) => hit.id),
        scores: async (terms) => store.search(terms, { limit: 10, weights: WEIGHTS }).map((hit) => `${hit.id} ${hit.score.toFixed(6)}`),
        frequency: async (term) => store.documentFrequency(term),
        abbreviation: async (term) => store.definedAbbreviations().get(term),
        close: async () => store.close(),
      };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
};

const postgresCollection = async (): Promise<Collection> => {
  const database = await createTestDatabase('contract');
  const pools: ReturnType<typeof createPostgresPool>[] = [];
  const pool = () => {
    const made = createPostgresPool(database.url, { size: 3, logger: silentLogger });
    pools.push(made);
    return made;
  };
  return {
    target: () => postgresTarget({ pool: pool(), database: 'the test database' }),
    async reader() {
      const collection = await openPostgresCollection(pool(), { url: database.url, database: 'the test database', logger: silentLogger });
      return {
        ids: async () => collection.catalogue().map((meta) => meta.id),
        text: async (id) => (await collection.document(id))?.text,
        chunkTexts: async (docId) => (await collection.chunksOf(docId)).map((chunk) => chunk.text),
        search: async (terms) => (await collection.search(terms, { limit: 10, weights: WEIGHTS })).map((hit) => hit.id),
        scores: async (terms) => (await collection.search(terms, { limit: 10, weights: WEIGHTS })).map((hit) => `${hit.id} ${hit.score.toFixed(6)}`),
        frequency: async (term) => (await collection.documentFrequencies([term])).get(term)!,
        abbreviation: async (term) => collection.definedAbbreviations().get(term),
        close: () => collection.close(),
      };
    },
    async cleanup() {
      await Promise.all(pools.map((made) => made.end()));
      await database.drop();
    },
  };
};

const record = (id: string, text: string, hash = `hash-${text.length}`): DocumentRecord => {
  const doc: SourceDocument = { meta: { id, title: `Kế hoạch ${id}`, sourceFile: `${id}.txt` }, text, hash };
  const chunks: Chunk[] = [{ id: `${id}#0`, docId: id, section: ['I. MỤC TIÊU'], kind: 'body', start: 0, end: text.length, text }];
  const words = text.toLowerCase().split(/\s+/u);
  return { doc, signature: 'sig', chunks, outline: [], abbreviations: [['NCT', 'người cao tuổi']], terms: [{ text: words, section: ['mục', 'tiêu', 'mục tiêu'], source: [] }] };
};

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

function describeCollectionContract(name: string, make: () => Promise<Collection>, enabled = true): void {
  describe.skipIf(!enabled)(`the collection contract: ${name}`, () => {
    let collection: Collection;
    let reader: Reader;
    beforeEach(async () => {
      collection = await make();
    });
    afterEach(async () => {
      await reader?.close();
      await collection.cleanup();
    });

    /** Opens a writer, runs `work` with it, closes it. */
    const write = async (work: (writer: Awaited<ReturnType<CollectionTarget['openWriter']>>) => Promise<void>) => {
      const writer = await collection.target().openWriter('contract test');
      try {
        await work(writer);
        // As a finished ingest does: the SQLite store sets aside a database no ingest finished writing.
        if (!writer.formatCurrent) await writer.markFormatCurrent();
      } finally {
        await writer.close();
      }
    };

    it('adds, replaces and removes a document with everything derived from it, and a reader follows', async () => {
      await write(async (writer) => {
        await writer.putDocument(record('a', 'chăm sóc người cao tuổi'));
        await writer.putDocument(record('b', 'trẻ em và người khuyết tật'));
      });
      reader = await collection.reader();
      expect(await reader.ids()).toEqual(['a', 'b']);
      expect(await reader.search(['cao'])).toEqual(['a#0']);
      expect(await reader.frequency('người')).toBe(2);
      expect(await reader.abbreviation('NCT')).toBe('người cao tuổi');

      await write(async (writer) => {
        await writer.putDocument(record('a', 'khám sức khỏe định kỳ'));
        expect(await writer.chunkCount()).toBe(2);
      });
      await expect.poll(() => reader.chunkTexts('a')).toEqual(['khám sức khỏe định kỳ']);
      expect(await reader.search(['cao'])).toEqual([]);
      expect(await reader.search(['khám', 'trẻ'])).toHaveLength(2);
      expect(await reader.frequency('khám')).toBe(1);
      await expect.poll(() => reader.frequency('người')).toBe(1);

      await write((writer) => writer.removeDocument('a'));
      await expect.poll(() => reader.ids()).toEqual(['b']);
      expect(await reader.text('a')).toBeUndefined();
      expect(await reader.search(['khám'])).toEqual([]);
      await expect.poll(() => reader.frequency('khám')).toBe(0);
    });

    it('ranks, after documents are replaced and removed, as a fresh collection of the same documents does', async () => {
      await write(async (writer) => {
        await writer.putDocument(record('a', 'chăm sóc người cao tuổi tại nhà'));
        await writer.putDocument(record('b', 'trẻ em và người khuyết tật'));
        await writer.putDocument(record('c', 'người có công với cách mạng được khám sức khỏe'));
      });
      await write(async (writer) => {
        await writer.putDocument(record('a', 'khám sức khỏe định kỳ cho người cao tuổi'));
        await writer.removeDocument('c');
      });
      reader = await collection.reader();
      const fresh = await make();
      try {
        // Nothing to recount: each write kept the statistics.
        const recount = await collection.target().openWriter('contract test');
        expect(await recount.reconcileIndex()).toBe(false);
        await recount.close();
        const writer = await fresh.target().openWriter('contract test');
        await writer.putDocument(record('a', 'khám sức khỏe định kỳ cho người cao tuổi'));
        await writer.putDocument(record('b', 'trẻ em và người khuyết tật'));
        if (!writer.formatCurrent) await writer.markFormatCurrent();
        await writer.close();
        const freshReader = await fresh.reader();
        const terms = ['người', 'khám', 'cao', 'trẻ'];
        expect(await reader.scores(terms)).toEqual(await freshReader.scores(terms));
        await freshReader.close();
      } finally {
        await fresh.cleanup();
      }
    });

    it('leaves the previous version whole when a write fails half way', async () => {
      await write((writer) => writer.putDocument(record('a', 'chăm sóc người cao tuổi')));
      await write(async (writer) => {
        const broken = { ...record('a', 'văn bản mới hỏng'), terms: [] };
        await expect(writer.putDocument(broken)).rejects.toThrow();
        // The writer goes on after a failed document.
        await writer.putDocument(record('b', 'trẻ em'));
      });
      reader = await collection.reader();
      expect(await reader.text('a')).toBe('chăm sóc người cao tuổi');
      expect(await reader.chunkTexts('a')).toHaveLength(1);
      expect(await reader.search(['cao'])).toEqual(['a#0']);
      expect(await reader.frequency('mới')).toBe(0);
      expect(await reader.ids()).toEqual(['a', 'b']);
    });

    it('lets one writer write at a time: a second is refused naming the first, or waits for it', async () => {
      const first = await collection.target().openWriter('ingest of /first');
      const refused = await refusal(collection.target().openWriter('ingest of /second'));
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('index_busy');
      expect((refused as AppError).message).toMatch(/Another ingest \(ingest of \/first, process \d+.*\) is writing .*nothing was changed/u);
      await first.putDocument(record('a', 'chăm sóc người cao tuổi'));
      await first.markFormatCurrent();
      const waiting = collection.target().openWriter('ingest of /second', { waitMs: 10_000 });
      setTimeout(() => void first.close(), 300);
      const second = await waiting;
      await second.putDocument(record('b', 'trẻ em'));
      await second.close();
      reader = await collection.reader();
      expect(await reader.ids()).toEqual(['a', 'b']);
    });

    it('keeps the collection across a restart, and an ingest follows the corpus folder document by document', async () => {
      const root = await mkdtemp(join(tmpdir(), 'contract-corpus-'));
      try {
        const corpusDir = join(root, 'corpus');
        await cp(CORPUS, corpusDir, { recursive: true });
        const model = await loadFixtureModel();
        const ingest = () => runIngest({ corpusDir, dataDir: join(root, 'unused'), target: collection.target(), embedding: model, logger: silentLogger });
        const first = await ingest();
        expect(first).toMatchObject({ documents: 5, written: 5, mode: 'hybrid', failures: [] });
        // A new connection, as after a restart: everything is reused.
        expect(await ingest()).toMatchObject({ documents: 5, reused: 5, written: 0, chunks: first.chunks });

        reader = await collection.reader();
        const ids = await reader.ids();
        const [removedId, changedId] = ids;
        await write(async (writer) => {
          const fileOf = (id: string) => [...known].find(([, file]) => file.id === id)![0];
          const known = await writer.knownFiles();
          await unlink(join(corpusDir, fileOf(removedId)));
          await writeFile(join(corpusDir, fileOf(changedId)), `${await reader.text(changedId)}\nPhụ lục bổ sung: chăm lo người cao tuổi neo đơn.`);
        });
        expect(await ingest()).toMatchObject({ documents: 4, written: 1, removed: 1, reused: 3 });
        // A reader opened before the ingest follows it (SQLite: data_version; PostgreSQL: the notification).
        await expect.poll(() => reader.ids(), { timeout: 5_000 }).toEqual(ids.filter((id) => id !== removedId));
        await expect.poll(() => reader.text(changedId)).toContain('neo đơn');
        expect(await reader.search(['neo đơn'])).toEqual([expect.stringMatching(new RegExp(`^${changedId}#`, 'u'))]);
        // And ranks as the same folder indexed afresh.
        const fresh = await make();
        try {
          await runIngest({ corpusDir, dataDir: join(root, 'unused'), target: fresh.target(), embedding: model, logger: silentLogger });
          const freshReader = await fresh.reader();
          const terms = ['người', 'cao', 'tuổi', 'báo', 'cáo'];
          await expect.poll(() => reader.scores(terms)).toEqual(await freshReader.scores(terms));
          await freshReader.close();
        } finally {
          await fresh.cleanup();
        }
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  });
}

describeCollectionContract('SQLite', sqliteCollection);
describeCollectionContract('PostgreSQL', postgresCollection, postgresAvailable());
