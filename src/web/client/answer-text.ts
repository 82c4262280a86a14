import type { Turn } from './conversation-store.js';

/**
 * An answer as plain text to paste into a report or a message: the question, the answer with its [n] markers, and
 * each citation in full form ("[1] Kế hoạch số 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, mục VI › 2").
 */
export function answerAsText(turn: Pick<Turn, 'question' | 'answer' | 'answered' | 'citations'>): string {
  const lines = [`Câu hỏi: ${turn.question}`, '', turn.answer.trim()];
  if (turn.citations.length > 0) {
    lines.push('', turn.answered === false ? 'Các đoạn gần nhất đã tìm thấy:' : 'Nguồn trích dẫn:');
    for (const citation of turn.citations) {
      // Answers saved before citations carried their full form: the name the answer gave and the place.
      const reference = citation.reference ?? [citation.docName, citation.label ?? citation.section].filter(Boolean).join(', ');
      lines.push(`[${citation.n}] ${reference}`);
    }
  }
  return lines.join('\n');
}
