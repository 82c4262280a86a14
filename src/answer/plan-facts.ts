import { EFFECTIVE_FROM, PARAGRAPHS } from '../structure/grammar.js';
import { splitSentences } from '../structure/split-sentences.js';
import type { Chunk } from '../types.js';
import { citesDocument } from './evidence-cues.js';

/** A span of a plan's own text that states a fact about the plan itself. */
export interface PlanFactSpan {
  chunk: Chunk;
  /** Offsets into the document text. */
  start: number;
  end: number;
}

const spanOf = (chunk: Chunk, match: RegExpExecArray): PlanFactSpan => {
  const leading = match[0].length - match[0].trimStart().length;
  const start = chunk.start + match.index + leading;
  return { chunk, start, end: start + match[0].trim().length };
};

const firstInHeader = (chunks: readonly Chunk[], pattern: RegExp): PlanFactSpan | null => {
  for (const chunk of chunks.filter((candidate) => candidate.kind === 'header')) {
    const match = pattern.exec(chunk.text);
    if (match) return spanOf(chunk, match);
  }
  return null;
};

// "Khánh Hòa, ngày 24 tháng 3 năm 2022", "TP. Lạng Sơn, ngày tháng 3 năm 2024" (day left blank), "Ngày ban hành 24/12/2021".
const DATE_LINE = /^[^\n]*,\s*ngày\s+(\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}[^\n]*$|^\s*Ngày ban hành[:\s]+\d{1,2}\/\d{1,2}\/\d{4}\s*$/imu;
// "Số: 2618/KH-UBND", "Số hiệu 8557/KH-UBND", or left blank: "Số: /KH-UBND".
const NUMBER_LINE = /^\s*Số(?: hiệu)?[:\s]+[^\n]*\/[^\n]*$/imu;
// A span of years in the title: "giai đoạn 2021 - 2030", "đến năm 2030".
// A plan for one year ends its title with it ("… trên địa bàn thành phố Lạng Sơn năm 2024"); a dateline's year
// follows its month.
const PERIOD_IN_TITLE = /[^\n]*(giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|đến năm\s+\d{4}|(?<!tháng\s+\d{1,2}\s+)năm\s+\d{4}(?=[\s*_]*$))[^\n]*/imu;

/** The header line that states where and when the plan was issued. */
export const findIssueDate = (chunks: readonly Chunk[]): PlanFactSpan | null => firstInHeader(chunks, DATE_LINE);

/** The header line with the plan's number; `blank` when the number was left empty ("Số: /KH-UBND"). */
export function findPlanNumber(chunks: readonly Chunk[]): (PlanFactSpan & { blank: boolean }) | null {
  const span = firstInHeader(chunks, NUMBER_LINE);
  if (!span) return null;
  const line = span.chunk.text.slice(span.start - span.chunk.start, span.end - span.chunk.start);
  return { ...span, blank: !/\d/.test(line.split('/')[0]) };
}

/** The title line stating the period the plan covers. */
export const findPeriodInTitle = (chunks: readonly Chunk[]): PlanFactSpan | null => firstInHeader(chunks, PERIOD_IN_TITLE);

/** The sentences of the legal-basis preamble that cite other documents ("Căn cứ…", "Thực hiện…", "Trên cơ sở…"). */
export function findLegalBases(chunks: readonly Chunk[], limit = 10): PlanFactSpan[] {
  return chunks
    .filter((chunk) => chunk.kind === 'preamble')
    .flatMap((chunk) =>
      splitSentences(chunk.text)
        .filter((span) => citesDocument(chunk.text.slice(span.start, span.end)))
        .map((span) => ({ chunk, start: chunk.start + span.start, end: chunk.start + span.end })),
    )
    .slice(0, limit);
}

// "Theo đề nghị của Bộ trưởng Bộ Nội vụ;", "Xét đề nghị của Giám đốc Sở …": who proposed the document, to the end
// of its line of the preamble (";", or the "*" closing an italic line of a converted page).
const PROPOSED_BY = /(?:^|\n)[ \t*_]*((?:Theo|Xét) đề nghị của [^;]{3,300}?)(?=;|\*[ \t]*(?:\n|$)|\n[ \t]*\n|$)/u;

/** The line naming who proposed the document: in its preamble, or wherever a scraped page put its preamble. */
export function findProposer(chunks: readonly Chunk[]): PlanFactSpan | null {
  for (const chunk of [...chunks].sort((a, b) => Number(b.kind === 'preamble') - Number(a.kind === 'preamble'))) {
    const match = PROPOSED_BY.exec(chunk.text);
    if (!match) continue;
    const start = chunk.start + match.index + match[0].length - match[1].length;
    return { chunk, start, end: start + match[1].length };
  }
  return null;
}

/** An official letter's addressee: "Kính gửi: Thuế tỉnh Quảng Trị." (markup aside), to its line's end. */
const ADDRESSED_TO = /(?:^|\n)[ \t*_]*(Kính gửi[ \t*_]*:[^\n]{2,300})/u;

/** Whom the document is sent to: the addressee of a letter ("Kính gửi: …"), else its "Nơi nhận" block, from its first line to its last. */
export function findRecipients(chunks: readonly Chunk[]): PlanFactSpan | null {
  for (const chunk of chunks.filter((candidate) => candidate.kind !== 'recipients').slice(0, 4)) {
    const match = ADDRESSED_TO.exec(chunk.text);
    if (!match) continue;
    const start = chunk.start + match.index + match[0].length - match[1].length;
    return { chunk, start, end: start + match[1].trimEnd().length };
  }
  const blocks = chunks.filter((chunk) => chunk.kind === 'recipients');
  return blocks.length > 0 ? { chunk: blocks[0], start: blocks[0].start, end: blocks.at(-1)!.end } : null;
}

/** "… chịu trách nhiệm thi hành Quyết định này.": the clause naming who carries a legal document out. */
const IMPLEMENTED_BY = /chịu trách nhiệm thi hành(?: (?:Quyết định|Nghị định|Thông tư|Chỉ thị|Nghị quyết|Quy chế|Quy định))? này/u;

/** The paragraph naming who carries the document out: the last one saying so (an attached regulation may say it earlier of itself). */
export function findImplementers(chunks: readonly Chunk[]): PlanFactSpan | null {
  for (const chunk of [...chunks].reverse()) {
    if (chunk.kind === 'header' || chunk.kind === 'recipients') continue;
    const paragraph = [...chunk.text.matchAll(PARAGRAPHS)].reverse().find((found) => IMPLEMENTED_BY.test(found[0].replace(/\s+/gu, ' ')));
    if (!paragraph) continue;
    const start = chunk.start + paragraph.index! + (paragraph[0].length - paragraph[0].trimStart().length);
    return { chunk, start, end: chunk.start + paragraph.index! + paragraph[0].trimEnd().length };
  }
  return null;
}

/** "… các Nghị định … sau đây hết hiệu lực thi hành:", "Thông tư này thay thế Thông tư số …": what the document ends or changes. */
const ENDS_OR_CHANGES = /hết hiệu lực|thay thế|bãi bỏ|sửa đổi, bổ sung/u;
const NAMES_A_DOCUMENT = /\d+\/\d{4}\/[\p{Lu}Đ]|(?:Nghị định|Thông tư|Quyết định|Nghị quyết|Chỉ thị|Luật)\s+số/u;
/** A clause and the items it introduces are quoted up to this long. */
const MAX_CHANGES_CHARS = 1_500;

/**
 * The clause saying what the document replaces, repeals or amends — the last in the document that names a document or
 * introduces the items naming them ("… sau đây hết hiệu lực thi hành:" and its "a) Nghị định số …").
 */
export function findChanged(chunks: readonly Chunk[]): PlanFactSpan | null {
  for (const chunk of [...chunks].reverse()) {
    if (chunk.kind !== 'body') continue;
    const paragraphs = [...chunk.text.matchAll(PARAGRAPHS)];
    for (let i = paragraphs.length - 1; i >= 0; i -= 1) {
      const text = paragraphs[i][0].replace(/\s+/gu, ' ');
      const introduces = /:\s*$/u.test(text) && paragraphs[i + 1] !== undefined && NAMES_A_DOCUMENT.test(paragraphs[i + 1][0]);
      if (!ENDS_OR_CHANGES.test(text) || !(NAMES_A_DOCUMENT.test(text) || introduces)) continue;
      const start = chunk.start + paragraphs[i].index!;
      let end = start + paragraphs[i][0].trimEnd().length;
      // The items it introduces, each naming a document, while they fit.
      for (const item of introduces ? paragraphs.slice(i + 1) : []) {
        const itemEnd = chunk.start + item.index! + item[0].trimEnd().length;
        if (!NAMES_A_DOCUMENT.test(item[0]) || itemEnd - start > MAX_CHANGES_CHARS) break;
        end = itemEnd;
      }
      return { chunk, start, end };
    }
  }
  return null;
}

/** A portal's field line above the document ("Lĩnh vực: Văn hóa - Xã hội", "Lĩnh vực | Thuế - Phí - Lệ phí"). */
const FIELD_LINE = /(?:^|\n)[ \t*_|]*(Lĩnh vực(?: văn bản)?(?:[ \t]*[:|])*[ \t]+[^\n|]{3,80}?)[ \t*_|]*(?=\n|$)/u;

/** The field a portal files the document under, from the fields it gives above the document. */
export function findField(chunks: readonly Chunk[]): PlanFactSpan | null {
  for (const chunk of chunks.filter((candidate) => candidate.kind === 'header' || candidate.start === 0)) {
    const match = FIELD_LINE.exec(chunk.text);
    if (!match) continue;
    const start = chunk.start + match.index + match[0].indexOf(match[1]);
    return { chunk, start, end: start + match[1].trimEnd().length };
  }
  return null;
}

/** The sentence where a legal document says when it takes effect ("Nghị định này có hiệu lực thi hành từ ngày …"). */
export function findEffectiveDate(chunks: readonly Chunk[]): PlanFactSpan | null {
  for (const chunk of chunks.filter((candidate) => candidate.kind !== 'header')) {
    if (!EFFECTIVE_FROM.test(chunk.text.replace(/\s+/gu, ' '))) continue;
    const sentence = splitSentences(chunk.text).find((span) => EFFECTIVE_FROM.test(chunk.text.slice(span.start, span.end).replace(/\s+/gu, ' ')));
    if (sentence) return { chunk, start: chunk.start + sentence.start, end: chunk.start + sentence.end };
  }
  return null;
}
