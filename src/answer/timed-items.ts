// "Những nhiệm vụ nào phải hoàn thành trong năm 2025?", "which tasks only start in 2026?": the items of a document
// whose stated time ("- Thời gian thực hiện: năm 2026 - 2027.", a "Thời gian hoàn thành" column) reads that year —
// not the passages that happen to write the year, nor the document's outline.
import { PARAGRAPHS, tableRows } from '../structure/grammar.js';
import type { OutlineEntry } from '../types.js';
import { foldedLower } from './evidence-cues.js';
import { headingEnd } from './heading-span.js';

/** The year a list question bounds its items' time by; `start` when they must begin in it ("mới bắt đầu"). */
export interface TimeAsked {
  year: string;
  start: boolean;
}

/** A list question: "những … nào", "liệt kê", "which", "what tasks". */
const LIST = /\bnhung\b[^?.]*\bnao\b|\bcac\b[^?.]*\bnao\b|\bliet ke\b|\bwhich\b|\bwhat (tasks|items|activities|duties|work)\b|\blist\b/;
/** A time an item is done in, then the year: "hoàn thành trong năm 2025", "đến năm 2026 mới bắt đầu", "due in 2026". */
const VI_TIME = /\b(hoan thanh|thuc hien|bat dau|trien khai|xong|ket thuc|thoi gian|thoi han)\b(?:(?!\bva\b)[^?.;]){0,30}?\bnam (20\d\d)\b|\bnam (20\d\d)\b[^?.;]{0,12}?\b(?:moi )?(bat dau|hoan thanh|thuc hien|trien khai)\b/;
const EN_TIME = /\b(complete[ds]?|finish(?:ed)?|due|start(?:s|ed)?|begin|began|carried out|implemented|done)\b[^?.;]{0,30}?\b(?:in|by|during) (20\d\d)\b|\b(?:in|from) (20\d\d)\b[^?.;]{0,12}?\b(start|begin)/;
const STARTS = /^(bat dau|start|starts|started|begin|began)$/;

export function askedTime(question: string): TimeAsked | null {
  const folded = foldedLower(question);
  if (!LIST.test(folded)) return null;
  const vi = VI_TIME.exec(folded);
  if (vi) return { year: vi[2] ?? vi[3], start: STARTS.test(vi[1] ?? vi[4]) || /\bmoi bat dau\b/.test(folded) };
  const en = EN_TIME.exec(folded);
  return en ? { year: en[2] ?? en[3], start: STARTS.test(en[1] ?? en[4]) } : null;
}

/** The label of an item's time: "- Thời gian thực hiện:", "c) Thời hạn hoàn thành:", "+ Thời hạn ban hành:". */
const TIME_LABEL = /^[*_\s]*(?:[-–•+]|[a-zđ]\))?[*_\s]*thoi (?:gian|han)\b[^:\n]{0,40}:/;
/** A year read as a time: after "năm", in a date, after a dash of a range, or first. */
const TIME_YEAR = /(?:^[*_\s]*|\bnam |\/|[-–] ?)((?:19|20)\d\d)\b/g;
/** A column of a table's header giving its rows' time: "Thời gian hoàn thành", "Thời hạn". */
const TIME_COLUMN = /^[*_\s]*thoi (?:gian|han)\b/;
/** A row of an order number, a task, and its time at least; fewer cells head a group of rows ("I | NHÓM GIẢI PHÁP …"). */
const MIN_ROW_CELLS = 3;
/** Sub-items continuing a time ("+ … trước ngày 15 tháng 12 năm 2025."). */
const SUB_ITEM = /^[*_\s]*\+\s/;

export interface Span {
  start: number;
  end: number;
}
/** An item found: its heading (none for a table row) and the span stating its time (or the row). */
export interface TimedItem {
  heading: Span | null;
  /** The paragraph saying what the item is, under a heading that only groups ("a) Nhiệm vụ: Rà soát …"). */
  task: Span | null;
  time: Span;
}
/** "a) Nhiệm vụ: …", "- Nội dung: …": an item's task stated under its heading. */
const TASK_LABEL = /^[*_\s]*(?:[-–•+]|[a-zđ]\))?[*_\s]*(?:nhiem vu|noi dung)[*_\s]*:[*_\s]*\S/;
/** A numbered item's paragraph: "3. Biên soạn tài liệu …", "1.2. Triển khai …". */
const NUMBERED = /^[*_\s]*\d+(?:\.\d+)*\.\s/u;

/** Whether a time's text reads the year asked (as its first year, when the items must begin in it). */
const readsYear = (time: string, asked: TimeAsked): boolean => {
  // A year as a time is written "năm 2026", in a date ("15/12/2025") or a range ("2025 - 2035"), or opens the time;
  // one after a name is that of a law ("theo tiến độ … của Luật An ninh mạng 2025").
  const years = [...foldedLower(time).replace(TIME_LABEL, '').matchAll(TIME_YEAR)].map((match) => match[1]);
  return asked.start ? years[0] === asked.year : years.includes(asked.year);
};

export function timedItems(text: string, outline: readonly OutlineEntry[], asked: TimeAsked): TimedItem[] {
  const items: TimedItem[] = [];
  const paragraphs = [...text.matchAll(PARAGRAPHS)].map((match) => ({ start: match.index!, end: match.index! + match[0].trimEnd().length }));
  paragraphs.forEach((paragraph, i) => {
    if (!TIME_LABEL.test(foldedLower(text.slice(paragraph.start, paragraph.end)))) return;
    // The time goes on in the "+" items under its label.
    let last = i;
    while (last + 1 < paragraphs.length && SUB_ITEM.test(text.slice(paragraphs[last + 1].start, paragraphs[last + 1].end))) last++;
    const time = { start: paragraph.start, end: paragraphs[last].end };
    if (!readsYear(text.slice(time.start, time.end), asked)) return;
    // The item is the deepest heading holding the label, or the numbered paragraph nearer above it (a heading too long
    // for the outline).
    const entry = outline.filter((other) => other.start < paragraph.start && paragraph.start < other.end).sort((a, b) => b.depth - a.depth)[0];
    const numbered = paragraphs.slice(0, i).findLast((other) => NUMBERED.test(text.slice(other.start, other.end)));
    const heading = numbered && (!entry || numbered.start > entry.start) ? numbered : entry ? { start: entry.start, end: headingEnd(text, entry) } : null;
    const task = paragraphs.slice(0, i).findLast((other) => other.start >= (heading?.end ?? 0) && TASK_LABEL.test(foldedLower(text.slice(other.start, other.end)))) ?? null;
    items.push({ heading, task, time });
  });
  // Rows of a table whose time column reads the year: the column is named in the header row above them.
  // (Counted from the row's end: a header row may be read together with the text before it.)
  let fromEnd: number | null = null;
  for (const { span, cells } of tableRows(text)) {
    const index = cells.findIndex((cell) => TIME_COLUMN.test(foldedLower(text.slice(cell.start, cell.end))));
    if (index >= 0) fromEnd = cells.length - 1 - index;
    else if (fromEnd !== null && cells.length >= MIN_ROW_CELLS) {
      const cell = cells[cells.length - 1 - fromEnd];
      if (readsYear(text.slice(cell.start, cell.end), asked)) items.push({ heading: null, task: null, time: span });
    }
  }
  return items;
}
