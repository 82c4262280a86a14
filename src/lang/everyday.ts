// Everyday Vietnamese → the wording of administrative texts ("người già" → "người cao tuổi", "chết đuối" → "đuối
// nước"), so a question asked as people talk is searched as documents write.
import { readFileSync } from 'node:fs';
import { foldDiacritics, normalizeVietnamese } from './normalize.js';
import { foldsToFunctionWord } from './stopwords.js';

/** [everyday phrase, administrative phrase], kept as data beside the code: a deployment may extend it. */
const EVERYDAY: readonly (readonly [string, string])[] = (
  JSON.parse(readFileSync(new URL('./vocabulary/everyday-vi.json', import.meta.url), 'utf8')) as { entries: [string, string][] }
).entries;

const WORD = /[\p{L}\p{N}]+/gu;
const lower = (text: string): string => normalizeVietnamese(text).toLowerCase();

export type Rewording = (text: string) => string;

/**
 * A rewording by the given pairs. Phrases are matched word by word, longest first, as typed: with diacritics when
 * the text has them (so "già" is not "giá"), folded when it was typed without.
 */
export function createRewording(entries: readonly (readonly [string, string])[]): Rewording {
  const byFirst = new Map<string, { words: string[]; folded: string[]; administrative: string }[]>();
  for (const [everyday, administrative] of entries) {
    const words = lower(everyday).match(WORD) ?? [];
    if (words.length === 0) continue;
    // Typed without accents, a word whose unaccented spelling is also a function word's matches only as written:
    // "tien de xay nha" is "tiền để xây nhà", not "tiền đẻ".
    const folded = words.map((word) => (foldsToFunctionWord(word) ? word : foldDiacritics(word)));
    for (const key of new Set([words[0]!, folded[0]!])) byFirst.set(key, [...(byFirst.get(key) ?? []), { words, folded, administrative }]);
  }
  for (const phrases of byFirst.values()) phrases.sort((a, b) => b.words.length - a.words.length);

  return (text) => {
    const source = normalizeVietnamese(text);
    const tokens = [...source.toLowerCase().matchAll(WORD)];
    if (tokens.length === 0) return text;
    let out = '';
    let copied = 0;
    for (let i = 0; i < tokens.length; ) {
      const typed = (k: number): string => tokens[k][0];
      // Word by word, with nothing but spaces between them ("phường, xã" is no "phường xã").
      const joined = (k: number): boolean => k === 0 || /^\s+$/u.test(source.slice(tokens[i + k - 1].index! + typed(i + k - 1).length, tokens[i + k].index));
      const hit = byFirst.get(typed(i))?.find((phrase) =>
        phrase.words.every(
          (word, k) => i + k < tokens.length && joined(k) && (typed(i + k) === word || (typed(i + k) === foldDiacritics(typed(i + k)) && typed(i + k) === phrase.folded[k])),
        ),
      );
      if (!hit) {
        i += 1;
        continue;
      }
      const start = tokens[i].index!;
      const last = tokens[i + hit.words.length - 1];
      out += source.slice(copied, start) + hit.administrative;
      copied = last.index! + last[0].length;
      i += hit.words.length;
    }
    return copied === 0 ? text : out + source.slice(copied);
  };
}

/** The rewording by the project's pack of everyday phrases. */
export const toAdministrative: Rewording = createRewording(EVERYDAY);
