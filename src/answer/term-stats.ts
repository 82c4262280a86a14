import { indexedNumber } from '../retrieval/vietnamese-analyzer.js';
import { memoize } from '../memo-cache.js';
import { lookupAbbreviation } from '../lang/abbreviations.js';
import { foldDiacritics } from '../lang/normalize.js';
import { PLACE_PAIRS } from '../lang/vietnam-places.js';
import { STOPWORDS } from '../lang/stopwords.js';
import { tokenizeClauses, type Token } from '../lang/tokenize.js';
import type { CorpusStats } from '../types.js';

const isStopword = (syllable: string): boolean => STOPWORDS.has(syllable);
const ABBREVIATION_LIKE = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{Ll}\p{N}][\p{Lu}\p{Ll}\p{N}&/-]*$/u;
/** Letters glued by "&" ("gd&dt", typed in lower case on a phone) are an abbreviation whatever their case. */
const GLUED = /^[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)+$/u;
const DIACRITIC = /[^\x00-\x7F]/;

/** Whether text was typed with Vietnamese diacritics (a few accented syllables suffice; "ai duoc cap the bhyt" has none). */
export function isAccented(text: string): boolean {
  const syllables = text.split(/[^\p{L}]+/u).filter((syllable) => syllable.length > 0);
  if (syllables.length === 0) return false;
  return syllables.filter((syllable) => DIACRITIC.test(syllable)).length / syllables.length >= 0.25;
}

/**
 * Content terms for sentence matching: syllable unigrams (no stopwords) and within-clause bigrams, either
 * accented or folded. Matching accented text accent-for-accent keeps "đội" apart from "đối"; folded terms
 * serve questions typed without diacritics. Abbreviations written in capitals also yield their expansion.
 */
export interface TermVocabulary {
  terms(text: string, folded: boolean): ReadonlySet<string>;
  /** Lower-cased pieces (accented and folded) of the known abbreviations in a text: "LĐ-TB&XH" → lđ, tb, xh, ld. */
  abbreviationPieces(text: string): Set<string>;
  /** The model that weighs `text`'s terms, with the collection's frequencies of them read in one lookup. */
  weigh(text: string, folded: boolean): Promise<TermModel>;
}

/** A question's terms weighed by the collection: only the terms of the text it was made for. */
export interface TermModel extends Omit<TermVocabulary, 'weigh'> {
  /** Inverse document frequency over the collection's chunks; unseen terms get the maximum. */
  idf(term: string): number;
  /** The weight of a word no chunk holds. */
  unseenIdf: number;
  known(term: string): boolean;
  /** Whether a pair of syllables is used as a phrase rather than met by chance across a word boundary. */
  isPhrase(pair: string): boolean;
}

/** BM25's inverse document frequency of a term found in `frequency` of `total` chunks. */
export const inverseFrequency = (total: number, frequency: number): number => {
  const df = Math.min(total, frequency);
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
};

/**
 * A pair is a phrase when it accounts for at least this share of the chunks holding its rarer syllable. Chance
 * neighbours across a word boundary ("yêu cầu | gửi") occur somewhere in any large collection, so "the collection
 * uses the pair" stops telling words from accidents as it grows; the share does not (measured 0.002 for "cầu gửi",
 * 0.26 for "cấp thẻ", 0.07 for "trợ cấp", alike at 1,000 and at 14,000 documents).
 */
const MIN_PHRASE_SHARE = 0.05;

/** Whether two syllables are a phrase, given how many chunks hold the pair and each syllable. */
export function isPhrase(pair: string, frequency: (term: string) => number): boolean {
  const together = frequency(pair);
  if (together === 0) return false;
  // A place's name is one whatever its syllables mean apart: "lam dong" typed without diacritics is Lâm Đồng, though
  // "làm" and "đồng" each fill thousands of chunks.
  if (PLACE_PAIRS.has(foldDiacritics(pair).toLowerCase())) return true;
  const apart = pair.split(' ').map(frequency).filter((count) => count > 0);
  return apart.length === 0 || together / Math.min(...apart) >= MIN_PHRASE_SHARE;
}
/** Texts whose terms are kept: the sentences of a few hundred questions' retrieved chunks. */
const REMEMBERED_TEXTS = 20_000;

export function createTermVocabulary(stats: CorpusStats, abbreviations: ReadonlyMap<string, string>): TermVocabulary {
  const expansions = new Map<string, string[][]>();
  const expansionOf = (surface: string): string[][] => {
    let expansion = expansions.get(surface);
    if (!expansion) {
      const found = ABBREVIATION_LIKE.test(surface) || GLUED.test(surface) ? lookupAbbreviation(abbreviations, surface) : undefined;
      expansion = found ? tokenizeClauses(found.expansion).map((clause) => clause.map((token) => token.surface.toLowerCase())) : [];
      expansions.set(surface, expansion);
    }
    return expansion;
  };

  const addClause = (terms: Set<string>, clause: readonly string[], folded: boolean) => {
    const syllables = folded ? clause.map(foldDiacritics) : clause;
    syllables.forEach((syllable, i) => {
      // A number is weighed as the index holds it ("09/2025" as "9/2025"), or it would count as a word never seen.
      if (!isStopword(syllable)) terms.add(indexedNumber(syllable));
      const next = syllables[i + 1];
      if (next !== undefined && !(isStopword(syllable) && isStopword(next))) terms.add(`${syllable} ${next}`);
    });
  };

  /** Tokens glued by "-", "&" or "/" ("LĐ-TB&XH") form one compound for abbreviation lookup. */
  const compoundsOf = (clause: readonly Token[]): string[][] => {
    const compounds: string[][] = [];
    for (const token of clause) {
      if (token.joiner && compounds.length > 0) compounds.at(-1)!.push(token.joiner, token.surface);
      else compounds.push([token.surface]);
    }
    return compounds;
  };

  const termsOf = (text: string, folded: boolean): ReadonlySet<string> => {
    const found = new Set<string>();
    for (const clause of tokenizeClauses(text)) {
      addClause(found, clause.map((token) => token.surface.toLowerCase()), folded);
      for (const compound of compoundsOf(clause)) {
        for (const expanded of expansionOf(compound.join(''))) addClause(found, expanded, folded);
      }
    }
    return found;
  };
  // The passages of the chunks retrieved come back question after question: their terms are found once.
  const accentedTerms = memoize((text: string) => termsOf(text, false), REMEMBERED_TEXTS);
  const foldedTerms = memoize((text: string) => termsOf(text, true), REMEMBERED_TEXTS);
  const terms = (text: string, folded: boolean): ReadonlySet<string> => (folded ? foldedTerms(text) : accentedTerms(text));

  const abbreviationPieces = (text: string): Set<string> => {
    const pieces = new Set<string>();
    for (const clause of tokenizeClauses(text)) {
      for (const compound of compoundsOf(clause)) {
        if (expansionOf(compound.join('')).length === 0) continue;
        for (const piece of compound.filter((_, i) => i % 2 === 0)) pieces.add(piece.toLowerCase()).add(foldDiacritics(piece.toLowerCase()));
      }
    }
    return pieces;
  };

  const weigh = async (text: string, folded: boolean): Promise<TermModel> => {
    const wanted = new Set<string>();
    for (const term of terms(text, folded)) {
      wanted.add(term);
      for (const syllable of term.split(' ')) wanted.add(syllable);
    }
    const [total, frequencies] = await Promise.all([stats.chunkCount(), stats.documentFrequencies([...wanted])]);
    const frequency = (term: string): number => {
      const found = frequencies.get(term);
      // Weighing a term of another text would silently give it the weight of an unseen word.
      if (found === undefined) throw new Error(`the term "${term}" is not one of the weighed text's`);
      return found;
    };
    return {
      terms,
      abbreviationPieces,
      idf: (term) => inverseFrequency(total, frequency(term)),
      unseenIdf: inverseFrequency(total, 0),
      known: (term) => frequency(term) > 0,
      isPhrase: (pair) => isPhrase(pair, frequency),
    };
  };

  return { terms, abbreviationPieces, weigh };
}
