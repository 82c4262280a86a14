import { matchKey } from '../lang/normalize.js';
import type { OutlineEntry } from '../types.js';

/** A heading carries the anchors of every outline entry that starts on it (a part and its first section may share a line). */
export type DocumentSegment = { kind: 'text'; text: string } | { kind: 'heading'; anchors: string[]; depth: number; text: string };

/** Anchor id of an outline entry, used by the table of contents. */
export const headingAnchor = (entry: Pick<OutlineEntry, 'start'>): string => `h-${entry.start}`;

const IGNORED = /[\s*_#|]/;
// A heading longer than this is a sign the outline title and the text disagree.
const MAX_HEADING_CHARS = 400;

/**
 * Where a heading ends in the original text. Outline titles are cleaned (wrapped lines joined, markdown removed),
 * so walk the text and the title together, skipping whitespace and markup; fall back to the end of the first line.
 */
function headingEnd(text: string, start: number, title: string): number {
  const wanted = matchKey(title).replace(/[\s*_#|]/g, '');
  let i = start;
  let j = 0;
  while (j < wanted.length && i < text.length && i - start < MAX_HEADING_CHARS) {
    const ch = text[i];
    if (IGNORED.test(ch)) i += 1;
    else if (matchKey(ch) === wanted[j]) {
      i += 1;
      j += 1;
    } else break;
  }
  if (j === wanted.length && wanted.length > 0) return i;
  const lineEnd = text.indexOf('\n', start);
  return lineEnd === -1 ? text.length : lineEnd;
}

/**
 * Splits a document's original text into plain runs and headings, so the page can mark headings and anchor them.
 * Concatenating the segments' text gives back the original text exactly: the client maps quote offsets onto it.
 */
export function segmentDocument(text: string, outline: readonly OutlineEntry[]): DocumentSegment[] {
  const headings = [...outline].filter((entry) => entry.start >= 0 && entry.start < text.length).sort((a, b) => a.start - b.start || a.depth - b.depth);
  const segments: DocumentSegment[] = [];
  let cursor = 0;
  for (const entry of headings) {
    let start = entry.start;
    while (start < text.length && /\s/.test(text[start])) start += 1;
    if (start < cursor) {
      const parent = segments.at(-1);
      if (parent?.kind === 'heading' && !parent.anchors.includes(headingAnchor(entry))) parent.anchors.push(headingAnchor(entry));
      continue;
    }
    const end = headingEnd(text, start, entry.title);
    if (start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, start) });
    segments.push({ kind: 'heading', anchors: [headingAnchor(entry)], depth: entry.depth, text: text.slice(start, end) });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}
