// A document named by its number and what it is about ("KH 153 về phòng, chống ma túy"): the words of its subject tell
// which document, and every passage of it repeats them, so its passages are searched for what is asked of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const BODIES = ['Sở Y tế', 'Sở Tư pháp', 'Sở Giáo dục và Đào tạo', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Nội vụ', 'Sở Tài chính', 'Công an thành phố', 'Đài Phát thanh và Truyền hình', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên', 'Hội Nông dân', 'Liên đoàn Lao động'];

/** A plan on drug prevention whose every duty says "phòng, chống ma túy" and whose last section sets the reporting day. */
const plan = [
  'ỦY BAN NHÂN DÂN',
  'THÀNH PHỐ THỬ NGHIỆM',
  '',
  'Số: 153/KH-UBND',
  '',
  'Thử Nghiệm, ngày 5 tháng 3 năm 2025',
  '',
  'KẾ HOẠCH',
  'Thực hiện công tác phòng, chống ma túy trên địa bàn thành phố năm 2025',
  '',
  'I. NHIỆM VỤ',
  '',
  ...BODIES.flatMap((body, i) => [
    `${i + 1}. ${body}`,
    '',
    `a) Tổ chức tuyên truyền phòng, chống ma túy cho cán bộ, công chức; phối hợp kiểm tra công tác phòng, chống ma túy tại cơ sở.`,
    '',
    `b) Gửi kết quả phòng, chống ma túy của ngành, lĩnh vực được giao; phòng, chống ma túy trong trường học, khu dân cư.`,
    '',
  ]),
  'II. TỔ CHỨC THỰC HIỆN',
  '',
  'a) Các sở, ngành xây dựng kế hoạch cụ thể trong thời hạn 10 ngày.',
  '',
  'b) Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả về Ủy ban nhân dân thành phố để tổng hợp chung.',
].join('\n');

/** Another plan of the collection, so the drug plan's words are rare across it. */
const other = (i: number): string =>
  [
    'ỦY BAN NHÂN DÂN',
    `HUYỆN KHÁC ${i}`,
    '',
    `Số: ${200 + i}/KH-UBND`,
    '',
    `Khác ${i}, ngày 1 tháng 4 năm 2025`,
    '',
    'KẾ HOẠCH',
    `Phát triển du lịch huyện Khác ${i} năm 2025`,
    '',
    'I. NHIỆM VỤ',
    '',
    `Phòng Văn hóa báo cáo kết quả phát triển du lịch trước ngày ${1 + i}/11.`,
  ].join('\n');

let pipeline: TestPipeline;
beforeAll(async () => {
  const files: Record<string, string> = { 'ke-hoach-153.txt': plan };
  for (let i = 1; i <= 6; i += 1) files[`ke-hoach-khac-${i}.txt`] = other(i);
  pipeline = await openPipelineOver(files);
}, 120_000);
afterAll(() => pipeline.cleanup());

describe('a document named by number and subject', () => {
  it('is searched for what is asked of it, not for the words of its subject', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo KH 153 về phòng, chống ma túy của thành phố Thử Nghiệm, báo cáo kết quả phải gửi trước ngày nào?', topK: 3 });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('15 tháng 12');
  });
});
