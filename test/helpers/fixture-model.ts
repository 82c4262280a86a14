import { join } from 'node:path';
import { silentLogger } from '../../src/logger.js';
import { resolveEmbeddingModel } from '../../src/retrieval/embedding-model.js';
import type { EmbeddingModel } from '../../src/types.js';

export const FIXTURE_MODELS_DIR = join(import.meta.dirname, '../fixtures/models');
export const FIXTURE_MODEL_ID = 'fixture/tiny-bert';

/** The tiny self-made test model (scripts/make-fixture-model.ts); never a stand-in outside tests. */
export async function loadFixtureModel(): Promise<EmbeddingModel> {
  const model = await resolveEmbeddingModel({ modelsDir: FIXTURE_MODELS_DIR, modelId: FIXTURE_MODEL_ID, allowRemote: false, timeoutMs: 5_000, logger: silentLogger });
  if (!model) throw new Error('fixture model missing: run `npm run fixture:model`');
  return model;
}
