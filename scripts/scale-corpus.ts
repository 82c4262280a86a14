// What the scale benchmarks share: the scale corpus unpacked once, its documents in a fixed order, the questions
// asked of it, and percentiles.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Questions an official might ask of a province's collection; fixed, never tuned. */
export const QUESTIONS = [
  'Ai được cấp thẻ BHYT?',
  'Thời hạn báo cáo kết quả thực hiện là khi nào?',
  'Kinh phí thực hiện kế hoạch lấy từ đâu?',
  'Sở Y tế có trách nhiệm gì?',
  'Mức phạt vi phạm hành chính về giao thông là bao nhiêu?',
  'Điều kiện để được hưởng trợ cấp thất nghiệp là gì?',
  'Nghị định này có hiệu lực từ ngày nào?',
  'Ai ký quyết định?',
  'Mục tiêu đến năm 2030 là gì?',
  'Thủ tục đăng ký kết hôn gồm những giấy tờ gì?',
  'Người cao tuổi được hưởng chính sách gì?',
  'Ủy ban nhân dân cấp xã có nhiệm vụ gì?',
  'Thời gian thực hiện kế hoạch là bao lâu?',
  'Các trường hợp bị thu hồi giấy phép?',
  'Hồ sơ đề nghị gồm những gì?',
  'muc phat khi khong doi mu bao hiem',
  'thoi han nop thue thu nhap ca nhan',
  'What are the duties of the provincial People\'s Committee?',
  'When does the decree take effect?',
  'Tỷ lệ hộ nghèo giảm bao nhiêu phần trăm?',
  'Căn cứ ban hành kế hoạch là những văn bản nào?',
  'Chế độ thai sản được hưởng bao lâu?',
  'Quyền và nghĩa vụ của người lao động?',
  'Trách nhiệm của Bộ Tài chính?',
  'Lệ phí cấp giấy phép là bao nhiêu?',
  'Kế hoạch gồm những phần nào?',
  'Đối tượng áp dụng của thông tư là ai?',
  'Người khuyết tật được hỗ trợ những gì?',
  'Báo cáo gửi về đâu?',
  'Giá vàng hôm nay là bao nhiêu?',
];

/** A deterministic shuffle (mulberry32), so every run picks the same subsets. */
export function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
/**
 * The scale corpus's documents (Markdown files) in `work`/vn-docs, unpacked from `archive` the first time, in the
 * order the seed gives: every run and every benchmark picks the same subsets.
 */
export async function scaleCorpus(work: string, archive: string, seed: number): Promise<{ source: string; files: string[] }> {
  const source = join(work, 'vn-docs');
  if (!existsSync(source)) {
    await mkdir(work, { recursive: true });
    await promisify(execFile)('tar', ['-xJf', archive, '-C', work]);
  }
  return { source, files: shuffled((await readdir(source)).filter((name) => name.endsWith('.md')).sort(), seed) };
}
