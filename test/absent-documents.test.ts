// A document the collection lacks, asked about by number among many documents: the passages citing it answer,
// however common its number is as a word and whatever documents of its type the collection holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const PLANS = 120;

/** A plan whose tables count 1.808 visits in a year a number like the decision's: ranking on "1808" finds them first. */
const plan = (i: number, cites: boolean): string =>
  [
    'ỦY BAN NHÂN DÂN',
    `HUYỆN THỬ NGHIỆM ${i}`,
    '',
    `Số: ${300 + i}/KH-UBND`,
    '',
    `Thử Nghiệm ${i}, ngày 5 tháng 3 năm 2025`,
    '',
    'KẾ HOẠCH',
    `Phát triển văn hóa cơ sở trên địa bàn huyện Thử Nghiệm ${i} năm 2025`,
    '',
    'I. CĂN CỨ',
    '',
    cites
      ? 'Căn cứ Chỉ thị số 11-CT/TW, ngày 02/6/2023 của Ban Bí thư; Quyết định số 1808/QĐ-TTg ngày 09/8/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển văn hóa cơ sở.'
      : 'Căn cứ Luật Tổ chức chính quyền địa phương.',
    '',
    'II. TÌNH HÌNH',
    '',
    `- Nhà văn hóa xã đón 1808 lượt người, ban hành quy chế sinh hoạt ngày ${1 + (i % 28)}/4/2024.`,
    '',
    'III. TỔ CHỨC THỰC HIỆN',
    '',
    `- Phòng Văn hóa báo cáo trước ngày ${1 + (i % 20)}/12 hằng năm.`,
  ].join('\n');

/** Decisions of the collection, one whose title says it enacts ("ban hành") as the question does: none is the one asked about. */
const decision = (i: number): string =>
  [
    'ỦY BAN NHÂN DÂN',
    `TỈNH THỬ NGHIỆM ${i}`,
    '',
    `Số: ${40 + i}/2025/QĐ-UBND`,
    '',
    `Thử Nghiệm ${i}, ngày 10 tháng 11 năm 2025`,
    '',
    'QUYẾT ĐỊNH',
    i === 1 ? `Ban hành quy chế quản lý nhà văn hóa tỉnh Thử Nghiệm ${i}` : `Về việc giao chỉ tiêu phát triển văn hóa tỉnh Thử Nghiệm ${i}`,
    '',
    'Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý nhà văn hóa.',
    '',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
  ].join('\n');

let pipeline: TestPipeline;
beforeAll(async () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= PLANS; i += 1) files[`ke-hoach-${i}.txt`] = plan(i, i % 50 === 7);
  for (let i = 1; i <= 3; i += 1) files[`quyet-dinh-${i}.txt`] = decision(i);
  pipeline = await openPipelineOver(files);
}, 120_000);
afterAll(() => pipeline.cleanup());

describe('a document the collection lacks, named by number', () => {
  it.each(['Quyết định 1808/QĐ-TTg được ban hành ngày nào?', 'On what date was Decision 1808/QĐ-TTg issued?'])('is dated from the passages citing it: %s', async (question) => {
    const result = await pipeline.answerer.ask({ question });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('09/8/2022');
    // The directive cited beside it, after a comma, bears its own date.
    expect(result.answer.split('\n')[0]).not.toContain('02/6/2023');
    expect(result.citations.every((citation) => citation.quote.includes('1808/QĐ-TTg'))).toBe(true);
    // The plans citing it say the same of it: one is quoted, the others named.
    expect(new Set(result.citations.map((citation) => citation.docId)).size).toBe(1);
    expect(result.otherDocuments).toHaveLength(2);
  });
});
