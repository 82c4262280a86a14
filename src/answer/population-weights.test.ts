import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta } from '../types.js';
import { createPopulationWeights } from './population-weights.js';
import { createTermVocabulary } from './term-stats.js';

const meta = (id: string, type: DocumentMeta['type']) => ({ id, type, title: id }) as DocumentMeta;
const chunk = (docId: string, text: string) => ({ docId, text, section: [] }) as unknown as Chunk;
// Two health plans among many documents on other subjects, where "y tế" is rare.
const texts: Record<string, string[]> = {
  plan1: ['Sở Y tế cấp thẻ bảo hiểm y tế.', 'Trạm y tế xã khám sức khỏe.'],
  plan2: ['Cơ sở y tế chăm sóc người cao tuổi.', 'Báo cáo kết quả hằng năm.'],
};
const metas = [meta('plan1', 'Kế hoạch'), meta('plan2', 'Kế hoạch'), ...Array.from({ length: 98 }, (_, i) => meta(`news${i}`, 'Văn bản'))];
const frequency = (term: string) => (term === 'y tế' || term === 'y' || term === 'tế' ? 4 : term === 'thẻ' ? 1 : 300);
const collection = { chunkCount: async () => 1000, documentFrequencies: async (terms: readonly string[]) => new Map(terms.map((term) => [term, frequency(term)])) };
/** The question's words, weighed by the collection. */
const QUESTION = 'y tế, báo cáo, người dân, thẻ';

describe('createPopulationWeights', () => {
  const knowledge = { chunksOf: async (docId: string) => (texts[docId] ?? ['Tin thời sự.']).map((text) => chunk(docId, text)) };
  const weighCollection = () => createTermVocabulary(collection, new Map()).weigh(QUESTION, false);

  it("weighs a question about plans among the documents of the plans' type, so words every plan uses stay light", async () => {
    const model = await weighCollection();
    const weighed = await createPopulationWeights(knowledge)(model, [metas[0]], metas, false);
    expect(model.idf('y tế')).toBeGreaterThan(model.idf('báo cáo'));
    // Among the plans, "y tế" is in three chunks of four: lighter than in the collection, where it is rare.
    expect(weighed.idf('y tế')).toBeLessThan(model.idf('y tế'));
    expect(weighed.idf('y tế')).toBeLessThan(weighed.idf('thẻ'));
  });

  it('never weighs a word above its weight in the whole collection', async () => {
    const model = await weighCollection();
    const weighed = await createPopulationWeights(knowledge)(model, [metas[0]], metas, false);
    expect(weighed.idf('người dân')).toBeLessThanOrEqual(model.idf('người dân'));
  });

  it('keeps the collection weights when the type has too many documents to read, or is much of the collection', async () => {
    const model = await weighCollection();
    const weighed = await createPopulationWeights(knowledge)(model, [metas[5]], metas, false);
    expect(weighed.idf('y tế')).toBe(model.idf('y tế'));
    const plansOnly = await createPopulationWeights(knowledge)(model, [metas[0]], metas.slice(0, 6), false);
    expect(plansOnly.idf('y tế')).toBe(model.idf('y tế'));
  });

  it('reads which word pairs are phrases among those documents, when the collection is too large to read', async () => {
    // "kết quả" stands beside thousands of other words in the collection, an accident there; the plans say it as one.
    const counts = (term: string) => (term === 'kết quả' ? 1 : 300);
    const large = { chunkCount: async () => 1000, documentFrequencies: async (terms: readonly string[]) => new Map(terms.map((term) => [term, counts(term)])) };
    const model = await createTermVocabulary(large, new Map()).weigh('kết quả báo cáo', false);
    expect(model.isPhrase('kết quả')).toBe(false);
    expect((await createPopulationWeights(knowledge)(model, [metas[0]], metas, false)).isPhrase('kết quả')).toBe(true);
    // A collection small enough to read keeps its own reading.
    const few = [metas[0], metas[1], ...metas.slice(2, 12)];
    expect((await createPopulationWeights(knowledge)(model, [metas[0]], few, false)).isPhrase('kết quả')).toBe(false);
  });

  it("weighs among the scope's own documents when its type has too many to read, if they are long enough", async () => {
    const model = await weighCollection();
    const manyPlans = Array.from({ length: 100 }, (_, i) => meta(`plan-${i}`, 'Kế hoạch'));
    const long = { chunksOf: async (docId: string) => Array.from({ length: docId === 'plan-0' ? 30 : 1 }, (_, i) => chunk(docId, i % 2 === 0 ? 'Trạm y tế xã khám sức khỏe.' : 'Báo cáo kết quả.')) };
    const weighed = await createPopulationWeights(long)(model, [manyPlans[0]], manyPlans, false);
    expect(weighed.idf('y tế')).toBeLessThan(model.idf('y tế'));
    // A short document tells too little: the collection's weights stay.
    const short = await createPopulationWeights(long)(model, [manyPlans[1]], manyPlans, false);
    expect(short.idf('y tế')).toBe(model.idf('y tế'));
  });
});
