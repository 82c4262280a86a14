// Asked of two plans at once, the question words their shared subject as one of them does ("cơ chế thử nghiệm có
// kiểm soát (sandbox)"); the other plan, which says only "cơ chế Sandbox", still answers for itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const plan = (province: string, number: string, body: string) => `ỦY BAN NHÂN DÂN
TỈNH ${province.toUpperCase()}
Số: ${number}/KH-UBND
${province}, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Phát triển kinh tế số tỉnh ${province} giai đoạn 2026 - 2030

I. MỤC TIÊU
- Kinh tế số chiếm 30% GRDP của tỉnh vào năm 2030.
- 100% doanh nghiệp nhỏ và vừa được hỗ trợ chuyển đổi số.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Thể chế
${body}
- Rà soát, sửa đổi các quy định về thủ tục hành chính trên môi trường số.
2. Hạ tầng số
- Phủ sóng 5G đến 100% khu công nghiệp.
- Xây dựng trung tâm dữ liệu của tỉnh.

III. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.

CHỦ TỊCH
Trần Văn B
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({
    'an-phu-12.txt': plan(
      'An Phú',
      '12',
      '- Triển khai cơ chế thử nghiệm có kiểm soát (sandbox) đối với mô hình, công nghệ mới như trí tuệ nhân tạo, chuỗi khối và dữ liệu lớn.',
    ),
    'binh-son-34.txt': plan('Bình Sơn', '34', '- Xây dựng cơ chế Sandbox cho các mô hình kinh doanh mới (như Fintech, AgriTech) chưa có khung pháp lý rõ ràng.'),
  });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('a question asked of two plans', () => {
  it('is answered by each plan in its own words', async () => {
    const result = await pipeline.answerer.ask({
      question: 'Kế hoạch 12 của tỉnh An Phú và Kế hoạch 34 của tỉnh Bình Sơn đều nhắc tới cơ chế thử nghiệm có kiểm soát (sandbox). Mỗi kế hoạch áp dụng sandbox cho những công nghệ, mô hình nào?',
    });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('trí tuệ nhân tạo');
    expect(result.answer).toContain('Fintech');
  });

  it('still says what one plan does not hold', async () => {
    const result = await pipeline.answerer.ask({ question: 'Kế hoạch 12 của tỉnh An Phú và Kế hoạch 34 của tỉnh Bình Sơn giao cơ quan nào quản lý Quỹ đầu tư mạo hiểm?' });
    expect(result.answer).not.toContain('Fintech');
    expect(result.answer).not.toContain('trí tuệ nhân tạo');
  });
});
