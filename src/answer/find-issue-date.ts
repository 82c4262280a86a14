import type { Chunk } from '../types.js';

export interface IssueDateSpan {
  chunk: Chunk;
  /** Offsets into the document text. */
  start: number;
  end: number;
}

// "Khánh Hòa, ngày 24 tháng 3 năm 2022", "TP. Lạng Sơn, ngày tháng 3 năm 2024" (day left blank), "Ngày ban hành 24/12/2021".
const DATE_LINE = /^[^\n]*,\s*ngày\s+(\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}[^\n]*$|^\s*Ngày ban hành[:\s]+\d{1,2}\/\d{1,2}\/\d{4}\s*$/imu;

/** The line of a plan's header that states where and when it was issued. */
export function findIssueDate(chunks: readonly Chunk[]): IssueDateSpan | null {
  for (const chunk of chunks.filter((candidate) => candidate.kind === 'header')) {
    const match = DATE_LINE.exec(chunk.text);
    if (!match) continue;
    const leading = match[0].length - match[0].trimStart().length;
    const start = chunk.start + match.index + leading;
    return { chunk, start, end: start + match[0].trim().length };
  }
  return null;
}
