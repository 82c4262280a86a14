// A question naming an article of a legal document ("Theo khoản 1 Điều 2 …", "Under Article 2 …") is answered from
// that article when it holds an answer, though another article shares more of the question's words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const DECREE = `CHÍNH PHỦ
-------
Số: 66/2025/NĐ-CP
Hà Nội, ngày 01 tháng 7 năm 2025

NGHỊ ĐỊNH
Quy định xử lý kỷ luật viên chức

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc xử lý kỷ luật viên chức.

Điều 2. Nguyên tắc xử lý kỷ luật
1. Việc xử lý kỷ luật viên chức phải bảo đảm khách quan, công bằng; công khai, minh bạch; chính xác, kịp thời.
2. Mỗi hành vi vi phạm chỉ bị xử lý một hình thức kỷ luật.

Điều 3. Trách nhiệm của người đứng đầu
Việc xử lý kỷ luật viên chức vi phạm tại đơn vị sự nghiệp công lập phải bảo đảm những yêu cầu sau: đúng người, đúng hành vi vi phạm, đúng hình thức kỷ luật.

Điều 4. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2025.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn E
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'nghi-dinh-66.txt': DECREE });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('an article the question names', () => {
  it('answers, though another article shares more of the question', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo khoản 1 Điều 2 Nghị định 66/2025/NĐ-CP, việc xử lý kỷ luật viên chức vi phạm phải bảo đảm những gì?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('khách quan, công bằng');
    expect(result.answer).not.toContain('đúng người');
    const english = await pipeline.answerer.ask({ question: 'Under clause 1 of Article 2 of Decree 66/2025/ND-CP, what must the disciplining of public employees ensure?' });
    expect(english.answer).toContain('khách quan, công bằng');
  });
});
