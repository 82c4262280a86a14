import { join } from 'node:path';
import { createExtractiveAnswerer } from './answer/extractive-answerer.js';
import { createLlmAnswerer } from './answer/llm/llm-answerer.js';
import { createQuestionRetriever } from './answer/question-retriever.js';
import type { Config } from './config.js';
import { configuredLlm, type ConfiguredLlm } from './configured-llm.js';
import { resolveConfiguredModel } from './configured-model.js';
import { AppError, isAppError } from './errors.js';
import { scanCorpus } from './ingest/load-corpus.js';
import { postgresTarget } from './ingest/postgres-target.js';
import { runIngest } from './ingest/run-ingest.js';
import { GRAMMAR_VERSION } from './structure/grammar.js';
import type { Logger } from './logger.js';
import { createHybridRetriever } from './retrieval/hybrid-retriever.js';
import { openKnowledgeBase, type OpenedKnowledgeBase } from './retrieval/open-knowledge-base.js';
import { openPostgresKnowledgeBase } from './retrieval/open-postgres-knowledge-base.js';
import type { HnswLibrary } from './retrieval/vector-index.js';
import { openAnswerArchive, type AnswerArchive } from './store/answer-archive.js';
import { repairCollection } from './store/last-good-copy.js';
import { postgresAnswerArchive } from './store/postgres-answer-archive.js';
import { isUnreachable } from './store/postgres-collection.js';
import { createPostgresPool, describeDatabase } from './store/postgres-pool.js';
import { acquireWriterLock } from './store/writer-lock.js';
import type { Answerer, DatabaseHealth, EmbeddingModel, KnowledgeBase, RetrievalMode, Retriever } from './types.js';
import type { ReferencedCitation } from './web/format-citation.js';

/**
 * How long start-up waits for another ingest (an `npm run ingest` building the collection) when it must write the
 * collection before serving: past it, start-up fails with a message naming that ingest.
 */
const OTHER_INGEST_WAIT_MS = 10 * 60_000;

export interface PipelineOptions {
  /** The HNSW library, loaded only when there is a model (a native addon: lexical-only mode runs without it). */
  loadHnsw?: () => Promise<HnswLibrary>;
}

export interface Pipeline {
  knowledge: KnowledgeBase;
  /** Searches with a question: places and plan numbers limit the plans, English is mapped to Vietnamese. */
  retriever: Retriever;
  answerer: Answerer;
  mode: RetrievalMode;
  modelId: string | null;
  /** The language model that writes answers (LLM_BASE_URL set), or null: extractive answers only. */
  llm: ConfiguredLlm['info'] | null;
  /**
   * Settles when the start-up check of the corpus folder, and any re-ingest it started, is done. A collection that
   * exists is served at once: the check (a stat of every file) and the re-ingest run behind it, and answers follow
   * the documents as each one is committed.
   */
  settled: Promise<void>;
  /** The store under the collection as /healthz reports it: PostgreSQL reachable or not, and its version. */
  database(): Promise<DatabaseHealth>;
  /** Shared answers, beside the collection: in its PostgreSQL database, else in DATA_DIR/answers.db. */
  answers: AnswerArchive<ReferencedCitation>;
  /** Closes the collection's connections (PostgreSQL) and the answer archive. */
  close(): Promise<void>;
}

/** The collection as served, whichever store holds it, with what start-up does with it. */
interface Serving {
  knowledge: KnowledgeBase;
  settled: Promise<void>;
  database(): Promise<DatabaseHealth>;
  answers: AnswerArchive<ReferencedCitation>;
  close(): Promise<void>;
}

/** Why the collection must be (re)built before serving, or null when it can serve as it is. */
function blockingReason(existing: OpenedKnowledgeBase | null): string | null {
  if (!existing) return 'no index yet';
  if (existing.vectorsMissing) return 'the index has no usable vectors for this embedding model';
  return null;
}

/**
 * Re-ingests behind a serving collection when the corpus folder changed since the last ingest, or when this version
 * reads documents differently from the one that wrote it.
 */
async function catchUp(config: Config, existing: OpenedKnowledgeBase, embedding: EmbeddingModel | null, logger: Logger, options: PipelineOptions): Promise<void> {
  try {
    const scan = await scanCorpus(config.CORPUS_DIR, existing.store.knownFiles());
    const regrammar = existing.store.setting('grammar') !== String(GRAMMAR_VERSION);
    if (scan.toRead.length === 0 && scan.removed.length === 0 && !regrammar) return;
    logger.info({ corpus: config.CORPUS_DIR, changed: scan.toRead.length, removed: scan.removed.length, regrammar }, 'the corpus folder or the way documents are read changed: re-ingesting while serving');
    logger.info(await runIngest({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedding, logger, loadHnsw: options.loadHnsw }), 'index caught up');
  } catch (error) {
    // Another ingest is writing: what it commits is served as it commits it.
    if (isAppError(error) && error.code === 'index_busy') logger.info(error.message);
    else logger.error({ err: error }, 'the start-up re-ingest failed: serving the collection as it was');
  }
}

async function reindex(config: Config, embedding: EmbeddingModel | null, logger: Logger, reason: string, options: PipelineOptions): Promise<OpenedKnowledgeBase> {
  logger.info({ corpus: config.CORPUS_DIR, data: config.DATA_DIR, reason }, 'indexing the corpus');
  const summary = await runIngest({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedding, logger, waitMs: OTHER_INGEST_WAIT_MS, loadHnsw: options.loadHnsw });
  logger.info(summary, 'index ready');
  const knowledge = await openKnowledgeBase({ dataDir: config.DATA_DIR, embedding, logger, loadHnsw: options.loadHnsw });
  if (!knowledge) throw new AppError('index_unavailable', `The index in ${config.DATA_DIR} could not be opened after building it.`);
  return knowledge;
}

/**
 * The stored collection, or null when there is none. One that cannot serve (damaged, another format) never stops
 * start-up: it is replaced by its last good copy, else removed so that it is rebuilt from the corpus; the
 * warning says why.
 */
async function openServing(config: Config, embedding: EmbeddingModel | null, logger: Logger, options: PipelineOptions): Promise<OpenedKnowledgeBase | null> {
  const open = () => openKnowledgeBase({ dataDir: config.DATA_DIR, embedding, logger, loadHnsw: options.loadHnsw });
  try {
    return await open();
  } catch (error) {
    if (!isAppError(error) || error.code !== 'index_unavailable') throw error;
    logger.warn({ dataDir: config.DATA_DIR, problem: error.message }, 'the collection cannot serve: restoring its last good copy, else rebuilding it from the corpus');
    const release = await acquireWriterLock(config.DATA_DIR, 'start-up repair', { waitMs: OTHER_INGEST_WAIT_MS });
    try {
      repairCollection(config.DATA_DIR, logger);
    } finally {
      release();
    }
    return open();
  }
}

/** The embedded collection in DATA_DIR: built from the corpus on first start, repaired when it cannot serve. */
async function serveEmbedded(config: Config, embedding: EmbeddingModel | null, logger: Logger, options: PipelineOptions): Promise<Serving> {
  const existing = await openServing(config, embedding, logger, options);
  const reason = blockingReason(existing);
  if (reason) existing?.store.close();
  const knowledge = reason ? await reindex(config, embedding, logger, reason, options) : existing!;
  const settled = reason ? Promise.resolve() : catchUp(config, existing!, embedding, logger, options);
  const answers = openAnswerArchive<ReferencedCitation>({ file: join(config.DATA_DIR, 'answers.db'), maxAgeDays: config.ANSWERS_MAX_AGE_DAYS, maxRows: config.ANSWERS_MAX_ROWS });
  return {
    knowledge,
    settled,
    database: async () => ({ kind: 'sqlite', reachable: true }),
    answers,
    async close() {
      knowledge.store.close();
      answers.close();
    },
  };
}

/**
 * The collection in PostgreSQL (DATABASE_URL), shared with the other app servers: its schema migrated, and built
 * from the corpus when it is empty (the first server to take the writer's lock does it; the others wait and find it
 * written). A server never brings a collection that has documents in line with its own corpus folder at start:
 * several servers would race to, and one whose folder lags would remove what another ingest added. Changes go
 * through one ingest (`npm run ingest`, the admin page), which every server follows.
 */
async function servePostgres(url: string, config: Config, embedding: EmbeddingModel | null, logger: Logger, options: PipelineOptions): Promise<Serving> {
  const database = describeDatabase(url);
  const pool = createPostgresPool(url, { size: config.DATABASE_POOL_SIZE, logger });
  const target = postgresTarget({ pool, database });
  const open = () => openPostgresKnowledgeBase({ pool, url, database, embedding, logger, loadHnsw: options.loadHnsw });
  try {
    let knowledge = await open();
    const reason = knowledge.catalogue().length === 0 ? 'no index yet' : knowledge.vectorsMissing ? 'the index has no usable vectors for this embedding model' : null;
    if (reason) {
      logger.info({ corpus: config.CORPUS_DIR, database, reason }, 'indexing the corpus');
      logger.info(await runIngest({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, target, embedding, logger, waitMs: OTHER_INGEST_WAIT_MS }), 'index ready');
      await knowledge.close();
      knowledge = await open();
    }
    return {
      knowledge,
      settled: Promise.resolve(),
      database: async () => ({ kind: 'postgres', ...(await knowledge.collection.health()) }),
      // Migrated with the collection: one more table in its database.
      answers: postgresAnswerArchive<ReferencedCitation>(pool, { database, maxAgeDays: config.ANSWERS_MAX_AGE_DAYS, maxRows: config.ANSWERS_MAX_ROWS }),
      async close() {
        await knowledge.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    if (!isUnreachable(error)) throw error;
    throw new AppError('index_unavailable', `The collection database (${database}) cannot be reached: ${(error as Error).message}. Check DATABASE_URL and that PostgreSQL is running.`, { cause: error });
  }
}

/**
 * Resolves the embedding model, opens the stored index (building it from the corpus on first start, and
 * re-ingesting incrementally when the corpus or the model changed) and wires retrieval and answering. DATABASE_URL
 * selects the collection in PostgreSQL, shared by several app servers; otherwise it is the SQLite one in DATA_DIR.
 */
export async function openPipeline(config: Config, logger: Logger, options: PipelineOptions = {}): Promise<Pipeline> {
  const embedding = await resolveConfiguredModel(config, logger);
  const { knowledge, settled, database, answers, close } = config.DATABASE_URL
    ? await servePostgres(config.DATABASE_URL, config, embedding, logger, options)
    : await serveEmbedded(config, embedding, logger, options);
  const chunkRetriever = createHybridRetriever(knowledge);
  const extractive = createExtractiveAnswerer({ knowledge, retriever: chunkRetriever, logger });
  const llm = await configuredLlm(config);
  const answerer = llm ? createLlmAnswerer({ model: llm.model, extractive, timeoutMs: config.LLM_TIMEOUT_MS, logger }) : extractive;
  // What /api/search and the evaluation use: the same question understanding the answerer applies.
  const retriever = createQuestionRetriever(knowledge, chunkRetriever);
  const modelId = knowledge.embedding?.id ?? null;
  if (retriever.mode === 'lexical') {
    logger.warn({ model: config.EMBEDDING_MODEL, modelsDir: config.MODELS_DIR }, 'running in lexical-only mode: no embedding model available');
  }
  if (llm) logger.info({ llm: llm.info, timeoutMs: config.LLM_TIMEOUT_MS }, 'LLM mode: answers are written by a language model from the passages found, checked before they are given');
  return { knowledge, retriever, answerer, mode: retriever.mode, modelId, llm: llm?.info ?? null, settled, database, answers, close };
}
