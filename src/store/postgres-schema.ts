import type pg from 'pg';

// The collection's schema in PostgreSQL, as numbered migrations. Every app server and every ingest runs them at
// start: under an advisory lock (one migrates, the others wait and then find nothing to do), each migration in
// its own transaction with its row in schema_migrations, so a crash mid-way leaves the previous schema whole.

/** Advisory lock keys (two 32-bit halves): the project's class, then which lock. */
export const LOCK_CLASS = 0x48_44_4b_48; // "HDKH"
export const MIGRATION_LOCK = 1;
export const WRITER_LOCK = 2;

/** The channel on which every committed change of the collection is announced, with the new version as payload. */
export const CHANGE_CHANNEL = 'collection_changed';

/**
 * Migrations in order; a released one is never edited (servers of the previous release may still be running):
 * a change is a new migration. Chunks carry the analyzer's terms as a weighted tsvector built in Node (A: section
 * path, B: text, C: place and number) — PostgreSQL's own parsers know nothing of Vietnamese syllables and pairs.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'collection',
    sql: `
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO settings (key, value) VALUES ('identity', md5(random()::text || clock_timestamp()::text));
CREATE TABLE documents (
  id text PRIMARY KEY,
  source_file text NOT NULL,
  hash text NOT NULL,
  signature text NOT NULL,
  meta jsonb NOT NULL,
  text text NOT NULL,
  outline jsonb NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now()
);
-- The ingest compares every file with what it holds: read from this index, not from rows carrying whole texts.
CREATE INDEX documents_by_file ON documents (source_file) INCLUDE (id, signature, hash);
CREATE TABLE chunks (
  -- Never reused: row ids label the vectors of each server's HNSW index.
  rowid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  kind text NOT NULL,
  section jsonb NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  text text NOT NULL,
  context text,
  terms tsvector NOT NULL,
  -- Tokens in all fields, for BM25's length normalisation (a tsvector keeps each term once).
  term_count integer NOT NULL
);
CREATE INDEX chunks_by_doc ON chunks (doc_id, ordinal);
CREATE INDEX chunks_terms ON chunks USING gin (terms);
-- BM25's term frequencies by term and chunk, occurrences per field, with the chunk's token count: a question's
-- rarer terms read a few hundred rows by index, where reading them out of every matching chunk's tsvector costs
-- 150 ms at 1,000 documents. Everything scoring needs is in the index (an index-only scan): a term's postings are
-- scattered over the table, one page each.
CREATE TABLE chunk_postings (
  term text NOT NULL,
  chunk_rowid bigint NOT NULL,
  section smallint NOT NULL,
  text smallint NOT NULL,
  source smallint NOT NULL,
  term_count integer NOT NULL,
  PRIMARY KEY (term, chunk_rowid) INCLUDE (section, text, source, term_count)
);
-- In how many chunks each term occurs, kept by the ingest per document: BM25's IDF and the answerer's statistics.
CREATE TABLE chunk_vocab (term text PRIMARY KEY, chunks integer NOT NULL);
CREATE TABLE abbreviations (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  term text NOT NULL,
  expansion text NOT NULL
);
CREATE INDEX abbreviations_by_doc ON abbreviations (doc_id);
CREATE TABLE embeddings (
  chunk_rowid bigint PRIMARY KEY REFERENCES chunks (rowid) ON DELETE CASCADE,
  model text NOT NULL,
  -- float32 little-endian, as the SQLite store keeps them.
  vector bytea NOT NULL
);
CREATE INDEX embeddings_by_model ON embeddings (model, chunk_rowid);
-- One row, bumped by every write transaction: servers compare it with the version their caches and HNSW hold.
CREATE TABLE collection_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL);
INSERT INTO collection_version (version) VALUES (0);
`,
  },
  {
    version: 2,
    name: 'answers',
    sql: `
-- Shared answers, so that a link works through every app server. seq orders them for the row bound; created_at
-- (milliseconds, the app's clock) for the age bound.
CREATE TABLE answers (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX answers_created_at ON answers (created_at);
`,
  },
];

/**
 * Brings the database's schema up to date, idempotently: takes the migration lock (waiting for another server
 * migrating), applies the migrations not yet recorded, each in one transaction. Returns the schema version.
 */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((row) => row.version));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return Math.max(0, ...MIGRATIONS.map((migration) => migration.version));
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
