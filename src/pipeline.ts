import { createExtractiveAnswerer } from './answer/extractive-answerer.js';
import { createQuestionRetriever } from './answer/question-retriever.js';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import { scanCorpus } from './ingest/load-corpus.js';
import { runIngest } from './ingest/run-ingest.js';
import type { Logger } from './logger.js';
import { resolveEmbeddingModel } from './retrieval/embedding-model.js';
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
}

/** The configured embedding model, or null for lexical-only mode. */
export const resolveConfiguredModel = (config: Config, logger: Logger): Promise<EmbeddingModel | null> =>
  resolveEmbeddingModel({
    modelsDir: config.MODELS_DIR,
    modelId: config.EMBEDDING_MODEL,
    allowRemote: config.ALLOW_REMOTE_MODELS,
    timeoutMs: config.MODEL_DOWNLOAD_TIMEOUT_MS,
    logger,
  });

/** Why the stored index must be (re)built before serving, or null when it is current. */
async function reindexReason(config: Config, existing: OpenedKnowledgeBase | null, embedding: EmbeddingModel | null): Promise<string | null> {
  if (!existing) return 'no index yet';
  const scan = await scanCorpus(config.CORPUS_DIR, existing.store.knownFiles()).catch(() => undefined);
  if (scan && (scan.toRead.length > 0 || scan.removed.length > 0)) return 'the corpus folder changed';
  if (embedding && !existing.vectors) return 'the index has no vectors for this embedding model';
  return null;
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
  const reason = await reindexReason(config, existing, embedding);
  if (reason) existing?.store.close();
  const knowledge = reason ? await reindex(config, embedding, logger, reason) : existing!;
  const chunkRetriever = createHybridRetriever(knowledge);
  const answerer = createExtractiveAnswerer({ knowledge, retriever: chunkRetriever, logger });
  // What /api/search and the evaluation use: the same question understanding the answerer applies.
  const retriever = createQuestionRetriever(knowledge, chunkRetriever);
  const modelId = knowledge.embedding?.id ?? null;
  if (retriever.mode === 'lexical') {
    logger.warn({ model: config.EMBEDDING_MODEL, modelsDir: config.MODELS_DIR }, 'running in lexical-only mode: no embedding model available');
  }
  return { knowledge, retriever, answerer, mode: retriever.mode, modelId };
}
