import type { DocumentMeta, KnowledgeBase } from '../types.js';
import { inverseFrequency, isPhrase, type TermModel } from './term-stats.js';

/** A type's documents are read for its statistics only while they are this few. */
const MAX_POPULATION_DOCUMENTS = 60;
const CACHED_POPULATIONS = 8;
/** …and while they are at most this share of the collection. */
const MAX_POPULATION_SHARE = 0.25;
/** Fewer chunks than this tell little about which words are common among them. */
const MIN_POPULATION_CHUNKS = 20;

interface Population {
  chunks: number;
  counts: Map<string, number>;
}

/**
 * Term weights among the documents like those a question is limited to — the documents of their types — rather than
 * the whole collection. Words every plan uses ("kế hoạch", "thực hiện", "y tế" in health plans) then stay light when
 * the collection also holds thousands of documents on other subjects, so a question about five plans is weighed the
 * same alone or among 1,000 other documents. A word is weighed no higher than in the whole collection: one the type's
 * documents never use ("sự kiện" in a question about plans) keeps its usual weight rather than the greatest. A type
 * that is a large share of the collection, or has more documents than are read at once, is weighed by the collection.
 */
export function createPopulationWeights(knowledge: Pick<KnowledgeBase, 'chunksOf'>) {
  const cache = new Map<string, Population>();
  let cachedFor: readonly DocumentMeta[] | undefined;

  const populationOf = async (ids: readonly string[], model: TermModel, folded: boolean): Promise<Population> => {
    const key = `${folded ? 'f' : 'a'}:${ids.join('\n')}`;
    let population = cache.get(key);
    if (!population) {
      population = { chunks: 0, counts: new Map() };
      const chunkLists = await Promise.all(ids.map((docId) => knowledge.chunksOf(docId)));
      for (const chunks of chunkLists) {
        for (const chunk of chunks) {
          population.chunks += 1;
          for (const term of model.terms(`${chunk.section.join(' ')} ${chunk.text}`, folded)) population.counts.set(term, (population.counts.get(term) ?? 0) + 1);
        }
      }
      if (cache.size >= CACHED_POPULATIONS) cache.delete(cache.keys().next().value!);
      cache.set(key, population);
    }
    return population;
  };

  /** `model` with its weights taken among the documents of the scope's types, or its own, when they are few enough. */
  return async (model: TermModel, scope: readonly DocumentMeta[], metas: readonly DocumentMeta[], folded: boolean): Promise<TermModel> => {
    if (cachedFor !== metas) {
      cache.clear();
      cachedFor = metas;
    }
    const types = new Set(scope.map((meta) => meta.type));
    const ids = metas.filter((meta) => types.has(meta.type)).map((meta) => meta.id);
    // A type that makes up much of the collection is already what the collection's statistics describe, unless the
    // collection is too large to read its documents of that type at once (plans among thousands of documents): the
    // scope's own documents then, when they are enough to tell what they are all about.
    const byType = ids.length > 0 && ids.length <= MAX_POPULATION_DOCUMENTS && ids.length <= metas.length * MAX_POPULATION_SHARE;
    if (!byType && (metas.length <= MAX_POPULATION_DOCUMENTS || scope.length > MAX_POPULATION_DOCUMENTS)) return model;
    const population = await populationOf(byType ? ids : scope.map((meta) => meta.id), model, folded);
    if (!byType && population.chunks < MIN_POPULATION_CHUNKS) return model;
    const count = (term: string) => population.counts.get(term) ?? 0;
    const idf = (term: string) => Math.min(model.idf(term), inverseFrequency(population.chunks, count(term)));
    // In a collection too large to read at once, which word pairs are phrases is read among them too: "đơn vị | gửi"
    // may be a phrase of a few plans and an accident among thousands of documents.
    return metas.length > MAX_POPULATION_DOCUMENTS ? { ...model, idf, isPhrase: (pair) => isPhrase(pair, count) } : { ...model, idf };
  };
}
