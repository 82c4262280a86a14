import { cleanText } from './clean-text.js';
import { markerLength } from './grammar.js';

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Abbreviations that end with a dot inside a sentence ("TP. Lạng Sơn", "KT. CHỦ TỊCH", "TT. Thành ủy"). */
const ABBREVIATIONS = new Set(['TP', 'Tp', 'KT', 'TM', 'TL', 'TUQ', 'TT', 'P', 'Q', 'H', 'X', 'TX', 'ThS', 'TS', 'BS', 'GS', 'PGS', 'CN', 'St', 'Th', 'v.v']);
/** What may open a new sentence after a full stop. */
const OPENER = /^[\p{Lu}\d"“'(\[«-]/u;
/** A semicolon splits clauses only between pieces at least this long, so short enumerations stay whole. */
const MIN_CLAUSE = 40;

function sentenceEnds(line: string): number[] {
  const ends: number[] = [];
  const marker = markerLength(line);
  for (const match of line.matchAll(/(?:\.{3}|…|\.\/\.|[.!?])["”»)]*(?= +(\S))/gu)) {
    const end = match.index + match[0].length;
    if (end <= marker) continue;
    const rest = line.slice(end).trimStart();
    if (!OPENER.test(rest)) continue;
    if (match[0].startsWith('.') && !match[0].startsWith('...')) {
      const token = /([\p{L}.]+|\d+)\.$/u.exec(line.slice(0, match.index + 1))?.[1] ?? '';
      if (ABBREVIATIONS.has(token) || /^\p{Lu}$/u.test(token) || /^\p{Lu}(\.\p{Lu})+$/u.test(token)) continue;
      // "… theo 2 giai đoạn: 1. Giai đoạn …" — an inline list number, not a sentence end.
      if (/^\d{1,2}$/u.test(token) && /(^|\s)\d{1,2}\.$/u.test(line.slice(0, match.index + 1))) continue;
    }
    ends.push(end);
  }
  for (const match of line.matchAll(/;(?= +\S)/gu)) {
    const end = match.index + 1;
    const before = Math.max(marker, ...ends.filter((value) => value < end));
    const after = Math.min(line.length, ...ends.filter((value) => value > end));
    if (end - before >= MIN_CLAUSE && after - end >= MIN_CLAUSE) ends.push(end);
  }
  return ends.sort((a, b) => a - b);
}

/**
 * Sentence spans over an original text (a chunk or a whole document). Hard wraps and page breaks inside a sentence
 * are not boundaries; list items, headings and paragraphs are; spans are trimmed of surrounding whitespace.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const cleaned = cleanText(text);
  const spans: SentenceSpan[] = [];
  let lineStart = 0;
  for (const line of cleaned.text.split('\n')) {
    let from = 0;
    for (const end of [...sentenceEnds(line), line.length]) {
      const piece = line.slice(from, end);
      const lead = piece.length - piece.trimStart().length;
      const trimmedEnd = from + piece.trimEnd().length;
      if (trimmedEnd > from + lead) {
        let start = cleaned.toOriginal(lineStart + from + lead);
        let stop = cleaned.toOriginalEnd(lineStart + trimmedEnd);
        while (start < stop && /\s/u.test(text[start])) start += 1;
        while (stop > start && /\s/u.test(text[stop - 1])) stop -= 1;
        spans.push({ start, end: stop });
      }
      from = end;
    }
    lineStart += line.length + 1;
  }
  return spans;
}
