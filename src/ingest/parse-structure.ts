import { cleanText, isUpper } from './clean-text.js';

// The shared reading of a plan's layout: its blocks (paragraphs, headings, list items) in order, each with its role,
// the heading path it falls under, and its [start, end) in the original text. The chunker and the outline build on it.

export type BlockRole = 'header' | 'preamble' | 'heading' | 'content' | 'closing' | 'recipients' | 'signature';

export interface Block {
  /** Offsets in the original text (markdown markers at the edges included). */
  start: number;
  end: number;
  /** The block's text with wrapped lines joined and markdown removed (spelling as in the original). */
  text: string;
  role: BlockRole;
  /** Titles of the headings this block falls under, from the top; a heading's own title is last. */
  section: string[];
  /** Ids of those headings (index of the heading's block), to tell equal titles apart. */
  path: number[];
  /** Top-level section (Phần or Roman heading, preamble, closing, …) the block belongs to. */
  group: number;
  /** A "+" sub-item, which belongs with the item before it. */
  subItem: boolean;
  /** A heading line with nothing else on it (not "2. Phạm vi: Kế hoạch được thực hiện…"). */
  bare: boolean;
}

/** A heading title longer than this is cut at a word boundary, so section paths stay readable. */
export const MAX_TITLE_CHARS = 100;

const ROMAN = /^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$/u;
const TERMINAL = /[.;!?]["”)]?$/u;

/** Legal bases and the issuing sentence that precede the plan's sections. */
export const isPreambleStart = (line: string): boolean =>
  /^(Căn cứ|Trên cơ sở|Theo đề nghị|Xét đề nghị)(?![\p{L}\p{M}\d])/u.test(line) ||
  /^Thực hiện\s+(?:\p{L}+\s+){1,3}(số|\d)/u.test(line) ||
  /(xây dựng|ban hành) Kế hoạch(?![\p{L}\p{M}\d])/u.test(line) ||
  /như sau:?$/u.test(line);
const CLOSING = /^(Trên đây là|Trong quá trình|(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(\s+\p{L}+){0,4}\s+(đề nghị|yêu cầu))/u;
const RECIPIENTS = /^Nơi nhận(?![\p{L}\p{M}\d])/u;
const SIGNATURE = /^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)+|^(?:PHÓ )?CHỦ TỊCH(?![\p{L}\p{M}\d])/u;

export function truncateTitle(title: string, max = MAX_TITLE_CHARS): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:–-]+$/u, '')}…`;
}

interface HeadingLine {
  /** 0 = Phần, 1 = Roman, 2 = "1.", 3 = "1.1.", …, 10 = "a)". */
  rank: number;
  /** Title for the section path, or undefined for a numbered item that is really a paragraph. */
  title?: string;
  /** Text follows the title on the same line ("3. Thời gian thực hiện: Từ năm 2021 - 2025."). */
  inline?: boolean;
}

/** Recognises a heading or a numbered list item; undefined for anything else. */
export function classifyLine(line: string): HeadingLine | undefined {
  if (/^Phần thứ \p{L}+/u.test(line)) return { rank: 0, title: line };
  const roman = /^([IVXL]{1,6})\.\s+(\p{Lu}.*)$/u.exec(line);
  if (roman && ROMAN.test(roman[1])) {
    const rest = roman[2];
    const heading = rest.length <= 200 && (isUpper(rest) || !TERMINAL.test(rest));
    return { rank: 1, title: heading ? truncateTitle(line.replace(/:$/u, '')) : undefined };
  }
  const numbered = /^(\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+)\s+(\p{Lu}.*)$/u.exec(line) ?? /^([a-zđ]\))\s+(\p{L}.*)$/u.exec(line);
  if (!numbered) return undefined;
  const [, marker, rest] = numbered;
  const rank = marker.endsWith(')') ? 10 : 1 + marker.replace(/\.$/u, '').split('.').length;
  if (rest.endsWith(':') && !/[.;]/u.test(rest.slice(0, -1))) return { rank, title: truncateTitle(`${marker} ${rest.slice(0, -1)}`) };
  // "5. Phòng Văn hóa và Thông tin…: phối hợp với…" — the part before the colon names the section.
  const colon = rest.indexOf(': ');
  if (colon > 0 && colon <= 120 && !/[.;]/u.test(rest.slice(0, colon))) return { rank, title: truncateTitle(`${marker} ${rest.slice(0, colon)}`), inline: true };
  if (!TERMINAL.test(rest) && rest.length <= 200) return { rank, title: truncateTitle(`${marker} ${rest}`) };
  return { rank };
}

/** A block's words as written (tone marks and dashes kept, so titles read like the document): lines joined, markdown removed. */
const plainText = (slice: string): string =>
  slice
    .replace(/^[ \t]*\|[ \t|]*$/gmu, '')
    .replace(/\*\*+/gu, '')
    .replace(/(?<=\()\*(?=\S)|(?<=\S)\*(?=\))/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

/** Splits a plan into roles and sections. */
export function parseStructure(original: string): Block[] {
  const cleaned = cleanText(original);
  const lines: { text: string; start: number; end: number }[] = [];
  let offset = 0;
  for (const text of cleaned.text.split('\n')) {
    if (text !== '') {
      let start = cleaned.toOriginal(offset);
      let end = cleaned.toOriginalEnd(offset + text.length);
      while (start > 0 && /[*_]/u.test(original[start - 1])) start -= 1;
      while (end < original.length && /[*_]/u.test(original[end])) end += 1;
      lines.push({ text: plainText(original.slice(start, end)), start, end });
    }
    offset += text.length + 1;
  }

  const blocks: Block[] = [];
  const stack: { rank: number; title: string; id: number }[] = [];
  let state: 'header' | 'preamble' | 'body' | 'closing' | 'recipients' | 'signature' = 'header';
  let group = 0;
  let lastHeading = -1;
  const classified = lines.map((line) => classifyLine(line.text));
  classified.forEach((heading, i) => {
    if (heading?.title) lastHeading = i;
  });

  lines.forEach((line, i) => {
    const heading = classified[i];
    const previous = blocks[blocks.length - 1];
    const push = (role: BlockRole, subItem = false): void => {
      const bare = role === 'heading' && !heading?.inline;
      blocks.push({ ...line, role, section: stack.map((entry) => entry.title), path: stack.map((entry) => entry.id), group, subItem, bare });
    };
    const enter = (next: typeof state): void => {
      if (state !== next) group += 1;
      state = next;
    };

    if (state !== 'header' && state !== 'preamble' && state !== 'signature' && SIGNATURE.test(line.text)) {
      stack.length = 0;
      enter('signature');
      return push('signature');
    }
    if (state === 'signature') {
      // The signer's name (and title lines) follow "KT. CHỦ TỊCH"; anything else resumes the recipients or body.
      if (line.text.length <= 60 && !TERMINAL.test(line.text) && !/^[-+•]/u.test(line.text) && !RECIPIENTS.test(line.text)) return push('signature');
      enter(RECIPIENTS.test(line.text) ? 'recipients' : 'closing');
      return push(state);
    }
    if (RECIPIENTS.test(line.text) && state !== 'header') {
      stack.length = 0;
      enter('recipients');
      return push('recipients');
    }
    if (state === 'recipients') return push('recipients');

    if (state === 'header' || state === 'preamble') {
      // The first heading starts the body; in a document without legal bases, so does a long paragraph.
      const startsBody =
        heading?.title !== undefined || (state === 'header' && blocks.length > 0 && line.text.length > 300 && !isUpper(line.text) && !isPreambleStart(line.text));
      if (!startsBody) {
        if (state === 'header' && isPreambleStart(line.text)) enter('preamble');
        return push(state);
      }
      enter('body');
    }
    if (state === 'body' && i > lastHeading && CLOSING.test(line.text)) {
      stack.length = 0;
      enter('closing');
    }
    if (state === 'closing') return push('closing');

    if (heading) {
      while (stack.length > 0 && stack[stack.length - 1].rank >= heading.rank) stack.pop();
      if (heading.title !== undefined) {
        if (heading.rank <= 1) group += 1;
        stack.push({ rank: heading.rank, title: heading.title, id: blocks.length });
        return push('heading');
      }
      return push('content');
    }
    // "Phần thứ hai" is followed by its title on a line of its own.
    if (previous?.role === 'heading' && /^Phần thứ \p{L}+$/u.test(previous.text) && isUpper(line.text)) {
      const part = stack[stack.length - 1];
      part.title = truncateTitle(`${previous.text}: ${line.text}`);
      previous.section = stack.map((entry) => entry.title);
      return push('heading');
    }
    push('content', /^\+\s/u.test(line.text));
  });
  return blocks;
}
