// A document named by its number and what it is about ("KH 153 về phòng, chống ma túy"): the words of its subject tell
// which document, and every passage of it repeats them, so its passages are searched for what is asked of it.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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
    `Phòng Văn hóa tổ chức lễ hội du lịch vào ngày ${1 + i}/11.`,
    ...(i === 1 ? ['', 'Khôi phục các điểm du lịch sau lũ; phòng chống dịch bệnh tại khu du lịch.'] : []),
  ].join('\n');

let pipeline: TestPipeline;
beforeAll(async () => {
  const files: Record<string, string> = { 'ke-hoach-153.txt': plan };
  for (let i = 1; i <= 20; i += 1) files[`ke-hoach-khac-${i}.txt`] = other(i);
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

// The 25 documents of ../shared (12 plans, two of them Đắk Lắk's, and 13 legal documents): which one is asked about is told by words its title words
// otherwise ("phòng chống dịch bệnh sau lũ" for "… phòng chống dịch bệnh sau lụt bão").
const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
let province: TestPipeline;
beforeAll(async () => {
  const paths = (await Promise.all(['corpus-extra/', 'legal-extra/'].map(async (folder) => (await readdir(shared + folder)).filter((name) => name.endsWith('.txt')).map((name) => folder + name)))).flat();
  province = await openPipelineOver(Object.fromEntries(await Promise.all(paths.map(async (path) => [path.split('/')[1], await readFile(shared + path, 'utf8')] as const))));
}, 120_000);
afterAll(() => province.cleanup());

describe('a plan named by its place and what it is about', () => {
  it('is asked what it says, however many of the question\'s words only say which plan', async () => {
    const result = await province.answerer.ask({ question: 'Kế hoạch phòng chống dịch bệnh sau lũ của tỉnh Đắk Lắk giao sở nào chủ trì?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer.split('\n')[0]).toContain('Sở Y tế');
  });
});

describe('a figure told of the asker\'s case', () => {
  it('weighs nothing: the rule bounds it ("không quá 45 tuổi"), it does not state it', async () => {
    const result = await province.answerer.ask({ question: 'Tôi 46 tuổi, đã làm công chức 10 năm, chưa từng đi học sau đại học. Theo NĐ 171/2025/NĐ-CP cơ quan có thể cử tôi đi học thạc sĩ lần đầu được không?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('không quá 45 tuổi');
  });
});
