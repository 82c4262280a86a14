// Bot replies as Telegram HTML (parse_mode HTML): every piece of document or user text is escaped.
import type { AskResult, DocumentMeta } from '../../types.js';
import { CITATIONS_HEADING, documentListHeading, documentListPage, helpText, NO_DOCUMENTS_TEXT, welcomeText } from '../bot-texts.js';
import { packMessages, viewCitation } from '../format-answer.js';

/** Telegram's limit per message; HTML tags are counted too, which only errs on the safe side. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;
export const CITATIONS_PER_PAGE = 3;

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface CitationPageOptions {
  documents: readonly DocumentMeta[];
  publicUrl?: string;
}

export const citationPageCount = (result: AskResult): number => Math.ceil(result.citations.length / CITATIONS_PER_PAGE);

/** One page of the numbered citation list: source, section, shortened quote and a link to the passage. */
export function renderCitationPage(result: AskResult, page: number, { documents, publicUrl }: CitationPageOptions): string {
  const total = result.citations.length;
  const first = page * CITATIONS_PER_PAGE;
  const shown = result.citations.slice(first, first + CITATIONS_PER_PAGE);
  const range = total > CITATIONS_PER_PAGE ? ` (${first + 1}–${first + shown.length}/${total})` : '';
  const items = shown.map((citation) => {
    const view = viewCitation(citation, documents, publicUrl);
    const lines = [`<b>[${view.n}] ${escapeHtml(view.source)}</b>`];
    if (view.section) lines.push(escapeHtml(view.section));
    lines.push(`<i>“${escapeHtml(view.quote)}”</i>`);
    if (view.link) lines.push(`<a href="${escapeHtml(view.link)}">Xem trong văn bản</a>`);
    return lines.join('\n');
  });
  return [`<b>${CITATIONS_HEADING}${range}:</b>`, ...items].join('\n\n');
}

export interface TelegramAnswer {
  /** Messages to send in order; the last one carries the first citation page. */
  texts: string[];
  /** Citation pages (0 when nothing is cited); above 1 the last message gets paging buttons. */
  pages: number;
  /** Whether the last message repeats the answer above its citations (it does when everything fits in one message). */
  answerInLast: boolean;
}

/** The answer text with its first page of citations, split to respect Telegram's message limit. */
export function formatTelegramAnswer(result: AskResult, options: CitationPageOptions): TelegramAnswer {
  const answer = escapeHtml(result.answer.trim());
  if (!result.answered || result.citations.length === 0) {
    return { texts: packMessages([answer], TELEGRAM_MESSAGE_LIMIT), pages: 0, answerInLast: true };
  }
  const pages = citationPageCount(result);
  const renderedPages = Array.from({ length: pages }, (_, page) => renderCitationPage(result, page, options));
  const longestPage = Math.max(...renderedPages.map((html) => html.length));
  // Keep the answer with its citations only if every page would still fit once the button edits the message.
  const answerInLast = answer.length + 2 + longestPage <= TELEGRAM_MESSAGE_LIMIT;
  const texts = answerInLast
    ? [`${answer}\n\n${renderedPages[0]}`]
    : [...packMessages([answer], TELEGRAM_MESSAGE_LIMIT), renderedPages[0]];
  return { texts, pages, answerInLast };
}

/** The message a paging button turns the last message into. */
export function formatCitationMessage(result: AskResult, page: number, answerInLast: boolean, options: CitationPageOptions): string {
  const citations = renderCitationPage(result, page, options);
  return answerInLast ? `${escapeHtml(result.answer.trim())}\n\n${citations}` : citations;
}

export const formatWelcome = (documents: readonly DocumentMeta[]): string => escapeHtml(welcomeText(documents));

export const formatHelp = (): string => escapeHtml(helpText());

export const DOCUMENTS_PER_PAGE = 10;

export interface DocumentListMessage {
  text: string;
  /** The page shown and how many there are, for the paging buttons. */
  page: number;
  pages: number;
}

/** /tailieu: one page of the plans, with their locality and number/date; the buttons turn the pages. */
export function formatDocumentList(documents: readonly DocumentMeta[], requested = 1): DocumentListMessage {
  if (documents.length === 0) return { text: escapeHtml(NO_DOCUMENTS_TEXT), page: 1, pages: 1 };
  const list = documentListPage(documents, requested, DOCUMENTS_PER_PAGE);
  const entries = list.entries.map(
    (entry, index) => `${list.first + index}. <b>${escapeHtml(entry.title)}</b>${entry.details ? `\n${escapeHtml(entry.details)}` : ''}`,
  );
  return { text: [`<b>${escapeHtml(documentListHeading(list))}</b>`, ...entries].join('\n\n'), page: list.page, pages: list.pages };
}
