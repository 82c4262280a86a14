import { MARKER_KINDS, tableRows } from '../structure/grammar.js';
import { foldedLower } from './evidence-cues.js';

/** A line that names only a time: "- Giai đoạn 2025-2027", "a) Đến năm 2030:", "* Năm 2026". */
const PERIOD_LINE = /^(?:giai doan|thoi ky|den (?:het )?nam|tu nam|trong nam|nam)\s+(?:19|20)\d{2}(?:\s*(?:-|–|den)\s*(?:nam\s+)?(?:19|20)\d{2})?\s*:?$/u;

/**
 * Over one text, the line naming the time the list item a passage sits in is for, when the list is grouped by time:
 * "- Giai đoạn 2025-2027" over "+ 95% người dân … hài lòng …", under a heading "Mục tiêu đến năm 2030". The item's
 * own group line is the nearest line above it opening with a marker of a higher rank; it counts only when it names a
 * time and nothing else. The text's lines and their markers are read once; the result takes where a passage starts.
 */
export function periodLeads(text: string): (at: number) => string | undefined {
  const raw = text.split('\n');
  // Where each line starts, its words without markup, and the rank of its marker (0 for "1.", 3 for "+"), -1 for none.
  const starts: number[] = [];
  let offset = 0;
  for (const line of raw) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lines = raw.map((line) => line.replace(/^[\s*_]+|[\s*_]+$/gu, ''));
  const ranks = lines.map((line) => MARKER_KINDS.findIndex((marker) => marker.test(line)));
  return (at) => {
    let own = -1;
    let index = starts.length - 1;
    while (index > 0 && starts[index] > at) index--;
    for (; index >= 0; index--) {
      const rank = ranks[index];
      if (rank < 0) continue;
      if (own < 0) {
        own = rank;
        continue;
      }
      if (rank >= own) continue;
      const words = foldedLower(lines[index].replace(MARKER_KINDS[rank], '')).replace(/\s+/g, ' ').trim();
      return PERIOD_LINE.test(words) ? lines[index] : undefined;
    }
    return undefined;
  };
}

/**
 * Over a table's text, the time the group row above a place names: "II | Giai đoạn 2028-2030", its other cells empty,
 * over the rows of targets for those years. Flattened rows and Markdown rows alike; the result takes a place.
 */
export function tablePeriods(text: string): (at: number) => string | undefined {
  // A row's cells without markup, empty ones left out: "**II** | **Giai đoạn 2028-2030** | |" → II, Giai đoạn 2028-2030.
  const rows = tableRows(text).map(({ span, cells }) => ({ start: span.start, cells: cells.map((cell) => text.slice(cell.start, cell.end).replace(/[\s*_]+/gu, ' ').trim()).filter(Boolean) }));
  const groups = rows
    .filter(({ cells }) => cells.length > 0 && cells.length <= 2 && PERIOD_LINE.test(foldedLower(cells.at(-1)!)))
    .map(({ start, cells }) => ({ start, label: cells.at(-1)! }))
    .sort((a, b) => a.start - b.start);
  return (at) => groups.filter((group) => group.start < at).at(-1)?.label;
}
