// Channel-neutral pieces of a bot reply; Telegram renders them as HTML, Zalo as plain text.
import type { Citation, DocumentMeta } from '../types.js';
import { citationReference } from '../web/format-citation.js';
import { formatIssuedDate } from '../web/format-meta.js';
import { passagePath } from '../web/passage-link.js';

export const QUOTE_LENGTH = 200;
const SECTION_LENGTH = 240;
// An issuer or a scraped title inside a document's name can be long.
const SOURCE_LENGTH = 300;

/** Whitespace collapsed and, past `max` characters, cut at a word boundary with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > max / 2 ? room.slice(0, space) : room).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** "Số 8557/KH-UBND, ngày 24/12/2021" — whatever of the two the plan has ("tháng 03/2024" when the day is blank). */
export function describeIssue(meta: DocumentMeta): string | undefined {
  const date = meta.issuedDate ? formatIssuedDate(meta.issuedDate) : undefined;
  const when = date && (/^\d{4}$/.test(date) ? `năm ${date}` : date.startsWith('tháng') ? date : `ngày ${date}`);
  const parts = [meta.number && `Số ${meta.number}`, when].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Where the web app shows the quoted passage highlighted: the document page's own link format. */
export function passageLink(publicUrl: string, citation: Pick<Citation, 'docId' | 'start' | 'end'>): string {
  return `${publicUrl.replace(/\/+$/, '')}${passagePath(citation.docId, citation.start, citation.end)}`;
}

export interface CitationView {
  n: number;
  /** The full form the web uses: "Kế hoạch số 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, mục VI › 2". */
  source: string;
  /** The headings over the quote, when the full form names the place by its number only. */
  section: string;
  quote: string;
  link?: string;
}

/** The parts of one citation a bot shows, all plain (unescaped) text. */
export function viewCitation(citation: Citation, documents: readonly DocumentMeta[], publicUrl?: string): CitationView {
  const meta = documents.find((doc) => doc.id === citation.docId);
  return {
    n: citation.n,
    source: shorten(citationReference(citation, meta), SOURCE_LENGTH),
    // Without a label the full form already ends with the section path.
    section: citation.label ? shorten(citation.section, SECTION_LENGTH) : '',
    quote: shorten(citation.quote, QUOTE_LENGTH),
    link: publicUrl ? passageLink(publicUrl, citation) : undefined,
  };
}

/**
 * Where to cut `text` so the first part is at most `limit` long: a paragraph break, else a line
 * break, else a space, else (one giant word) anywhere that does not split an HTML entity.
 */
function cutPoint(text: string, limit: number): number {
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(separator, limit - separator.length);
    if (at > limit / 4) return at;
  }
  const entity = text.lastIndexOf('&', limit - 1);
  return entity > limit - 10 && !text.slice(entity, limit).includes(';') ? entity : limit;
}

/** Cuts one over-long block into pieces of at most `limit` characters at word boundaries. */
export function splitBlock(block: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = block.trim();
  while (rest.length > limit) {
    const at = cutPoint(rest, limit);
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/**
 * Packs blocks (the answer, each citation) into as few messages of at most `limit` characters as
 * possible, splitting only between blocks; a single block longer than a message is cut at word boundaries.
 */
export function packMessages(blocks: readonly string[], limit: number, separator = '\n\n'): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks.flatMap((b) => splitBlock(b, limit))) {
    if (current === '') current = block;
    else if (current.length + separator.length + block.length <= limit) current += separator + block;
    else {
      messages.push(current);
      current = block;
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}
