// The embedding model the configuration names, resolved once by each entry point (server, ingest): kept apart from
// the pipeline so the ingest command does not load the answerer.
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { resolveEmbeddingModel } from './retrieval/embedding-model.js';
import type { EmbeddingModel } from './types.js';

/** The configured embedding model, or null for lexical-only mode. */
export const resolveConfiguredModel = (config: Config, logger: Logger): Promise<EmbeddingModel | null> =>
  resolveEmbeddingModel({
    modelsDir: config.MODELS_DIR,
    modelId: config.EMBEDDING_MODEL,
    allowRemote: config.ALLOW_REMOTE_MODELS,
    timeoutMs: config.MODEL_DOWNLOAD_TIMEOUT_MS,
    logger,
  });
