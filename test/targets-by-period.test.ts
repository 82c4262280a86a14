// Targets grouped by period inside one list ("- Giai đoạn 2025-2027" over "+" items) under a heading naming the
// programme's horizon ("Mục tiêu đến năm 2030"): each item is for its group's period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const DECISION = `THỦ TƯỚNG CHÍNH PHỦ
-------
Số: 1234/QĐ-TTg
Hà Nội, ngày 05 tháng 11 năm 2025

QUYẾT ĐỊNH
Phê duyệt Chương trình chuyển đổi số ngành lưu trữ

Điều 1. Phê duyệt Chương trình chuyển đổi số ngành lưu trữ với những nội dung sau:
I. QUAN ĐIỂM
Chuyển đổi số ngành lưu trữ là nhiệm vụ trọng tâm, thường xuyên.
II. MỤC TIÊU ĐẾN NĂM 2030
1. Mục tiêu chung
Đến năm 2030, hoàn thành số hóa tài liệu lưu trữ có giá trị.
2. Mục tiêu cụ thể
Một số chỉ tiêu cơ bản bao gồm:
- Giai đoạn 2025-2027
+ 60% hồ sơ lưu trữ lịch sử được số hóa và đưa vào
cơ sở dữ liệu tài liệu lưu trữ.
+ 85% người dân, doanh nghiệp đánh giá hài lòng khi khai thác
tài liệu lưu trữ trực tuyến.
- Giai đoạn 2028-2030
+ 100% hồ sơ lưu trữ lịch sử được số hóa.
+ 97% người dân, doanh nghiệp đánh giá hài lòng khi khai thác
tài liệu lưu trữ trực tuyến.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

THỦ TƯỚNG
Nguyễn Văn E
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'quyet-dinh-1234.txt': DECISION });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('targets grouped by period', () => {
  it('answers for the period asked from the items of its group, not the heading\'s horizon', async () => {
    const result = await pipeline.answerer.ask({ question: 'Giai đoạn 2025-2027, tỷ lệ người dân, doanh nghiệp hài lòng khi khai thác tài liệu lưu trữ trực tuyến đặt ra là bao nhiêu?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('85%');
    expect(result.answer).not.toContain('97%');
  });

  it('answers the later period from its own group', async () => {
    const result = await pipeline.answerer.ask({ question: 'For 2028-2030, what share of historical archive records should be digitised?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('100%');
    expect(result.answer).not.toContain('60%');
  });
});
