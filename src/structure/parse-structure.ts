import { cleanText, isUpper } from './clean-text.js';
import {
  APPENDIX,
  ATTACHED_INSTRUMENT,
  ATTACHED_TO,
  CLOSING,
  matchHeadingLevel,
  RECIPIENTS,
  SIGNATURE,
  SUB_BULLET,
  isPreambleStart,
  WEBSITE_TRAILER,
  PORTAL_SUMMARY,
} from './grammar.js';
import type { HeadingKind } from '../types.js';

// The reading of a document's layout with the grammar: its blocks (paragraphs, headings, list items, table rows) in
// order, each with its role, the heading path it falls under and its [start, end) in the original text. The
// chunker and the outline build on it.

export type BlockRole = 'header' | 'preamble' | 'heading' | 'content' | 'closing' | 'recipients' | 'signature';


export interface HeadingRef {
  title: string;
  kind: HeadingKind;
  /** The heading's number as printed ("II", "5", "1.2", "a"); empty for an unnumbered appendix or attachment. */
  number: string;
}

export interface Block {
  /** Offsets in the original text (markdown markers at the edges included). */
  start: number;
  end: number;
  /** The block's text with wrapped lines joined and markdown removed (spelling as in the original); cells of a row joined by " | ". */
  text: string;
  role: BlockRole;
  /** Titles of the headings this block falls under, from the top; a heading's own title is last. */
  section: string[];
  /** The same headings with their kind and number, for citations ("Điều 5", "VI › 10"). */
  headings: HeadingRef[];
  /** Ids of those headings (index of the heading's block), to tell equal titles apart. */
  path: number[];
  /** Top-level unit (Phần, Chương, Roman heading, appendix, attached instrument, preamble, closing, …). */
  group: number;
  /** A "+" sub-item, which belongs with the item before it. */
  subItem: boolean;
  /** A heading line with nothing else on it (not "2. Phạm vi: Kế hoạch được thực hiện…"). */
  bare: boolean;
  /** A table row: its table (an id unique in the document) and whether it is the table's header row. */
  row?: { table: number; header: boolean };
}

/** A heading title longer than this is cut at a word boundary, so section paths stay readable. */
export const MAX_TITLE_CHARS = 100;

const TERMINAL = /[.;!?]["”)]?$/u;

export function truncateTitle(title: string, max = MAX_TITLE_CHARS): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:–-]+$/u, '')}…`;
}

interface HeadingLine {
  /** Nesting rank (grammar.ts); appendices and attached instruments are -1, above everything. */
  rank: number;
  kind: HeadingKind;
  number: string;
  /** Title for the section path, or undefined for a numbered item that is really a paragraph. */
  title?: string;
  /** Text follows the title on the same line ("3. Thời gian thực hiện: Từ năm 2021 - 2025."). */
  inline?: boolean;
  /** The title is printed on the next line ("Chương I" / "QUY ĐỊNH CHUNG"). */
  titleBelow?: boolean;
}

/** Recognises a heading or a numbered list item; undefined for anything else. */
export function classifyLine(line: string): HeadingLine | undefined {
  const match = matchHeadingLevel(line);
  if (!match) return undefined;
  const { level, number, rest } = match;
  const base = { rank: level.rank, kind: level.id, number };
  const marker = line.slice(0, line.length - rest.length).trim();
  if (level.always) {
    const name = marker.replace(/[.:]$/u, '');
    if (rest === '') return { ...base, title: name, titleBelow: level.titleOnNextLine };
    if (level.id !== 'article') return { ...base, title: truncateTitle(`${name}: ${rest}`) };
    // "Điều 2. Quyết định này có hiệu lực…": the article's text runs on after its number.
    if (rest.length > 200 || (TERMINAL.test(rest) && !isUpper(rest))) return { ...base, title: name, inline: true };
    return { ...base, title: truncateTitle(`${name}. ${rest}`) };
  }
  if (level.id === 'roman') {
    if (!/^\p{Lu}/u.test(rest)) return undefined;
    const heading = rest.length <= 200 && (isUpper(rest) || !TERMINAL.test(rest));
    return { ...base, title: heading ? truncateTitle(line.replace(/:$/u, '')) : undefined };
  }
  if (level.id === 'point' ? !/^\p{L}/u.test(rest) : !/^\p{Lu}/u.test(rest)) return undefined;
  if (rest.endsWith(':') && !/[.;]/u.test(rest.slice(0, -1))) return { ...base, title: truncateTitle(`${marker} ${rest.slice(0, -1)}`) };
  // "5. Phòng Văn hóa và Thông tin…: phối hợp với…" — the part before the colon names the section.
  const colon = rest.indexOf(': ');
  if (colon > 0 && colon <= 120 && !/[.;]/u.test(rest.slice(0, colon))) return { ...base, title: truncateTitle(`${marker} ${rest.slice(0, colon)}`), inline: true };
  if (!TERMINAL.test(rest) && rest.length <= 200) return { ...base, title: truncateTitle(`${marker} ${rest}`) };
  return base;
}

const MAX_APPENDIX_LINE = 400;

/** An appendix ("PHỤ LỤC II", "Phụ lục số 01: …") or, after a decision's signature, the instrument it issues ("QUY CHẾ"). */
function unitHeading(line: string, afterSignature: boolean): HeadingLine | undefined {
  // (An appendix's upper-case title wraps over lines read as one: "PHỤ LỤC 01 QUY ĐỊNH MỘT SỐ CHẾ ĐỘ … HÀ NỘI" may run long.)
  if (line.length <= MAX_APPENDIX_LINE) {
    const appendix = APPENDIX.exec(line);
    if (appendix && (line.startsWith('PHỤ LỤC') || appendix[1] !== undefined)) {
      const number = appendix[1] ?? '';
      const rest = line.slice(appendix[0].length).trim();
      const name = number ? `Phụ lục ${number}` : 'Phụ lục';
      return { rank: -1, kind: 'appendix', number, title: truncateTitle(rest ? `${name}: ${rest}` : name), titleBelow: rest === '' };
    }
  }
  const instrument = afterSignature ? ATTACHED_INSTRUMENT.exec(line) : null;
  if (instrument) return { rank: -1, kind: 'attachment', number: '', title: truncateTitle(line), titleBelow: line === instrument[1] };
  return undefined;
}

/** A block's words as written (tone marks and dashes kept, so titles read like the document): lines joined, markdown removed. */
const plainText = (slice: string): string =>
  slice
    .replace(/^[ \t]*\|[ \t|]*$/gmu, '')
    .replace(/^[ \t]*#{1,6}[ \t]+/gmu, '')
    .replace(/(?<=\S)\*\*+(?=\p{Lu})/gu, ' ')
    .replace(/\*\*+/gu, '')
    .replace(/(?<=\()\*(?=\S)|(?<=\S)\*(?=\))/gu, '')
    .replace(/(?<=^|\s)\*+(?=\S)|(?<=\S)\*+(?=\s|$)|(?<=^|\s)\*+(?=\s|$)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

interface Line {
  text: string;
  start: number;
  end: number;
  /** Lines holding only "|" between this line and the one before: 1 between cells, 2 or more between rows. */
  pipesBefore: number;
  /** A Markdown table row on one line: "| a | b |". */
  markdownRow: boolean;
}

/** The cleaned lines with their original spans and the table separators around them. */
function linesOf(original: string): Line[] {
  const cleaned = cleanText(original);
  const lines: Line[] = [];
  let offset = 0;
  let previousEnd = 0;
  for (const text of cleaned.text.split('\n')) {
    if (text !== '') {
      let start = cleaned.toOriginal(offset);
      let end = cleaned.toOriginalEnd(offset + text.length);
      while (start > 0 && /[*_#]/u.test(original[start - 1])) start -= 1;
      while (end < original.length && /[*_]/u.test(original[end])) end += 1;
      const pipesBefore = original.slice(previousEnd, start).split('\n').filter((gap) => /^[ \t]*\|[ \t]*$/u.test(gap)).length;
      lines.push({ text: plainText(original.slice(start, end)), start, end, pipesBefore, markdownRow: /^\|.*\|$/u.test(text) && !/^\|[\s|]*$/u.test(text) });
      previousEnd = end;
    }
    offset += text.length + 1;
  }
  return lines;
}

/**
 * A numbered line set whole in italics or bold ("*c) Phòng chống sốt xuất huyết, Zika, viêm não Nhật Bản..*") is a
 * heading, whatever punctuation it ends with: the emphasis sets it apart from the items under it.
 */
function emphasizedHeading(heading: HeadingLine | undefined, line: Line, original: string, around: readonly (HeadingLine | undefined)[]): HeadingLine | undefined {
  if (!heading || heading.title !== undefined || (heading.kind !== 'point' && heading.kind !== 'clause') || line.text.length > 200) return heading;
  // An item next to its sibling ("**a) …**" then "**b) …**") is a list item in bold, with nothing under it.
  if (around.some((other) => other?.kind === heading.kind)) return heading;
  const raw = original.slice(line.start, line.end).trim();
  if (!/^[*_]+[^*_\s]/u.test(raw) || !/[^*_\s][*_]+$/u.test(raw) || /[^*_][*_]{1,2}\s/u.test(raw.slice(1, -1))) return heading;
  return { ...heading, title: truncateTitle(line.text.replace(/[.\s]+$/u, '')) };
}

/** Lines that end a table whatever separators surround them. */
const breaksTable = (line: Line): boolean => {
  const heading = classifyLine(line.text);
  return (
    (heading !== undefined && heading.rank <= 3) ||
    unitHeading(line.text, true)?.kind === 'appendix' ||
    ATTACHED_TO.test(line.text) ||
    RECIPIENTS.test(line.text) ||
    SIGNATURE.test(line.text) ||
    CLOSING.test(line.text)
  );
};

/**
 * Tables: runs of cells separated by "|" lines (a row ends where two or more "|" lines meet), or Markdown rows on
 * one line each. Returns, for each line in a table, its row number within the table (0 = header row).
 */
function findTables(lines: Line[]): Map<number, { table: number; row: number }> {
  const rows = new Map<number, { table: number; row: number }>();
  let i = 0;
  let table = 0;
  while (i < lines.length) {
    const markdown = lines[i].markdownRow;
    let j = i;
    // A cell may hold several lines: a line without a separator before it still belongs to the table when a
    // separator follows within a few lines.
    const separated = (k: number): boolean => lines[k].pipesBefore >= 1 && !lines[k].markdownRow && !breaksTable(lines[k]);
    const continuesCell = (k: number): boolean => {
      for (let m = k; m < Math.min(lines.length, k + 4); m += 1) {
        if (breaksTable(lines[m]) || lines[m].markdownRow) return false;
        if (m > k && lines[m].pipesBefore >= 1) return true;
      }
      return false;
    };
    const linked = (k: number): boolean =>
      markdown ? lines[k].markdownRow || /^\|[\s|:-]*$/u.test(lines[k].text) : separated(k) || (lines[k].pipesBefore === 0 && continuesCell(k));
    if (!breaksTable(lines[i])) while (j + 1 < lines.length && linked(j + 1)) j += 1;
    let row = 0;
    const members: { line: number; row: number }[] = [];
    for (let k = i; k <= j; k += 1) {
      if (k > i && (markdown ? lines[k].markdownRow : lines[k].pipesBefore >= 2)) row += 1;
      members.push({ line: k, row });
    }
    if (row >= 1 && j - i >= (markdown ? 1 : 2)) {
      for (const member of members) rows.set(member.line, { table, row: member.row });
      table += 1;
    }
    i = j + 1;
  }
  return rows;
}

const MOTTO = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/u;

type State = 'header' | 'preamble' | 'body' | 'closing' | 'recipients' | 'signature';

/**
 * Where a legal portal's page starts after the document: the raw line its trailer opens with ("## Văn bản liên
 * quan"), or the portal's summary of the document right above it. (Raw lines: cleaning joins the portal's lines to the
 * document's last paragraph and drops the Markdown marks that tell the portal's heading from a document's words.)
 */
function portalStart(original: string): number {
  const from = Math.max(0, original.search(MOTTO));
  let previous: RegExpMatchArray | undefined;
  for (const line of original.matchAll(/^.*$/gmu)) {
    if (line.index! <= from) continue;
    if (WEBSITE_TRAILER.test(line[0])) return previous && PORTAL_SUMMARY.test(previous[0]) ? previous.index! : line.index!;
    if (line[0].trim() !== '') previous = line;
  }
  return original.length;
}

/** Splits a document into roles and sections. */
export function parseStructure(original: string): Block[] {
  // A portal's page after the document (related documents, contact details) is no part of it: the text is read up to
  // where it starts.
  const lines = linesOf(original.slice(0, portalStart(original)));
  // Website boilerplate (copyright notices, portal tables, article summaries) may precede the official header:
  // everything up to the national motto is header.
  const motto = lines.slice(0, 200).findIndex((line) => MOTTO.test(line.text));
  const end = lines.length;
  const tableRows = findTables(lines.slice(0, end));
  const plain = lines.map((line) => classifyLine(line.text));
  const classified = plain.map((heading, i) => emphasizedHeading(heading, lines[i], original, [plain[i - 1], plain[i + 1]]));
  // Whether a heading follows before the next signature or recipients line: a closing paragraph has none after it.
  const headingAhead: boolean[] = new Array(lines.length).fill(false);
  for (let i = lines.length - 2; i >= 0; i -= 1) {
    const next = lines[i + 1].text;
    headingAhead[i] = SIGNATURE.test(next) || RECIPIENTS.test(next) ? false : classified[i + 1]?.title !== undefined || headingAhead[i + 1];
  }

  const blocks: Block[] = [];
  const stack: { rank: number; ref: HeadingRef; id: number }[] = [];
  let state = 'header' as State;
  let group = 0;
  let signed = false;
  /** A heading whose title is printed on the lines below it ("Chương I" / "QUY ĐỊNH CHUNG"; "PHỤ LỤC" / its title). */
  let awaitingTitle: { block: Block; joiner: string } | undefined;

  const sectionOf = () => ({ section: stack.map((entry) => entry.ref.title), headings: stack.map((entry) => ({ ...entry.ref })), path: stack.map((entry) => entry.id) });
  const push = (line: Pick<Block, 'start' | 'end' | 'text'>, role: BlockRole, extra: Partial<Block> = {}): Block => {
    const block: Block = { ...line, role, ...sectionOf(), group, subItem: false, bare: false, ...extra };
    blocks.push(block);
    return block;
  };
  const enter = (next: State): void => {
    if (state !== next) group += 1;
    state = next;
  };
  const openHeading = (line: Line, heading: HeadingLine): void => {
    while (stack.length > 0 && stack[stack.length - 1].rank >= heading.rank) stack.pop();
    // Chunks never cross a top-level unit: an article, a Roman section or anything above, or a heading at the root.
    if (heading.rank <= 4 || stack.length === 0) group += 1;
    stack.push({ rank: heading.rank, ref: { title: heading.title!, kind: heading.kind, number: heading.number }, id: blocks.length });
    const block = push(line, 'heading', { bare: !heading.inline });
    awaitingTitle = heading.titleBelow ? { block, joiner: heading.kind === 'attachment' ? ' ' : ': ' } : undefined;
  };

  for (let i = 0; i < end; i += 1) {
    const line = lines[i];
    const heading = classified[i];

    // The title under "Chương I", "PHỤ LỤC II" or "QUY CHẾ", on the line below (wrapped upper-case lines are one line).
    if (awaitingTitle) {
      const { block, joiner } = awaitingTitle;
      awaitingTitle = undefined;
      const top = stack[stack.length - 1];
      const titleLike = heading === undefined && !tableRows.has(i) && !ATTACHED_TO.test(line.text) && line.text.length <= 300 && (isUpper(line.text) || !TERMINAL.test(line.text));
      if (titleLike && top !== undefined && blocks[top.id] === block) {
        top.ref.title = truncateTitle(`${top.ref.title}${joiner}${line.text}`);
        Object.assign(block, sectionOf());
        push(line, 'heading', { bare: true });
        continue;
      }
    }

    if (i <= motto) {
      push(line, 'header');
      continue;
    }

    const unit = state === 'header' || state === 'preamble' ? undefined : unitHeading(line.text, signed);
    if (unit) {
      stack.length = 0;
      state = 'body';
      openHeading(line, unit);
      continue;
    }

    if (state !== 'header' && state !== 'preamble' && state !== 'signature' && SIGNATURE.test(line.text)) {
      stack.length = 0;
      signed = true;
      enter('signature');
      push(line, 'signature');
      continue;
    }
    if (state === 'signature') {
      // The signer's name (and title lines) follow "KT. CHỦ TỊCH"; a heading resumes the body, anything else the
      // recipients or a closing part.
      const resumesBody = heading?.title !== undefined;
      if (!resumesBody && line.text.length <= 60 && !TERMINAL.test(line.text) && !/^[-+•]/u.test(line.text) && !RECIPIENTS.test(line.text)) {
        push(line, 'signature');
        continue;
      }
      if (resumesBody) {
        stack.length = 0;
        enter('body');
      } else {
        enter(RECIPIENTS.test(line.text) ? 'recipients' : 'closing');
        push(line, state);
        continue;
      }
    }
    if (RECIPIENTS.test(line.text) && state !== 'header') {
      stack.length = 0;
      enter('recipients');
      push(line, 'recipients');
      continue;
    }
    if (state === 'recipients' && !(heading?.title !== undefined && heading.rank <= 3)) {
      push(line, 'recipients');
      continue;
    }

    if (state === 'header' || state === 'preamble') {
      // The first heading starts the body; in a document without legal bases, so does a long paragraph.
      const startsBody =
        heading?.title !== undefined || (state === 'header' && blocks.length > 0 && line.text.length > 300 && !isUpper(line.text) && !isPreambleStart(line.text));
      if (!startsBody) {
        if (state === 'header' && isPreambleStart(line.text)) enter('preamble');
        push(line, state);
        continue;
      }
      enter('body');
    }
    if (state === 'recipients') enter('body');
    if (state === 'body' && !headingAhead[i] && CLOSING.test(line.text)) {
      stack.length = 0;
      enter('closing');
    }
    if (state === 'closing') {
      push(line, 'closing');
      continue;
    }

    const cell = tableRows.get(i);
    if (cell) {
      // A table row is one block: its cells from this line to the row's last line.
      let last = i;
      while (last + 1 < lines.length && tableRows.get(last + 1)?.table === cell.table && tableRows.get(last + 1)?.row === cell.row) last += 1;
      const cells = lines.slice(i, last + 1);
      push({ start: line.start, end: lines[last].end, text: cells.map((c) => c.text.replace(/^\||\|$/gu, '').trim()).join(' | ') }, 'content', {
        row: { table: cell.table, header: cell.row === 0 },
      });
      i = last;
      continue;
    }

    if (heading) {
      if (heading.title !== undefined) {
        openHeading(line, heading);
        continue;
      }
      while (stack.length > 0 && stack[stack.length - 1].rank >= heading.rank) stack.pop();
      push(line, 'content');
      continue;
    }
    push(line, 'content', { subItem: SUB_BULLET.test(line.text) });
  }
  return blocks;
}
