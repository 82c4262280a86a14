import { normalizeVietnamese } from '../lang/normalize.js';
import { memoize } from '../memo-cache.js';
import { BLOCK_START } from './grammar.js';

// Normalisation for indexing and parsing only; quotes always come from the original text through the offset map.
// The cleaned text has one logical line per paragraph, heading or list item: hard-wrapped lines and sentences split
// by a page break are joined with a space; a paragraph break stays "\n" ("\n\n" where the original had blank lines).

export interface CleanedText {
  text: string;
  /** Offset in the original text of the character at `offset` in the cleaned text (monotonic). */
  toOriginal(offset: number): number;
  /** Exclusive end in the original text for an exclusive end `offset` in the cleaned text. */
  toOriginalEnd(offset: number): number;
}

interface PhysicalLine {
  /** Content with whitespace runs collapsed and markdown markers removed. */
  text: string;
  /** Original offset of each character of `text`, and one past it. */
  starts: number[];
  ends: number[];
  /** Offset of the line's terminating newline (or the text length). */
  newline: number;
  /** The line opens a bold span it does not close ("**Điều 4." / "Nguyên tắc …**"): the span goes on below. */
  opensBold: boolean;
}

const SEPARATOR = /^[-_=*.\s|]+$/u;
const TERMINAL = /[.;:!?]["”)]?$/u;
const SIGNATURE_PREFIX = /^(KT|TM|TL|TUQ)\.$/u;
/** A heading's number alone on its line ("VI.", "1.", "a)"), its title wrapped onto the next (dak-lak-0130). */
const BARE_HEADING_NUMBER = /^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]$/u;
/** A heading's kind word alone, or with its number, on its line: "Điều" / "1. Phạm vi …", "Chương" / "I", "Điều 4." / its title. */
const HEADING_WORD = /^(?:Điều|Chương|Mục|Phần)(?:\s+(?:\d+|[IVXLC]+)\.?)?$/u;
/** Words that cannot end a paragraph or heading: a line ending with one always continues. */
const CONNECTIVES = new Set(
  'và của các cho với trong về theo tại số ngày được là những có hoặc hay từ đến để khi nhằm như trên dưới thuộc bị do mà thì sẽ đã đang cần phải'.split(' '),
);

/**
 * A line ending with the first word of a body's name ("Sở", "Bộ", "Ủy ban", "Đoàn", "Hội", "Mặt trận"), its name
 * wrapped onto the next line ("Đoàn\nThanh niên", "Hội\nPhụ nữ").
 */
const BODY_TITLE_END = /(?<!\p{L})(?:Sở|Bộ|Ủy ban|Uỷ ban|Ban Chỉ đạo|Ban Chỉ huy|Trung tâm|Phòng|Văn phòng|Cục|Chi cục|Tổng cục|Học viện|Viện|Trạm|Đoàn|Liên đoàn|Hội|Mặt trận)$/u;

/** "Luật", "Bộ luật", "Pháp lệnh" ending a line: the name of the law goes on on the next ("Luật\nGiá", "Bộ luật\nLao động"). */
const LAW_NAME_START = /(?<!\p{L})(?:Luật|Bộ luật|Pháp lệnh)$/u;

/** Has letters and all of them are capitals (titles, issuing body, headings like "I. MỤC TIÊU"). */
export const isUpper = (line: string): boolean => /\p{L}/u.test(line) && line === line.toLocaleUpperCase('vi');
const startsLower = (line: string): boolean => /^[\p{Ll}]/u.test(line);
const lastWord = (line: string): string => /([\p{L}\p{M}]+)\W*$/u.exec(line)?.[1] ?? '';
const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** [start, end) of each base character with the combining marks after it. */
function clustersOf(segment: string): number[][] {
  const clusters: number[][] = [];
  for (const match of segment.matchAll(/\p{M}+|\P{M}\p{M}*/gu)) clusters.push([match.index, match.index + match[0].length]);
  return clusters;
}

/**
 * One word, or one character between words, normalised: alone, a word has no neighbour for the rules that read one,
 * so the same word always normalises the same way, and the words of a text repeat (splitting passages into sentences
 * cleans every chunk a question reads).
 */
const normalizeSegment = memoize(normalizeVietnamese, 20_000);

/** Collapses whitespace, drops markdown emphasis markers, applies normalizeVietnamese; keeps per-character offsets. */
function cleanLine(original: string, from: number, to: number): Omit<PhysicalLine, 'newline'> {
  const raw = original.slice(from, to);
  // Markdown markers left by conversion: "**bold**" and "(*italic*)"; a lone "(*)" footnote mark stays.
  const drop = new Set<number>();
  // Bold markers between two words ("NGHỊ ĐỊNH**Quy định", "Chương I****QUY ĐỊNH") separate them.
  const space = new Set<number>();
  for (const match of raw.matchAll(/\*\*+/g)) {
    for (let i = 0; i < match[0].length; i += 1) drop.add(match.index + i);
    if (/\S/u.test(raw[match.index - 1] ?? ' ') && /\p{Lu}/u.test(raw[match.index + match[0].length] ?? '')) space.add(match.index);
  }
  // Markdown heading marks ("#### Điều 1.") are conversion markup, not text.
  const hashes = /^\s*#{1,6}(?:\s+|$)/u.exec(raw);
  if (hashes) for (let i = 0; i < hashes[0].length; i += 1) drop.add(i);
  for (const match of raw.matchAll(/(?<![\p{L}\d*])\*(?=[^\s*)])[^*\n]*?[^\s*(]\*(?![\p{L}\d*])/gu)) {
    drop.add(match.index);
    drop.add(match.index + match[0].length - 1);
  }
  let collapsed = '';
  const starts: number[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    if (drop.has(i) && !space.has(i)) continue;
    const char = space.has(i) ? ' ' : raw[i];
    if (/[\s\u00A0]/u.test(char)) {
      if (collapsed === '' || collapsed.endsWith(' ')) continue;
      collapsed += ' ';
    } else {
      collapsed += char;
    }
    starts.push(from + i);
  }
  while (collapsed.endsWith(' ')) {
    collapsed = collapsed.slice(0, -1);
    starts.pop();
  }
  // Normalise word by word so that a changed word maps onto its own original span.
  let out = '';
  const outStarts: number[] = [];
  const outEnds: number[] = [];
  let index = 0;
  for (const segment of collapsed.match(/[\p{L}\p{M}]+|[^\p{L}\p{M}]/gu) ?? []) {
    const normalized = normalizeSegment(segment);
    // A letter with its combining marks (decomposed input) becomes one character: map it onto the whole cluster.
    const clusters = segment.length === normalized.length ? [...segment].map((_, k) => [k, k + 1]) : clustersOf(segment);
    for (let k = 0; k < normalized.length; k += 1) {
      const [first, last] = clusters[Math.min(k, clusters.length - 1)];
      outStarts.push(starts[index + first]);
      outEnds.push(k === normalized.length - 1 ? starts[index + segment.length - 1] + 1 : starts[index + last - 1] + 1);
    }
    out += normalized;
    index += segment.length;
  }
  return { text: out, starts: outStarts, ends: outEnds, opensBold: (raw.match(/\*\*/g)?.length ?? 0) % 2 === 1 };
}

/**
 * Whether `next` continues the paragraph that `line` ends, given the lines around them.
 * Hard wraps (khanh-hoa: first line of a paragraph short, the rest ~80 columns) and page breaks (huu-lung: a blank
 * line inside a sentence) are joined; headings, list items and sentence-final lines start a new block.
 */
function continues(line: string, next: string, blankLinesBetween: number, after: string | undefined, context: { documentText: string; wrapWidth: number; opensBold: boolean }): boolean {
  if (SEPARATOR.test(next) || SEPARATOR.test(line)) return false;
  // A heading wrapped inside its bold span: the kind word alone ("Điều" / "1. Phạm vi điều chỉnh"), or with its number
  // when the bold goes on ("**Điều 4." / "Nguyên tắc tiếp nhận …**"; "**Điều 1.**" / "Ban hành …" is a heading and its text).
  if (HEADING_WORD.test(line) && blankLinesBetween === 0 && (context.opensBold || !/\d|[IVXLC]$/u.test(line))) return true;
  if (BARE_HEADING_NUMBER.test(line)) return blankLinesBetween === 0 && !BLOCK_START.test(next);
  if (BLOCK_START.test(next)) {
    // "…Lao động\n- Thương binh và Xã hội": a dash compound wrapped at the dash, as the document writes it elsewhere.
    const dash = /^[-–]\s(\p{L}+)/u.exec(next);
    if (!dash || blankLinesBetween > 0 || TERMINAL.test(line)) return false;
    const compound = new RegExp(`${escape(lastWord(line))}[ \\t]*[-–][ \\t]*${escape(dash[1])}`, 'u');
    return lastWord(line) !== '' && compound.test(context.documentText);
  }
  // (An ellipsis ends no sentence a lower-case line goes on with: "(Facebook, Youtube...)...\nđể lan tỏa …".)
  if (startsLower(next)) return !/(?<!\.\.)[.!?]$/u.test(line) && !(blankLinesBetween > 0 && isUpper(line));
  if (blankLinesBetween > 0) return false;
  if (/^\d/u.test(next)) return !TERMINAL.test(line);
  if (TERMINAL.test(line)) return SIGNATURE_PREFIX.test(line);
  if (CONNECTIVES.has(lastWord(line).toLocaleLowerCase('vi'))) return true;
  // "… phối hợp với Sở\nTài chính, báo cáo …": a body's title word ends no sentence; nor does a law's ("… Điều 28 Luật\nGiá.").
  if (BODY_TITLE_END.test(line) || LAW_NAME_START.test(line)) return true;
  if (/[,\-–]$/u.test(line)) return true;
  if (isUpper(line)) return isUpper(next);
  if (TERMINAL.test(next)) return false;
  // A hard-wrapped paragraph's first line is short and followed by a lower-case continuation; a full-width line, or
  // one not followed by a continuation, belongs to the block before it ("8. Đề nghị Ủy ban\nMặt trận Tổ quốc …").
  return after === undefined || !startsLower(after) || next.length >= 0.8 * context.wrapWidth;
}

const isPipeLine = (line: { text: string }): boolean => /^\|+$/u.test(line.text.replace(/ /g, ''));

/** Normalised text for indexing and parsing, with a map back to the original offsets. */
export function cleanText(original: string): CleanedText {
  const lines: PhysicalLine[] = [];
  let from = 0;
  while (from <= original.length) {
    let newline = original.indexOf('\n', from);
    if (newline < 0) newline = original.length;
    const to = newline > from && original[newline - 1] === '\r' ? newline - 1 : newline;
    lines.push({ ...cleanLine(original, from, to), newline });
    from = newline + 1;
  }
  // Stray table borders ("|") and whitespace-only lines count as blank lines.
  const content = lines.flatMap((line, index) => (line.text === '' || isPipeLine(line) ? [] : [{ line, index }]));
  const documentText = content.map(({ line }) => line.text).join('\n');
  // Hard-wrapped text has most lines near one width; the 90th percentile of line lengths estimates it.
  const lengths = content.map(({ line }) => line.text.length).sort((a, b) => a - b);
  const wrapWidth = lengths[Math.floor(lengths.length * 0.9)] ?? 0;

  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (value: string, start: number, end: number): void => {
    text += value;
    starts.push(start);
    ends.push(end);
  };
  for (let i = 0; i < content.length; i += 1) {
    const { line, index } = content[i];
    if (i > 0) {
      const previous = content[i - 1];
      const blankLines = index - previous.index - 1;
      const next = content[i + 1];
      const after = next !== undefined && next.index === index + 1 ? next.line.text : undefined;
      const { newline } = previous.line;
      // A line holding only "|" separates table cells: text never continues across it.
      const cellBreak = lines.slice(previous.index + 1, index).some(isPipeLine);
      if (!cellBreak && continues(previous.line.text, line.text, blankLines, after, { documentText, wrapWidth, opensBold: previous.line.opensBold })) {
        emit(' ', newline, newline + 1);
      } else {
        emit('\n', newline, newline + 1);
        if (blankLines > 0) emit('\n', lines[previous.index + 1].newline, lines[previous.index + 1].newline + 1);
      }
    }
    for (let k = 0; k < line.text.length; k += 1) emit(line.text[k], line.starts[k], line.ends[k]);
  }

  const clamp = (offset: number): number => Math.max(0, Math.min(Math.trunc(offset), text.length));
  return {
    text,
    toOriginal: (offset) => {
      const i = clamp(offset);
      return i < text.length ? starts[i] : text.length === 0 ? 0 : ends[text.length - 1];
    },
    toOriginalEnd: (offset) => {
      const i = clamp(offset);
      return i === 0 ? (text.length === 0 ? 0 : starts[0]) : ends[i - 1];
    },
  };
}
