import { createExtractiveAnswerer } from './answer/extractive-answerer.js';
import { createQuestionRetriever } from './answer/question-retriever.js';
import type { Config } from './config.js';
import { resolveConfiguredModel } from './configured-model.js';
import { AppError } from './errors.js';
import { scanCorpus } from './ingest/load-corpus.js';
import { runIngest } from './ingest/run-ingest.js';
import type { Logger } from './logger.js';
import { createHybridRetriever } from './retrieval/hybrid-retriever.js';
import { openKnowledgeBase, type OpenedKnowledgeBase } from './retrieval/open-knowledge-base.js';
import type { Answerer, EmbeddingModel, KnowledgeBase, RetrievalMode, Retriever } from './types.js';

export interface Pipeline {
  knowledge: KnowledgeBase;
  /** Searches with a question: places and plan numbers limit the plans, English is mapped to Vietnamese. */
  retriever: Retriever;
  answerer: Answerer;
  mode: RetrievalMode;
  modelId: string | null;
  /**
   * Settles when the start-up check of the corpus folder, and any re-ingest it started, is done. A collection that
   * exists is served at once: the check (a stat of every file) and the re-ingest run behind it, and answers follow
   * the documents as each one is committed.
   */
  settled: Promise<void>;
}

/** Why the collection must be (re)built before serving, or null when it can serve as it is. */
function blockingReason(existing: OpenedKnowledgeBase | null, embedding: EmbeddingModel | null): string | null {
  if (!existing) return 'no index yet';
  if (embedding && !existing.vectors) return 'the index has no vectors for this embedding model';
  return null;
}

/** Re-ingests behind a serving collection when the corpus folder changed since the last ingest. */
async function catchUp(config: Config, existing: OpenedKnowledgeBase, embedding: EmbeddingModel | null, logger: Logger): Promise<void> {
  try {
    const scan = await scanCorpus(config.CORPUS_DIR, existing.store.knownFiles());
    if (scan.toRead.length === 0 && scan.removed.length === 0) return;
    logger.info({ corpus: config.CORPUS_DIR, changed: scan.toRead.length, removed: scan.removed.length }, 'the corpus folder changed: re-ingesting while serving');
    logger.info(await runIngest({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedding, logger }), 'index caught up');
  } catch (error) {
    logger.error({ err: error }, 'the start-up re-ingest failed: serving the collection as it was');
  }
}

async function reindex(config: Config, embedding: EmbeddingModel | null, logger: Logger, reason: string): Promise<KnowledgeBase> {
  logger.info({ corpus: config.CORPUS_DIR, data: config.DATA_DIR, reason }, 'indexing the corpus');
  const summary = await runIngest({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedding, logger });
  logger.info(summary, 'index ready');
  const knowledge = await openKnowledgeBase({ dataDir: config.DATA_DIR, embedding, logger });
  if (!knowledge) throw new AppError('index_unavailable', `The index in ${config.DATA_DIR} could not be opened after building it.`);
  return knowledge;
}

/**
 * Resolves the embedding model, opens the stored index (building it from the corpus on first start, and
 * re-ingesting incrementally when the corpus or the model changed) and wires retrieval and answering.
 */
export async function openPipeline(config: Config, logger: Logger): Promise<Pipeline> {
  const embedding = await resolveConfiguredModel(config, logger);
  const existing = await openKnowledgeBase({ dataDir: config.DATA_DIR, embedding, logger });
  const reason = blockingReason(existing, embedding);
  if (reason) existing?.store.close();
  const knowledge = reason ? await reindex(config, embedding, logger, reason) : existing!;
  const settled = reason ? Promise.resolve() : catchUp(config, existing!, embedding, logger);
  const chunkRetriever = createHybridRetriever(knowledge);
  const answerer = createExtractiveAnswerer({ knowledge, retriever: chunkRetriever, logger });
  // What /api/search and the evaluation use: the same question understanding the answerer applies.
  const retriever = createQuestionRetriever(knowledge, chunkRetriever);
  const modelId = knowledge.embedding?.id ?? null;
  if (retriever.mode === 'lexical') {
    logger.warn({ model: config.EMBEDDING_MODEL, modelsDir: config.MODELS_DIR }, 'running in lexical-only mode: no embedding model available');
  }
  return { knowledge, retriever, answerer, mode: retriever.mode, modelId, settled };
}
