// What the bots say besides answers, as plain text (Telegram escapes it into HTML).
import type { DocumentMeta } from '../types.js';
import { describeIssue, shorten } from './format-answer.js';

/** Example questions; the place-specific one names a plan actually in the corpus. */
export function exampleQuestions(documents: readonly DocumentMeta[]): string[] {
  const place = documents.find((doc) => doc.locality)?.locality;
  return [
    'Ai được hỗ trợ cấp thẻ bảo hiểm y tế?',
    place ? `Kế hoạch của ${place} giao Sở Y tế nhiệm vụ gì?` : 'Sở Y tế được giao nhiệm vụ gì?',
    'Hạn gửi báo cáo kết quả thực hiện là khi nào?',
  ];
}

export function welcomeText(documents: readonly DocumentMeta[]): string {
  return [
    'Xin chào! Tôi là trợ lý Hỏi đáp Kế hoạch.',
    `Tôi trả lời câu hỏi về ${documents.length} kế hoạch của các địa phương về chăm sóc sức khỏe người có công, người cao tuổi, trẻ em, người khuyết tật và đối tượng trợ giúp xã hội — mỗi ý đều kèm trích dẫn nguyên văn [n].`,
    `Bạn có thể hỏi, ví dụ:\n${exampleQuestions(documents)
      .map((question) => `• ${question}`)
      .join('\n')}`,
    'Gõ /tailieu để xem danh sách kế hoạch, /help để xem hướng dẫn.',
  ].join('\n\n');
}

export function helpText(): string {
  return [
    'Cách dùng:',
    '• Gửi câu hỏi bằng tiếng Việt (có dấu hoặc không dấu). Nên nêu địa phương nếu bạn quan tâm một kế hoạch cụ thể.',
    '• Có thể hỏi tiếp (ví dụ "còn Bến Tre thì sao?"): tôi nhớ vài lượt hỏi gần nhất trong 30 phút.',
    '• Số [n] trong câu trả lời trỏ tới đoạn trích nguyên văn bên dưới.',
    '• Nếu văn bản không nói tới điều bạn hỏi, tôi sẽ nói rõ là không tìm thấy thay vì đoán.',
    '',
    'Lệnh:',
    '/tailieu — danh sách kế hoạch (/tailieu 2 — trang 2)',
    '/start — lời chào, bắt đầu cuộc trò chuyện mới',
    '/help — hướng dẫn này',
  ].join('\n');
}

export interface DocumentEntry {
  title: string;
  details: string;
}

// Scraped titles can run to a paragraph: cut in the list, so a page of entries always fits one message.
const LIST_TITLE_LENGTH = 160;
const LIST_DETAILS_LENGTH = 120;

/** One page of the /tailieu list: each plan's title, and locality with number/date. */
export interface DocumentListPage {
  /** The page shown, from 1 (a page past the end shows the last one). */
  page: number;
  pages: number;
  total: number;
  /** The list number of the page's first entry, from 1. */
  first: number;
  entries: DocumentEntry[];
}

export function documentListPage(documents: readonly DocumentMeta[], requested: number, perPage: number): DocumentListPage {
  const pages = Math.max(1, Math.ceil(documents.length / perPage));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pages);
  const from = (page - 1) * perPage;
  const entries = documents.slice(from, from + perPage).map((doc) => ({
    title: shorten(doc.title, LIST_TITLE_LENGTH),
    details: shorten([doc.locality ?? doc.issuer, describeIssue(doc) ?? (doc.period && `Giai đoạn ${doc.period}`)].filter(Boolean).join(' · '), LIST_DETAILS_LENGTH),
  }));
  return { page, pages, total: documents.length, first: from + 1, entries };
}

/** The page asked for after the command: "/tailieu 3" or "/tailieu trang 3"; the first page otherwise. */
export function requestedPage(argument: string): number {
  const match = /^\s*(?:trang\s*)?(\d{1,6})(?!\S)/iu.exec(argument);
  return match ? Number(match[1]) : 1;
}

export const documentListHeading = ({ total, page, pages }: DocumentListPage): string =>
  `Các kế hoạch đang có (${total})${pages > 1 ? ` — trang ${page}/${pages}` : ''}:`;

export const NO_DOCUMENTS_TEXT = 'Chưa có kế hoạch nào được nạp.';
export const FAILURE_TEXT = 'Xin lỗi, đã có lỗi khi tìm câu trả lời. Vui lòng thử lại sau ít phút.';
export const CITATIONS_HEADING = 'Nguồn trích dẫn';
