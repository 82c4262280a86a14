// Splits Vietnamese text into syllables and numbers for indexing and matching (never for quoting).
import { normalizeVietnamese } from './normalize.js';

/** A word or number as written (normalised, case kept). */
export interface Token {
  surface: string;
  /** The separator ('-', '&' or '/') joining it to the previous token with no space, as in "KH-UBND", "LĐ-TB&XH"; '' otherwise. */
  joiner: string;
}

// Numbers keep their inner separators: "6.910", "10,35", dates "10/11" and "18/11/2021" stay one token.
// Clause punctuation and blank lines end a clause; a single newline does not (several plans are hard-wrapped).
const PIECE = /(\p{N}+(?:[.,/]\p{N}+)*)|([\p{L}\p{M}\p{N}]+)|([-&/])|([.,;:!?()[\]{}"|…*+=<>]|\n[ \t]*\n)/gu;

/** Tokens grouped by clause, so that adjacent-word pairs never straddle punctuation. */
export function tokenizeClauses(text: string): Token[][] {
  const clauses: Token[][] = [];
  let clause: Token[] = [];
  let lastEnd = -1;
  let pendingJoiner = '';
  for (const match of normalizeVietnamese(text).matchAll(PIECE)) {
    const [piece, number, word, joiner] = match;
    const start = match.index;
    if (number !== undefined || word !== undefined) {
      clause.push({ surface: piece, joiner: pendingJoiner && start === lastEnd ? pendingJoiner : '' });
      pendingJoiner = '';
    } else if (joiner !== undefined) {
      // A separator glues only when it touches the previous token too ("KH-UBND", not "2021 - 2030").
      pendingJoiner = clause.length > 0 && start === lastEnd ? joiner : '';
    } else {
      pendingJoiner = '';
      if (clause.length > 0) clauses.push(clause);
      clause = [];
    }
    lastEnd = start + piece.length;
  }
  if (clause.length > 0) clauses.push(clause);
  return clauses;
}

/** Lower-cased syllables and numbers of `text`, in order. */
export const tokenize = (text: string): string[] => tokenizeClauses(text).flatMap((clause) => clause.map((token) => token.surface.toLowerCase()));
