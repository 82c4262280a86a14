import { createExtractiveAnswerer } from './answer/extractive-answerer.js';
import { createQuestionRetriever } from './answer/question-retriever.js';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import { runIngest } from './ingest/run-ingest.js';
import type { Logger } from './logger.js';
import { resolveEmbeddingModel } from './retrieval/embedding-model.js';
import { createHybridRetriever } from './retrieval/hybrid-retriever.js';
import { openKnowledgeBase } from './store/open-knowledge-base.js';
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

/** Resolves the embedding model, opens the stored index (building it from the corpus on first start) and wires retrieval and answering. */
export async function openPipeline(config: Config, logger: Logger): Promise<Pipeline> {
  const embedding = await resolveConfiguredModel(config, logger);
  let knowledge = await openKnowledgeBase({ dataDir: config.DATA_DIR, embedding, logger });
  if (!knowledge) {
    logger.info({ corpus: config.CORPUS_DIR, data: config.DATA_DIR }, 'no index yet: building it from the corpus');
    const summary = await runIngest({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedding, logger });
    logger.info(summary, 'index built');
    knowledge = await openKnowledgeBase({ dataDir: config.DATA_DIR, embedding, logger });
    if (!knowledge) throw new AppError('index_unavailable', `The index in ${config.DATA_DIR} could not be opened after building it.`);
  }
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
