// Needs the real multilingual model in MODELS_DIR (an offline mirror), e.g.
// models/Xenova/multilingual-e5-small/{config.json,tokenizer.json,tokenizer_config.json,onnx/model.onnx}.
// Run with `npm run test:slow`; skipped, saying why, where the model is absent (as on machines without it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPipeline, type TestPipeline } from '../../test/helpers/open-test-pipeline.js';

const modelsDir = process.env.MODELS_DIR ?? join(import.meta.dirname, '../../models');
const modelId = process.env.EMBEDDING_MODEL ?? 'Xenova/multilingual-e5-small';
const present = existsSync(join(modelsDir, modelId, 'config.json'));
if (!present) console.warn(`real-model tests skipped: no ${modelId} in ${modelsDir}`);

describe.skipIf(!present)(`hybrid retrieval with ${modelId}`, () => {
  let pipeline: TestPipeline;
  beforeAll(async () => {
    pipeline = await openTestPipeline({ MODELS_DIR: modelsDir, EMBEDDING_MODEL: modelId });
  }, 600_000);
  afterAll(() => pipeline?.cleanup());

  it('runs in hybrid mode', () => {
    expect(pipeline.mode).toBe('hybrid');
    expect(pipeline.modelId).toBe(modelId);
  });

  it('finds the passage for an English paraphrase with no shared words', async () => {
    const hits = await pipeline.retriever.search('How many very old people aged one hundred live in Ben Tre?', { topK: 5 });
    expect(hits.some((hit) => hit.chunk.text.includes('98 người tròn 100 tuổi'))).toBe(true);
  });

  it('answers the design card questions with valid citations', async () => {
    const result = await pipeline.answerer.ask({ question: 'When is the report due in Khanh Hoa?' });
    expect(result.answer).toContain('15/12');
    for (const citation of result.citations) {
      expect((await pipeline.knowledge.document(citation.docId))!.text.slice(citation.start, citation.end)).toBe(citation.quote);
    }
  });
});
