import type { TermModel } from './term-stats.js';

/**
 * The words of the language (`words`: two syllables each) among the terms of `subject` — what a question asks a
 * figure of — that the collection never uses: "giáo viên mầm non" asked of a circular that sets teaching hours
 * for no preschool teacher. The figures a passage gives are for other cases, however much else of the question it
 * holds. (Only terms of the weighed search text: the model weighs no other. Syllables `excluded` make no word; nor
 * does a word whose syllables the collection never uses: a small collection lacks common words ("áp dụng") whole.)
 */
export function unnamedWords(
  subject: string,
  searchTerms: ReadonlySet<string>,
  model: Pick<TermModel, 'terms' | 'known'>,
  words: ReadonlySet<string>,
  excluded: (syllable: string) => boolean,
): string[] {
  return [...model.terms(subject, false)].filter((term) => words.has(term) && searchTerms.has(term) && !term.split(' ').some(excluded) && !model.known(term) && term.split(' ').every(model.known));
}
