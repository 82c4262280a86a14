// "Do ai làm Trưởng ban?" asks who holds a post: a passage naming the post answers, one naming the body alone does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const PLAN = `ỦY BAN NHÂN DÂN
HUYỆN MINH SƠN
Số: 61/KH-UBND
Minh Sơn, ngày 12 tháng 5 năm 2025

KẾ HOẠCH
Phòng chống dịch bệnh trên địa bàn huyện Minh Sơn năm 2025

I. TỔ CHỨC BỘ MÁY
1. Kiện toàn Ban Chỉ đạo phòng chống dịch bệnh của huyện do Chủ tịch Ủy ban nhân dân huyện làm Trưởng ban, Trưởng phòng Y tế làm Phó Trưởng ban thường trực.
2. Thành lập Đoàn kiểm tra liên ngành về an toàn thực phẩm và phòng chống dịch bệnh, kiểm tra định kỳ hằng quý tại các xã, thị trấn.

II. TỔ CHỨC THỰC HIỆN
Phòng Y tế chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện Kế hoạch này.

CHỦ TỊCH
Nguyễn Văn B
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'minh-son-61.txt': PLAN });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('who holds a post', () => {
  it('is answered by the passage naming the post', async () => {
    const result = await pipeline.answerer.ask({ question: 'Ban Chỉ đạo phòng chống dịch bệnh của huyện Minh Sơn do ai làm Trưởng ban?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('Chủ tịch Ủy ban nhân dân huyện làm Trưởng ban');
  });

  it('is not answered by a passage naming the body alone', async () => {
    const result = await pipeline.answerer.ask({ question: 'Đoàn kiểm tra liên ngành về an toàn thực phẩm của huyện Minh Sơn do ai làm trưởng đoàn?' });
    expect(result.answered, result.answer).toBe(false);
  });
});
