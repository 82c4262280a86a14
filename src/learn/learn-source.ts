import { KIND_LABEL, MAX_CITED_HEADING, MAX_CITED_TITLE } from '../answer/compose-answer.js';
import { headingEnd } from '../answer/heading-span.js';
import { matchKey } from '../lang/normalize.js';
import { citationLabel, documentName } from '../structure/citation-label.js';
import { LIST_ITEM, markerLength } from '../structure/grammar.js';
import { truncateTitle } from '../structure/parse-structure.js';
import { formatSection, type Chunk, type KnowledgeBase, type OutlineEntry, type SourceDocument } from '../types.js';
import type { CitationReference, SourceCitation } from './learn-types.js';

/** Offsets into a document's original text. */
export interface Span {
  start: number;
  end: number;
}

/** One document as the learning builders read it: its text, outline and chunks, and how to cite a span of it. */
export interface LearnSource {
  readonly doc: SourceDocument;
  readonly outline: readonly OutlineEntry[];
  readonly chunks: readonly Chunk[];
  /** A citation of [start, end): the quote is exactly the text there. */
  cite(span: Span): SourceCitation;
  /**
   * The list items and paragraphs between two offsets, each trimmed of its bullet: the lines of the `skip`
   * headings are left out, but words after an inline heading ("5. Phòng Văn hóa: phối hợp…") are an item.
   */
  items(start: number, end: number, skip: readonly OutlineEntry[]): Span[];
  /** Where a heading's own words end: at the colon of an inline heading, else at the end of its lines. */
  headingWordsEnd(entry: OutlineEntry): number;
  /** The text of a span as read: on one line, markup dropped. */
  plain(span: Span): string;
}

/** A heading's words after its marker ("2. Sở Y tế" → "Sở Y tế"). */
export const headingWords = (title: string): string => title.slice(markerLength(title)).trim();

/** A heading's words, folded and lower-cased, for matching ("muc tieu cu the"). */
export const headingKey = (title: string): string => matchKey(headingWords(title));

/** Whether `outer` holds `inner` (another entry). */
export const contains = (outer: OutlineEntry, inner: OutlineEntry): boolean => outer !== inner && outer.start <= inner.start && inner.end <= outer.end && outer.depth < inner.depth;


/** Markup that conversion leaves around words ("**", "(*…*)", table pipes). */
const MARKUP = /\*+|(?<=\s|^)_+|_+(?=\s|$)/gu;

/** Text read on one line, markup and a leading bullet dropped. */
export const plainText = (text: string): string =>
  text
    .replace(MARKUP, '')
    .replace(/\s*\|\s*/gu, ' | ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[-+•–]\s+/u, '');

/** A span narrowed past surrounding whitespace, markup and a leading bullet ("- ", "+ "). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  for (;;) {
    const before = start;
    while (start < end && /[\s*_|>#]/u.test(text[start])) start += 1;
    const bullet = /^[-+•–]\s+/u.exec(text.slice(start, Math.min(end, start + 8)));
    if (bullet) start += bullet[0].length;
    if (start === before) break;
  }
  while (end > start && /\s/u.test(text[end - 1])) end -= 1;
  return { start, end };
}

/**
 * A span cut to its leading clauses within `max` characters (at a sentence, clause or word end), still a verbatim
 * span of the text; `cut` says whether anything was left out.
 */
export function clipSpan(text: string, span: Span, max: number): Span & { cut: boolean } {
  if (span.end - span.start <= max) return { ...span, cut: false };
  const head = text.slice(span.start, span.start + max);
  const clause = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '), head.lastIndexOf(', '));
  const space = head.search(/\s\S*$/u);
  const length = clause > max / 2 ? clause + 1 : space > max / 2 ? space : max;
  return { start: span.start, end: trimSpan(text, { start: span.start, end: span.start + length }).end, cut: true };
}

/** Whether a line after a blank line goes on with the item before it: that item stops mid-sentence, the line starts lower-case. */
const continues = (item: string, line: string): boolean => !/[.;:!?]["”)*]*\s*$/u.test(item) && /^\p{Ll}/u.test(line);

export async function openLearnSource(knowledge: Pick<KnowledgeBase, 'document' | 'outline' | 'chunksOf'>, docId: string, reference?: CitationReference): Promise<LearnSource | undefined> {
  const [doc, outline, chunks] = await Promise.all([knowledge.document(docId), knowledge.outline(docId), knowledge.chunksOf(docId)]);
  if (!doc) return undefined;
  const { text, meta } = doc;
  const docName = documentName(meta);
  const docTitle = truncateTitle(meta.title, MAX_CITED_TITLE);

  const chunkAt = (offset: number): Chunk | undefined => chunks.find((chunk) => chunk.start <= offset && offset < chunk.end);

  const headingWordsEnd = (entry: OutlineEntry): number => {
    const lineEnd = text.indexOf('\n', entry.start);
    const line = text.slice(entry.start, lineEnd < 0 ? text.length : lineEnd);
    // "2. Phạm vi: Kế hoạch được thực hiện…": the title is what comes before the colon.
    const colon = line.indexOf(':');
    if (!entry.title.endsWith('…')) {
      if (colon >= 0 && Math.abs(colon - entry.title.length) <= 6 && line.slice(colon + 1).trim() !== '') return entry.start + colon;
      return headingEnd(text, entry);
    }
    // A title the outline cut ("…") runs on over wrapped lines up to a blank line, an item or the next heading.
    let end = headingEnd(text, entry);
    for (let next = text.indexOf('\n', end); next >= 0 && next < entry.end; next = text.indexOf('\n', end)) {
      const lineEnd = text.indexOf('\n', next + 1) < 0 ? text.length : text.indexOf('\n', next + 1);
      const following = text.slice(next + 1, lineEnd);
      if (following.trim() === '' || LIST_ITEM.test(following.replace(/^[\s*_#>]+/u, '')) || outline.some((other) => other.start > entry.start && other.start <= next + 1 + following.length - following.trimStart().length)) break;
      end = next + 1 + following.trimEnd().length;
    }
    return end;
  };

  return {
    doc,
    outline,
    chunks,
    headingWordsEnd,
    cite(span) {
      const chunk = chunkAt(span.start);
      // The headings over the quote itself: a chunk holding several short sections names only what they share.
      const over = outline.filter((entry) => entry.start <= span.start && span.start < entry.end).sort((a, b) => a.depth - b.depth);
      const citation: SourceCitation = {
        docId: meta.id,
        docTitle,
        docName,
        label: citationLabel(text, outline, span.start, meta) || undefined,
        section: over.length > 0 ? formatSection(over.map((entry) => truncateTitle(entry.title, MAX_CITED_HEADING))) : KIND_LABEL[chunk?.kind ?? 'body'],
        quote: text.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        chunkId: chunk?.id ?? '',
      };
      return reference ? { ...citation, reference: reference(citation, meta) } : citation;
    },
    items(start, end, skip) {
      const headings = skip.map((entry) => ({ start: entry.start, end: headingWordsEnd(entry) }));
      const found: Span[] = [];
      let current: Span | null = null;
      // A blank line inside a sentence is a page break, not the end of the item: "… Sở Lao\n\nđộng - Thương binh…".
      let afterBlank = false;
      const close = (): void => {
        if (current) {
          const trimmed = trimSpan(text, current);
          if (trimmed.end > trimmed.start) found.push(trimmed);
        }
        current = null;
        afterBlank = false;
      };
      for (let position = start; position < end; ) {
        const newline = text.indexOf('\n', position);
        const lineEnd = newline < 0 || newline > end ? end : newline;
        const heading = headings.find((span) => span.start < lineEnd && span.end > position);
        if (heading) {
          close();
          // Words after an inline heading are an item of their own.
          if (heading.end < lineEnd) current = { start: heading.end + 1, end: lineEnd };
          position = Math.max(lineEnd, heading.end) + 1;
          continue;
        }
        const line = text.slice(position, lineEnd);
        const opening = line.replace(/^[\s*_#>]+/u, '');
        if (line.replace(/[\s|*_#>-]/gu, '') === '') afterBlank = current !== null;
        else if (!current || LIST_ITEM.test(opening) || (afterBlank && !continues(text.slice(current.start, current.end), opening))) {
          close();
          current = { start: position, end: lineEnd };
        } else {
          current.end = lineEnd;
          afterBlank = false;
        }
        position = lineEnd + 1;
      }
      close();
      return found;
    },
    plain: (span) => plainText(text.slice(span.start, span.end)),
  };
}
