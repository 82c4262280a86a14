import { ftsToken } from './index-token.js';

// A chunk's analyzer terms as a PostgreSQL tsvector literal, built here rather than by PostgreSQL's parsers (which
// know nothing of Vietnamese syllables, word pairs and abbreviation expansions). Each occurrence gets its own
// position, weighted by field, so that a term's weighted frequency can be read back for BM25.

/** tsvector weights of the fields: A section path, B text, C place and number (D, the default, is unused). */
const FIELD_WEIGHT_LETTERS = { section: 'A', text: 'B', source: 'C' } as const;
/** PostgreSQL keeps positions up to this; later occurrences share it (a chunk this long is rare). */
const MAX_POSITION = 16_383;
/** PostgreSQL keeps at most this many positions of one lexeme. */
const MAX_POSITIONS = 256;

export interface TermVector {
  /** The tsvector literal, e.g. `'cao':1B 'mục_tiêu':3A`. */
  literal: string;
  /** Tokens in all fields, repeats included: BM25's document length. */
  tokenCount: number;
  /** Occurrences of each distinct token in the section path, the text, the place and number: BM25's postings. */
  counts: Map<string, [section: number, text: number, source: number]>;
}

export function termVector(terms: { text: readonly string[]; section: readonly string[]; source: readonly string[] }): TermVector {
  const positions = new Map<string, string[]>();
  const counts = new Map<string, [number, number, number]>();
  let position = 0;
  for (const [field, index] of [['section', 0], ['text', 1], ['source', 2]] as const) {
    for (const term of terms[field]) {
      const token = ftsToken(term);
      if (!token) continue;
      position += 1;
      const count = counts.get(token) ?? [0, 0, 0];
      count[index] += 1;
      counts.set(token, count);
      const list = positions.get(token) ?? [];
      if (list.length < MAX_POSITIONS) list.push(`${Math.min(position, MAX_POSITION)}${FIELD_WEIGHT_LETTERS[field]}`);
      positions.set(token, list);
    }
  }
  // Tokens hold letters, digits and "_" only (ftsToken): quoting needs no escapes.
  const literal = [...positions].map(([token, list]) => `'${token}':${list.join(',')}`).join(' ');
  return { literal, tokenCount: position, counts };
}
