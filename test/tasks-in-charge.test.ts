// A plan of tasks that names the body in charge in a line of each task ("b) Cơ quan thực hiện: - Đơn vị chủ trì: …"),
// or in a column of its appendix's table (a Word table, read as Markdown rows): asked which tasks a body leads, the
// answer quotes each of them, not the lines naming the body, nor the tasks of other bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const task = (number: string, title: string, duty: string, lead: string): string[] => [
  `**${number}. ${title}**`,
  '',
  `a) Nhiệm vụ: ${duty}`,
  '',
  'b) Cơ quan thực hiện:',
  '',
  `- Đơn vị chủ trì: ${lead}.`,
  '',
  '- Đơn vị phối hợp: Các sở, ban, ngành.',
  '',
  'c) Thời gian thực hiện: Năm 2025.',
  '',
];

const plan = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH HÒA BÌNH XANH',
  '',
  'Số: 77/KH-UBND',
  '',
  'Hòa Bình Xanh, ngày 12 tháng 5 năm 2025',
  '',
  'KẾ HOẠCH',
  'Tạo lập dữ liệu số của tỉnh Hòa Bình Xanh năm 2025',
  '',
  '**I. NHIỆM VỤ**',
  '',
  ...task('1', 'Về dữ liệu', 'Xây dựng kho dữ liệu dùng chung của tỉnh.', 'Sở Khoa học và Công nghệ'),
  ...task('2', 'Về nền tảng số', 'Nâng cấp trung tâm tích hợp dữ liệu.', 'Văn phòng UBND tỉnh'),
  ...task('3', 'Về đào tạo', 'Bồi dưỡng kỹ năng số cho công chức cấp xã.', 'Sở Khoa học và Công nghệ'),
  '**II. TỔ CHỨC THỰC HIỆN**',
  '',
  '**1. Sở Nội vụ:**',
  '',
  '- Chủ trì, phối hợp với các sở, ngành tổ chức các hoạt động tập huấn về tạo lập dữ liệu số cho cán bộ, công chức.',
  '',
  '**2. Sở Văn hóa, Thể thao và Du lịch**',
  '',
  'a) Chỉ đạo hệ thống thông',
  'tin cơ sở tuyên truyền về dữ liệu số.',
  '',
  'b) Phối hợp lồng ghép tuyên truyền',
  'trong các hoạt động văn hóa, văn nghệ.',
  '',
  'c) Chủ trì thực hiện các nhiệm vụ tại Tiểu dự án 2: “Truyền thông về',
  'dữ liệu số” theo chỉ đạo của Bộ.',
  '',
  '**3. Sở Tư pháp và',
  'Công an tỉnh: **Tiếp tục chỉ đạo các cơ quan rà soát dữ liệu',
  'sức khỏe điện tử của người dân trên địa bàn tỉnh.',
  '',
].join('\n');

const tablePlan = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH HÒA BÌNH XANH',
  '',
  'Số: 91/KH-UBND',
  '',
  'Hòa Bình Xanh, ngày 14 tháng 5 năm 2025',
  '',
  'KẾ HOẠCH',
  'Triển khai Luật Phòng thủ dân sự trên địa bàn tỉnh Hòa Bình Xanh',
  '',
  'I. NHIỆM VỤ CỤ THỂ',
  '(Chi tiết tại Phụ lục kèm theo)',
  '',
  'II. TỔ CHỨC THỰC HIỆN',
  '',
  '1. Sở Nội vụ:',
  '',
  '- Hướng dẫn kiện toàn Ban Chỉ huy phòng thủ dân sự các cấp.',
  '',
  'PHỤ LỤC',
  '| TT | Nội dung thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |',
  '|---|---|---|---|---|',
  '| 1 | Ban hành quy chế quản lý Quỹ phòng thủ dân sự | Sở Tài chính | Sở Nội vụ | 2025 |',
  '| 2 | Tuyên truyền, phổ biến pháp luật về phòng thủ dân sự | Sở Văn hóa, Thể thao và Du lịch | Các sở, ngành | Thường xuyên |',
  '| 3 | Bố trí kinh phí bảo đảm hoạt động phòng thủ dân sự | Sở Tài chính | Các sở, ngành | Hằng năm |',
  '| 4 | Diễn tập phòng thủ dân sự cấp tỉnh | Bộ Chỉ huy Quân sự tỉnh | Công an tỉnh | 2026 |',
].join('\n');

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'ke-hoach-77.txt': plan, 'ke-hoach-91.txt': tablePlan });
}, 120_000);
afterAll(() => pipeline.cleanup());

describe('which tasks a body is in charge of', () => {
  it('quotes every task whose line in charge names the body, and no other', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo kế hoạch 77, Sở KH&CN chủ trì những nhiệm vụ nào?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('Xây dựng kho dữ liệu dùng chung');
    expect(result.answer).toContain('Bồi dưỡng kỹ năng số cho công chức cấp xã');
    expect(result.answer).not.toContain('Nâng cấp trung tâm tích hợp dữ liệu');
  });

  it("quotes the rows of a Word table giving the body in the column of the one in charge, each under the table's header", async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo kế hoạch 91, Sở Tài chính chủ trì những nhiệm vụ nào?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('Ban hành quy chế quản lý Quỹ phòng thủ dân sự');
    expect(result.answer).toContain('Bố trí kinh phí bảo đảm hoạt động phòng thủ dân sự');
    expect(result.answer).not.toContain('Diễn tập phòng thủ dân sự cấp tỉnh');
    expect(result.answer).toContain('(cột: TT | Nội dung thực hiện | Cơ quan chủ trì');
  });

  it('does not answer for a body the plan puts in charge of nothing with the tasks of others', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo kế hoạch 77 về tạo lập dữ liệu số, Sở Y tế được giao chủ trì những hoạt động nào?' });
    expect(result.answer).not.toContain('các hoạt động tập huấn');
    expect(result.answered, result.answer).toBe(false);
  });

  it("compares a body's duties in two plans from the section each gives the body", async () => {
    const result = await pipeline.answerer.ask({ question: 'So sánh nhiệm vụ giao cho Sở Nội vụ trong kế hoạch 77 và kế hoạch 91 của tỉnh Hòa Bình Xanh.' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('tập huấn về tạo lập dữ liệu số');
    expect(result.answer).toContain('kiện toàn Ban Chỉ huy phòng thủ dân sự');
  });

  it("quotes every item of a body's section, items read as headings or not", async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo kế hoạch 77, Sở Văn hóa, Thể thao và Du lịch có nhiệm vụ gì?' });
    expect(result.answer).toContain('tuyên truyền về dữ liệu số');
    expect(result.answer).toContain('hoạt động văn hóa, văn nghệ');
    expect(result.answer).toContain('Tiểu dự án 2');
  });

  it("quotes a body's section from the text after the colon of its heading, its first line included", async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo kế hoạch 77, Sở Tư pháp có nhiệm vụ gì?' });
    expect(result.answer).toContain('Tiếp tục chỉ đạo các cơ quan rà soát dữ liệu');
  });
});
