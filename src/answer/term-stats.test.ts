import { describe, expect, it } from 'vitest';
import { createTermModel } from './term-stats.js';

/** Statistics of a made-up large collection: chunk counts per analyzer term. */
const statsOf = (frequencies: Record<string, number>, chunks = 10_000) => ({
  chunkCount: () => chunks,
  documentFrequency: (term: string) => frequencies[term] ?? 0,
});

describe('createTermModel', () => {
  it('tells a phrase from two words that meet by chance across a word boundary', () => {
    const model = createTermModel(statsOf({ 'yêu': 1200, 'cầu': 1650, 'gửi': 570, 'cầu gửi': 1, 'cấp': 3400, 'thẻ': 145, 'cấp thẻ': 37 }), new Map());
    expect(model.isPhrase('cấp thẻ')).toBe(true);
    // Known to the collection, but one chunk among the 570 that say "gửi": an accident of "yêu cầu | gửi".
    expect(model.known('cầu gửi')).toBe(true);
    expect(model.isPhrase('cầu gửi')).toBe(false);
    expect(model.isPhrase('thẻ gửi')).toBe(false);
  });

  it('judges a pair with a function word by its content word alone', () => {
    const model = createTermModel(statsOf({ 'cấp': 3400, 'được cấp': 350 }), new Map());
    expect(model.isPhrase('được cấp')).toBe(true);
  });

  it('weighs rare terms above common ones and unseen terms highest', () => {
    const model = createTermModel(statsOf({ 'thẻ': 145, 'cấp': 3400 }), new Map());
    expect(model.idf('thẻ')).toBeGreaterThan(model.idf('cấp'));
    expect(model.idf('chưa gặp')).toBeGreaterThan(model.idf('thẻ'));
  });
});
