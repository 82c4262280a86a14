// A place holding several documents: a question about the place is answered from whichever of them answers, and
// only a question about each of them says that one did not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const header = (number: string, type: string, title: string): string[] => [
  'ỦY BAN NHÂN DÂN',
  'TỈNH HÒA BÌNH XANH',
  '',
  `Số: ${number}`,
  '',
  'Hòa Bình Xanh, ngày 12 tháng 5 năm 2025',
  '',
  type,
  title,
  '',
];

const plan = [
  ...header('88/KH-UBND', 'KẾ HOẠCH', 'Phổ cập kỹ năng số cho người dân tỉnh Hòa Bình Xanh năm 2025'),
  'I. NHIỆM VỤ',
  '',
  '1. Triển khai phong trào "Bình dân học vụ số" để phổ cập kỹ năng số cho người dân.',
  '',
  '2. Tổ chức các lớp học trực tuyến trên nền tảng MOOCs của tỉnh.',
].join('\n');

const decision = [
  ...header('41/2025/QĐ-UBND', 'QUYẾT ĐỊNH', 'Ban hành quy chế quản lý cổng thông tin điện tử tỉnh Hòa Bình Xanh'),
  'Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cổng thông tin điện tử của tỉnh.',
  '',
  'Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 6 năm 2025.',
].join('\n');

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'ke-hoach-88.txt': plan, 'quyet-dinh-41.txt': decision });
}, 120_000);
afterAll(() => pipeline.cleanup());

const NOT_FOUND = /Không tìm thấy nội dung trả lời trong/u;

describe('a question naming a place of several documents', () => {
  it('is answered from the one that answers, without saying the others did not', async () => {
    const result = await pipeline.answerer.ask({ question: 'Tỉnh Hòa Bình Xanh phổ cập kỹ năng số cho người dân bằng phong trào gì?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('Bình dân học vụ số');
    expect(result.answer).not.toMatch(NOT_FOUND);
  });

  it('says which one did not answer when it asks about each of them', async () => {
    const result = await pipeline.answerer.ask({ question: 'Các văn bản của tỉnh Hòa Bình Xanh phổ cập kỹ năng số cho người dân bằng phong trào gì?' });
    expect(result.answer).toContain('Bình dân học vụ số');
    expect(result.answer).toMatch(NOT_FOUND);
  });
});
