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

// Two plans of the place with projects numbered alike.
const projects = (number: string, title: string, second: string, fifth: string): string =>
  [...header(number, 'KẾ HOẠCH', title), 'I. CÁC DỰ ÁN', '', `1. Dự án 2: ${second}`, '', `2. Dự án 5: ${fifth}`].join('\n');
const drugs = projects('153/KH-UBND', 'Phòng, chống ma túy trên địa bàn tỉnh Hòa Bình Xanh đến năm 2030', 'Nghiên cứu, ứng dụng khoa học và công nghệ trong phòng, chống ma túy.', 'Nâng cao hiệu quả cai nghiện ma túy và quản lý sau cai.');
const roads = projects('160/KH-UBND', 'Nâng cấp đường giao thông nông thôn tỉnh Hòa Bình Xanh', 'Làm mới cầu treo qua suối.', 'Trải nhựa đường liên xã.');

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'ke-hoach-88.txt': plan, 'quyet-dinh-41.txt': decision, 'ke-hoach-153.txt': drugs, 'ke-hoach-160.txt': roads });
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

describe('a follow-up after a question naming one of a place\'s documents', () => {
  it('stays on that document, though the rewrite carries only the place over', async () => {
    const history = [
      { role: 'user' as const, content: 'kh 153 hoa binh xanh co nhung du an nao' },
      { role: 'assistant' as const, content: 'Kế hoạch 153/KH-UBND có Dự án 2 và Dự án 5.' },
    ];
    const result = await pipeline.answerer.ask({ question: 'con du an 2 la ve noi dung gi', history });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('khoa học và công nghệ');
    expect(result.citations.every((citation) => citation.docId === result.citations[0].docId)).toBe(true);
    expect(result.answer).not.toContain('cầu treo');
  });
});
