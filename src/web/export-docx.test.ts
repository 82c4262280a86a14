import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ArchivedAnswer } from '../store/answer-archive.js';
import { exportAnswerDocx } from './export-docx.js';
import type { ReferencedCitation } from './format-citation.js';

const answer: ArchivedAnswer<ReferencedCitation> = {
  id: 'abcdefghijklmnopqrstuv',
  question: 'Còn Khánh Hòa thì sao? <b>&</b>\u0007',
  standaloneQuestion: 'Khi nào Khánh Hòa phải gửi báo cáo?',
  answer: 'Trả lời: Trước ngày 15/12 hàng năm [1].\nCác sở báo cáo kết quả.',
  answered: true,
  createdAt: '2025-03-01T02:30:00.000Z',
  citations: [
    {
      n: 1,
      docId: 'khanh-hoa-2618-2022',
      docTitle: 'Kế hoạch',
      docName: 'Kế hoạch 2618/KH-UBND',
      label: 'VI › 2',
      section: 'VI › 2',
      quote: 'Báo cáo kết quả thực hiện trước ngày 15/12 hàng năm.',
      start: 0,
      end: 10,
      chunkId: 'c',
      score: 1,
      reference: 'Kế hoạch số 2618/KH-UBND ngày 24/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa, mục VI › 2',
    },
  ],
};

describe('exportAnswerDocx', () => {
  it('writes a Word file holding the question, the rewrite, the answer and each citation in full form with its quote', async () => {
    const buffer = await exportAnswerDocx(answer, { link: 'https://hoidap.example.vn/a/abcdefghijklmnopqrstuv' });
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain('Còn Khánh Hòa thì sao? <b>&</b>');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('Đã hiểu câu hỏi là: Khi nào Khánh Hòa phải gửi báo cáo?');
    expect(text).toContain('Trả lời: Trước ngày 15/12 hàng năm [1].');
    expect(text).toContain('[1] Kế hoạch số 2618/KH-UBND ngày 24/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa, mục VI › 2');
    expect(text).toContain('“Báo cáo kết quả thực hiện trước ngày 15/12 hàng năm.”');
    expect(text).toContain('Xem trực tuyến: https://hoidap.example.vn/a/abcdefghijklmnopqrstuv');
    expect(text).toContain('Câu trả lời lúc 09:30 ngày 1/3/2025');
  });

  it('says plainly when the documents do not answer', async () => {
    const buffer = await exportAnswerDocx({ ...answer, question: answer.standaloneQuestion, answered: false, citations: [] });
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain('Không tìm thấy thông tin trong các văn bản');
    expect(text).not.toContain('Đã hiểu câu hỏi là');
    expect(text).not.toContain('Nguồn trích dẫn');
  });
});
