import { MARKER_KINDS } from '../structure/grammar.js';
import { foldedLower } from './evidence-cues.js';

/** A line that names only a time: "- Giai đoạn 2025-2027", "a) Đến năm 2030:", "* Năm 2026". */
const PERIOD_LINE = /^(?:giai doan|thoi ky|den (?:het )?nam|tu nam|trong nam|nam)\s+(?:19|20)\d{2}(?:\s*(?:-|–|den)\s*(?:nam\s+)?(?:19|20)\d{2})?\s*:?$/u;

/** The rank of a line's list marker (0 for "1.", 3 for "+"), -1 when it opens with none. */
const rankOf = (line: string): number => MARKER_KINDS.findIndex((marker) => marker.test(line));

/**
 * The line naming the time the list item a passage sits in is for, when the list is grouped by time: "- Giai đoạn
 * 2025-2027" over "+ 95% người dân … hài lòng …", under a heading "Mục tiêu đến năm 2030". The item's own group
 * line is the nearest line above it opening with a marker of a higher rank; it counts only when it names a time and
 * nothing else. `at` is where the passage starts in `text`.
 */
export function periodLead(text: string, at: number): string | undefined {
  const lines = text.slice(0, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at)).split('\n').map((line) => line.replace(/^[\s*_]+|[\s*_]+$/gu, ''));
  let own = -1;
  for (let index = lines.length - 1; index >= 0; index--) {
    const rank = rankOf(lines[index]);
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
}
