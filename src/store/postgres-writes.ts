import type pg from 'pg';
import type { Chunk } from '../types.js';
import { documentValues, type CollectionWriter, type DocumentRecord, type KnownFile } from './collection-writer.js';
import { CHANGE_CHANNEL } from './postgres-schema.js';
import { termVector } from './term-vector.js';

// The ingest's writes to a PostgreSQL collection, through the one connection that holds the writer's lock. Each
// write is one transaction that also bumps the collection version and announces it (NOTIFY is delivered at
// commit): every app server then drops its caches and brings its vector index in line.

/** Bump when what the ingest writes changes: a collection written in another format is rebuilt. */
export const POSTGRES_FORMAT = 1;

/** A chunk as the chunks table returns it (CHUNK_COLUMNS). */
export interface ChunkRow {
  id: string;
  doc_id: string;
  kind: Chunk['kind'];
  section: string[];
  start_offset: number;
  end_offset: number;
  text: string;
  context: string | null;
}

export const CHUNK_COLUMNS = 'id, doc_id, kind, section, start_offset, end_offset, text, context';

export const toChunk = (row: ChunkRow): Chunk => ({
  id: row.id,
  docId: row.doc_id,
  section: row.section,
  kind: row.kind,
  start: row.start_offset,
  end: row.end_offset,
  text: row.text,
  ...(row.context ? { context: row.context } : {}),
});

export const toFloat32 = (bytes: Buffer): Float32Array => new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
const toBytes = (vector: Float32Array | number[]): Buffer => Buffer.from(Float32Array.from(vector).buffer);

/** The collection's writes through `client`, which holds the writer's lock. */
export async function postgresWriter(client: pg.PoolClient): Promise<CollectionWriter> {
  const setting = async (key: string): Promise<string | undefined> =>
    (await client.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key])).rows[0]?.value;
  const formatCurrent = (await setting('format')) === String(POSTGRES_FORMAT);

  /** Runs `work` in one transaction that bumps and announces the collection version. */
  const transaction = async (work: () => Promise<void>): Promise<void> => {
    await client.query('BEGIN');
    try {
      await work();
      const { rows } = await client.query<{ version: string }>('UPDATE collection_version SET version = version + 1 RETURNING version');
      await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, rows[0].version]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  };

  const setSetting = (key: string, value: string) =>
    transaction(async () => {
      await client.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    });

  /** Removes a document inside the caller's transaction, its chunks' postings and terms from the vocabulary first. */
  const remove = async (id: string): Promise<void> => {
    await client.query(
      `DELETE FROM chunk_postings p USING (SELECT u.lexeme AS term, c.rowid FROM chunks c, unnest(c.terms) u WHERE c.doc_id = $1) d
       WHERE p.term = d.term AND p.chunk_rowid = d.rowid`,
      [id],
    );
    const { rows } = await client.query<{ term: string; chunks: number }>(
      `UPDATE chunk_vocab v SET chunks = v.chunks - d.n
       FROM (SELECT u.lexeme AS term, count(*)::integer AS n FROM chunks c, unnest(c.terms) u WHERE c.doc_id = $1 GROUP BY u.lexeme) d
       WHERE v.term = d.term RETURNING v.term, v.chunks`,
      [id],
    );
    const gone = rows.filter((row) => row.chunks <= 0).map((row) => row.term);
    if (gone.length > 0) await client.query('DELETE FROM chunk_vocab WHERE term = ANY($1::text[])', [gone]);
    await client.query('DELETE FROM documents WHERE id = $1', [id]);
  };

  const insertEmbeddings = async (model: string, vectors: ReadonlyMap<string, Float32Array | number[]>): Promise<void> => {
    if (vectors.size === 0) return;
    await client.query(
      `INSERT INTO embeddings (chunk_rowid, model, vector)
       SELECT c.rowid, $1, v.vector FROM unnest($2::text[], $3::bytea[]) AS v(id, vector) JOIN chunks c ON c.id = v.id`,
      [model, [...vectors.keys()], [...vectors.values()].map(toBytes)],
    );
  };

  return {
    formatCurrent,
    markFormatCurrent: () => setSetting('format', String(POSTGRES_FORMAT)),
    setting,
    setSetting,
    async knownFiles() {
      const { rows } = await client.query<KnownFile & { source_file: string }>('SELECT id, source_file, signature, hash FROM documents');
      return new Map(rows.map((row) => [row.source_file, { id: row.id, signature: row.signature, hash: row.hash }]));
    },
    async setSignature(id, signature) {
      // Not a change of the collection's content: no version bump, no cache dropped anywhere.
      await client.query('UPDATE documents SET signature = $1 WHERE id = $2', [signature, id]);
    },
    async definedAbbreviations() {
      const { rows } = await client.query<{ term: string; expansion: string }>('SELECT term, expansion FROM abbreviations ORDER BY position');
      return new Map(rows.map((row) => [row.term, row.expansion]));
    },
    putDocument: (record: DocumentRecord) =>
      transaction(async () => {
        const { doc, chunks } = record;
        await remove(doc.meta.id);
        await client.query('INSERT INTO documents (id, source_file, hash, signature, meta, text, outline) VALUES ($1, $2, $3, $4, $5, $6, $7)', documentValues(record));
        if (chunks.length > 0) {
          const vectors = chunks.map((_, ordinal) => termVector(record.terms[ordinal]));
          const inserted = await client.query<{ rowid: string; ordinal: number }>(
            `INSERT INTO chunks (id, doc_id, ordinal, kind, section, start_offset, end_offset, text, context, terms, term_count)
             SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::jsonb[], $6::integer[], $7::integer[], $8::text[], $9::text[], $10::tsvector[], $11::integer[])
             RETURNING rowid, ordinal`,
            [
              chunks.map((chunk) => chunk.id),
              chunks.map((chunk) => chunk.docId),
              chunks.map((_, ordinal) => ordinal),
              chunks.map((chunk) => chunk.kind),
              chunks.map((chunk) => JSON.stringify(chunk.section)),
              chunks.map((chunk) => chunk.start),
              chunks.map((chunk) => chunk.end),
              chunks.map((chunk) => chunk.text),
              chunks.map((chunk) => chunk.context ?? null),
              vectors.map((vector) => vector.literal),
              vectors.map((vector) => vector.tokenCount),
            ],
          );
          const postings = { term: [] as string[], rowid: [] as string[], section: [] as number[], text: [] as number[], source: [] as number[], tokens: [] as number[] };
          for (const { rowid, ordinal } of inserted.rows) {
            for (const [term, [section, text, source]] of vectors[ordinal].counts) {
              postings.term.push(term);
              postings.rowid.push(rowid);
              postings.section.push(section);
              postings.text.push(text);
              postings.source.push(source);
              postings.tokens.push(vectors[ordinal].tokenCount);
            }
          }
          await client.query(
            `INSERT INTO chunk_postings (term, chunk_rowid, section, text, source, term_count)
             SELECT * FROM unnest($1::text[], $2::bigint[], $3::smallint[], $4::smallint[], $5::smallint[], $6::integer[])`,
            [postings.term, postings.rowid, postings.section, postings.text, postings.source, postings.tokens],
          );
          const frequencies = new Map<string, number>();
          for (const vector of vectors) for (const token of vector.counts.keys()) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
          await client.query(
            `INSERT INTO chunk_vocab (term, chunks) SELECT * FROM unnest($1::text[], $2::integer[])
             ON CONFLICT (term) DO UPDATE SET chunks = chunk_vocab.chunks + excluded.chunks`,
            [[...frequencies.keys()], [...frequencies.values()]],
          );
        }
        if (record.embeddings) await insertEmbeddings(record.embeddings.model, record.embeddings.vectors);
        if (record.abbreviations.length > 0) {
          await client.query('INSERT INTO abbreviations (doc_id, term, expansion) SELECT $1, * FROM unnest($2::text[], $3::text[])', [
            doc.meta.id,
            record.abbreviations.map(([term]) => term),
            record.abbreviations.map(([, expansion]) => expansion),
          ]);
        }
      }),
    removeDocument: (id) => transaction(() => remove(id)),
    async chunksOf(docId) {
      const { rows } = await client.query<ChunkRow>(`SELECT ${CHUNK_COLUMNS} FROM chunks WHERE doc_id = $1 ORDER BY ordinal`, [docId]);
      return rows.map(toChunk);
    },
    async chunkCount() {
      return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM chunks')).rows[0].n);
    },
    async embeddingsOf(docId, model) {
      const { rows } = await client.query<{ id: string; vector: Buffer }>(
        'SELECT c.id, e.vector FROM embeddings e JOIN chunks c ON c.rowid = e.chunk_rowid WHERE c.doc_id = $1 AND e.model = $2',
        [docId, model],
      );
      return new Map(rows.map((row) => [row.id, toFloat32(row.vector)]));
    },
    async documentsWithoutVectors(model) {
      const { rows } = await client.query<{ doc_id: string }>(
        'SELECT DISTINCT c.doc_id FROM chunks c LEFT JOIN embeddings e ON e.chunk_rowid = c.rowid AND e.model = $1 WHERE e.chunk_rowid IS NULL ORDER BY c.doc_id',
        [model],
      );
      return rows.map((row) => row.doc_id);
    },
    putEmbeddings: (docId, model, vectors) =>
      transaction(async () => {
        await client.query('DELETE FROM embeddings WHERE chunk_rowid IN (SELECT rowid FROM chunks WHERE doc_id = $1)', [docId]);
        await insertEmbeddings(model, vectors);
      }),
  };
}
