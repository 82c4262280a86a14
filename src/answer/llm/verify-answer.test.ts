import { describe, expect, it } from 'vitest';
import { verifyAnswer, type GivenPassage } from './verify-answer.js';

const passages: GivenPassage[] = [
  { n: 1, text: 'Kế hoạch 2618/KH-UBND ngày 24/3/2022 › VI › 2\nBáo cáo kết quả thực hiện gửi Sở Lao động trước ngày 15 tháng 12 hàng năm.' },
  { n: 2, text: 'Kế hoạch 8557/KH-UBND › II › 1\nPhấn đấu 95,5% người cao tuổi có thẻ bảo hiểm y tế; hỗ trợ 1.234 người với mức 1,5 triệu đồng, thực hiện từ 01/01/2025.' },
];

describe('verifyAnswer', () => {
  it('accepts an answer whose figures and dates all occur in the passages it cites', () => {
    expect(verifyAnswer('Báo cáo gửi trước ngày 15/12 hàng năm [1].', passages)).toEqual({ ok: true, cited: [1] });
    expect(verifyAnswer('Mục tiêu là 95,5% [2]; 1.234 người được hỗ trợ 1,5 triệu đồng từ ngày 1 tháng 1 năm 2025 [2].', passages)).toEqual({ ok: true, cited: [2] });
    expect(verifyAnswer('Theo Kế hoạch 2618/KH-UBND ngày 24/3/2022 [1] và [2]: xem [1, 2].', passages)).toEqual({ ok: true, cited: [1, 2] });
  });

  it('reads Vietnamese and English number formats as the same figure', () => {
    expect(verifyAnswer('The target is 95.5% [2], for 1,234 people [2].', passages).ok).toBe(true);
  });

  it('does not take a list’s numbering or the citation numbers for figures', () => {
    expect(verifyAnswer('Các việc:\n1. Báo cáo [1]\n2. Cấp thẻ [2]', passages).ok).toBe(true);
  });

  it('fails a citation of a passage that was not given', () => {
    expect(verifyAnswer('Báo cáo gửi trước ngày 15/12 [3].', passages)).toEqual({ ok: false, reason: 'unknown_citation', detail: '[3]' });
  });

  it('fails a figure or a date no cited passage states, even one another passage states', () => {
    expect(verifyAnswer('Phấn đấu 97% người cao tuổi có thẻ [2].', passages)).toMatchObject({ ok: false, reason: 'unsupported_figure', detail: '97' });
    expect(verifyAnswer('Báo cáo gửi trước ngày 15/11 [1].', passages)).toMatchObject({ ok: false, reason: 'unsupported_figure', detail: '15/11' });
    expect(verifyAnswer('Hỗ trợ 1.234 người [1].', passages)).toMatchObject({ ok: false, reason: 'unsupported_figure', detail: '1234' });
    expect(verifyAnswer('Báo cáo trước ngày 15/12/2026 [1].', passages)).toMatchObject({ ok: false, reason: 'unsupported_figure', detail: '15/12/2026' });
  });

  it('fails an answer citing nothing, and tells apart a reply that the passages do not answer', () => {
    expect(verifyAnswer('Người cao tuổi được cấp thẻ bảo hiểm y tế.', passages)).toEqual({ ok: false, reason: 'no_citation' });
    expect(verifyAnswer('Các đoạn trích không trả lời câu hỏi này.', passages)).toEqual({ ok: false, reason: 'declined' });
    expect(verifyAnswer('The passages do not answer this question.', passages)).toEqual({ ok: false, reason: 'declined' });
    expect(verifyAnswer('  ', passages)).toEqual({ ok: false, reason: 'empty' });
  });
});
