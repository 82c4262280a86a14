import { describe, expect, it } from 'vitest';
import { answerAsText } from './answer-text.js';
import type { TurnCitation } from './conversation-store.js';

const citation = (n: number, fields: Partial<TurnCitation> = {}): TurnCitation => ({
  n,
  docId: 'khanh-hoa-2618-2022',
  docTitle: 'Kế hoạch',
  docName: 'Kế hoạch 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa',
  label: 'VI › 2',
  section: 'VI. TỔ CHỨC THỰC HIỆN › 2. Sở Y tế',
  quote: '…',
  start: 0,
  end: 1,
  chunkId: 'c',
  score: 1,
  reference: 'Kế hoạch số 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, mục VI › 2',
  ...fields,
});

describe('answerAsText', () => {
  it('gives the question, the answer with its markers, and the citations numbered in full form', () => {
    const text = answerAsText({ question: 'Khi nào gửi báo cáo?', answer: 'Trả lời: Trước ngày 15/12 hàng năm [1].\n', answered: true, citations: [citation(1), citation(2, { label: 'Phụ lục I', reference: 'Kế hoạch số 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, Phụ lục I' })] });
    expect(text).toBe(
      [
        'Câu hỏi: Khi nào gửi báo cáo?',
        '',
        'Trả lời: Trước ngày 15/12 hàng năm [1].',
        '',
        'Nguồn trích dẫn:',
        '[1] Kế hoạch số 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, mục VI › 2',
        '[2] Kế hoạch số 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, Phụ lục I',
      ].join('\n'),
    );
  });

  it('falls back to the answer’s document name for citations saved before the full form, and says when nothing answered', () => {
    const text = answerAsText({ question: 'Bóng đá?', answer: 'Không tìm thấy.', answered: false, citations: [citation(1, { reference: undefined })] });
    expect(text).toContain('Các đoạn gần nhất đã tìm thấy:\n[1] Kế hoạch 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, VI › 2');
    expect(answerAsText({ question: 'a', answer: 'b', answered: false, citations: [] })).toBe('Câu hỏi: a\n\nb');
  });
});
