import { z } from 'zod';
import { feedbackSchema } from '../web/feedback-store.js';
import { newestLines } from './newest-lines.js';

const storedSchema = feedbackSchema.extend({ at: z.string() });

/** A rating as the admin page lists and exports it. */
export interface FeedbackRow {
  at: string;
  rating: 'up' | 'down';
  question: string;
  answer: string;
  comment?: string;
  answerId?: string;
  /** The documents the rated answer cited. */
  docIds: string[];
}

/** The ratings in the feedback store's files, newest first, of one rating or both; lines it cannot read are skipped. */
async function* ratings(files: readonly string[], rating?: 'up' | 'down'): AsyncGenerator<FeedbackRow> {
  for await (const line of newestLines(files)) {
    const parsed = storedSchema.safeParse(line);
    if (!parsed.success || (rating && parsed.data.rating !== rating)) continue;
    const { at, question, answer, comment, answerId, citations } = parsed.data;
    yield { at, rating: parsed.data.rating, question, answer, comment, answerId, docIds: [...new Set((citations ?? []).map((citation) => citation.docId))] };
  }
}

/** One page of ratings, and whether there are more. */
export async function readFeedback(files: readonly string[], { rating, offset, limit }: { rating?: 'up' | 'down'; offset: number; limit: number }): Promise<{ items: FeedbackRow[]; more: boolean }> {
  const items: FeedbackRow[] = [];
  let seen = 0;
  for await (const row of ratings(files, rating)) {
    seen += 1;
    if (seen <= offset) continue;
    if (items.length === limit) return { items, more: true };
    items.push(row);
  }
  return { items, more: false };
}

/**
 * A cell Excel shows as typed: quoted, and with a leading apostrophe where it would otherwise read the text as a
 * formula (=, +, -, @, a tab or a carriage return first): people's questions must not run in an official's sheet.
 */
const cell = (value: string): string => `"${(/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value).replaceAll('"', '""')}"`;

/** Every rating (of one kind, or both) as CSV for Excel: UTF-8 with a byte order mark, newest first. */
export async function feedbackCsv(files: readonly string[], rating?: 'up' | 'down'): Promise<string> {
  const lines = [['Thời điểm', 'Đánh giá', 'Câu hỏi', 'Góp ý', 'Câu trả lời', 'Văn bản được trích dẫn', 'Mã câu trả lời'].map(cell).join(',')];
  for await (const row of ratings(files, rating)) {
    lines.push([row.at, row.rating === 'up' ? 'Hữu ích' : 'Chưa đúng', row.question, row.comment ?? '', row.answer, row.docIds.join('; '), row.answerId ?? ''].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
