// The day a law was passed or takes effect answers when that happened, never a deadline the plan carrying it out sets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH AN
Số: 72/KH-UBND
Hòa Bình An, ngày 05 tháng 8 năm 2025

KẾ HOẠCH
Triển khai thi hành Luật Lưu trữ trên địa bàn tỉnh

I. MỤC ĐÍCH, YÊU CẦU
Luật Lưu trữ được Quốc hội thông qua tại kỳ họp thứ 7 ngày 21 tháng 6 năm 2024, có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.
Tổ chức quán triệt, phổ biến Luật Lưu trữ đến cán bộ, công chức, viên chức trên địa bàn tỉnh.

II. NỘI DUNG
1. Sở Nội vụ tổ chức hội nghị phổ biến Luật Lưu trữ cho các sở, ngành, địa phương.
2. Các sở, ngành rà soát văn bản quy phạm pháp luật về lưu trữ thuộc phạm vi quản lý.

CHỦ TỊCH
Trần Văn C
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'hoa-binh-an-72.txt': PLAN });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('the day a law was passed or takes effect', () => {
  it('answers when the law was passed', async () => {
    const result = await pipeline.answerer.ask({ question: 'Luật Lưu trữ được Quốc hội thông qua ngày nào?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('21 tháng 6 năm 2024');
  });

  it('is no deadline for what the plan carrying it out asks', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo Kế hoạch 72/KH-UBND, các sở, ngành phải tổ chức thi hành Luật Lưu trữ của Quốc hội trước ngày nào?' });
    expect(result.answer).not.toContain('21 tháng 6 năm 2024');
    expect(result.answered, result.answer).toBe(false);
  });
});
