// "Hướng tới những mục tiêu gì" asks for aims in words: a task's passage saying what it aims at answers, though it
// states no figure and sits under no "Mục tiêu" heading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH AN PHÚ
Số: 21/KH-UBND
An Phú, ngày 02 tháng 4 năm 2025

KẾ HOẠCH
Chuyển đổi số trong giáo dục tỉnh An Phú năm 2025

I. MỤC TIÊU
- 100% trường học sử dụng sổ điểm điện tử.
- 90% giáo viên được bồi dưỡng kỹ năng số.

II. NHIỆM VỤ
1. Giáo dục
a) Xây dựng nền tảng dạy - học - thi trực tuyến dùng chung, hướng tới cá thể hóa việc học và quản trị chất lượng giáo dục.
b) Triển khai phòng học thông minh tại các trường trung học phổ thông.

III. TỔ CHỨC THỰC HIỆN
Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ngành thực hiện.

CHỦ TỊCH
Trần Văn B
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'ke-hoach-21.txt': PLAN });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('aims asked for in words', () => {
  it('are answered by the passage saying what a task aims at', async () => {
    const result = await pipeline.answerer.ask({ question: 'Kế hoạch 21 xây dựng nền tảng dạy - học - thi trực tuyến nhằm hướng tới những mục tiêu gì?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('cá thể hóa');
  });

  it('still need a figure when a share is asked', async () => {
    const result = await pipeline.answerer.ask({ question: 'Kế hoạch 21 đặt mục tiêu tỷ lệ học sinh học trên nền tảng dạy - học - thi trực tuyến là bao nhiêu phần trăm?' });
    expect(result.answer.split('\n')[0]).not.toContain('cá thể hóa');
  });
});
