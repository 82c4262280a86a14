import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.js';
import type { Chunk, DocumentMeta, OutlineEntry, ScoredId, SourceDocument } from '../types.js';
import { documentValues, type DocumentRecord } from './collection-writer.js';
import { ftsToken } from './index-token.js';

// The collection on disk: one SQLite database in WAL mode. Documents, their original text, chunks, outlines and
// metadata are tables; the lexical index is a contentless FTS5 table over the analyzer's terms; embeddings are
// blobs. Readers never wait for the writer (WAL); one writer at a time (writer-lock.ts).

/** Bump when the schema or what ingest puts in it changes: an older database is then rebuilt. */
export const STORE_FORMAT = 3;
export const DATABASE_FILE = 'collection.db';
/** How stale the caches may be after another process commits (an ingest), in milliseconds. */
const VERSION_CHECK_MS = 200;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  source_file TEXT NOT NULL,
  hash TEXT NOT NULL,
  signature TEXT NOT NULL,
  meta TEXT NOT NULL,
  text TEXT NOT NULL,
  outline TEXT NOT NULL,
  added_at TEXT NOT NULL
);
-- The ingest compares every file with what it holds: read from this index, not from rows carrying whole texts.
CREATE INDEX IF NOT EXISTS documents_by_file ON documents(source_file, id, signature, hash);
-- The catalogue, read at start-up and after every commit: from this index, not from rows carrying whole texts.
CREATE INDEX IF NOT EXISTS documents_catalogue ON documents(id, meta);
CREATE TABLE IF NOT EXISTS chunks (
  -- Never reused: row ids label the vectors of the HNSW index.
  rowid INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL,
  section TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  context TEXT
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id, ordinal);
CREATE TABLE IF NOT EXISTS abbreviations (doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, term TEXT NOT NULL, expansion TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS abbreviations_by_doc ON abbreviations(doc_id);
CREATE TABLE IF NOT EXISTS embeddings (chunk_rowid INTEGER PRIMARY KEY REFERENCES chunks(rowid) ON DELETE CASCADE, model TEXT NOT NULL, vector BLOB NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5(text, section, source, content='', contentless_delete=1, tokenize="ascii tokenchars '_'");
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_vocab USING fts5vocab(chunk_terms, 'row');
INSERT OR IGNORE INTO settings (key, value) VALUES ('identity', lower(hex(randomblob(16))));
`;

/** Tables with row ids, and the other tables (FTS5's own without row ids, and its vocabulary view). */
const ROW_TABLES = ['settings', 'documents', 'chunks', 'abbreviations', 'embeddings', 'chunk_terms_data', 'chunk_terms_docsize'];
const OTHER_TABLES = ['chunk_terms', 'chunk_terms_idx', 'chunk_terms_config', 'chunk_vocab'];

interface ChunkRow {
  rowid: number;
  id: string;
  doc_id: string;
  kind: Chunk['kind'];
  section: string;
  start: number;
  end: number;
  text: string;
  context: string | null;
}

const toChunk = (row: ChunkRow): Chunk => ({
  id: row.id,
  docId: row.doc_id,
  section: JSON.parse(row.section) as string[],
  kind: row.kind,
  start: row.start,
  end: row.end,
  text: row.text,
  ...(row.context ? { context: row.context } : {}),
});

/** A small least-recently-used cache: documents and chunks asked for again are not read again. */
function lru<K, V>(capacity: number) {
  const entries = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: K, value: V): void {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as K);
    },
    clear: () => entries.clear(),
  };
}

export type CollectionStore = ReturnType<typeof openCollectionStore>;

/** The lexical index's columns: the chunk's text, its section path, its source. */
const TERM_COLUMNS = 3;

/** SQLite's variable-length integer, as FTS5 writes its totals and row sizes: 7 bits a byte, high bit set on all but the last. */
function varint(value: number): number[] {
  const bytes: number[] = [value % 128];
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes.unshift((rest % 128) | 0x80);
  return bytes;
}

/** The first `count` variable-length integers of a buffer. */
function readVarints(buffer: Buffer, count: number): number[] {
  const values: number[] = [];
  let position = 0;
  while (values.length < count && position < buffer.length) {
    let value = 0;
    let byte: number;
    do {
      byte = buffer[position++];
      value = value * 128 + (byte & 0x7f);
    } while (byte & 0x80 && position < buffer.length);
    values.push(value);
  }
  return values;
}

/**
 * Opens (creating if needed) the collection database in `dataDir`. `readonly` opens for serving: nothing is
 * written, and start-up reads nothing but the schema version, whatever the collection's size.
 */
export function openCollectionStore(dataDir: string, options: { readonly?: boolean } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATABASE_FILE);
  let db: Database.Database;
  try {
    // The busy timeout first: switching a new database to WAL needs a moment's exclusive lock.
    db = new Database(path, { fileMustExist: options.readonly === true, timeout: 10_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Every commit is synced (NORMAL in WAL mode never corrupts, but may lose the last commits on a power cut):
    // the HNSW file is written from committed rows and labelled by their row ids, so a commit it relies on must
    // survive, or a lost chunk's row id would be reused and its vector found for another chunk.
    db.pragma('synchronous = FULL');
    if (!options.readonly) db.exec(SCHEMA);
  } catch (cause) {
    throw new AppError('index_unavailable', `The collection database ${path} cannot be opened: ${(cause as Error).message}`, { cause });
  }

  const statement = <T>(sql: string) => {
    let prepared: Database.Statement | undefined;
    return () => (prepared ??= db.prepare(sql)) as Database.Statement<unknown[], T>;
  };
  const settingRow = statement<{ value: string }>('SELECT value FROM settings WHERE key = ?');
  const setting = (key: string): string | undefined => {
    try {
      return settingRow().get(key)?.value;
    } catch {
      return undefined;
    }
  };
  const format = Number(setting('format') ?? 0);

  // Caches stay valid until another connection commits: SQLite's data_version says when.
  // A question reads a handful of documents whole; these hold the last few hundred questions' worth.
  const documents = lru<string, SourceDocument | null>(512);
  const chunkLists = lru<string, Chunk[]>(512);
  const chunks = lru<string, Chunk | null>(20_000);
  const outlines = lru<string, OutlineEntry[]>(1024);
  const frequencies = new Map<string, number>();
  let catalogue: DocumentMeta[] | undefined;
  let abbreviationTable: Map<string, string> | undefined;
  const counts = lru<string, number>(20_000);
  let version = -1;
  let checkedAt = -Infinity;
  const clearCaches = (): void => {
    documents.clear();
    chunkLists.clear();
    chunks.clear();
    outlines.clear();
    frequencies.clear();
    catalogue = undefined;
    abbreviationTable = undefined;
    counts.clear();
  };
  // data_version changes with other connections' commits only (this connection's own writes clear the caches).
  const checkVersion = (): void => {
    checkedAt = performance.now();
    const current = db.pragma('data_version', { simple: true }) as number;
    if (current === version) return;
    version = current;
    clearCaches();
  };
  // A question makes hundreds of reads: they check at most every VERSION_CHECK_MS; the catalogue, read once at the
  // start of every question, always checks.
  const fresh = (): void => {
    if (performance.now() - checkedAt >= VERSION_CHECK_MS) checkVersion();
  };

  const documentRow = statement<{ meta: string; text: string; hash: string }>('SELECT meta, text, hash FROM documents WHERE id = ?');
  const chunkRow = statement<ChunkRow>('SELECT rowid, * FROM chunks WHERE id = ?');
  const chunkRowById = statement<ChunkRow>('SELECT rowid, * FROM chunks WHERE rowid = ?');
  const chunksOfDoc = statement<ChunkRow>('SELECT rowid, * FROM chunks WHERE doc_id = ? ORDER BY ordinal');
  const outlineRow = statement<{ outline: string }>('SELECT outline FROM documents WHERE id = ?');
  const frequencyRow = statement<{ doc: number }>('SELECT doc FROM chunk_vocab WHERE term = ?');
  const chunkTotalRow = statement<{ n: number }>('SELECT count(*) AS n FROM chunks');
  const chunkCountRow = statement<{ n: number }>('SELECT count(*) AS n FROM chunks WHERE doc_id = ?');

  const store = {
    path,
    /** Zero for a database that has not been written by this version of the ingest. */
    format,
    setting,
    /** Metadata of every document, sorted by id: the catalogue scope and place detection read. */
    catalogue(): readonly DocumentMeta[] {
      checkVersion();
      catalogue ??= db
        .prepare('SELECT meta FROM documents ORDER BY id')
        .pluck()
        .all()
        .map((meta) => JSON.parse(meta as string) as DocumentMeta);
      return catalogue;
    },
    /** Source file → id, file signature (size, time, manifest entry) and content hash of every stored document. */
    knownFiles(): Map<string, { id: string; signature: string; hash: string }> {
      const rows = db.prepare('SELECT id, source_file, signature, hash FROM documents').all() as { id: string; source_file: string; signature: string; hash: string }[];
      return new Map(rows.map((row) => [row.source_file, { id: row.id, signature: row.signature, hash: row.hash }]));
    },
    document(id: string): SourceDocument | undefined {
      fresh();
      let doc = documents.get(id);
      if (doc === undefined) {
        const row = documentRow().get(id);
        doc = row ? { meta: JSON.parse(row.meta) as DocumentMeta, text: row.text, hash: row.hash } : null;
        documents.set(id, doc);
      }
      return doc ?? undefined;
    },
    chunk(id: string): Chunk | undefined {
      fresh();
      let chunk = chunks.get(id);
      if (chunk === undefined) {
        const row = chunkRow().get(id);
        chunk = row ? toChunk(row) : null;
        chunks.set(id, chunk);
      }
      return chunk ?? undefined;
    },
    chunkAt(rowid: number): Chunk | undefined {
      const row = chunkRowById().get(rowid);
      return row ? toChunk(row) : undefined;
    },
    chunksOf(docId: string): readonly Chunk[] {
      fresh();
      let list = chunkLists.get(docId);
      if (!list) chunkLists.set(docId, (list = chunksOfDoc().all(docId).map(toChunk)));
      return list;
    },
    /** Read once per document while cached: evidence selection asks for it for every retrieved chunk. */
    outline(docId: string): OutlineEntry[] {
      fresh();
      let outline = outlines.get(docId);
      if (!outline) {
        const row = outlineRow().get(docId);
        outline = row ? (JSON.parse(row.outline) as OutlineEntry[]) : [];
        outlines.set(docId, outline);
      }
      return outline;
    },
    /** How many chunks the collection, or each document, has. */
    /** Chunks in the collection, or in one document: counted on the index, never grouping the whole table. */
    chunkCount(docId?: string): number {
      fresh();
      const key = docId ?? '';
      let count = counts.get(key);
      if (count === undefined) {
        count = docId === undefined ? (chunkTotalRow().get()?.n ?? 0) : (chunkCountRow().get(docId)?.n ?? 0);
        counts.set(key, count);
      }
      return count;
    },
    /** In how many chunks an analyzer term occurs (any field). */
    documentFrequency(term: string): number {
      fresh();
      let frequency = frequencies.get(term);
      if (frequency === undefined) {
        const token = ftsToken(term);
        frequency = token ? (frequencyRow().get(token)?.doc ?? 0) : 0;
        frequencies.set(term, frequency);
      }
      return frequency;
    },
    /** Curated-independent abbreviations the documents define, later documents last. */
    definedAbbreviations(): Map<string, string> {
      fresh();
      abbreviationTable ??= new Map(
        (db.prepare('SELECT term, expansion FROM abbreviations ORDER BY rowid').all() as { term: string; expansion: string }[]).map((row) => [row.term, row.expansion]),
      );
      return abbreviationTable;
    },
    /**
     * Chunks matching any of the terms, ranked by FTS5's BM25 with field weights (text, section, source), best
     * first. `required` terms must all occur (phrase lookups). Filters by document and kind.
     */
    search(terms: readonly string[], options: { required?: readonly string[]; docIds?: readonly string[]; kinds?: readonly string[]; limit: number; weights: readonly [number, number, number] }): ScoredId[] {
      const any = [...new Set(terms.map(ftsToken).filter(Boolean))].map((token) => `"${token}"`).join(' OR ');
      const all = [...new Set((options.required ?? []).map(ftsToken).filter(Boolean))].map((token) => `"${token}"`).join(' AND ');
      const match = [all, any && (all ? `(${any})` : any)].filter(Boolean).join(' AND ');
      if (!match) return [];
      const filters: string[] = [];
      const params: unknown[] = [match];
      if (options.docIds) {
        filters.push(`rowid IN (SELECT rowid FROM chunks WHERE doc_id IN (SELECT value FROM json_each(?)))`);
        params.push(JSON.stringify(options.docIds));
      }
      if (options.kinds) {
        filters.push(`rowid IN (SELECT rowid FROM chunks WHERE kind IN (SELECT value FROM json_each(?)))`);
        params.push(JSON.stringify(options.kinds));
      }
      const [text, section, source] = options.weights;
      // Rank inside FTS5 first and join the few best to their chunks: a large collection matches thousands of rows.
      const sql = `SELECT c.id AS id, ranked.score AS score FROM (
          SELECT rowid, -bm25(chunk_terms, ${text}, ${section}, ${source}) AS score FROM chunk_terms
          WHERE chunk_terms MATCH ?${filters.map((filter) => ` AND ${filter}`).join('')}
          ORDER BY bm25(chunk_terms, ${text}, ${section}, ${source}) LIMIT ${Math.max(1, Math.floor(options.limit))}
        ) AS ranked JOIN chunks c ON c.rowid = ranked.rowid ORDER BY ranked.score DESC`;
      return db.prepare(sql).all(...params) as ScoredId[];
    },
    embeddingsOf(docId: string, model: string): Map<string, Float32Array> {
      const rows = db.prepare('SELECT c.id AS id, e.vector AS vector FROM embeddings e JOIN chunks c ON c.rowid = e.chunk_rowid WHERE c.doc_id = ? AND e.model = ?').all(docId, model) as { id: string; vector: Buffer }[];
      return new Map(rows.map((row) => [row.id, new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength))]));
    },

    /**
     * Why this database cannot serve, or null, from a look that does not grow with the collection's text (a full
     * integrity check reads every page: 8 s at 14,000 documents). It finds missing tables, another format, a file
     * cut short or overwritten at either end of a table, and with `metadata` unreadable document metadata (reading
     * every document's, as serving does first: 0.3 s at 14,000 documents).
     */
    problem(options: { metadata: boolean }): string | null {
      try {
        const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
        const missing = [...ROW_TABLES, ...OTHER_TABLES].filter((table) => !tables.has(table));
        if (missing.length > 0) return `tables missing: ${missing.join(', ')}`;
        const written = Number(settingRow().get('format')?.value ?? 0);
        if (written === 0) return 'no ingest has finished writing it';
        if (written !== STORE_FORMAT) return `it was written in format ${written}; this version reads format ${STORE_FORMAT}`;
        // The first and last pages of every table: where a truncated or overwritten file fails.
        for (const table of ROW_TABLES) {
          db.prepare(`SELECT * FROM ${table} ORDER BY rowid LIMIT 1`).all();
          db.prepare(`SELECT * FROM ${table} ORDER BY rowid DESC LIMIT 1`).all();
        }
        for (const table of OTHER_TABLES) db.prepare(`SELECT * FROM ${table} LIMIT 1`).all();
        db.prepare(`SELECT rowid FROM chunk_terms WHERE chunk_terms MATCH '"a"' LIMIT 1`).all();
        // Cached: serving reads it first anyway.
        if (options.metadata) store.catalogue();
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    },
    /**
     * Merges the lexical index into one segment. An ingest document by document leaves many: every term lookup and
     * every query then reads each of them (at 14,000 documents, 5 ms per term's frequency instead of 0.3 ms, and
     * twice the time per query). FTS5's own merging keeps up with a few documents at a time.
     */
    optimizeIndex(): void {
      db.exec(`INSERT INTO chunk_terms(chunk_terms) VALUES('optimize')`);
    },
    /**
     * The lexical index's totals recounted from the per-row sizes FTS5 keeps (every row read: half a second at 14,000
     * documents), for totals left too high by a write interrupted before `lowerTermTotals` or by an earlier version
     * that did not lower them. True when they had drifted, so ranking now gives what the same rows indexed afresh give.
     */
    reconcileTermTotals(): boolean {
      const stored = storedTermTotals().pluck().get() as Buffer | undefined;
      const rows = db.prepare('SELECT sz FROM chunk_terms_docsize').pluck().all() as Buffer[];
      const totals = new Array<number>(TERM_COLUMNS).fill(0);
      for (const sizes of rows) readVarints(sizes, TERM_COLUMNS).forEach((size, column) => (totals[column] += size));
      if (stored && Buffer.compare(stored, Buffer.from([rows.length, ...totals].flatMap(varint))) === 0) return false;
      db.transaction(() => writeTermTotals(rows.length, totals)).immediate();
      return true;
    },
    /** Writes a compact copy of the collection to `file`; reading every row, it fails rather than copy damage. */
    copyTo(file: string): void {
      db.prepare('VACUUM INTO ?').run(file);
    },

    // ---- writing: the ingest is the one writer --------------------------------------------------------------

    setSetting,
    /** Files derived from the collection (the HNSW index) carry its identity: a replaced database gets a new one. */
    renewIdentity: (): void => setSetting('identity', randomUUID()),
    setSignature: (id: string, signature: string): void => {
      db.prepare('UPDATE documents SET signature = ? WHERE id = ?').run(signature, id);
    },
    /** Row ids of the chunks that have a vector of `model`. */
    vectorLabels: (model: string): number[] => db.prepare('SELECT chunk_rowid FROM embeddings WHERE model = ? ORDER BY chunk_rowid').pluck().all(model) as number[],
    vectorOf(rowid: number): Float32Array | undefined {
      const blob = db.prepare('SELECT vector FROM embeddings WHERE chunk_rowid = ?').pluck().get(rowid) as Buffer | undefined;
      return blob && new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
    },
    /** Documents with chunks that have no vector of `model`: what a new model must embed. */
    documentsWithoutVectors: (model: string): string[] =>
      db
        .prepare('SELECT DISTINCT c.doc_id FROM chunks c LEFT JOIN embeddings e ON e.chunk_rowid = c.rowid AND e.model = ? WHERE e.chunk_rowid IS NULL ORDER BY c.doc_id')
        .pluck()
        .all(model) as string[],
    /** Replaces a document's vectors with those of another model, in one transaction. */
    putEmbeddings: (docId: string, model: string, vectors: ReadonlyMap<string, Float32Array | number[]>): void => {
      putEmbeddings.immediate(docId, model, vectors);
      clearCaches();
    },
    /** Replaces (or adds) one document with everything derived from it, in one transaction. */
    putDocument: (record: DocumentRecord): void => {
      lowerTermTotals(putDocument.immediate(record));
      clearCaches();
    },
    /** Removes one document and everything derived from it, in one transaction. */
    removeDocument: (id: string): void => {
      lowerTermTotals(removeDocument.immediate(id));
      clearCaches();
    },
    close: (): void => {
      db.close();
    },
  };

  function setSetting(key: string, value: string): void {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  const deleteTerms = statement('DELETE FROM chunk_terms WHERE rowid IN (SELECT rowid FROM chunks WHERE doc_id = ?)');
  const deleteDocument = statement('DELETE FROM documents WHERE id = ?');
  /** FTS5's totals record: the row count, then the tokens of each column. */
  const storedTermTotals = statement<Buffer>('SELECT block FROM chunk_terms_data WHERE id = 1');
  const termSizesOf = statement<Buffer>('SELECT d.sz FROM chunk_terms_docsize d JOIN chunks c ON c.rowid = d.id WHERE c.doc_id = ?');
  /** Removes a document; the index sizes of its rows are returned, for the totals FTS5 leaves as they were. */
  const removeDocument = db.transaction((id: string): Buffer[] => {
    const sizes = termSizesOf().pluck().all(id) as Buffer[];
    deleteTerms().run(id);
    deleteDocument().run(id);
    return sizes;
  });

  /**
   * The lexical index's totals (rows, tokens per column), which BM25 weighs every term by, lowered by the rows a write
   * deleted. FTS5 does not lower them when a row of a contentless-delete table is deleted, and writes the totals it
   * holds when the transaction commits: they are lowered in a transaction of their own, right after. (Interrupted
   * in between, they stay a document too high until the next full recount, `reconcileTermTotals`.)
   */
  const lowerTermTotals = (deleted: readonly Buffer[]): void => {
    if (deleted.length === 0) return;
    db.transaction(() => {
      const stored = storedTermTotals().pluck().get() as Buffer | undefined;
      if (!stored) return;
      const [rows, ...totals] = readVarints(stored, 1 + TERM_COLUMNS);
      for (const sizes of deleted) readVarints(sizes, TERM_COLUMNS).forEach((size, column) => (totals[column] -= size));
      writeTermTotals(Math.max(0, rows - deleted.length), totals.map((total) => Math.max(0, total)));
    }).immediate();
  };

  /** Writes FTS5's totals record; a shadow table is written only here, with SQLite's defensive mode lifted for it. */
  function writeTermTotals(rows: number, totals: readonly number[]): void {
    db.unsafeMode(true);
    try {
      db.prepare('INSERT OR REPLACE INTO chunk_terms_data (id, block) VALUES (1, ?)').run(Buffer.from([rows, ...totals].flatMap(varint)));
    } finally {
      db.unsafeMode(false);
    }
  }
  const putEmbeddings = db.transaction((docId: string, model: string, vectors: ReadonlyMap<string, Float32Array | number[]>) => {
    db.prepare('DELETE FROM embeddings WHERE chunk_rowid IN (SELECT rowid FROM chunks WHERE doc_id = ?)').run(docId);
    const insert = db.prepare('INSERT INTO embeddings (chunk_rowid, model, vector) SELECT rowid, ?, ? FROM chunks WHERE id = ?');
    for (const [chunkId, vector] of vectors) insert.run(model, Buffer.from(Float32Array.from(vector).buffer), chunkId);
  });
  const putDocument = db.transaction((record: DocumentRecord): Buffer[] => {
    const { doc } = record;
    const replaced = removeDocument(doc.meta.id);
    db.prepare('INSERT INTO documents (id, source_file, hash, signature, meta, text, outline, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(...documentValues(record), new Date().toISOString());
    const insertChunk = db.prepare('INSERT INTO chunks (id, doc_id, ordinal, kind, section, start, end, text, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertTerms = db.prepare('INSERT INTO chunk_terms (rowid, text, section, source) VALUES (?, ?, ?, ?)');
    const insertVector = db.prepare('INSERT INTO embeddings (chunk_rowid, model, vector) VALUES (?, ?, ?)');
    record.chunks.forEach((chunk, ordinal) => {
      const { lastInsertRowid } = insertChunk.run(chunk.id, chunk.docId, ordinal, chunk.kind, JSON.stringify(chunk.section), chunk.start, chunk.end, chunk.text, chunk.context ?? null);
      const terms = record.terms[ordinal];
      const join = (list: readonly string[]): string => list.map(ftsToken).filter(Boolean).join(' ');
      insertTerms.run(lastInsertRowid, join(terms.text), join(terms.section), join(terms.source));
      const vector = record.embeddings?.vectors.get(chunk.id);
      if (vector) insertVector.run(lastInsertRowid, record.embeddings!.model, Buffer.from(Float32Array.from(vector).buffer));
    });
    const insertAbbreviation = db.prepare('INSERT INTO abbreviations (doc_id, term, expansion) VALUES (?, ?, ?)');
    for (const [term, expansion] of record.abbreviations) insertAbbreviation.run(doc.meta.id, term, expansion);
    return replaced;
  });

  return store;
}

