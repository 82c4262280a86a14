// Abbreviations used in the plans: a curated list plus the ones a document defines itself, "người cao tuổi (NCT)".
import { readFileSync } from 'node:fs';
import { matchKey, normalizeVietnamese } from './normalize.js';

/** Abbreviation as written → expansion: a data pack beside the code (vocabulary, not logic), which a deployment may extend. */
export const CURATED_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  (JSON.parse(readFileSync(new URL('./vocabulary/abbreviations-vi.json', import.meta.url), 'utf8')) as { entries: [string, string][] }).entries,
);

/** Folded lower-case key without separators, the form people type: "LĐ-TB&XH" → "ldtbxh", "BHYT" → "bhyt". */
export const abbreviationKey = (abbreviation: string): string => matchKey(abbreviation).replace(/[^\p{L}\p{N}]/gu, '');

type Found = { abbreviation: string; expansion: string };
const byKeyCache = new WeakMap<ReadonlyMap<string, string>, Map<string, Found>>();
/** A table's entries by folded key, the first of each key, made once per table (a collection's may hold thousands). */
function byKey(table: ReadonlyMap<string, string>): Map<string, Found> {
  let keyed = byKeyCache.get(table);
  if (!keyed) {
    keyed = new Map();
    for (const [abbreviation, expansion] of table) {
      const key = abbreviationKey(abbreviation);
      if (!keyed.has(key)) keyed.set(key, { abbreviation, expansion });
    }
    byKeyCache.set(table, keyed);
  }
  return keyed;
}

/** Finds `word` in `table` as written or by its folded key ("bhyt", "ldtbxh"). */
export function lookupAbbreviation(table: ReadonlyMap<string, string>, word: string): Found | undefined {
  const exact = table.get(word);
  if (exact !== undefined) return { abbreviation: word, expansion: exact };
  return byKey(table).get(abbreviationKey(word));
}

// Capital letters plus '&', '-' and trailing lower-case letters ("TTg"); at least two capitals.
const ABBREVIATION = String.raw`\p{Lu}[\p{Lu}\p{Ll}&-]*`;
const DEFINED_AFTER = new RegExp(String.raw`\(\s*(${ABBREVIATION})\s*\)`, 'gu'); // người cao tuổi (NCT)
const DEFINED_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${ABBREVIATION})\s*\(([^()\n]{3,80})\)`, 'gu'); // BHYT (bảo hiểm y tế)
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CLAUSE_BREAK = /[.,;:!?()"|]|\n\s*\n/;
// Words an expansion may contain that its abbreviation leaves out ("bảo vệ chăm sóc và giáo dục trẻ em (BVCSGDTE)").
const SKIPPABLE = new Set(['va', 'cua', 'cac', 'voi']);

interface Word {
  key: string;
  start: number;
  end: number;
}

/** What each part of the abbreviation stands for: a capital is a word's initial (Đ → d), '&' is "và". */
const initialsOf = (abbreviation: string): string[] | undefined => {
  const units = [...abbreviation].filter((char) => char === '&' || char !== char.toLowerCase()).map((char) => (char === '&' ? 'va' : matchKey(char)));
  return units.filter((unit) => unit !== 'va').length >= 2 && abbreviation.length <= 12 ? units : undefined;
};

/** Index of the first word of the longest tail of `words` that spells `units`, or -1. */
function matchTail(words: readonly Word[], units: readonly string[]): number {
  let unit = units.length - 1;
  let first = -1;
  for (let index = words.length - 1; index >= 0 && unit >= 0; index--) {
    const { key } = words[index];
    if (units[unit] === 'va' ? key === 'va' : key[0] === units[unit]) {
      first = index;
      unit--;
    } else if (first === -1 || !SKIPPABLE.has(key)) {
      return -1;
    }
  }
  return unit < 0 ? first : -1;
}

/** The words of `text` between `from` and `to`, stopping (backwards) at the first clause break. */
function wordsBefore(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  let previousEnd = from;
  for (const match of text.slice(from, to).matchAll(WORD)) {
    const start = from + match.index;
    if (CLAUSE_BREAK.test(text.slice(previousEnd, start))) words.length = 0;
    words.push({ key: matchKey(match[0]), start, end: start + match[0].length });
    previousEnd = start + match[0].length;
  }
  return CLAUSE_BREAK.test(text.slice(previousEnd, to)) ? [] : words;
}

const tidy = (phrase: string): string => phrase.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();

/** Abbreviations a text defines itself: "người khuyết tật (NKT)" and "BHYT (bảo hiểm y tế)". First definition wins. */
export function extractAbbreviations(text: string): Map<string, string> {
  const normalized = normalizeVietnamese(text);
  // Quote expansions as the document spells them; normalisation keeps the length of NFC text, so offsets carry over.
  const source = normalized.length === text.length ? text : normalized;
  const found = new Map<string, string>();
  const add = (abbreviation: string, expansion: string) => {
    if (!found.has(abbreviation)) found.set(abbreviation, tidy(expansion));
  };
  for (const match of normalized.matchAll(DEFINED_AFTER)) {
    const units = initialsOf(match[1]);
    if (!units) continue;
    const words = wordsBefore(normalized, Math.max(0, match.index - 200), match.index);
    const first = matchTail(words, units);
    if (first >= 0) add(match[1], source.slice(words[first].start, words[words.length - 1].end));
  }
  for (const match of normalized.matchAll(DEFINED_BEFORE)) {
    const units = initialsOf(match[1]);
    const inside = match.index + match[0].length - 1;
    const words = units && wordsBefore(normalized, inside - match[2].length, inside);
    if (units && words && words.length > 0 && matchTail(words, units) === 0) add(match[1], source.slice(words[0].start, words[words.length - 1].end));
  }
  return found;
}

/** Abbreviations defined across `texts` (e.g. every chunk of every plan); the first definition of each wins. */
export function buildAbbreviationTable(texts: readonly string[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const text of texts) for (const [abbreviation, expansion] of extractAbbreviations(text)) if (!table.has(abbreviation)) table.set(abbreviation, expansion);
  return table;
}
