import type { OutlineEntry } from '../types.js';

/**
 * Where a heading's own words end in the original text: its first line, or more lines when the document
 * wrapped a long heading (the outline's title joins them).
 */
export function headingEnd(text: string, entry: Pick<OutlineEntry, 'start' | 'title'>): number {
  let end = entry.start;
  let seen = 0;
  while (seen < entry.title.length - 2) {
    const lineEnd = text.indexOf('\n', end + 1);
    const next = lineEnd < 0 ? text.length : lineEnd;
    seen += text.slice(end, next).replace(/[*|_]/g, '').trim().length + 1;
    end = next;
    if (lineEnd < 0) break;
  }
  return text.slice(entry.start, end).trimEnd().length + entry.start;
}
