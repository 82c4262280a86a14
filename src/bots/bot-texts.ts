// What the bots say besides answers, as plain text (Telegram escapes it into HTML).
import type { DocumentMeta } from '../types.js';
import { describeIssue } from './format-answer.js';

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
    '/tailieu — danh sách kế hoạch',
    '/start — lời chào, bắt đầu cuộc trò chuyện mới',
    '/help — hướng dẫn này',
  ].join('\n');
}

export interface DocumentEntry {
  title: string;
  details: string;
}

/** One entry per plan: its title, and locality with number/date. */
export function documentEntries(documents: readonly DocumentMeta[]): DocumentEntry[] {
  return documents.map((doc) => ({
    title: doc.title,
    details: [doc.locality ?? doc.issuer, describeIssue(doc) ?? (doc.period && `Giai đoạn ${doc.period}`)].filter(Boolean).join(' · '),
  }));
}

export const NO_DOCUMENTS_TEXT = 'Chưa có kế hoạch nào được nạp.';
export const FAILURE_TEXT = 'Xin lỗi, đã có lỗi khi tìm câu trả lời. Vui lòng thử lại sau ít phút.';
export const CITATIONS_HEADING = 'Nguồn trích dẫn';
