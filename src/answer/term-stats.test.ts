import { describe, expect, it } from 'vitest';
import { createTermVocabulary } from './term-stats.js';

/** Statistics of a made-up large collection: chunk counts per analyzer term. */
const statsOf = (frequencies: Record<string, number>, chunks = 10_000) => ({
  chunkCount: async () => chunks,
  documentFrequencies: async (terms: readonly string[]) => new Map(terms.map((term) => [term, frequencies[term] ?? 0])),
});

describe('createTermVocabulary', () => {
  it('tells a phrase from two words that meet by chance across a word boundary', async () => {
    const stats = statsOf({ 'yêu': 1200, 'cầu': 1650, 'gửi': 570, 'cầu gửi': 1, 'cấp': 3400, 'thẻ': 145, 'cấp thẻ': 37 });
    const model = await createTermVocabulary(stats, new Map()).weigh('cấp thẻ, yêu cầu gửi, thẻ gửi', false);
    expect(model.isPhrase('cấp thẻ')).toBe(true);
    // Known to the collection, but one chunk among the 570 that say "gửi": an accident of "yêu cầu | gửi".
    expect(model.known('cầu gửi')).toBe(true);
    expect(model.isPhrase('cầu gửi')).toBe(false);
    expect(model.isPhrase('thẻ gửi')).toBe(false);
  });

  it("takes a place's name for a phrase, typed without diacritics, though its syllables are common words apart", async () => {
    const model = await createTermVocabulary(statsOf({ lam: 4000, dong: 6000, 'lam dong': 40, 'dong lam': 2 }), new Map()).weigh('lam dong lam', true);
    expect(model.isPhrase('lam dong')).toBe(true);
    expect(model.isPhrase('dong lam')).toBe(false);
  });

  it('weighs a number as the index holds it, without its leading zeros', async () => {
    const model = await createTermVocabulary(statsOf({ '9/2025': 12, nghị: 300, định: 900, 'nghị định': 280 }), new Map()).weigh('Nghị định 09/2025', false);
    expect(model.terms('Nghị định 09/2025', false).has('9/2025')).toBe(true);
    expect(model.known('9/2025')).toBe(true);
  });

  it('judges a pair with a function word by its content word alone', async () => {
    const model = await createTermVocabulary(statsOf({ 'cấp': 3400, 'được cấp': 350 }), new Map()).weigh('được cấp', false);
    expect(model.isPhrase('được cấp')).toBe(true);
  });

  it('weighs rare terms above common ones and unseen terms highest', async () => {
    const model = await createTermVocabulary(statsOf({ 'thẻ': 145, 'cấp': 3400 }), new Map()).weigh('thẻ, cấp, chưa gặp', false);
    expect(model.idf('thẻ')).toBeGreaterThan(model.idf('cấp'));
    expect(model.idf('chưa gặp')).toBeGreaterThan(model.idf('thẻ'));
  });

  it("reads the frequencies of a text's terms in one lookup, and refuses to weigh another text's", async () => {
    const lookups: string[][] = [];
    const stats = { chunkCount: async () => 100, documentFrequencies: async (terms: readonly string[]) => (lookups.push([...terms]), new Map(terms.map((term) => [term, 1]))) };
    const model = await createTermVocabulary(stats, new Map()).weigh('cấp thẻ', false);
    expect(lookups.map((terms) => terms.toSorted())).toEqual([['cấp', 'cấp thẻ', 'thẻ']]);
    expect(() => model.idf('gửi')).toThrow(/not one of/);
  });

  it('reads letters glued by "&" as an abbreviation in any case, expanded and its pieces known', () => {
    const vocabulary = createTermVocabulary(statsOf({}), new Map([['GD&ĐT', 'Giáo dục và Đào tạo']]));
    expect(vocabulary.abbreviationPieces('so gd&dt co bao cao khong')).toEqual(new Set(['gd', 'dt']));
    expect(vocabulary.terms('so gd&dt', true)).toContain('giao duc');
    expect(vocabulary.abbreviationPieces('Sở GD&ĐT')).toEqual(new Set(['gd', 'đt', 'dt']));
  });
});
