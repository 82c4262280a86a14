// The grammar of Vietnamese administrative documents, as data: document types, heading levels, the cues that
// mark each part of a document (header, legal bases, body, closing, signature, recipients, appendices and
// instruments attached to a decision). The cleaner, the parser, the sentence splitter, the metadata reader and the
// answerer all read their rules from here, so a rule lives in one place.

import type { DocumentType, HeadingKind } from '../types.js';

export type { DocumentType };

interface DocumentTypeEntry {
  type: DocumentType;
  /** The word printed above the title, upper-case ("NGHỊ ĐỊNH"). */
  marker?: string;
  /** Codes in the number that name the type: "09/2025/NĐ-CP", "144/KH-UBND", "64/2025/QH15". */
  codes: readonly string[];
  /** Legal documents are cited by article ("Điều 5 › khoản 2 › điểm a"); plans by their numbering ("VI › 10"). */
  legal: boolean;
  english: string;
}

/**
 * The version of how documents are read (cleaning, structure, chunking, index terms). Raise it with any change that
 * reads stored documents differently: the next ingest then reads every document again (served as before meanwhile),
 * not only the changed files.
 */
export const GRAMMAR_VERSION = 18;

/** Longer markers first: "THÔNG TƯ LIÊN TỊCH" before "THÔNG TƯ". */
export const DOCUMENT_TYPES: readonly DocumentTypeEntry[] = [
  { type: 'Thông tư liên tịch', marker: 'THÔNG TƯ LIÊN TỊCH', codes: ['TTLT'], legal: true, english: 'joint circular' },
  { type: 'Văn bản hợp nhất', marker: 'VĂN BẢN HỢP NHẤT', codes: ['VBHN'], legal: true, english: 'consolidated text' },
  { type: 'Nghị định', marker: 'NGHỊ ĐỊNH', codes: ['NĐ'], legal: true, english: 'decree' },
  { type: 'Thông tư', marker: 'THÔNG TƯ', codes: ['TT'], legal: true, english: 'circular' },
  { type: 'Quyết định', marker: 'QUYẾT ĐỊNH', codes: ['QĐ'], legal: true, english: 'decision' },
  { type: 'Nghị quyết', marker: 'NGHỊ QUYẾT', codes: ['NQ'], legal: true, english: 'resolution' },
  { type: 'Chỉ thị', marker: 'CHỈ THỊ', codes: ['CT'], legal: true, english: 'directive' },
  { type: 'Pháp lệnh', marker: 'PHÁP LỆNH', codes: ['UBTVQH', 'PL'], legal: true, english: 'ordinance' },
  { type: 'Luật', marker: 'LUẬT', codes: ['QH'], legal: true, english: 'law' },
  { type: 'Kế hoạch', marker: 'KẾ HOẠCH', codes: ['KH'], legal: false, english: 'plan' },
  { type: 'Chương trình', marker: 'CHƯƠNG TRÌNH', codes: ['CTr', 'CTR'], legal: false, english: 'programme' },
  { type: 'Thông báo', marker: 'THÔNG BÁO', codes: ['TB'], legal: false, english: 'notice' },
  { type: 'Công văn', marker: 'CÔNG VĂN', codes: ['CV'], legal: false, english: 'official letter' },
  { type: 'Công điện', marker: 'CÔNG ĐIỆN', codes: ['CĐ'], legal: false, english: 'official dispatch' },
  { type: 'Văn bản', codes: [], legal: false, english: 'document' },
];

export const typeEntry = (type: DocumentType | undefined): DocumentTypeEntry =>
  DOCUMENT_TYPES.find((entry) => entry.type === type) ?? DOCUMENT_TYPES[DOCUMENT_TYPES.length - 1];

/**
 * Issuing bodies named by the code after the type in a number ("09/2025/NĐ-CP", "45/2025/TT-BYT"): the issuer of a
 * document whose header lost its first lines. Data: a deployment may add its own.
 */
const ISSUER_CODES: Readonly<Record<string, string>> = {
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  QH: 'Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  VPCP: 'Văn phòng Chính phủ',
  BTC: 'Bộ Tài chính',
  BYT: 'Bộ Y tế',
  BGDĐT: 'Bộ Giáo dục và Đào tạo',
  BLĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BNV: 'Bộ Nội vụ',
  BCA: 'Bộ Công an',
  BQP: 'Bộ Quốc phòng',
  BTP: 'Bộ Tư pháp',
  BNG: 'Bộ Ngoại giao',
  BKHĐT: 'Bộ Kế hoạch và Đầu tư',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BNNMT: 'Bộ Nông nghiệp và Môi trường',
  BTNMT: 'Bộ Tài nguyên và Môi trường',
  BXD: 'Bộ Xây dựng',
  BGTVT: 'Bộ Giao thông vận tải',
  BCT: 'Bộ Công Thương',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  BDTTG: 'Bộ Dân tộc và Tôn giáo',
  NHNN: 'Ngân hàng Nhà nước Việt Nam',
  TTCP: 'Thanh tra Chính phủ',
};

/** The body a number's issuer code names: "09/2025/NĐ-CP" → Chính phủ; undefined for a local code ("KH-UBND"). */
export function issuerOfNumber(number: string): string | undefined {
  const parts = number.split('/').at(-1)?.split('-') ?? [];
  // "1663/NQ-UBTVQH15", "72/2025/QH15": the code of the National Assembly's body carries its term.
  const code = (parts.length > 1 ? parts.slice(1).join('-') : (parts[0] ?? '')).replace(/\d+$/u, '');
  // A letter's number names its issuer first, then the unit that drafted it: "10988/BNV-CQĐP", "11299/VPCP-KGVX".
  return (code ? ISSUER_CODES[code] : undefined) ?? (parts.length === 2 && !typeOfNumber(number) ? ISSUER_CODES[parts[0]] : undefined);
}

/** Type names as they appear in running text ("ban hành Nghị định…", "Thông tư số 55/2023/TT-BTC"). */
export const TYPE_NAMES = DOCUMENT_TYPES.filter((entry) => entry.marker).map((entry) => entry.type);
const TYPE_NAME_ALTERNATION = TYPE_NAMES.join('|');

/** The type a number's code names: "09/2025/NĐ-CP" → Nghị định; undefined for "1234/UBND-VX". */
export function typeOfNumber(number: string): DocumentType | undefined {
  const code = number.split('/').slice(1).find((part) => /\p{L}/u.test(part))?.split('-')[0].replace(/\d+$/u, '');
  if (!code) return undefined;
  return DOCUMENT_TYPES.find((entry) => entry.codes.includes(code))?.type;
}

/** A document number as written: "144/KH-UBND", "09/2025/NĐ-CP", "2623/QĐ-TTg", "57-NQ/TW". */
export const DOCUMENT_NUMBER = /\d{1,5}(?:\/\d{4})?(?:\/|-)[\p{Lu}Đđ][\p{L}\d&.]*(?:-[\p{L}\d&.]+)*(?:\/[\p{Lu}][\p{L}\d&.-]*)?/u;

// ---------------------------------------------------------------------------------------------------------------
// Headings. Ranks nest: a heading closes every open heading of the same or a higher rank. One order serves every
// profile: a decree's Chương › Mục › Điều › khoản › điểm and a plan's Phần › I. › 1. › 1.1. › a) never clash, and a
// decision whose Điều 1 holds a plan-like I. / 1. / a) outline nests them under the article.

export type HeadingLevelId = Exclude<HeadingKind, 'appendix' | 'attachment'>;

export interface HeadingLevel {
  id: HeadingLevelId;
  rank: number;
  /** Matches the marker at the start of a cleaned line; group 1 is the number, the rest of the line follows. */
  marker: RegExp;
  /** The marker as a citation names it: "Chương II", "Điều 5", "khoản 2", "điểm a", "VI", "10", "2.1". */
  label(number: string, legal: boolean): string;
  /** A title printed on the following line belongs to the heading ("Chương I" / "QUY ĐỊNH CHUNG"). */
  titleOnNextLine?: boolean;
  /** Always a heading whatever follows it (an article is cited even when its text runs on after the number). */
  always?: boolean;
}

const ROMAN_NUMERAL = /^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$/u;
const isRomanNumeral = (value: string): boolean => ROMAN_NUMERAL.test(value);

export const HEADING_LEVELS: readonly HeadingLevel[] = [
  { id: 'part', rank: 0, marker: /^(?:PHẦN|Phần) ((?:THỨ|thứ) \p{L}+|[IVX]+(?![\p{L}])|\d+(?![\p{L}\d]))[.:]?/u, label: (n) => `Phần ${n}`, titleOnNextLine: true, always: true },
  { id: 'chapter', rank: 1, marker: /^(?:CHƯƠNG|Chương) ([IVX]+|\d+)(?![\p{Ll}\d])[.:]?/u, label: (n) => `Chương ${n}`, titleOnNextLine: true, always: true },
  { id: 'section', rank: 2, marker: /^(?:MỤC|Mục) (\d+|[IVX]+)(?![\p{L}\d])[.:]?/u, label: (n) => `Mục ${n}`, titleOnNextLine: true, always: true },
  { id: 'article', rank: 3, marker: /^Điều (\d{1,3}[a-zđ]?)\s*[.:]/u, label: (n) => `Điều ${n}`, always: true },
  { id: 'roman', rank: 4, marker: /^([IVXL]{1,6})\.(?=\s)/u, label: (n, legal) => (legal ? `mục ${n}` : n) },
  { id: 'clause', rank: 5, marker: /^(\d{1,2})\.(?=\s)/u, label: (n, legal) => (legal ? `khoản ${n}` : n) },
  { id: 'subclause', rank: 6, marker: /^(\d{1,2}\.\d{1,2})\.?(?=\s)/u, label: (n) => n },
  { id: 'subsubclause', rank: 7, marker: /^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?(?=\s)/u, label: (n) => n },
  { id: 'point', rank: 10, marker: /^([a-zđ])\)(?=\s)/u, label: (n, legal) => (legal ? `điểm ${n}` : `${n})`) },
];

/** The heading level a cleaned line opens, with its number and the text after the marker. */
export function matchHeadingLevel(line: string): { level: HeadingLevel; number: string; rest: string } | undefined {
  // Deeper numberings first: "1.1." must not read as "1.".
  for (const level of [...HEADING_LEVELS].sort((a, b) => b.rank - a.rank)) {
    const match = level.marker.exec(line);
    if (!match) continue;
    if (level.id === 'roman' && !isRomanNumeral(match[1])) continue;
    return { level, number: match[1], rest: line.slice(match[0].length).trim() };
  }
  return undefined;
}

/** "-", "+", "•" items: never headings; "+" items belong with the item before them. */
const BULLET = /^[-+•–]\s/u;
export const SUB_BULLET = /^\+\s/u;
/** A list item of any kind at the start of a line: "-", "a)", "1.", "1.1.". */
export const LIST_ITEM = /^\s*(?:[-+•]|[a-zđ]\)|\d+(?:\.\d+)*\.)\s/u;
/**
 * The kinds of list marker a line may open with, from the highest rank to the lowest: a clause number "3." holds "a)"
 * points, which hold "-" items (a dash or bullet), which hold "+" items.
 */
export const MARKER_KINDS: readonly RegExp[] = [/^\d+\.\s/u, /^[a-zđ]\)\s/u, /^[-–•]\s/u, /^\+\s/u];
/** The paragraphs of a text, each item of a list its own: blank lines or a list marker at a line's start part them (global). */
export const PARAGRAPHS = /[^\n]+(?:\n(?!\s*\n|[*_\s]*(?:[-–•+]|[a-zđ]\)|\d+\.)\s)[^\n]+)*/gu;

// ---------------------------------------------------------------------------------------------------------------
// Parts of a document.

/** An appendix heading: "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục số 01", "Phụ lục I: Danh mục…". */
export const APPENDIX = /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ|số))?(?:\s+([IVX]+|\d{1,2}[a-z]?|[A-Z]))?(?:\s*[:.–-]\s*|\s+(?=\p{Lu}{2})|\s*$)/u;
/** Instruments a decision issues "kèm theo": their own title starts with one of these words, alone on its line. */
export const ATTACHED_INSTRUMENT = /^(QUY CHẾ|QUY ĐỊNH|KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|ĐIỀU LỆ|HƯỚNG DẪN|PHƯƠNG ÁN|QUY TRÌNH|CHIẾN LƯỢC|DANH MỤC|TIÊU CHÍ|BẢNG)(?:\s+[\p{Lu}\d][\p{Lu}\d\s,.;:()\/–-]*)?$/u;
/** "(Ban hành kèm theo Quyết định số …)", "(Kèm theo Kế hoạch số …)". */
export const ATTACHED_TO = /^\(?(?:Ban hành )?(?:kèm|Kèm) theo\s/u;

/** Legal bases and the issuing sentence that precede the body. */
export const isPreambleStart = (line: string): boolean =>
  /^(Căn cứ|Trên cơ sở|Theo đề nghị|Xét đề nghị|Xét Tờ trình|Theo Tờ trình)(?![\p{L}\p{M}\d])/u.test(line) ||
  /^Thực hiện\s+(?:\p{L}+\s+){1,3}(số|\d)/u.test(line) ||
  PREAMBLE_ISSUING.test(line) ||
  /như sau:?$/u.test(line) ||
  DECIDES.test(line);
const PREAMBLE_ISSUING = new RegExp(`(xây dựng|ban hành|Ban hành) (${TYPE_NAME_ALTERNATION}|Quy chế|Quy định)(?![\\p{L}\\p{M}\\d])`, 'u');
/** "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:" — the line that ends a decision's preamble. */
const DECIDES = /^(QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ|QUY ĐỊNH)\s*:$/u;

export const CLOSING = /^(Trên đây là|Trong quá trình|(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(\s+\p{L}+){0,4}\s+(đề nghị|yêu cầu))/u;
export const RECIPIENTS = /^Nơi nhận(?![\p{L}\p{M}\d])/u;
/** Office titles that open a signature block: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "THỦ TƯỚNG", "BỘ TRƯỞNG". */
export const SIGNATURE =
  /^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)+|^(?:PHÓ )?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|BÍ THƯ)$|^THỨ TRƯỞNG$/u;

/** Lines that begin a new block whatever the line before them: headings, items, parts of the document. */
export const BLOCK_START = new RegExp(
  [
    ...HEADING_LEVELS.map((level) => level.marker.source),
    /^(?:[-+•–]\s|Căn cứ(?![\p{L}\p{M}\d])|Nơi nhận(?![\p{L}\p{M}\d])|KT\.|TM\.|TL\.|Số:|Số hiệu(?![\p{L}\p{M}\d])|PHỤ LỤC|Phụ lục (?:số )?[IVX\d])/u.source,
    // The place-and-date line and the type word of the header ("Cam Lâm, ngày 3 tháng 2 năm 2023", "KẾ HOẠCH").
    /^\p{Lu}[\p{L} .]{1,30}, ngày(?:\s|$)/u.source,
    `^(?:${DOCUMENT_TYPES.flatMap((entry) => entry.marker ?? []).join('|')})$`,
  ].join('|'),
  'u',
);

/** Two or more lines holding only "|" between table rows of a flattened table; one between cells. */
const ROW_BREAK = /\n(?:[ \t]*\|[ \t]*\n){2,}/gu;
export const CELL_BREAK = /\n[ \t]*\|[ \t]*\n/u;

/** A line of a Markdown table, as a Word table is loaded, a row a line: "| 1 | NINH BÌNH | 58.200 |". */
const MARKDOWN_ROWS = /^[ \t]*\|.*\|[ \t]*$/gmu;

/** A Markdown row without its outer pipes, which hold no cell: "| TT | Nội dung |" → "TT | Nội dung". */
export const rowCells = (row: string): string => row.replace(/^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$/gu, '');

/**
 * The Markdown rows of `text`: each its line's span, and the span of its cells (none for a separator line,
 * "|---|:--|").
 */
export function markdownRows(text: string): { line: { start: number; end: number }; cells: { start: number; end: number } | null }[] {
  return [...text.matchAll(MARKDOWN_ROWS)].map((match) => {
    const line = { start: match.index, end: match.index + match[0].length };
    const cells = rowCells(match[0]);
    if (/^[\s|:-]*$/u.test(cells)) return { line, cells: null };
    const start = match.index + match[0].indexOf(cells);
    return { line, cells: { start, end: start + cells.length } };
  });
}

/** Spans of the rows of a flattened table in `text` (cells separated by "|" lines), trimmed of separators. */
export function tableRowSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  const push = (start: number, end: number): void => {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.replace(/^[\s|]+/u, '').length;
    const trail = piece.length - piece.replace(/[\s|]+$/u, '').length;
    if (end - trail > start + lead) spans.push({ start: start + lead, end: end - trail });
  };
  for (const match of text.matchAll(ROW_BREAK)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return spans;
}

/**
 * The rows of the tables in `text`, flattened (cells separated by "|" lines) or Markdown (a row a line), each with
 * where it and its cells stand in the text.
 */
export function tableRows(text: string): { span: { start: number; end: number }; cells: { start: number; end: number }[] }[] {
  // A row's cells: its span cut at the separators of its kind of table.
  const cellsOf = (span: { start: number; end: number }, separator: RegExp | string) => {
    let from = span.start;
    return text.slice(span.start, span.end).split(separator).map((piece) => {
      const start = text.indexOf(piece, from);
      from = start + piece.length;
      return { start, end: start + piece.length };
    });
  };
  return [
    ...tableRowSpans(text).map((span) => ({ span, cells: cellsOf(span, CELL_BREAK) })),
    ...markdownRows(text).flatMap(({ cells }) => (cells ? [{ span: cells, cells: cellsOf(cells, '|') }] : [])),
  ];
}

/** Length of the heading or item marker that opens a line ("Điều 5.", "IV.", "1.1.", "a)", "-"), 0 when none. */
export function markerLength(line: string): number {
  const heading = matchHeadingLevel(line);
  if (heading) return line.length - heading.rest.length;
  return BULLET.exec(line)?.[0].length ?? 0;
}

/** "có hiệu lực (thi hành) (kể) từ ngày …": where a legal document says when it takes effect. */
export const EFFECTIVE_FROM = /có hiệu lực(?: thi hành)?(?: kể)? từ ngày/u;

/**
 * Where a legal portal's own page resumes after a scraped document ("## Văn bản liên quan", "FILE ĐƯỢC ĐÍNH KÈM
 * THEO VĂN BẢN", "Văn bản này chưa cập nhật nội dung Tiếng Anh"): the rest is the site's lists, instructions and
 * contact details, not the document.
 */
export const WEBSITE_TRAILER = /^\s*(?:#{1,6}\s*Văn bản liên quan\s*$|\*{0,2}FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN|Văn bản này chưa cập nhật nội dung Tiếng Anh)/u;
/**
 * The portal's one-line summary of the document right before its trailer, type and number without "số":
 * "Quyết định 2639/QĐ-TTg năm 2025 bổ sung … ban hành", "Thông tư 45/2025/TT-BYT bãi bỏ …".
 */
export const PORTAL_SUMMARY = new RegExp(`^\\s*(?:${TYPE_NAMES.join('|')})\\s+\\d+\\/\\S+\\s`, 'u');
