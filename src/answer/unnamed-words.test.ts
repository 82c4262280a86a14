import { describe, expect, it } from 'vitest';
import { unnamedWords } from './unnamed-words.js';

// Terms as the index reads them: syllables and the pairs of neighbours.
const termsOf = (text: string): Set<string> => {
  const syllables = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return new Set([...syllables, ...syllables.slice(1).map((syllable, i) => `${syllables[i]} ${syllable}`)]);
};
const collection = termsOf('Giáo viên trung học cơ sở dạy 19 tiết. Giáo viên tiểu học dạy 23 tiết. Mầm bệnh được tiêu diệt. Non sông tươi đẹp.');
const model = { terms: (text: string) => termsOf(text), known: (term: string) => collection.has(term) };
const words = new Set(['mầm non', 'giáo viên', 'tiểu học', 'dạy học']);
const none = () => false;

describe('unnamedWords', () => {
  it('gives the words of the language the collection never uses, though it uses each of their syllables', () => {
    const subject = 'định mức tiết dạy của giáo viên mầm non';
    expect(unnamedWords(subject, termsOf(subject), model, words, none)).toEqual(['mầm non']);
  });

  it('gives none when the collection uses every word, or the pair is no word of the language', () => {
    const subject = 'giáo viên tiểu học dạy';
    expect(unnamedWords(subject, termsOf(subject), model, words, none)).toEqual([]);
    // "viên mầm" is met only across a word boundary: no word.
    expect(unnamedWords('giáo viên mầm', termsOf('giáo viên mầm'), model, words, none)).toEqual([]);
  });

  it('gives no word a syllable of which the collection never uses', () => {
    expect(unnamedWords('tỷ lệ giáo viên', termsOf('tỷ lệ giáo viên'), model, new Set(['tỷ lệ']), none)).toEqual([]);
  });

  it('leaves words of excluded syllables and terms the search text does not weigh', () => {
    const subject = 'giáo viên mầm non';
    expect(unnamedWords(subject, termsOf(subject), model, words, (syllable) => syllable === 'non')).toEqual([]);
    expect(unnamedWords(subject, termsOf('giáo viên'), model, words, none)).toEqual([]);
  });
});
