import { MAX_CAPTION_DISTANCE, UNIT_CAPTION, foldedLower, isBodyHeading, particularBodies, rowInChargeOf, saysWhoLeads, taskLeadLine } from './evidence-cues.js';
import { MARKER_KINDS, PARAGRAPHS, markerLength } from '../structure/grammar.js';
import { splitSentences } from '../structure/split-sentences.js';
import { headingEnd } from './heading-span.js';
import { tablePeriods } from './period-lead.js';
import { chunkAt, type DocumentReader } from './question-documents.js';
import { chunkSpans, isTaskField, rowKey, type Evidence } from './select-evidence.js';
import type { Chunk } from '../types.js';

// Turning ranked evidence into the passages an answer quotes: how many, with which heading, in what order.

const MAX_HEADING_GAP = 400;
/** A section longer than this is not quoted item by item. */
const MAX_LIST_SECTION_CHARS = 1600;
/** A list quotes at most this many items; the rest are counted. */
export const MAX_LIST_ITEMS = 10;
/** How far a passage ending with ":" is extended into what it introduces. */
const MAX_INTRODUCED_CHARS = 700;
const LIST_ITEM = /^(?:[-+•–]|[a-zđ]\)|\d+[.)])\s/u;
/** A sentence this short is quoted with the one after it in its paragraph, up to this much in all. */
const MAX_SHORT_SENTENCE = 160;
const MAX_CONTINUED_CHARS = 480;
/** The most a numbered clause quoted from its opening runs. */
const MAX_CLAUSE_CHARS = 600;
/** A sentence qualifying the rule before it: "Trường hợp …", "Riêng …", "Ngoài ra, …". */
const QUALIFYING = /^[\s*_]*(?:trường hợp|riêng|ngoài ra)(?!\p{L})/iu;
/** The share of the question's words the sentence after must hold to be quoted with it. */
const MIN_CONTINUATION_COVERAGE = 0.08;
/** The line of a task naming who is in charge of it: "- Đơn vị chủ trì: Sở Khoa học và Công nghệ.", "Cơ quan chủ trì: Sở Tài chính;". */
const LEAD_LINE = /(?:^|\n)[ \t]*(?:[-+•*][ \t]*)?(?:\*\*)?(?:(?:đơn vị|cơ quan|tổ chức)[ \t]+)?chủ trì(?:[ \t]+thực hiện)?[ \t]*:[ \t]*/giu;
/** The part of a task stating what is to be done: "a) Nhiệm vụ", "Nội dung thực hiện". */
const TASK_CONTENT = /^(?:nhiem vu|noi dung)\b/;
/** A task quoted with its line in charge is at most this long (a longer span is a whole part of the document). */
const MAX_TASK_CHARS = 1_400;
/** "(Chi tiết tại Phụ lục kèm theo)", "chi tiết theo Phụ lục II đính kèm": a passage leaving its details to an appendix. */
const REFERS_TO_APPENDIX = /(?:chi tiết|cụ thể|danh mục)[^.;]{0,30}?(?:tại|theo|như)\s+Phụ lục(?:\s+(?:số\s+)?([IVX]+|\d{1,2})\b)?/iu;
/** How many of an appendix's rows and items are read for a passage referring to it (the answer counts those it leaves out). */
const MAX_APPENDIX_ITEMS = 60;
/** An appendix's caption lines: "(Kèm theo Quyết định số …)", "Đơn vị: Triệu đồng". */
const isCaption = (line: string): boolean => /^[\s*_(]*(?:kèm theo|ban hành kèm|đơn vị(?: tính)?\s*:)/iu.test(line);
/** An item of an enumeration quoted item by item is quoted whole up to this long, by its first sentence when longer. */
const MAX_ITEM_CHARS = 300;
/** How far after its introduction an enumeration is read for its items. */
const MAX_ENUMERATION_CHARS = 8_000;
/** An introduction quoted with an item of its list is at most this long, and this far above it. */
const MAX_INTRODUCER_CHARS = 450;
const MAX_INTRODUCER_DISTANCE = 3_000;
/** A heading below ends what a colon introduced: "**VI.", "III. ", "Điều 5". */
const HEADING_LINE = /^(?:\*\*|[IVXLC]+\.\s|(?:Điều|Chương|Mục|Phần)\s+\d)/u;
/** A short line set in italics or bold that names what follows ("*- Công nghiệp Chế biến*"): no sentence, no figure. */
const LABEL = /^[*_]+\s*(?:[-–+•]\s*)?\p{Lu}[^.;:!?\d*_]{2,60}[*_]+$/u;
const isLabel = (text: string): boolean => LABEL.test(text.trim()) && text.trim().split(/\s+/).length <= 8;
/** Whether a passage is all of a label line's words (its markup aside). */
const isLabelLine = (text: string, item: Pick<Evidence, 'start' | 'end' | 'text'>): boolean => {
  const from = text.lastIndexOf('\n', item.start - 1) + 1;
  const to = text.indexOf('\n', item.end);
  const line = text.slice(from, to < 0 ? text.length : to);
  return isLabel(line) && line.replace(/[*_\-–+•\s]/gu, '') === item.text.replace(/[*_\-–+•\s]/gu, '');
};

/** Whether the paragraph or list item a passage starts in opens with a list marker ("- ", "a) ", "2. "). */
function opensListItem(text: string, at: number): boolean {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // Back over wrapped lines to the item's first line: one after a blank line, or one opening with a marker.
  while (lineStart > 0 && !LIST_ITEM.test(text.slice(lineStart).replace(/^[*_ \t]+/u, ''))) {
    const previous = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (text.slice(previous, lineStart - 1).trim() === '') break;
    lineStart = previous;
  }
  return LIST_ITEM.test(text.slice(lineStart).replace(/^[*_ \t]+/u, ''));
}

/** The best passage, not the first in the text (picked passages are in reading order). */
const bestOf = (picked: readonly Evidence[]): Evidence => picked.reduce((top, item) => (item.score > top.score ? item : top));

/** The picked passages with the candidates that overlap none of them, in reading order, up to a list's length. */
function withItems(picked: readonly Evidence[], candidates: readonly Evidence[]): Evidence[] {
  const items = [...picked];
  for (const item of [...candidates].sort((a, b) => a.start - b.start)) {
    if (items.length >= MAX_LIST_ITEMS) break;
    if (!items.some((chosen) => item.start < chosen.end && chosen.start < item.end)) items.push(item);
  }
  return items.sort((a, b) => a.start - b.start);
}

export interface PassageShaper {
  groupByDocument(evidence: readonly Evidence[]): Map<string, Evidence[]>;
  /** The passages to quote for one document: the best, plus close seconds that add something. */
  pickPassages(ranked: readonly Evidence[], limit: number): Evidence[];
  /** Every item of the small section the best passage sits in (for list questions). */
  withSectionItems(picked: readonly Evidence[], scored: readonly Evidence[]): Evidence[];
  /**
   * Every row of the best passage's table that gives the body asked about as the one in charge ("Sở Tài chính được
   * giao chủ trì những nhiệm vụ nào" over a table with a "Cơ quan chủ trì" column).
   */
  withTableRows(picked: readonly Evidence[], scored: readonly Evidence[], bodies: readonly string[]): Evidence[];
  /**
   * For a body asked about by the line naming it in charge of a task ("- Đơn vị chủ trì: Sở …"), every task it leads
   * in the document — when a passage found is one of them, or (`asked`) the tasks it leads are what is asked.
   */
  withLedTasks(picked: readonly Evidence[], bodies: readonly string[], asked?: boolean): Evidence[];
  /** The passage with the heading that names its body quoted too (for "which body" questions). */
  withBodyHeading(item: Evidence): Evidence[];
  /** Overlapping passages (several items extended to one heading) merged into one quote. */
  merged(items: readonly Evidence[]): Evidence[];
  /** A passage ending with ":" quoted with what it introduces ("… bao gồm:" and the items or the sentence after it). */
  withIntroduced(item: Evidence): Evidence;
  /** A short sentence quoted with the one after it in its paragraph. */
  withSentenceAfter(item: Evidence, scored: readonly Evidence[]): Evidence;
  /** A sentence qualifying the rule of its short numbered clause ("Trường hợp …") quoted from the clause's opening. */
  withClauseOpening(item: Evidence): Evidence;
  /** An item of a list quoted with the sentence introducing the list ("… trình Hội đồng nhân dân quyết định:"). */
  withIntroducer(item: Evidence): Evidence[];
  /** A table row's figure quoted with the unit its table's caption gives ("Đơn vị: Triệu đồng"). */
  withCaption(item: Evidence): Evidence[];
  /** A task's passage quoted with the line of its section saying which body leads it ("+ Sở … chủ trì, phối hợp …"). */
  withLeadLine(item: Evidence): Evidence[];
  /** The unit the caption above a table chunk's table gives ("Đơn vị: Triệu đồng"), read from its document. */
  tableCaption(chunk: Chunk): string | undefined;
  /** The time the group row above a table chunk names ("II | Giai đoạn 2028-2030"), from the start of its table. */
  tablePeriod(chunk: Chunk): string | undefined;
  /**
   * A passage leaving its details to an appendix ("… cụ thể như sau: (Chi tiết tại Phụ lục kèm theo)") quoted with
   * that appendix's rows and items; null when it refers to none the document holds.
   */
  withAppendixItems(item: Evidence): Evidence[] | null;
  /**
   * A passage introducing an enumeration ("… cho các hoạt động sau:") whose items run on past its end, quoted item by
   * item instead (the introduction with the first); null when the passage holds its whole enumeration.
   */
  itemized(item: Evidence): Evidence[] | null;
}

/** Over the documents of the passages it is given, already read for the question. */
export function createPassageShaper(documents: DocumentReader): PassageShaper {
  /**
   * "Which body…" is often answered by the heading above the passage ("1. Phòng Lao động - Thương binh và Xã hội",
   * then "- Chủ trì…"): the quote then starts at that heading so the name is in it, or, when the heading is
   * far above, the heading is quoted and cited on its own.
   */
  const withBodyHeading = (item: Evidence): Evidence[] => {
    if (item.headingStart === null || item.headingStart >= item.start || !isBodyHeading(item.section.at(-1) ?? '')) return [item];
    const text = documents.document(item.chunk.docId).text;
    const end = Math.min(headingEnd(text, { start: item.headingStart, title: item.section.at(-1)! }), item.start);
    // A passage starting on its heading's line, only markup before it ("**4. Sở …: **Tiếp tục …"), already names the body.
    if (!/\p{L}/u.test(text.slice(item.headingStart, item.start))) return [item];
    if (item.start - item.headingStart <= MAX_HEADING_GAP) return [{ ...item, start: item.headingStart, text: text.slice(item.headingStart, item.end), headingLength: end - item.headingStart }];
    const chunk = chunkAt(documents, item.chunk.docId, item.headingStart) ?? item.chunk;
    return [{ ...item, chunk, start: item.headingStart, end, text: text.slice(item.headingStart, end).trimEnd() }, item];
  };

  /**
   * A list question ("mục tiêu giai đoạn 2026 - 2030", "Sở Y tế có nhiệm vụ gì") is answered by every item of the
   * small section its best passage sits in, not just the items that repeat the question's words.
   */
  const withSectionItems = (picked: readonly Evidence[], scored: readonly Evidence[]): Evidence[] => {
    const best = bestOf(picked);
    const heading = best.headingStart === null ? undefined : documents.outline(best.chunk.docId).find((entry) => entry.start === best.headingStart);
    if (!heading || heading.end - heading.start > MAX_LIST_SECTION_CHARS) return [...picked];
    // (Items under headings nested in it count too: "b) Các chương trình …: cấp phòng …;" reads as a heading of its own.)
    const inSection = (item: Evidence) => item.headingStart !== null && heading.start <= item.headingStart && item.headingStart < heading.end;
    // The section's items come first; a passage picked from elsewhere fills what room they leave.
    const own = withItems(picked.filter(inSection), scored.filter((item) => item.chunk.docId === best.chunk.docId && inSection(item) && item.fit > 0.1));
    const items = withItems(own, picked.filter((item) => !inSection(item)));
    // A paragraph without a marker after a section's marked items closes it ("- Nguồn dự phòng …", then "Đề nghị các
    // sở … khẩn trương thực hiện"): no item of the list.
    const text = documents.document(best.chunk.docId).text;
    const ownItems = items.filter((item) => item.chunk.docId === best.chunk.docId && inSection(item));
    const marked = ownItems.filter((item) => opensListItem(text, item.start));
    if (marked.length < 2) return items;
    const lastItem = marked.at(-1)!.start;
    return items.filter((item) => !ownItems.includes(item) || item.start <= lastItem || opensListItem(text, item.start));
  };

  const withTableRows = (picked: readonly Evidence[], scored: readonly Evidence[], bodies: readonly string[]): Evidence[] => {
    const best = bestOf(picked);
    const header = best.chunk.context;
    const inCharge = (item: Evidence): boolean => rowInChargeOf(item.text, header, bodies);
    // Only those rows: the table's other rows, whoever is in charge of them, are no answer.
    const rows = scored.filter((item) => item.chunk.docId === best.chunk.docId && item.chunk.context === header && inCharge(item));
    return rows.length === 0 ? [...picked] : withItems(picked.filter((item) => item.chunk.context !== header || inCharge(item)), rows);
  };

  /**
   * "Sở KH&CN chủ trì những nhiệm vụ nào": a plan of tasks names the body in charge in a line of each task ("b) Cơ
   * quan thực hiện: - Đơn vị chủ trì: Sở …"), which says nothing of the task itself. Each task whose line names the
   * body is quoted from what it is ("a) Nhiệm vụ: …", or its heading) to that line, all of them in the document.
   */
  const withLedTasks = (picked: readonly Evidence[], bodies: readonly string[], asked = false): Evidence[] => {
    if (bodies.length === 0) return [...picked];
    const best = bestOf(picked);
    const { docId } = best.chunk;
    const text = documents.document(docId).text;
    // Each line in charge naming the body, up to the end of its paragraph or the next item.
    const leads = [...text.matchAll(LEAD_LINE)].flatMap((match) => {
      const named = match.index + match[0].length;
      const stop = text.slice(named).search(/\n\s*\n|\n[ \t]*[-+•*][ \t]/u);
      const end = stop < 0 ? text.length : named + stop;
      return particularBodies(text.slice(named, end)).some((body) => bodies.includes(body)) ? [{ start: match.index + (match[0].startsWith('\n') ? 1 : 0), end }] : [];
    });
    const outline = documents.outline(docId);
    const label = (title: string) => foldedLower(title.slice(markerLength(title)).trim());
    const tasks: Evidence[] = [];
    for (const lead of leads) {
      const around = outline.filter((entry) => entry.start <= lead.start && lead.end <= entry.end).sort((a, b) => a.depth - b.depth);
      const task = around.filter((entry) => !isTaskField(entry.title)).at(-1);
      if (!task || around.at(-1)!.depth - task.depth > 1) continue;
      const content = outline.find((entry) => entry.depth === task.depth + 1 && task.start <= entry.start && entry.end <= lead.start && TASK_CONTENT.test(label(entry.title)));
      const start = content?.start ?? task.start;
      if (lead.end - start > MAX_TASK_CHARS || tasks.some((item) => item.start <= start && start < item.end)) continue;
      const chunk = chunkAt(documents, docId, start) ?? best.chunk;
      tasks.push({ ...best, chunk, start, end: lead.end, text: text.slice(start, lead.end), section: around.filter((entry) => entry.depth <= task.depth).map((entry) => entry.title), headingStart: task.start, headingLength: undefined, cut: undefined });
    }
    // Only when what was found is one of those tasks (its line in charge, or what it is), or the tasks the body leads
    // are what the question asks.
    const found = picked.some((item) => item.chunk.docId === docId && tasks.some((task) => task.start <= item.start && item.end <= task.end));
    return (found || asked) && tasks.length > 0 ? tasks : [...picked];
  };

  const groupByDocument = (evidence: readonly Evidence[]): Map<string, Evidence[]> => {
    const groups = new Map<string, Evidence[]>();
    for (const item of evidence) {
      const list = groups.get(item.chunk.docId) ?? [];
      list.push(item);
      groups.set(item.chunk.docId, list);
    }
    return groups;
  };

  /** The passages to quote for one document: the best, plus close seconds that add something. */
  const pickPassages = (ranked: readonly Evidence[], limit: number): Evidence[] => {
    const [best, ...rest] = ranked;
    const picked = [best];
    const ratio = limit > 2 ? 0.8 : 0.9;
    for (const candidate of rest) {
      if (picked.length >= limit) break;
      const overlaps = picked.some((chosen) => (candidate.start < chosen.end && chosen.start < candidate.end) || chosen.text.trim() === candidate.text.trim());
      const closeEnough = candidate.score >= best.score * ratio && candidate.coverage >= best.coverage * 0.8;
      if (!overlaps && closeEnough && candidate.fit >= best.fit) picked.push(candidate);
    }
    return picked.sort((a, b) => a.start - b.start);
  };

  const merged = (items: readonly Evidence[]): Evidence[] => {
    const result: Evidence[] = [];
    for (const item of [...items].sort((a, b) => a.start - b.start)) {
      const last = result.at(-1);
      if (!last || item.chunk.docId !== last.chunk.docId || item.start >= last.end) {
        result.push(item);
        continue;
      }
      if (item.end <= last.end) continue;
      const end = item.end;
      result[result.length - 1] = { ...last, end, text: documents.document(last.chunk.docId).text.slice(last.start, end) };
    }
    return result;
  };

  const withIntroduced = (item: Evidence): Evidence => {
    const text = documents.document(item.chunk.docId).text;
    if (isLabelLine(text, item)) return withLabelled(item, text);
    if (!/:\s*$/u.test(item.text)) return item;
    const limit = item.end + MAX_INTRODUCED_CHARS;
    const lines = [...text.slice(item.end, limit + 200).matchAll(/[^\n]*\n?/gu)].map((match) => ({ start: item.end + match.index!, line: match[0] }));
    const content = lines.filter(({ line }) => line.trim() !== '' && line.trim() !== '|');
    const first = content[0]?.line.trim();
    if (!first || HEADING_LINE.test(first)) return item;
    let end = item.end;
    if (LIST_ITEM.test(first)) {
      // The items, each with its wrapped lines, until a line that is neither item nor continuation after a blank line.
      let blankBefore = false;
      for (const { start, line } of lines) {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed === '|') {
          blankBefore = true;
          continue;
        }
        if (HEADING_LINE.test(trimmed) || (blankBefore && !LIST_ITEM.test(trimmed)) || start + line.trimEnd().length > limit) break;
        end = start + line.trimEnd().length;
        blankBefore = false;
      }
    } else {
      // The sentence it introduces, up to its full stop (or the paragraph's end).
      const from = content[0].start;
      const paragraphEnd = text.indexOf('\n\n', from);
      const stop = /[.;!?](?=\s|$)/u.exec(text.slice(from, limit));
      const candidates = [stop ? from + stop.index + 1 : limit, paragraphEnd < 0 ? text.length : paragraphEnd];
      end = Math.min(...candidates);
      if (end >= limit) return item;
    }
    return end > item.end ? { ...item, end, text: text.slice(item.start, end) } : item;
  };

  /**
   * A label line ("*- Công nghiệp Chế biến*") heads the paragraphs after it as a heading would, though the grammar
   * does not read it as one: it is quoted with them, up to the next label or heading.
   */
  const withLabelled = (item: Evidence, text: string): Evidence => {
    const limit = item.end + MAX_INTRODUCED_CHARS;
    let end = item.end;
    for (const match of text.slice(item.end, limit).matchAll(/[^\n]*\n?/gu)) {
      const line = match[0].trim();
      if (line === '' || line === '|') continue;
      if (isLabel(line) || HEADING_LINE.test(line)) break;
      const lineEnd = item.end + match.index! + match[0].trimEnd().length;
      if (lineEnd > limit) break;
      end = lineEnd;
    }
    return end > item.end ? { ...item, end, text: text.slice(item.start, end) } : item;
  };

  /** The span [start, end) of an item's document quoted on its own beside the item, under the item's headings. */
  const quoteApart = (item: Evidence, text: string, start: number, end: number): Evidence => ({
    ...item,
    chunk: chunkAt(documents, item.chunk.docId, start) ?? item.chunk,
    start,
    end,
    text: text.slice(start, end),
    headingLength: undefined,
    cut: undefined,
  });

  /**
   * "a) Mức hỗ trợ cụ thể …" says what is decided, the line introducing its list ("3. … Ủy ban nhân dân cấp tỉnh trình
   * Hội đồng nhân dân cùng cấp quyết định:") who decides it: an item is quoted with that line, its siblings skipped.
   */
  const withIntroducer = (item: Evidence): Evidence[] => {
    const text = documents.document(item.chunk.docId).text;
    const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
    const kind = MARKER_KINDS.find((marker) => marker.test(text.slice(lineStart, item.end).replace(/^[*_\s]+/u, '')));
    if (!kind) return [item];
    const bound = Math.max(item.headingStart ?? 0, lineStart - MAX_INTRODUCER_DISTANCE);
    // The paragraphs above the item, nearest first: blank lines or list markers start them.
    const above = [...text.slice(bound, lineStart).matchAll(PARAGRAPHS)].reverse();
    for (const [index, match] of above.entries()) {
      const paragraph = match[0].replace(/[*_\s]+$/u, '').replace(/^[*_\s]+/u, '');
      if (kind.test(paragraph)) continue;
      if (!paragraph.endsWith(':') || paragraph.length > MAX_INTRODUCER_CHARS || HEADING_LINE.test(match[0].trim())) return [item];
      const start = bound + match.index!;
      // Further up, a bare label ("Trọng tâm:", "Nội dung:") would be a quote saying nothing.
      if (index > 0 && (paragraph.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 3) return [item];
      // Right above the item, it opens the item's quote; further up, it is quoted on its own.
      return index === 0 ? [{ ...item, start, text: text.slice(start, item.end) }] : [quoteApart(item, text, start, start + match[0].trimEnd().length), item];
    }
    return [item];
  };

  /**
   * A short sentence naming a provision ("1. Chi mua sắm trang thiết bị … dự án.") is quoted with the sentence that
   * goes on in the same paragraph ("Mức hỗ trợ theo Quyết định …"): what it provides is there.
   */
  const withSentenceAfter = (item: Evidence, scored: readonly Evidence[]): Evidence => {
    // (A passage already stating the kind of fact asked — the figure, the date — needs nothing after it.)
    if (item.fit >= 1 || item.text.length > MAX_SHORT_SENTENCE || !/[.]\s*$/u.test(item.text) || item.text.includes('|')) return item;
    const text = documents.document(item.chunk.docId).text;
    const chunkEnd = item.chunk.end;
    const after = /^[ \t]*\n?[ \t]*([^\n]*(?:\n(?![ \t]*\n)[^\n]*)*)/u.exec(text.slice(item.end, chunkEnd));
    const rest = after?.[1] ?? '';
    const sentence = /^(?:[^.!?;]|\.(?=\d))*[.!?;]?/u.exec(rest)?.[0] ?? '';
    if (sentence.trim().length < 10 || LIST_ITEM.test(sentence.trimStart()) || HEADING_LINE.test(sentence.trimStart()) || !/^\p{Lu}/u.test(sentence.trimStart())) return item;
    const end = item.end + (after![0].length - rest.length) + sentence.trimEnd().length;
    if (end - item.start > MAX_CONTINUED_CHARS) return item;
    // (Only a sentence sharing the question's words: one going on to another matter is not what the provision provides.)
    const next = scored.find((candidate) => candidate.chunk === item.chunk && candidate.start > item.end && candidate.start < end);
    if (!next || next.coverage < MIN_CONTINUATION_COVERAGE) return item;
    return { ...item, end, text: text.slice(item.start, end) };
  };

  /**
   * A sentence qualifying the rule of its numbered clause ("2. Việc phân công … phải bảo đảm …. Trường hợp phải bố trí
   * …, hiệu trưởng ưu tiên …") is quoted from the clause's opening: the rule it qualifies, and what the clause is of,
   * are there.
   */
  const withClauseOpening = (item: Evidence): Evidence => {
    if (item.text.includes('|') || !QUALIFYING.test(item.text)) return item;
    const text = documents.document(item.chunk.docId).text;
    const blank = text.lastIndexOf('\n\n', item.start - 1);
    const start = Math.max(blank < 0 ? 0 : blank + 2, item.headingStart ?? 0);
    const opening = text.slice(start, item.start);
    if (!/\p{L}/u.test(opening) || !LIST_ITEM.test(opening.replace(/^[*_\s]+/u, '')) || item.end - start > MAX_CLAUSE_CHARS) return item;
    return { ...item, start, text: text.slice(start, item.end) };
  };

  /**
   * "20 | ĐẮK LẮK | 114.400" says 114.400 of what only through the caption above its table ("*Đơn vị: Triệu đồng*"):
   * a table row stating a figure is quoted after that caption, when it sits in the row's section, not far above.
   */
  const withCaption = (item: Evidence): Evidence[] => {
    if (!item.text.includes('|') || !/\d/.test(item.text)) return [item];
    const text = documents.document(item.chunk.docId).text;
    const bound = Math.max(item.headingStart ?? 0, item.start - MAX_CAPTION_DISTANCE);
    const caption = [...text.slice(bound, item.start).matchAll(UNIT_CAPTION)].at(-1);
    if (!caption) return [item];
    const at = bound + caption.index!;
    return [quoteApart(item, text, at + caption[0].search(/\S/u), at + caption[0].replace(/[\s*_)]+$/u, '').length), item];
  };

  const withLeadLine = (item: Evidence): Evidence[] => {
    const line = saysWhoLeads(item.text) ? null : taskLeadLine(item);
    return line ? [item, quoteApart(item, documents.document(item.chunk.docId).text, line.start, line.end)] : [item];
  };

  /**
   * A list answer names every item of the enumeration it quotes — each whole, or by its first sentence when long —
   * and the composer counts those beyond its room ("và N nội dung khác"), rather than the quote stopping silently
   * after the items that fit in one passage.
   */
  const itemized = (item: Evidence): Evidence[] | null => {
    const text = documents.document(item.chunk.docId).text;
    // The introduction: the first colon of the passage that a list item follows.
    const colon = [...item.text.matchAll(/:/gu)].map((match) => item.start + match.index!).find((at) => LIST_ITEM.test(text.slice(at + 1, at + 40).replace(/^[\s*_]+/u, '')));
    if (colon === undefined) return null;
    const items: { start: number; end: number }[] = [];
    let level: number | undefined;
    for (const match of text.slice(colon + 1, colon + 1 + MAX_ENUMERATION_CHARS).matchAll(PARAGRAPHS)) {
      const paragraph = match[0].replace(/^[*_\s]+/u, '');
      const rank = MARKER_KINDS.findIndex((marker) => marker.test(paragraph));
      level ??= rank;
      // Items of a lower rank inside an item ("- …" under "a) …") belong to it; a heading, a paragraph opening no
      // item or an item of a higher rank ("b) Cơ quan thực hiện:" after the "- " items of "a)") ends the list.
      if (level < 0 || rank < level || HEADING_LINE.test(match[0].trim())) break;
      const start = colon + 1 + match.index! + (match[0].length - paragraph.length);
      const end = colon + 1 + match.index! + match[0].trimEnd().length;
      if (rank === level) items.push({ start, end });
      else items[items.length - 1].end = end;
    }
    // Only a quote that stopped inside a list it was quoting: two of its items or more, and more after them — or its
    // first item, when the list's introduction opens the quote ("… đạt các tiêu chuẩn sau: + Có tổ chức …", not "a)
    // Nhiệm vụ: … b) Cơ quan thực hiện: - Đơn vị chủ trì: …").
    const quoted = items.filter((found) => found.start < item.end).length;
    const opens = colon === item.start + item.text.indexOf(':');
    if (quoted < (opens ? 1 : 2) || items.at(-1)!.end <= item.end) return null;
    const quoteOf = ({ start, end }: { start: number; end: number }): Evidence => {
      const from = start + markerLength(text.slice(start, end));
      const first = splitSentences(text.slice(from, end))[0];
      return quoteApart(item, text, from, end - from > MAX_ITEM_CHARS && first ? from + first.end : end);
    };
    const quotes = items.map(quoteOf);
    // The introduction opens the first item's quote, when it is short enough to read as its lead-in.
    const blank = text.lastIndexOf('\n\n', colon);
    const from = Math.max(item.start, blank < 0 ? 0 : blank + 2);
    if (colon - from <= MAX_INTRODUCER_CHARS) quotes[0] = quoteApart(item, text, from, quotes[0].end);
    return quotes;
  };

  // (A long table runs over several chunks: its caption is above the first of them, the one its header row opens.)
  /** Where a table chunk's table starts: the first of the chunks before it under the same header row. */
  const tableStart = (chunk: Chunk): number => {
    const chunks = documents.chunksOf(chunk.docId);
    let first = chunks.findIndex((candidate) => candidate.start === chunk.start);
    while (first > 0 && chunks[first - 1].context === chunk.context) first -= 1;
    return chunks[Math.max(first, 0)].start;
  };
  const tableCaption = (chunk: Chunk): string | undefined => {
    const start = tableStart(chunk);
    const text = documents.document(chunk.docId).text;
    return [...text.slice(Math.max(0, start - MAX_CAPTION_DISTANCE), start).matchAll(UNIT_CAPTION)].at(-1)?.[1];
  };
  const tablePeriod = (chunk: Chunk): string | undefined => {
    const above = documents.document(chunk.docId).text.slice(tableStart(chunk), chunk.start);
    return tablePeriods(above)(above.length);
  };

  const withAppendixItems = (item: Evidence): Evidence[] | null => {
    const referred = REFERS_TO_APPENDIX.exec(item.text);
    if (!referred) return null;
    const outline = documents.outline(item.chunk.docId);
    const appendix = outline.find((entry) => entry.kind === 'appendix' && entry.start > item.end && (!referred[1] || entry.number === referred[1]));
    if (!appendix) return null;
    const text = documents.document(item.chunk.docId).text;
    // (A heading's title may wrap over lines: "PHỤ LỤC" and the upper-case lines naming it.)
    const headings = outline.filter((entry) => entry.start >= appendix.start && entry.start < appendix.end).map((entry) => ({ start: entry.start, end: headingEnd(text, entry) }));
    const inHeading = (at: number) => headings.some((heading) => heading.start <= at && at < heading.end);
    const items = documents
      .chunksOf(item.chunk.docId)
      .filter((chunk) => chunk.start >= appendix.start && chunk.start < appendix.end)
      .flatMap((chunk) =>
        chunkSpans(chunk)
          .map((span) => ({ start: chunk.start + span.start, end: chunk.start + span.end }))
          // Its rows and items, not its headings, captions or the header row of its table.
          .filter((span) => !inHeading(span.start) && /\p{L}{2}/u.test(text.slice(span.start, span.end)) && !isCaption(text.slice(span.start, span.end)) && (chunk.context === undefined || rowKey(text.slice(span.start, span.end)) !== rowKey(chunk.context))),
      )
      .slice(0, MAX_APPENDIX_ITEMS);
    return items.length > 0 ? [item, ...items.map((span) => quoteApart(item, text, span.start, span.end))] : null;
  };

  return { groupByDocument, pickPassages, withSectionItems, withTableRows, withLedTasks, withBodyHeading, merged, withIntroduced, withSentenceAfter, withClauseOpening, withIntroducer, withCaption, withLeadLine, itemized, tableCaption, tablePeriod, withAppendixItems };
}
