// The article putting a legal document in force names the acts it repeals, whatever they are about: it answers what
// it is for (when, what it repeals, who carries it out), not a question on those acts' subject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const DECREE = `CHÍNH PHỦ
-------
Số: 55/2025/NĐ-CP
Hà Nội, ngày 01 tháng 7 năm 2025

NGHỊ ĐỊNH
Quy định xử lý kỷ luật cán bộ, công chức

Điều 1. Hình thức kỷ luật
Công chức có hành vi vi phạm bị kỷ luật bằng một trong các hình thức khiển trách, cảnh cáo, hạ bậc lương, buộc thôi việc.
Hình thức kỷ luật đã quyết định không được thay thế bằng hình thức khác.

Điều 2. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2025.
2. Bãi bỏ các quy định về xử lý kỷ luật cán bộ, công chức tại Nghị định số 112/2020/NĐ-CP về xử lý kỷ luật cán bộ, công chức, viên chức.
3. Các Nghị định sau đây hết hiệu lực thi hành:
a) Nghị định số 34/2011/NĐ-CP ngày 17 tháng 5 năm 2011;
b) Nghị định số 27/2012/NĐ-CP ngày 06 tháng 4 năm 2012.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn E
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'nghi-dinh-55.txt': DECREE });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('the article putting a decree in force', () => {
  it('does not answer a question on the subject of the acts it repeals', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo Nghị định 55/2025/NĐ-CP, viên chức bị xử lý kỷ luật bằng những hình thức nào?' });
    expect(result.answer).not.toContain('112/2020');
  });

  it('answers what it repeals and when the decree takes effect', async () => {
    const repealed = await pipeline.answerer.ask({ question: 'Nghị định 55/2025/NĐ-CP bãi bỏ quy định nào?' });
    expect(repealed.answered, repealed.answer).toBe(true);
    expect(repealed.answer).toContain('112/2020/NĐ-CP');
  });

  it('answers what it replaces from the clause ending other decrees, though that clause says "hết hiệu lực", not "thay thế"', async () => {
    const replaced = await pipeline.answerer.ask({ question: 'Nghị định 55/2025/NĐ-CP thay thế những nghị định nào?' });
    expect(replaced.answered, replaced.answer).toBe(true);
    expect(replaced.answer).toContain('27/2012/NĐ-CP');
    const other = await pipeline.answerer.ask({ question: 'Nghị định 55/2025/NĐ-CP thay thế những điều nào của Nghị định 90/2020/NĐ-CP?' });
    expect(other.answer).not.toContain('27/2012/NĐ-CP');
  });
});
