import { describe, expect, it } from 'vitest';
import { STOPWORDS } from './stopwords.js';

describe('STOPWORDS', () => {
  it('holds function and question words in accented and folded forms', () => {
    for (const word of ['của', 'cua', 'và', 'các', 'cac', 'được', 'duoc', 'gì', 'gi', 'nào', 'nao', 'ai', 'sao', 'khi', 'bao nhiêu', 'bao nhieu', 'khi nào']) expect(STOPWORDS.has(word), word).toBe(true);
  });

  it('keeps content syllables, including halves of common two-syllable words', () => {
    for (const word of ['cao', 'tuổi', 'công', 'bảo', 'bao', 'hiểm', 'thẻ', 'trước', 'ngày', 'người', 'trẻ', 'em']) expect(STOPWORDS.has(word), word).toBe(false);
  });

  it('does not drop unaccented spellings that are also content words', () => {
    // "the" is "thẻ", "ve" is "bảo vệ", "tai" is "tài chính", "co" is "cơ sở"
    for (const word of ['the', 've', 'tai', 'co', 'de', 'ma', 'chua', 'van', 'ban', 'chu', 'bi', 'toi']) expect(STOPWORDS.has(word), word).toBe(false);
    expect(STOPWORDS.has('có')).toBe(true);
  });
});
