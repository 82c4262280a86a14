import { basename, extname } from 'node:path';
import { foldDiacritics } from '../lang/normalize.js';
import type { DocumentMeta, LocalityLevel } from '../types.js';
import { isUpper } from './clean-text.js';
import { isPreambleStart } from './parse-structure.js';

// Metadata for documents that have no manifest entry. Every field comes from something the text states;
// a field the text does not state stays undefined.

/** Centrally governed cities are their own province; other "thành phố" belong to a province. */
const CENTRAL_CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

const UNIT = '(tỉnh|thành phố|huyện|quận|thị xã)';
const NAME = '((?:\\p{Lu}[\\p{L}]*)(?: \\p{Lu}[\\p{L}]*){0,3})';
const LEVEL_OF: Record<string, LocalityLevel | undefined> = { 'tỉnh': 'tỉnh', 'thành phố': 'thành phố', 'huyện': 'huyện' };

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
const titleCase = (words: string): string => words.toLocaleLowerCase('vi').split(/\s+/).map(capitalize).join(' ');
const stripMarkdown = (line: string): string => line.replace(/\*+/g, '').trim();


interface Locality {
  unit: string;
  name: string;
  issuer: string;
}

/** "ỦY BAN NHÂN DÂN / TỈNH BẾN TRE" at the top, or "UBND huyện Hữu Lũng" on a line of its own. */
function localityFromHeader(lines: string[]): Locality | undefined {
  for (let i = 0; i < lines.length; i += 1) {
    const line = stripMarkdown(lines[i]);
    if (/^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(line)) {
      const next = stripMarkdown(lines[i + 1] ?? '');
      const match = new RegExp(`^${UNIT} (.+)$`, 'iu').exec(next);
      if (match) {
        const unit = match[1].toLocaleLowerCase('vi');
        const name = titleCase(match[2]);
        return { unit, name, issuer: `Ủy ban nhân dân ${unit} ${name}` };
      }
    }
    const short = new RegExp(`^UBND ${UNIT} (.+)$`, 'iu').exec(line);
    if (short) {
      const unit = short[1].toLocaleLowerCase('vi');
      const name = isUpper(short[2]) ? titleCase(short[2]) : short[2];
      return { unit, name, issuer: `UBND ${unit} ${name}` };
    }
  }
  return undefined;
}

/** The issuing sentence: "Ủy ban nhân dân thành phố Hà Nội xây dựng Kế hoạch…", "UBND thành phố ban hành Kế hoạch…". */
function localityFromIssuingSentence(text: string, title: string | undefined): Locality | undefined {
  const match = new RegExp(`(Ủy ban nhân dân|UBND) ${UNIT}(?: ${NAME})? (?:xây dựng|ban hành) Kế hoạch`, 'u').exec(text);
  if (!match) return undefined;
  const [, body, unit] = match;
  let name: string | undefined = match[3];
  if (!name && title) {
    // "UBND thành phố ban hành…" names the place only in the title: "…trên địa bàn thành phố Lạng Sơn…".
    name = new RegExp(`trên địa bàn ${unit} ${NAME}`, 'u').exec(title)?.[1];
  }
  if (!name) return undefined;
  return { unit, name, issuer: `${body} ${unit} ${name}` };
}

function provinceOf(locality: Locality, text: string): string | undefined {
  if (locality.unit === 'tỉnh') return locality.name;
  if (locality.unit === 'thành phố' && CENTRAL_CITIES.includes(locality.name)) return locality.name;
  return new RegExp(`(?:UBND|Ủy ban nhân dân)(?: \\(UBND\\))? tỉnh ${NAME}`, 'u').exec(text)?.[1];
}

/** The line(s) after "KẾ HOẠCH", else the first heading-like line; sentence case with the place name restored. */
function titleOf(lines: string[], placeName: string | undefined): string | undefined {
  const marker = lines.findIndex((line) => /^KẾ HOẠCH$/u.test(stripMarkdown(line)));
  let parts: string[] = [];
  if (marker >= 0) {
    let i = marker + 1;
    while (i < lines.length && stripMarkdown(lines[i]) === '') i += 1;
    const first = stripMarkdown(lines[i] ?? '');
    if (first && !isPreambleStart(first)) {
      const upper = isUpper(first);
      for (; i < lines.length; i += 1) {
        const line = stripMarkdown(lines[i]);
        // An upper-case title may be hard-wrapped over several lines; a mixed-case one ends at its paragraph.
        if (line === '' || isPreambleStart(line) || (upper && !isUpper(line))) break;
        parts.push(line);
        if (!upper) break;
      }
    }
  }
  const fromMarker = parts.length > 0;
  if (!fromMarker) {
    const heading = lines
      .map(stripMarkdown)
      .find((line) => line.length >= 10 && line.length <= 400 && !/^(Số|CỘNG HÒA|CỘNG HOÀ|Độc lập|ỦY BAN|UBND)(?![\p{L}\p{M}\d])/u.test(line) && /\p{L}{2}/u.test(line) && !/, ngày/u.test(line));
    if (!heading) return undefined;
    parts = [heading];
  }
  let title = parts.join(' ').replace(/\s+/g, ' ').trim();
  // Only a title under "KẾ HOẠCH" is known to name a plan; a fallback heading is kept as it reads.
  if (!fromMarker) return isUpper(title) ? capitalize(title.toLocaleLowerCase('vi')) : title;
  if (isUpper(title)) {
    title = title.toLocaleLowerCase('vi');
    if (placeName) title = title.replace(new RegExp(placeName.toLocaleLowerCase('vi'), 'g'), placeName);
  } else {
    title = title.charAt(0).toLocaleLowerCase('vi') + title.slice(1);
  }
  return /^kế hoạch(?![\p{L}\p{M}\d])/iu.test(title) ? capitalize(title) : `Kế hoạch ${title}`;
}

function numberOf(header: string): string | undefined {
  return /^[ \t*]*Số(?: hiệu)?\s*:?[ \t]*(\d+[\w.-]*\/[\p{L}\d./-]+)/mu.exec(header)?.[1];
}

function issuedDateOf(header: string): string | undefined {
  const pad = (value: string): string => value.padStart(2, '0');
  const written = /^[^\n,]{2,40}, ngày[ \t]+(\d{1,2})?[ \t]*tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4})/mu.exec(header);
  if (written) {
    const [, day, month, year] = written;
    return day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
  }
  const listed = /^Ngày ban hành:?[ \t]+(\d{1,2})\/(\d{1,2})\/(\d{4})/mu.exec(header);
  return listed ? `${listed[3]}-${pad(listed[2])}-${pad(listed[1])}` : undefined;
}

const PERSON = /^(\p{Lu}\p{Ll}*)( \p{Lu}\p{Ll}*){1,4}$/u;

function signerOf(lines: string[]): string | undefined {
  const listed = lines.map(stripMarkdown).find((line) => /^Người ký:? /u.test(line));
  if (listed) return listed.replace(/^Người ký:? /u, '').trim();
  // The signature block is at the end: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / <name>", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / <name>".
  let block = -1;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (/^(KT\.|TM\.|CHỦ TỊCH|PHÓ CHỦ TỊCH)/u.test(stripMarkdown(lines[i]))) {
      block = i;
      break;
    }
  }
  if (block < 0) return undefined;
  for (let i = block + 1; i < Math.min(lines.length, block + 8); i += 1) {
    const line = stripMarkdown(lines[i]);
    if (line !== '' && !isUpper(line) && PERSON.test(line)) return line;
  }
  return undefined;
}

function periodOf(title: string | undefined, text: string): string | undefined {
  const span = (from: string, to: string): string => `${from}-${to}`;
  const phase = title && /giai đoạn (\d{4})\s*[-–]\s*(\d{4})/iu.exec(title);
  if (phase) return span(phase[1], phase[2]);
  const stated = /Thời gian thực hiện[^:\n]*:\s*Từ(?: năm)? (\d{4})\s*(?:[-–]|đến(?: năm)?)\s*(\d{4})/iu.exec(text);
  if (stated) return span(stated[1], stated[2]);
  const year = title && /năm (\d{4})$/iu.exec(title);
  return year ? year[1] : undefined;
}

/** Metadata for a document added without a manifest entry. */
export function extractMetadata(text: string, sourceFile: string): DocumentMeta {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n').map((line) => line.trim());
  // The header fields are stated before the plan's first section.
  const firstSection = normalized.search(/^\s*(I\.|Phần thứ)\s/mu);
  const header = firstSection > 0 ? normalized.slice(0, firstSection) : normalized.slice(0, 4000);
  const headerLines = header.split('\n').map((line) => line.trim());

  const fromHeader = localityFromHeader(headerLines.filter((line) => line !== ''));
  let title = titleOf(headerLines, fromHeader?.name);
  const locality = fromHeader ?? localityFromIssuingSentence(header, title);
  if (!fromHeader && locality) title = titleOf(headerLines, locality.name);

  return {
    id: slugOfFileName(sourceFile),
    title: title ?? basename(sourceFile, extname(sourceFile)),
    number: numberOf(header),
    issuer: locality?.issuer,
    locality: locality ? `${capitalize(locality.unit)} ${locality.name}` : undefined,
    level: locality ? LEVEL_OF[locality.unit] : undefined,
    province: locality ? provinceOf(locality, normalized) : undefined,
    issuedDate: issuedDateOf(header),
    signer: signerOf(lines),
    period: periodOf(title, normalized),
    sourceFile,
  };
}
