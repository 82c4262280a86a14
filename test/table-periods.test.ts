// An appendix table of targets grouped by period ("I | Giai đoạn 2025-2027", then its rows; "II | Giai đoạn
// 2028-2030", then its rows): each row is for its group's period, whether the group row is in the row's chunk or
// in one before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

/** A flattened table row: cells on lines of their own, set apart by "|" lines. */
const row = (...cells: string[]) => `${cells.join('\n|\n')}\n|\n|\n`;
/** Rows of other targets, long enough that each period's rows fill chunks of their own. */
const fillers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => row(String(from + i), `Tỉ lệ hồ sơ lưu trữ chuyên đề số ${from + i} được chỉnh lý, lập mục lục, bảo quản và số hóa theo đúng quy trình nghiệp vụ lưu trữ hiện hành.`, '%', `${40 + i}%`, 'Bộ Nội vụ')).join('');

const DECISION = `THỦ TƯỚNG CHÍNH PHỦ
-------
Số: 4321/QĐ-TTg
Hà Nội, ngày 05 tháng 11 năm 2025

QUYẾT ĐỊNH
Phê duyệt Chương trình chuyển đổi số ngành lưu trữ

Điều 1. Phê duyệt Chương trình chuyển đổi số ngành lưu trữ, với các chỉ tiêu tại Phụ lục I.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

THỦ TƯỚNG
Nguyễn Văn E

**PHỤ LỤC I**
DANH MỤC CÁC CHỈ TIÊU CỤ THỂ
|
**TT**
|
**Chỉ tiêu**
|
**Đơn vị**
|
**Kết quả**
|
**Cơ quan chủ trì theo dõi, đánh giá**
|
|
${row('**I**', '**Giai đoạn 2025-2027**', '', '', '')}${row('1', 'Tỉ lệ phông lưu trữ được giới thiệu trên cổng thông tin điện tử.', '%', '60%', 'Bộ Nội vụ')}${fillers(2, 24)}${row('**II**', '**Giai đoạn 2028-2030**', '', '', '')}${fillers(1, 24)}${row('25', 'Tỉ lệ cán bộ lưu trữ được đào tạo kỹ năng số chuyên sâu.', '%', '35%', 'Bộ Nội vụ')}`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'quyet-dinh-4321.txt': DECISION });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('a table of targets grouped by period', () => {
  it("answers the period of a row's own group", async () => {
    const early = await pipeline.answerer.ask({ question: 'Giai đoạn 2025-2027, tỉ lệ phông lưu trữ được giới thiệu trên cổng thông tin điện tử là bao nhiêu?' });
    expect(early.answered, early.answer).toBe(true);
    expect(early.answer).toContain('60%');
    const late = await pipeline.answerer.ask({ question: 'Giai đoạn 2028-2030, tỉ lệ cán bộ lưu trữ được đào tạo kỹ năng số chuyên sâu là bao nhiêu?' });
    expect(late.answered, late.answer).toBe(true);
    expect(late.answer).toContain('35%');
  });

  it("does not answer a period with a row of another group's, its group row in the chunk or before it", async () => {
    const early = await pipeline.answerer.ask({ question: 'Giai đoạn 2028-2030, tỉ lệ phông lưu trữ được giới thiệu trên cổng thông tin điện tử là bao nhiêu?' });
    expect(early.answered, early.answer).toBe(false);
    const late = await pipeline.answerer.ask({ question: 'Giai đoạn 2025-2027, tỉ lệ cán bộ lưu trữ được đào tạo kỹ năng số chuyên sâu là bao nhiêu?' });
    expect(late.answered, late.answer).toBe(false);
  });
});
