import type { Chunk } from '../types.js';

export interface SignerSpan {
  chunk: Chunk;
  /** Offsets into the document text. */
  start: number;
  end: number;
  name: string;
  /** "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH" where the block states it. */
  title?: string;
}

const MARKUP = /[*|_]+/g;
const PERSON_NAME = /^(\p{Lu}[\p{Ll}\p{M}]+)(\s+\p{Lu}[\p{Ll}\p{M}]+){1,5}$/u;
const TITLE_LINE = /^(KT\.|TM\.|Q\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG|CHÁNH|THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG)/u;
/**
 * A signature block scraped into one table cell, its lines glued: "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Nguyễn
 * Hòa Bình". The title in capitals, "(Đã ký)" perhaps, then the name ending the cell.
 */
const GLUED_BLOCK = /((?:(?:KT|TM|Q)\.\s*)?[\p{Lu}\s.]*(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|TRƯỞNG|CHÁNH[\p{Lu}\s]*))\s*(?:\((?:Đã ký|đã ký)\))?\s*(\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+){1,5})\s*(?=\||$)/u;
/** "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG" → "TM. CHÍNH PHỦ – KT. THỦ TƯỚNG – PHÓ THỦ TƯỚNG". */
const unglued = (title: string): string => title.replace(/(?<=\p{Lu})(?=(?:KT|TM|Q)\.|PHÓ\s)/gu, ' – ').replace(/\s+/g, ' ').trim();

interface Line {
  text: string;
  start: number;
  end: number;
}

const linesOf = (text: string): Line[] => {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const leading = raw.length - raw.trimStart().length;
    const cleaned = raw.replace(MARKUP, '').trim();
    if (cleaned) lines.push({ text: cleaned, start: offset + leading, end: offset + raw.trimEnd().length });
    offset += raw.length + 1;
  }
  return lines;
};

/**
 * "KT." belongs to the next line ("KT. CHỦ TỊCH"), and so does a wrapped word ("TM. ỦY BAN NHÂN" / "DÂN"); separate
 * titles are set apart ("KT. CHỦ TỊCH – PHÓ CHỦ TỊCH").
 */
const joinTitle = (lines: readonly string[]): string =>
  lines.reduce((title, line) => (title === '' ? line : /^(KT|TM|Q)\.$/u.test(title.split(' – ').at(-1)!) || !TITLE_LINE.test(line) ? `${title} ${line}` : `${title} – ${line}`), '');
const isCapitals = (line: string): boolean => line === line.toLocaleUpperCase('vi');

/** The signer of a plan, read from its signature block or, failing that, a "Người ký …" header line. */
export function findSigner(chunks: readonly Chunk[]): SignerSpan | null {
  for (const chunk of chunks.filter((candidate) => candidate.kind === 'signature')) {
    const lines = linesOf(chunk.text);
    const nameIndex = lines.findLastIndex((line) => PERSON_NAME.test(line.text));
    if (nameIndex < 0) continue;
    const firstTitle = lines.slice(0, nameIndex).findIndex((line) => TITLE_LINE.test(line.text));
    const titleLines = firstTitle < 0 ? [] : lines.slice(firstTitle, nameIndex).filter((line) => isCapitals(line.text));
    const first = titleLines[0] ?? lines[nameIndex];
    return {
      chunk,
      start: chunk.start + first.start,
      end: chunk.start + lines[nameIndex].end,
      name: lines[nameIndex].text,
      title: titleLines.length > 0 ? joinTitle(titleLines.map((line) => line.text.replace(/\s+/g, ' '))) : undefined,
    };
  }
  // Where the block was not recognised as one, it ends the document's last passages.
  for (const chunk of new Set([...chunks.filter((candidate) => candidate.kind === 'signature' || candidate.kind === 'recipients'), ...chunks.slice(-2)])) {
    const match = GLUED_BLOCK.exec(chunk.text);
    if (!match) continue;
    const start = chunk.start + match.index + (match[0].length - match[0].trimStart().length);
    return { chunk, start, end: chunk.start + match.index + match[0].trimEnd().length, name: match[2], title: unglued(match[1]) };
  }
  for (const chunk of chunks.filter((candidate) => candidate.kind === 'header')) {
    const match = /Người ký[:\s]+([^\n]+)/u.exec(chunk.text);
    if (!match || !PERSON_NAME.test(match[1].trim())) continue;
    return { chunk, start: chunk.start + match.index, end: chunk.start + match.index + match[0].trimEnd().length, name: match[1].trim() };
  }
  return null;
}
