// Bot replies as Zalo plain text, in messages of at most 2000 characters.
import type { AskResult, DocumentMeta } from '../../types.js';
import { CITATIONS_HEADING, documentListHeading, documentListPage, NO_DOCUMENTS_TEXT } from '../bot-texts.js';
import { packMessages, viewCitation } from '../format-answer.js';

export const ZALO_MESSAGE_LIMIT = 2000;

export interface ZaloFormatOptions {
  documents: readonly DocumentMeta[];
  publicUrl?: string;
}

/**
 * The answer, then one block per citation (source, section, shortened quote, link). Messages break
 * only between blocks, so a citation is never split; only an over-long answer is cut, at a word boundary.
 */
export function formatZaloAnswer(result: AskResult, { documents, publicUrl }: ZaloFormatOptions): string[] {
  const answer = result.answer.trim();
  if (!result.answered || result.citations.length === 0) return packMessages([answer], ZALO_MESSAGE_LIMIT);
  const citations = result.citations.map((citation, index) => {
    const view = viewCitation(citation, documents, publicUrl);
    return [
      ...(index === 0 ? [`${CITATIONS_HEADING}:`] : []),
      `[${view.n}] ${view.source}`,
      ...(view.section ? [view.section] : []),
      `“${view.quote}”`,
      ...(view.link ? [`Xem: ${view.link}`] : []),
    ].join('\n');
  });
  return packMessages([answer, ...citations], ZALO_MESSAGE_LIMIT);
}

// Zalo's plain text API has no buttons: a page is one message, ending with the command for the next one.
export const ZALO_DOCUMENTS_PER_PAGE = 6;

/** /tailieu [page]: one page of the plans, with the commands that turn the pages. */
export function formatZaloDocumentList(documents: readonly DocumentMeta[], requested = 1): string {
  if (documents.length === 0) return NO_DOCUMENTS_TEXT;
  const list = documentListPage(documents, requested, ZALO_DOCUMENTS_PER_PAGE);
  const entries = list.entries.map((entry, index) => `${list.first + index}. ${entry.title}${entry.details ? `\n${entry.details}` : ''}`);
  const turns = [list.page < list.pages && `“/tailieu ${list.page + 1}” để xem trang sau`, list.page > 1 && `“/tailieu ${list.page - 1}” để xem trang trước`].filter(Boolean);
  const hint = turns.length > 0 ? [`Gõ ${turns.join(', ')}.`] : [];
  return [documentListHeading(list), ...entries, ...hint].join('\n\n');
}
