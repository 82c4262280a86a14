import { basename, extname } from 'node:path';
import { foldDiacritics } from '../lang/normalize.js';
import type { DocumentMeta, DocumentRelation, LocalityLevel } from '../types.js';
import { isUpper } from './clean-text.js';
import { DOCUMENT_NUMBER, DOCUMENT_TYPES, EFFECTIVE_FROM, issuerOfNumber, TYPE_NAMES, typeOfNumber, type DocumentType } from './grammar.js';
import { parseStructure, type Block } from './parse-structure.js';

// Metadata for documents that have no manifest entry, read from any header layout: the official header (issuing
// body, number, place and date, type and title), website boilerplate and portal tables before it ("Số hiệu /
// Loại văn bản / Nơi ban hành / Người ký / Ngày ban hành"), the signature block and the legal bases. Every field
// comes from something the text states; a field the text does not state stays undefined.

/** Centrally governed cities are their own province; other "thành phố" belong to a province. */
const CENTRAL_CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

const UNITS: Record<string, LocalityLevel> = {
  'tỉnh': 'tỉnh',
  'thành phố': 'thành phố',
  tp: 'thành phố',
  'tp.': 'thành phố',
  'huyện': 'huyện',
  'quận': 'quận',
  'thị xã': 'thị xã',
  'xã': 'xã',
  'phường': 'phường',
};
const UNIT = '(tỉnh|thành phố|tp\\.?|huyện|quận|thị xã|xã|phường)';
const NAME = '((?:\\p{Lu}[\\p{L}]*)(?: \\p{Lu}[\\p{L}]*){0,3})';

/** ASCII kebab-case slug of a file name: "Kế hoạch 8557 (Bến Tre).docx" → "ke-hoach-8557-ben-tre". */
export function slugOfFileName(fileName: string): string {
  const stem = basename(fileName, extname(fileName));
  const slug = foldDiacritics(stem.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'tai-lieu';
}

const capitalize = (word: string): string => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
const lower = (text: string): string => text.toLocaleLowerCase('vi');
/** A place name as people write it: "BẮC NINH" → "Bắc Ninh", "HỒ CHÍ MINH" → "Hồ Chí Minh". */
const titleCase = (words: string): string => lower(words).split(/\s+/).map(capitalize).join(' ');
/** An agency's name: first syllable of each coordinated part capitalised ("BỘ GIÁO DỤC VÀ ĐÀO TẠO" → "Bộ Giáo dục và Đào tạo"). */
export const agencyCase = (words: string): string =>
  lower(words)
    .split(/(\s+và\s+|,\s*|\s+-\s+)/u)
    .map((part, i) => (i % 2 === 1 ? part : capitalize(part)))
    .join('')
    .replace(/^(bộ|sở|cục|ban|văn phòng|ủy ban|uỷ ban|hội đồng)\s+(\p{L})/iu, (_m, head: string, letter: string) => `${capitalize(head)} ${letter.toLocaleUpperCase('vi')}`);

/** Header lines: the header blocks cut at table cells and rule lines ("CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | …"). */
const headerLinesOf = (blocks: readonly Block[]): string[] =>
  blocks
    .filter((block) => block.role === 'header')
    .flatMap((block) => block.text.split(/\s*\|\s*|[_=]{3,}|-{3,}/u))
    // Portal fields run together on one line: "Số hiệu 8557/KH-UBND Ngày ban hành 24/12/2021 …".
    .flatMap((line) => line.split(new RegExp(`(?<=\\S)\\s+(?=(?:${PORTAL_LABELS.join('|')})(?::|\\s))`, 'u')))
    .map((line) => line.replace(/^#+\s*/u, '').trim())
    .filter((line) => line !== '');

const PORTAL_LABELS = ['Số hiệu', 'Loại văn bản', 'Nơi ban hành', 'Cơ quan ban hành', 'Người ký', 'Ngày ban hành', 'Ngày có hiệu lực', 'Ngày hiệu lực', 'Lĩnh vực', 'Tình trạng', 'Ngày công báo', 'Số công báo'];
const PORTAL_ALIASES: Record<string, string> = { 'Cơ quan ban hành': 'Nơi ban hành', 'Ngày có hiệu lực': 'Ngày hiệu lực' };

/** Website portal fields ("Số hiệu:" / "2629/QĐ-TTg"), label and value on consecutive lines or on one. */
function portalFields(lines: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  lines.forEach((line, i) => {
    const label = PORTAL_LABELS.find((candidate) => new RegExp(`^${candidate}(?::|\\s|$)`, 'u').test(line));
    const field = label && (PORTAL_ALIASES[label] ?? label);
    if (!label || !field || fields.has(field)) return;
    const inline = line.slice(label.length).replace(/^:/u, '').trim();
    const value = inline || lines[i + 1] || '';
    if (value && !PORTAL_LABELS.some((other) => value.startsWith(other))) fields.set(field, value.trim());
  });
  return fields;
}

const normalizeNumber = (number: string): string => number.replace(/\s*([/-])\s*/gu, '$1').replace(/[.;,]+$/u, '');

function numberOf(lines: readonly string[], portal: Map<string, string>): string | undefined {
  const pattern = new RegExp(`^Số(?: hiệu)?\\s*:?\\s*(${DOCUMENT_NUMBER.source})`, 'u');
  for (const [i, line] of lines.entries()) {
    // A header converted from a table may leave "Số:" on a line of its own, the number on the next.
    const label = /^Số(?: hiệu)?\s*:?$/u.test(line.trim()) && i + 1 < lines.length ? `${line.trim()} ${lines[i + 1]}` : line;
    const match = pattern.exec(label.replace(/(?<=[/-])\s+/gu, ''));
    if (match) return normalizeNumber(match[1]);
  }
  const listed = portal.get('Số hiệu');
  return listed && DOCUMENT_NUMBER.test(listed) ? normalizeNumber(DOCUMENT_NUMBER.exec(listed)![0]) : undefined;
}

const pad = (value: string): string => value.padStart(2, '0');

/** The place-and-date line of the header ("Bắc Ninh, ngày 24 tháng 11 năm 2025"); never a date cited in "Căn cứ". */
function issuedDateOf(lines: readonly string[], portal: Map<string, string>): string | undefined {
  for (const line of lines) {
    const written = /(?:^|,)\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u.exec(line);
    if (written && /,\s*ngày/u.test(line)) {
      const [, day, month, year] = written;
      return day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
    }
  }
  const listed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(portal.get('Ngày ban hành') ?? '');
  return listed ? `${listed[3]}-${pad(listed[2])}-${pad(listed[1])}` : undefined;
}

/** A law or a resolution without a dateline is dated by its closing words: "Nghị quyết này được … thông qua ngày 06 tháng 02 năm 2025". */
function adoptedDateOf(text: string): string | undefined {
  const adopted = /(?:Luật|Nghị quyết|Pháp lệnh) này (?:đã )?được [^.]{0,300}?thông qua ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text.replace(/[*_]/gu, ''));
  return adopted ? `${adopted[3]}-${pad(adopted[2])}-${pad(adopted[1])}` : undefined;
}

/** The type word printed above the title ("NGHỊ ĐỊNH", "KẾ HOẠCH"), with what follows it on the same line. */
function typeLineOf(lines: readonly string[]): { type: DocumentType; index: number; rest: string } | undefined {
  for (let index = 0; index < lines.length; index += 1) {
    for (const entry of DOCUMENT_TYPES) {
      if (!entry.marker || !lines[index].startsWith(entry.marker)) continue;
      const rest = lines[index].slice(entry.marker.length);
      if (rest === '' || /^[\s:]/u.test(rest)) return { type: entry.type, index, rest: rest.replace(/^[\s:]+/u, '') };
    }
  }
  return undefined;
}

/** Lines naming the issuing authority, which end a title: "THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ Y TẾ", "ỦY BAN NHÂN DÂN TỈNH X". */
const AUTHORITY = /^(CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|BỘ TRƯỞNG|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CHỦ TỊCH)/u;

const TRAILING_AUTHORITY = /(?<!CỦA)\s+(THỦ TƯỚNG CHÍNH PHỦ|BỘ TRƯỞNG BỘ [\p{Lu} ,-]+|(ỦY|UỶ) BAN NHÂN DÂN [\p{Lu} ]+|CHỦ TỊCH (ỦY|UỶ) BAN NHÂN DÂN [\p{Lu} ]+)$/u;

/** The title as printed after the type word, in sentence case and starting with the type ("Nghị định quy định về…"). */
function titleOf(lines: readonly string[], typeLine: { type: DocumentType; index: number; rest: string }, places: readonly string[]): string | undefined {
  const parts = typeLine.rest ? [typeLine.rest] : [];
  for (let i = typeLine.index + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (AUTHORITY.test(line) || /^(Số|Căn cứ)(?![\p{L}\d])/u.test(line) || /^\(?(Ban hành )?kèm theo/iu.test(line)) break;
    // An upper-case title may be wrapped over several lines; a mixed-case one is one paragraph, repeated at times.
    if (parts.length > 0 && !(isUpper(line) && isUpper(parts[parts.length - 1])) && !/^[,;]/u.test(line)) break;
    parts.push(line);
  }
  // Upper-case lines join when wrapped, so the authority line under the title may have joined it.
  let title = parts.join(' ').replace(/\s+([,;])/gu, '$1').replace(/\s+/gu, ' ').replace(TRAILING_AUTHORITY, '').trim();
  if (!title) return undefined;
  if (isUpper(title)) {
    const numbers = title.match(new RegExp(DOCUMENT_NUMBER.source, 'gu')) ?? [];
    title = lower(title);
    for (const number of numbers) title = title.replace(lower(number), number);
    // Upper-case titles lose their capitals: restore place names and the names of the State's bodies.
    for (const name of [...places, 'Chính phủ', 'Thủ tướng Chính phủ', 'Quốc hội', 'Bộ Chính trị', 'Việt Nam']) {
      title = title.replace(new RegExp(`(?<![\\p{L}])${lower(name)}(?![\\p{L}])`, 'gu'), name);
    }
    title = title.replace(new RegExp(`(?<![\\p{L}])(${TYPE_NAMES.map(lower).join('|')})(?= số)`, 'gu'), (m) => capitalize(m));
  } else {
    title = title.charAt(0).toLocaleLowerCase('vi') + title.slice(1);
  }
  return `${typeLine.type} ${title}`;
}

interface Issuer {
  issuer: string;
  level: LocalityLevel;
  locality?: string;
  province?: string;
}

function provinceIn(text: string): string | undefined {
  return new RegExp(`(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN)(?: \\(UBND\\))? (?:tỉnh|TỈNH) ${NAME}`, 'u').exec(text)?.[1];
}

function localIssuer(body: string, unitWord: string, rawName: string, text: string): Issuer {
  const unit = lower(unitWord);
  const level = UNITS[unit];
  const unitName = level === 'thành phố' ? 'thành phố' : unit;
  const name = isUpper(rawName) ? titleCase(rawName) : rawName;
  const central = level === 'thành phố' && CENTRAL_CITIES.includes(name);
  const province = level === 'tỉnh' || central ? name : provinceIn(text);
  const upperProvince = province && isUpper(province) ? titleCase(province) : province;
  return { issuer: `${body} ${unitName} ${name}`, level, locality: `${capitalize(unitName)} ${name}`, province: upperProvince };
}

/** The issuing body from the header's first lines, the portal's "Nơi ban hành", or the issuing sentence. */
function issuerOf(lines: readonly string[], portal: Map<string, string>, text: string, title: string | undefined): Issuer | undefined {
  for (const [i, raw] of lines.entries()) {
    if (/^CỘNG HÒA|^CỘNG HOÀ/u.test(raw)) break;
    const line = raw.replace(/\s+/gu, ' ');
    const local = new RegExp(`^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\\s*${UNIT}\\s+(.+)$`, 'iu').exec(line);
    if (local) {
      const body = /^(HỘI ĐỒNG|HĐND)/u.test(local[1]) ? 'Hội đồng nhân dân' : 'Ủy ban nhân dân';
      return localIssuer(body, local[2], local[3], text);
    }
    if (/^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(line)) {
      const next = new RegExp(`^${UNIT}\\s+(.+)$`, 'iu').exec(lines[i + 1] ?? '');
      if (next) return localIssuer('Ủy ban nhân dân', next[1], next[2], text);
    }
    if (/^THỦ TƯỚNG CHÍNH PHỦ$/u.test(line)) return { issuer: 'Thủ tướng Chính phủ', level: 'quốc gia' };
    if (/^CHÍNH PHỦ$/u.test(line)) return { issuer: 'Chính phủ', level: 'quốc gia' };
    if (/^QUỐC HỘI$/u.test(line)) return { issuer: 'Quốc hội', level: 'quốc gia' };
    if (/^BỘ [\p{Lu} ,-]+$/u.test(line) && !/^BỘ TRƯỞNG/u.test(line)) return { issuer: agencyCase(line), level: 'quốc gia' };
  }
  const listed = portal.get('Nơi ban hành');
  if (listed) {
    if (/^(Chính phủ|Thủ tướng Chính phủ|Quốc hội)$/u.test(listed) || /^Bộ /u.test(listed)) return { issuer: listed, level: 'quốc gia' };
    const place = new RegExp(`^${UNIT} (.+)$`, 'iu').exec(listed);
    if (place) return localIssuer('Ủy ban nhân dân', place[1], place[2], text);
  }
  // "Ủy ban nhân dân thành phố Hà Nội xây dựng Kế hoạch…", "UBND thành phố ban hành Kế hoạch…" (place in the title).
  const sentence = new RegExp(`(Ủy ban nhân dân|UBND) ${UNIT}(?: ${NAME})? (?:xây dựng|ban hành) (?:Kế hoạch|Quyết định)`, 'u').exec(text);
  if (sentence) {
    const name = sentence[3] ?? (title ? new RegExp(`trên địa bàn ${sentence[2]} ${NAME}`, 'u').exec(title)?.[1] : undefined);
    if (name) return localIssuer('Ủy ban nhân dân', sentence[2], name, text);
  }
  return undefined;
}

const PERSON = /^(\p{Lu}\p{Ll}*)( \p{Lu}\p{Ll}*){1,4}$/u;

/** The name under the first signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Mai Sơn"), else the portal's "Người ký". */
function signerOf(blocks: readonly Block[], portal: Map<string, string>): string | undefined {
  const first = blocks.findIndex((block) => block.role === 'signature');
  if (first >= 0) {
    for (let i = first; i < blocks.length && i < first + 8 && blocks[i].role === 'signature'; i += 1) {
      const name = blocks[i].text.split(/\s*\|\s*/u).find((part) => !isUpper(part) && PERSON.test(part));
      if (name) return name;
    }
  }
  const listed = portal.get('Người ký');
  if (listed && PERSON.test(listed)) return listed;
  // A signature laid out in one table cell: "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Nguyễn Hòa Bình".
  for (const block of blocks) {
    const glued = /(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC)\s*(?:\(Đã ký\))?\s*(\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,4})\s*\|?\s*$/u.exec(block.text);
    if (glued && /(?:KT|TM)\./u.test(block.text)) return glued[1];
  }
  return undefined;
}

function periodOf(title: string | undefined, text: string): string | undefined {
  const phase = title && /(?:giai đoạn|nhiệm kỳ) (\d{4})\s*[-–]\s*(\d{4})/iu.exec(title);
  if (phase) return `${phase[1]}-${phase[2]}`;
  const stated = /Thời gian thực hiện[^:\n]*:\s*(?:Từ|từ)(?: năm)? (\d{4})\s*(?:[-–]|đến(?: năm)?)\s*(\d{4})/u.exec(text);
  if (stated) return `${stated[1]}-${stated[2]}`;
  const year = title && /năm (\d{4})$/iu.exec(title);
  return year ? year[1] : undefined;
}

/** "có hiệu lực (thi hành) (kể) từ ngày 15 tháng 01 năm 2026", or from signing ("kể từ ngày ký"): the issue date. */
function effectiveDateOf(text: string, issuedDate: string | undefined, portal: Map<string, string>): string | undefined {
  const match = new RegExp(String.raw`${EFFECTIVE_FROM.source}\s*(?:(\d{1,2}) tháng (\d{1,2}) năm (\d{4})|(\d{1,2})\/(\d{1,2})\/(\d{4})|(ký|ban hành))`, 'u').exec(text.replace(/\s+/gu, ' '));
  if (!match) {
    const listed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(portal.get('Ngày hiệu lực') ?? '');
    return listed ? `${listed[3]}-${pad(listed[2])}-${pad(listed[1])}` : undefined;
  }
  if (match[7]) return issuedDate;
  const [day, month, year] = match[1] ? [match[1], match[2], match[3]] : [match[4], match[5], match[6]];
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A sentence stating that the document implements another: "Thực hiện Quyết định số…", "Kế hoạch triển khai Nghị quyết…". */
const IMPLEMENTS = new RegExp(`^(Thực hiện|Triển khai)|(thực hiện|triển khai)\\s+(${TYPE_NAMES.join('|')})`, 'u');
/** Changes to other documents, named after the cue ("thay thế Nghị định số…"), or before it ("… hết hiệu lực"). */
const CHANGES: readonly { kind: DocumentRelation['kind']; cue: RegExp }[] = [
  { kind: 'sửa đổi, bổ sung', cue: /sửa đổi, bổ sung/u },
  { kind: 'thay thế', cue: /thay thế/u },
  { kind: 'bãi bỏ', cue: /bãi bỏ|hết hiệu lực/u },
];

/** Relations the text states to other documents by number: căn cứ, thực hiện, thay thế, bãi bỏ, sửa đổi/bổ sung. */
function relationsOf(blocks: readonly Block[], title: string | undefined, own: string | undefined): DocumentRelation[] {
  const relations: DocumentRelation[] = [];
  const seen = new Set<string>();
  const add = (kind: DocumentRelation['kind'], text: string): void => {
    for (const match of text.matchAll(new RegExp(DOCUMENT_NUMBER.source, 'gu'))) {
      const number = normalizeNumber(match[0]);
      if (number === own || seen.has(`${kind}|${number}`)) continue;
      seen.add(`${kind}|${number}`);
      relations.push({ kind, number });
    }
  };
  const sentences = [
    ...(title ? [{ text: title, framing: true }] : []),
    ...blocks.filter((block) => !['header', 'signature', 'recipients'].includes(block.role)).map((block) => ({ text: block.text, framing: block.role === 'preamble' })),
  ];
  for (const { text, framing } of sentences) {
    // The title and the legal bases say what the document rests on and what it implements.
    if (framing && /^Căn cứ/u.test(text)) add('căn cứ', text);
    else if (framing && IMPLEMENTS.test(text)) add('thực hiện', text);
    else {
      const change = CHANGES.map(({ kind, cue }) => ({ kind, match: cue.exec(text) })).find(({ match }) => match);
      if (change?.match) add(change.kind, change.match[0] === 'hết hiệu lực' ? text.slice(0, change.match.index) : text.slice(change.match.index));
    }
  }
  return relations;
}

/** Metadata for a document added without a manifest entry. */
export function extractMetadata(text: string, sourceFile: string, blocks: readonly Block[] = parseStructure(text)): DocumentMeta {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const lines = headerLinesOf(blocks);
  const portal = portalFields(lines);
  // The official header follows any website boilerplate: start after the portal table when there is one.
  const portalEnd = Math.max(-1, ...['Tình trạng', 'Số công báo', 'Ngày công báo', 'Ngày hiệu lực', 'Ngày ban hành'].map((label) => lines.findIndex((line) => line.startsWith(`${label}:`))));
  const officialStart = portalEnd < 0 ? 0 : portalEnd + 2;
  const official = lines.slice(Math.min(officialStart, lines.length));
  const number = numberOf(official, portal) ?? numberOf(lines, portal);
  const typeLine = typeLineOf(official) ?? typeLineOf(lines);
  const portalType = DOCUMENT_TYPES.find((entry) => entry.type === portal.get('Loại văn bản'))?.type;
  const subject = subjectOf(official) ?? subjectOf(lines);
  // The type printed, else the one a portal states, else a letter's subject line: a number's code guesses last
  // ("5348/CT-CS" is a letter of the tax department, not a directive).
  const type: DocumentType = typeLine?.type ?? portalType ?? (subject || /^V\/v/mu.test(normalized) ? 'Công văn' : undefined) ?? (number ? typeOfNumber(number) : undefined) ?? 'Văn bản';

  const provisional = typeLine ? titleOf(official.length ? official : lines, typeLine, []) : undefined;
  const coded = number ? issuerOfNumber(number) : undefined;
  const issuer = issuerOf(official.length ? official : lines, portal, normalized, provisional) ?? (coded ? { issuer: coded, level: 'quốc gia' as const } : undefined);
  const places = [issuer?.locality?.replace(/^\p{L}+(?: phố| xã)? /u, ''), issuer?.province].filter((place): place is string => Boolean(place));
  const title =
    (typeLine ? titleOf(official.length ? official : lines, typeLine, places) : undefined) ??
    (subject ? `${type} về việc ${subject}` : undefined) ??
    fallbackTitle(official) ??
    // A letter of a known type and number, its subject not found, is named by them rather than by a portal's notice.
    (number && type !== 'Văn bản' ? `${type} ${number}` : fallbackTitle(lines));
  const issuedDate = issuedDateOf(official, portal) ?? issuedDateOf(lines, portal) ?? adoptedDateOf(normalized);

  return {
    id: slugOfFileName(sourceFile),
    type,
    title: title ?? basename(sourceFile, extname(sourceFile)),
    number,
    issuer: issuer?.issuer,
    locality: issuer?.locality,
    level: issuer?.level,
    province: issuer?.province,
    issuedDate,
    effectiveDate: effectiveDateOf(normalized, issuedDate, portal),
    signer: signerOf(blocks, portal),
    period: periodOf(title, normalized),
    relations: relationsOf(blocks, title, number),
    sourceFile,
  };
}

/** A letter's subject line under its number ("V/v hướng dẫn góp vốn điều lệ", "Về việc …"): what it is about. */
function subjectOf(lines: readonly string[]): string | undefined {
  // (A header cell holds several lines: "Số: 5348/CT-CS" above "*V/v hướng dẫn góp vốn điều lệ*".)
  for (const line of lines.flatMap((cell) => cell.split('\n'))) {
    // (…or after the number, the cell's lines joined: "Số: 5348/CT-CS *V/v hướng dẫn góp vốn điều lệ*".)
    const subject = /^[*_\s]*(?:V\/v|Về việc)[:.]?\s+(.+?)[*_\s]*$/u.exec(line)?.[1] ?? /^Số(?!\p{L}).*?\sV\/v[:.]?\s+([^*]+?)[*_\s]*$/u.exec(line)?.[1];
    if (subject) return subject.replace(/\s+/gu, ' ');
  }
  return undefined;
}

const ISSUING_BODY = /^(BỘ|CỤC|TỔNG CỤC|VĂN PHÒNG|BAN|SỞ|THUẾ|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|HỘI ĐỒNG|ĐẢNG|TỈNH ỦY|THÀNH ỦY|TỈNH UỶ|THÀNH UỶ|NGÂN HÀNG NHÀ NƯỚC|KIỂM TOÁN|TÒA ÁN|VIỆN KIỂM SÁT)(?![\p{L}\p{M}])/u;

/** Without a type word, the first line that reads like a title. */
function fallbackTitle(lines: readonly string[]): string | undefined {
  const heading = lines.find(
    (line) =>
      line.length >= 10 &&
      line.length <= 400 &&
      !/^(Số|CỘNG HÒA|CỘNG HOÀ|Độc lập|ỦY BAN|UBND|Kính gửi|Nơi nhận)(?![\p{L}\p{M}\d])/u.test(line) &&
      // The issuing body's name ("BỘ TÀI CHÍNH CỤC THUẾ"), a recipient ("- Thuế tỉnh/thành phố;") name no subject.
      !(isUpper(line) && ISSUING_BODY.test(line)) &&
      !/^[-+•]/u.test(line) &&
      /\p{L}{2}/u.test(line) &&
      !/, ngày/u.test(line),
  );
  return heading && isUpper(heading) ? capitalize(lower(heading)) : heading;
}
