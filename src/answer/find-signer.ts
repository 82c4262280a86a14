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
const TITLE_LINE = /^(KT\.|TM\.|Q\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG|CHÁNH)/u;

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

/** "KT." belongs to the next line ("KT. CHỦ TỊCH"); separate titles are set apart ("KT. CHỦ TỊCH – PHÓ CHỦ TỊCH"). */
const joinTitle = (lines: readonly string[]): string =>
  lines.reduce((title, line) => (title === '' ? line : /^(KT|TM|Q)\.$/u.test(title.split(' – ').at(-1)!) ? `${title} ${line}` : `${title} – ${line}`), '');

/** The signer of a plan, read from its signature block or, failing that, a "Người ký …" header line. */
export function findSigner(chunks: readonly Chunk[]): SignerSpan | null {
  for (const chunk of chunks.filter((candidate) => candidate.kind === 'signature')) {
    const lines = linesOf(chunk.text);
    const nameIndex = lines.findLastIndex((line) => PERSON_NAME.test(line.text));
    if (nameIndex < 0) continue;
    const titleLines = lines.slice(0, nameIndex).filter((line) => TITLE_LINE.test(line.text));
    const first = titleLines[0] ?? lines[nameIndex];
    return {
      chunk,
      start: chunk.start + first.start,
      end: chunk.start + lines[nameIndex].end,
      name: lines[nameIndex].text,
      title: titleLines.length > 0 ? joinTitle(titleLines.map((line) => line.text.replace(/\s+/g, ' '))) : undefined,
    };
  }
  for (const chunk of chunks.filter((candidate) => candidate.kind === 'header')) {
    const match = /Người ký[:\s]+([^\n]+)/u.exec(chunk.text);
    if (!match || !PERSON_NAME.test(match[1].trim())) continue;
    return { chunk, start: chunk.start + match.index, end: chunk.start + match.index + match[0].trimEnd().length, name: match[1].trim() };
  }
  return null;
}
