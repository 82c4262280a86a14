import pg from 'pg';
import { BoundedMap } from '../bounded-map.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Chunk, DocumentMeta, OutlineEntry, ScoredId, SourceDocument } from '../types.js';
import { ftsToken } from './index-token.js';
import { CHANGE_CHANNEL } from './postgres-schema.js';
import { CHUNK_COLUMNS, toChunk, toFloat32, type ChunkRow } from './postgres-writes.js';

// The collection in PostgreSQL as an app server reads it. Lookups go to the database through the pool and are
// cached; every write transaction bumps the collection version and NOTIFYs it, and a dedicated connection LISTENs:
// on a new version the caches are dropped and the catalogue and abbreviations (snapshots read at every question)
// reloaded. A check of the version every few seconds catches a notification missed while that connection was down.
// A database that cannot be reached makes every read fail with index_unavailable (503) until it is back.

/** How often the version is read even without a notification, in milliseconds. */
const VERSION_CHECK_MS = 2_000;
/** Waits between attempts to listen again after the listening connection was lost. */
const RELISTEN_MS = 1_000;
/** BM25 as FTS5 computes it (k1, b): the SQLite store's ranking, here over the tsvector. */
const K1 = 1.2;
const B = 0.75;

/** SQLSTATE classes of a database that is unreachable or going away, not of a wrong query. */
const UNAVAILABLE_STATES = /^(08|53|57P0)/u;

/** node-postgres's own words for a connection that broke or could not be made. */
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed/iu;

/** Whether `error` says the database cannot be reached (connection refused or lost, shutting down, overloaded). */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/u.test(code)) return UNAVAILABLE_STATES.test(code);
  // The system's (ECONNREFUSED, ECONNRESET, ENOTFOUND…) and node-postgres's own.
  if (typeof code === 'string' && /^E[A-Z]+$/u.test(code)) return true;
  return error instanceof Error && LOST_CONNECTION.test(error.message);
}

/**
 * Runs one statement through the pool and returns its rows. A database that cannot be reached (no connection, or
 * one lost mid-query) becomes index_unavailable (503); a broken connection is dropped, not handed to the next query.
 */
export function postgresQuery(pool: pg.Pool, database: string) {
  const unavailable = (error: unknown): AppError =>
    new AppError('index_unavailable', `The collection database (${database}) cannot be reached: ${(error as Error).message}`, { cause: error });
  return async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      // Refused, timed out, not accepting connections: whatever stops a connection, the database is unavailable.
      throw unavailable(error);
    }
    let lost: Error | undefined;
    try {
      return (await client.query<R>(sql, params)).rows;
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      lost = error as Error;
      throw unavailable(error);
    } finally {
      // A connection that broke is dropped, not handed to the next query.
      client.release(lost);
    }
  };
}

export interface LexicalSearchOptions {
  required?: readonly string[];
  docIds?: readonly string[];
  kinds?: readonly string[];
  limit: number;
  /** Field weights: text, section path, place and number. */
  weights: readonly [number, number, number];
}

/** A chunk's label in the servers' vector index (its row id), with what filters need. */
export interface VectorRow {
  label: number;
  id: string;
  docId: string;
  kind: Chunk['kind'];
  vector: Float32Array;
}

export type PostgresCollection = Awaited<ReturnType<typeof openPostgresCollection>>;

/** Opens the collection for reading: the schema must exist (migrate first). Reads the catalogue before returning. */
export async function openPostgresCollection(pool: pg.Pool, options: { url: string; database: string; logger: Logger }) {
  const { database, logger } = options;

  const query = postgresQuery(pool, database);

  const documents = new BoundedMap<string, SourceDocument | null>(256);
  const chunkLists = new BoundedMap<string, Chunk[]>(256);
  const chunks = new BoundedMap<string, Chunk | null>(20_000);
  // Evidence selection reads the outline of every retrieved document: hundreds per question at scale.
  const outlines = new BoundedMap<string, OutlineEntry[]>(4_096);
  const frequencies = new Map<string, number>();
  let counts: Promise<{ chunks: number; tokens: number; byDoc: Map<string, number> }> | undefined;
  // Bumped when the caches are dropped: a read that started before is not cached after (it may hold the old state).
  let generation = 0;
  const cache = <K, V>(map: { set(key: K, value: V): unknown }, since: number, key: K, value: V): V => {
    if (since === generation) map.set(key, value);
    return value;
  };

  interface Snapshot {
    version: number;
    catalogue: DocumentMeta[];
    abbreviations: Map<string, string>;
  }
  const readSnapshot = async (): Promise<Snapshot> => {
    const [versionRow] = await query<{ version: string }>('SELECT version FROM collection_version');
    const metas = await query<{ meta: DocumentMeta }>('SELECT meta FROM documents ORDER BY id');
    const abbreviations = await query<{ term: string; expansion: string }>('SELECT term, expansion FROM abbreviations ORDER BY position');
    return { version: Number(versionRow.version), catalogue: metas.map((row) => row.meta), abbreviations: new Map(abbreviations.map((row) => [row.term, row.expansion])) };
  };
  let snapshot = await readSnapshot();
  const listeners = new Set<(version: number) => void>();

  // One refresh at a time; a version seen while one runs is read by the next.
  let refreshing: Promise<void> | undefined;
  const refresh = (): Promise<void> =>
    (refreshing ??= (async () => {
      try {
        // The version alone first: the check runs every few seconds, the catalogue is read only when it changed.
        const [current] = await query<{ version: string }>('SELECT version FROM collection_version');
        if (Number(current.version) === snapshot.version) return;
        const next = await readSnapshot();
        generation += 1;
        documents.clear();
        chunkLists.clear();
        chunks.clear();
        outlines.clear();
        frequencies.clear();
        counts = undefined;
        snapshot = next;
        for (const listener of listeners) listener(next.version);
      } finally {
        refreshing = undefined;
      }
    })());
  const refreshQuietly = (): void => {
    refresh().catch((error: unknown) => logger.debug({ err: error }, 'the collection version could not be read'));
  };

  // LISTEN on a connection of its own (outside the pool: it stays open), opened again whenever it is lost.
  let listener: pg.Client | undefined;
  let closed = false;
  let listening = false;
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.url, application_name: 'hoi-dap-ke-hoach listener' });
    client.on('error', () => {});
    client.on('notification', () => refreshQuietly());
    client.on('end', () => {
      listening = false;
      if (!closed) setTimeout(() => void relisten(), RELISTEN_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await client.end();
      return;
    }
    listener = client;
    listening = true;
    // Changes committed while no one listened.
    refreshQuietly();
  };
  const relisten = async (): Promise<void> => {
    if (closed || listening) return;
    try {
      await listen();
    } catch {
      if (!closed) setTimeout(() => void relisten(), RELISTEN_MS).unref();
    }
  };
  await relisten();
  const timer = setInterval(refreshQuietly, VERSION_CHECK_MS);
  timer.unref();

  const chunkCounts = () =>
    (counts ??= query<{ doc_id: string; n: string; tokens: string }>('SELECT doc_id, count(*) AS n, sum(term_count) AS tokens FROM chunks GROUP BY doc_id').then(
      (rows) => ({
        chunks: rows.reduce((sum, row) => sum + Number(row.n), 0),
        tokens: rows.reduce((sum, row) => sum + Number(row.tokens), 0),
        byDoc: new Map(rows.map((row) => [row.doc_id, Number(row.n)])),
      }),
      (error: unknown) => {
        counts = undefined;
        throw error;
      },
    ));

  const collection = {
    database,
    /** The version the caches and snapshots hold. */
    get version(): number {
      return snapshot.version;
    },
    /** Metadata of every document, sorted by id, as of the last version seen. */
    catalogue: (): readonly DocumentMeta[] => snapshot.catalogue,
    /** Abbreviations the documents define, later documents last, as of the last version seen. */
    definedAbbreviations: (): ReadonlyMap<string, string> => snapshot.abbreviations,
    /** Called with each new version, after the caches were dropped. */
    onChange(listener: (version: number) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Reads the version now (a notification may be missed): what tests and /healthz use. */
    refresh,
    async document(id: string): Promise<SourceDocument | undefined> {
      let doc = documents.get(id);
      if (doc === undefined) {
        const since = generation;
        const [row] = await query<{ meta: DocumentMeta; text: string; hash: string }>('SELECT meta, text, hash FROM documents WHERE id = $1', [id]);
        doc = cache(documents, since, id, row ? { meta: row.meta, text: row.text, hash: row.hash } : null);
      }
      return doc ?? undefined;
    },
    async chunk(id: string): Promise<Chunk | undefined> {
      let chunk = chunks.get(id);
      if (chunk === undefined) {
        const since = generation;
        const [row] = await query<ChunkRow>(`SELECT ${CHUNK_COLUMNS} FROM chunks WHERE id = $1`, [id]);
        chunk = cache(chunks, since, id, row ? toChunk(row) : null);
      }
      return chunk ?? undefined;
    },
    /** Chunks by id in one query, in the order asked, those missing left out. */
    async chunksById(ids: readonly string[]): Promise<Chunk[]> {
      const known = new Map(ids.map((id) => [id, chunks.get(id)]));
      const missing = ids.filter((id) => known.get(id) === undefined);
      if (missing.length > 0) {
        const since = generation;
        const rows = await query<ChunkRow>(`SELECT ${CHUNK_COLUMNS} FROM chunks WHERE id = ANY($1::text[])`, [missing]);
        const found = new Map(rows.map((row) => [row.id, toChunk(row)]));
        for (const id of missing) known.set(id, cache(chunks, since, id, found.get(id) ?? null));
      }
      return ids.flatMap((id) => known.get(id) ?? []);
    },
    async chunksOf(docId: string): Promise<readonly Chunk[]> {
      let list = chunkLists.get(docId);
      if (!list) {
        const since = generation;
        list = cache(chunkLists, since, docId, (await query<ChunkRow>(`SELECT ${CHUNK_COLUMNS} FROM chunks WHERE doc_id = $1 ORDER BY ordinal`, [docId])).map(toChunk));
      }
      return list;
    },
    async outline(docId: string): Promise<readonly OutlineEntry[]> {
      let outline = outlines.get(docId);
      if (!outline) {
        const since = generation;
        const [row] = await query<{ outline: OutlineEntry[] }>('SELECT outline FROM documents WHERE id = $1', [docId]);
        outline = cache(outlines, since, docId, row?.outline ?? []);
      }
      return outline;
    },
    /** How many chunks the collection, or each document, has (and tokens in all, for BM25). */
    chunkCounts,
    /** In how many chunks each analyzer term occurs (any field), in one query for those not cached. */
    async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
      const known = new Map(terms.map((term) => [term, frequencies.get(term)]));
      const missing = [...known].filter(([, frequency]) => frequency === undefined).map(([term]) => term);
      if (missing.length > 0) {
        const since = generation;
        const tokens = missing.map(ftsToken);
        const rows = await query<{ term: string; chunks: number }>('SELECT term, chunks FROM chunk_vocab WHERE term = ANY($1::text[])', [tokens.filter(Boolean)]);
        const found = new Map(rows.map((row) => [row.term, row.chunks]));
        missing.forEach((term, i) => known.set(term, cache(frequencies, since, term, found.get(tokens[i]) ?? 0)));
      }
      return known as Map<string, number>;
    },
    /**
     * Chunks matching any of the terms, ranked by BM25 exactly as FTS5 computes it for the SQLite store (IDF from
     * the vocabulary table, term frequencies weighted by field from the postings, length from the token count), best
     * first. `required` terms must all occur: the GIN index over the chunks' tsvectors finds those.
     */
    async search(terms: readonly string[], options: LexicalSearchOptions): Promise<ScoredId[]> {
      const any = [...new Set(terms.map(ftsToken).filter(Boolean))];
      const all = [...new Set((options.required ?? []).map(ftsToken).filter(Boolean))];
      if (any.length === 0 && all.length === 0) return [];
      const { chunks: total, tokens } = await chunkCounts();
      if (total === 0) return [];
      const [text, section, source] = options.weights;
      const params: unknown[] = [[...new Set([...all, ...any])], total, tokens / total, section, text, source, Math.max(1, Math.floor(options.limit))];
      const filters: string[] = [];
      // Tokens hold letters, digits and "_" only (ftsToken): quoting needs no escapes.
      if (all.length > 0) filters.push(`c.terms @@ $${params.push(all.map((token) => `'${token}'`).join(' & '))}::tsquery`);
      if (options.docIds) filters.push(`c.doc_id = ANY($${params.push(options.docIds)}::text[])`);
      if (options.kinds) filters.push(`c.kind = ANY($${params.push(options.kinds)}::text[])`);
      // FTS5's "all AND (any OR …)": with required terms, at least one of the others too.
      const having = all.length > 0 && any.length > 0 ? ` HAVING count(*) FILTER (WHERE p.term = ANY($${params.push(any)}::text[])) > 0` : '';
      // Scored from the postings alone; the chunks table is read for the filters only, and for the ids of the best.
      const rows = await query<{ id: string; score: number }>(
        `WITH idf AS (
           SELECT t.term, greatest(ln(($2::float8 - coalesce(v.chunks, 0) + 0.5) / (coalesce(v.chunks, 0) + 0.5)), 1e-6) AS idf
           FROM unnest($1::text[]) AS t(term) LEFT JOIN chunk_vocab v ON v.term = t.term
         ), ranked AS (
           SELECT p.chunk_rowid, sum(idf.idf * f.f * ${K1 + 1} / (f.f + ${K1} * (${1 - B} + ${B} * p.term_count / $3::float8))) AS score
           FROM idf
           JOIN chunk_postings p ON p.term = idf.term
           CROSS JOIN LATERAL (SELECT p.section * $4::float8 + p.text * $5::float8 + p.source * $6::float8 AS f) AS f
           ${filters.length > 0 ? `JOIN chunks c ON c.rowid = p.chunk_rowid WHERE ${filters.join(' AND ')}` : ''}
           GROUP BY p.chunk_rowid${having} ORDER BY score DESC, p.chunk_rowid LIMIT $7
         )
         SELECT c.id, ranked.score FROM ranked JOIN chunks c ON c.rowid = ranked.chunk_rowid ORDER BY ranked.score DESC, ranked.chunk_rowid`,
        params,
      );
      return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
    },
    /** Stored vectors of `model` with their labels, those with a label in `labels` only when given. */
    async vectors(model: string, labels?: readonly number[]): Promise<VectorRow[]> {
      const rows = await query<{ label: string; id: string; doc_id: string; kind: Chunk['kind']; vector: Buffer }>(
        `SELECT e.chunk_rowid AS label, c.id, c.doc_id, c.kind, e.vector FROM embeddings e JOIN chunks c ON c.rowid = e.chunk_rowid
         WHERE e.model = $1${labels ? ' AND e.chunk_rowid = ANY($2::bigint[])' : ''} ORDER BY e.chunk_rowid`,
        labels ? [model, labels] : [model],
      );
      return rows.map((row) => ({ label: Number(row.label), id: row.id, docId: row.doc_id, kind: row.kind, vector: toFloat32(row.vector) }));
    },
    /** Labels of the chunks that have a vector of `model`. */
    vectorLabels: async (model: string): Promise<number[]> =>
      (await query<{ label: string }>('SELECT chunk_rowid AS label FROM embeddings WHERE model = $1', [model])).map((row) => Number(row.label)),
    /** Whether the database answers now, and whether this server hears its notifications. */
    async health(): Promise<{ reachable: boolean; listening: boolean; version: number; error?: string }> {
      try {
        await refresh();
        return { reachable: true, listening, version: snapshot.version };
      } catch (error) {
        return { reachable: false, listening, version: snapshot.version, error: (error as Error).message };
      }
    },
    async close(): Promise<void> {
      closed = true;
      clearInterval(timer);
      await listener?.end().catch(() => {});
    },
  };
  return collection;
}
