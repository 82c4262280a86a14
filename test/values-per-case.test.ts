// A sentence setting one value per case ("… bán trú tiểu học là 21 tiết, … nội trú trung học cơ sở là 17 tiết") answers
// for the case asked, with that case's value, and not for a case it does not list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const CIRCULAR = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
-------
Số: 66/2025/TT-BGDĐT
Hà Nội, ngày 10 tháng 10 năm 2025

THÔNG TƯ
Quy định chế độ làm việc đối với giáo viên vùng cao

Điều 1. Định mức tiết dạy
1. Định mức tiết dạy trung bình một tuần của giáo viên vùng cao như sau: giáo viên trường dân tộc bán trú tiểu học là 22 tiết, giáo viên trường dân tộc bán trú trung học cơ sở là 18 tiết, giáo viên trường dân tộc nội trú trung học cơ sở là 16 tiết, giáo viên trường dân tộc nội trú trung học phổ thông là 14 tiết.
2. Giáo viên vùng cao được bố trí nhà công vụ theo quy định.

Điều 2. Hiệu lực
Thông tư này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.

BỘ TRƯỞNG
Nguyễn Văn E
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'thong-tu-66.txt': CIRCULAR });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('a sentence setting one value per case', () => {
  it('answers with the value of the case the question names', async () => {
    const result = await pipeline.answerer.ask({ question: 'Giáo viên trường dân tộc nội trú trung học cơ sở có định mức bao nhiêu tiết một tuần?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer.split('\n')[0]).toContain('16 tiết');
  });

  it('does not answer for a case it does not list', async () => {
    const result = await pipeline.answerer.ask({ question: 'Tôi dạy ở trường dân tộc nội trú cấp tiểu học. Định mức của tôi là bao nhiêu tiết một tuần?' });
    expect(result.answered, result.answer).toBe(false);
  });

  it('answers for several cases asked in turn', async () => {
    const result = await pipeline.answerer.ask({ question: 'Giáo viên trường dân tộc bán trú tiểu học và trường dân tộc nội trú trung học phổ thông lần lượt có định mức bao nhiêu tiết?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('22 tiết');
    expect(result.answer).toContain('14 tiết');
  });
});
