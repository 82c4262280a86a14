import { describe, expect, it } from 'vitest';
import type { DocumentMeta, KnowledgeBase } from '../types.js';
import { createLearning } from './create-learning.js';
import { createTestCollection, DISTRICT_PLAN, PROVINCE_PLAN } from './test-collection.js';

/** The test collection, counting how often documents are read whole and the index is searched. */
function countingCollection() {
  const inner = createTestCollection({ 'an-thai.txt': PROVINCE_PLAN, 'binh-son.txt': DISTRICT_PLAN });
  const counts = { chunksOf: 0, searches: 0 };
  let hash = 'v1';
  let catalogue: readonly DocumentMeta[] = inner.catalogue();
  const knowledge: KnowledgeBase = {
    ...inner,
    catalogue: () => catalogue,
    document: async (id) => {
      const doc = await inner.document(id);
      return doc && { ...doc, hash };
    },
    chunksOf: (id) => {
      counts.chunksOf += 1;
      return inner.chunksOf(id);
    },
    chunksWithWords: (words, options) => {
      counts.searches += 1;
      return inner.chunksWithWords(words, options);
    },
  };
  // A commit: documents change version and the store hands out a new catalogue.
  const commit = () => {
    hash = `${hash}+`;
    catalogue = [...catalogue];
  };
  return { knowledge, counts, commit };
}

describe('createLearning', () => {
  it('reads a document once per version', async () => {
    const { knowledge, counts, commit } = countingCollection();
    const learning = createLearning(knowledge);
    expect((await learning.deadlines({ docId: 'an-thai', limit: 10, offset: 0 }))!.total).toBe(3);
    const reads = counts.chunksOf;
    (await learning.deadlines({ docId: 'an-thai', limit: 10, offset: 0 }));
    expect(counts.chunksOf).toBe(reads);
    commit();
    (await learning.deadlines({ docId: 'an-thai', limit: 10, offset: 0 }));
    expect(counts.chunksOf).toBe(reads + 1);
  });

  it('is undefined for an unknown document', async () => {
    const learning = createLearning(countingCollection().knowledge);
    expect(await learning.summary('khong-co')).toBeUndefined();
    expect(await learning.deadlines({ docId: 'khong-co', limit: 10, offset: 0 })).toBeUndefined();
    expect(await learning.quiz({ docId: 'khong-co', n: 3, seed: '1' })).toBeUndefined();
  });

  it('lists deadlines across documents dated first by day of the year, a page at a time, kept until the collection changes', async () => {
    const { knowledge, counts, commit } = countingCollection();
    const learning = createLearning(knowledge);
    const first = (await learning.deadlines({ limit: 3, offset: 0 }))!;
    expect(first).toMatchObject({ total: 5, offset: 0, limit: 3, documentsRead: 2, capped: false });
    expect(first.items.map((row) => [row.docId, row.when])).toEqual([
      ['an-thai', 'trước ngày 20/6 hằng năm'],
      ['binh-son', 'trước ngày 30/9/2024'],
      ['an-thai', 'trước ngày 05/12 hàng năm'],
    ]);
    const searches = counts.searches;
    expect((await learning.deadlines({ limit: 3, offset: 3 }))!.items.map((row) => row.when)).toEqual(['Định kỳ hàng năm', 'Định kỳ 6 tháng']);
    expect(counts.searches).toBe(searches);
    commit();
    (await learning.deadlines({ limit: 3, offset: 0 }));
    expect(counts.searches).toBeGreaterThan(searches);
  });

  it('reads no more documents than its cap, and says so', async () => {
    const learning = createLearning(countingCollection().knowledge, { maxCandidateDocuments: 1 });
    const page = (await learning.deadlines({ limit: 10, offset: 0 }))!;
    expect(page).toMatchObject({ documentsRead: 1, capped: true });
    expect(new Set(page.items.map((row) => row.docId)).size).toBe(1);
  });

  it('finds a body’s tasks in every document, accents and abbreviations aside', async () => {
    const learning = createLearning(countingCollection().knowledge);
    const sở = (await learning.duties({ body: 'So Y te', limit: 10, offset: 0 }));
    expect(sở.items.map((group) => [group.docId, group.bodies.map((body) => body.body)])).toEqual([['an-thai', ['Sở Y tế']]]);
    expect(sở.items[0].docName).toBe('Kế hoạch 125/KH-UBND ngày 12/5/2023 của Ủy ban nhân dân tỉnh An Thái');
    const health = (await learning.duties({ body: 'y tế', limit: 1, offset: 1 }));
    expect(health.total).toBe(2);
    expect(health.items).toHaveLength(1);
    expect((await learning.duties({ body: 'UBND xã', limit: 10, offset: 0 })).items.map((group) => group.bodies[0].body)).toEqual(['UBND các xã, thị trấn']);
    expect((await learning.duties({ body: 'Bộ Quốc phòng', limit: 10, offset: 0 })).total).toBe(0);
  });

  it('makes the same quiz for the same seed, about the document asked or about documents the seed picks', async () => {
    const learning = createLearning(countingCollection().knowledge);
    const quiz = (await learning.quiz({ docId: 'an-thai', n: 4, seed: 'abc' }))!;
    expect(quiz.docIds).toEqual(['an-thai']);
    expect(quiz.items).toHaveLength(4);
    expect(quiz.items.every((item) => item.docId === 'an-thai')).toBe(true);
    expect(await learning.quiz({ docId: 'an-thai', n: 4, seed: 'abc' })).toEqual(quiz);
    const any = (await learning.quiz({ n: 3, seed: 'abc' }))!;
    expect(any.docIds.length).toBeGreaterThan(0);
    expect(any.items.every((item) => any.docIds.includes(item.docId))).toBe(true);
  });
});
