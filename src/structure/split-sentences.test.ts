import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

const read = (file: string): string => readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');
const sentences = (text: string): string[] => splitSentences(text).map(({ start, end }) => text.slice(start, end));

/** The passage of a corpus file from `from` up to (not including) `to`. */
function passage(file: string, from: string, to: string): string {
  const text = read(file);
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

describe('splitSentences', () => {
  it('does not split at hard wraps, and splits list items and sentences (khanh-hoa)', () => {
    const text = passage('khanh-hoa-2618-2022.txt', '1. Đối tượng\n', 'II. ĐÁNH GIÁ');
    expect(sentences(text)).toEqual([
      '1. Đối tượng',
      '- Đối tượng, phạm vi thực hiện: Các\ncơ sở trợ giúp xã hội, Trung tâm Điều dưỡng và Chăm sóc người có công - Công\ntác xã hội tỉnh, cơ sở cai nghiện ma túy do ngành Lao động - Thương binh và Xã\nhội quản lý (sau đây viết tắt là cơ sở chăm sóc sức khỏe lao động - xã hội).',
      '- Đối tượng thụ hưởng: Người có công,\nngười cao tuổi, người khuyết tật, trẻ em có hoàn cảnh đặc biệt và các đối tượng\ncần trợ giúp xã hội khác.',
      '2. Phạm vi: Kế hoạch được thực hiện trong phạm vi toàn tỉnh.',
      '3. Thời gian thực hiện: Từ năm 2021 - 2025.',
    ]);
  });

  it('splits a wrapped paragraph into its sentences', () => {
    const text = passage('khanh-hoa-2618-2022.txt', '- Cơ sở vật chất đảm bảo', '- Nguồn kinh phí chăm sóc');
    expect(sentences(text)).toEqual([
      '- Cơ sở vật chất đảm bảo việc khám,\nchữa bệnh tại chỗ còn chưa được nâng cấp, cải tạo đáp ứng với nhu cầu đặt ra.',
      'Hệ\nthống máy móc, thiết bị chuyên sâu, phục hồi chỉnh hình, phục hồi chức năng tại\ncơ sở chưa được trang bị.',
      'Nguồn kinh phí đảm bảo cho việc nâng cấp, xây dựng cơ\nsở vật chất, máy móc, thiết bị ...còn thiếu, không đáp ứng được yêu cầu khám,\nchữa bệnh cho đối tượng.',
    ]);
  });

  it('joins a sentence split by a page break (huu-lung)', () => {
    const text = passage('huu-lung-2022.txt', 'Thực hiện tốt các kế hoạch, chương trình', 'Hằng năm thực hiện tốt công tác lập');
    const [first, second] = sentences(text);
    expect(first).toMatch(/^Thực hiện tốt các kế hoạch.*, ban hành\n\nvăn bản chỉ đạo các đơn vị chức năng về công tác chăm sóc đối tượng người có công với cách mạng\.$/su);
    expect(second).toMatch(/^Hằng năm, UBND huyện ban hành/u);
  });

  it('does not split at abbreviations, dates, document numbers or decimals', () => {
    expect(sentences('Tổng số người cao tuổi có 12.805 người, chiếm 10,35% dân số. Giai đoạn 2016-2020, UBND huyện ban hành văn bản.')).toEqual([
      'Tổng số người cao tuổi có 12.805 người, chiếm 10,35% dân số.',
      'Giai đoạn 2016-2020, UBND huyện ban hành văn bản.',
    ]);
    expect(sentences('TP. Lạng Sơn, ngày tháng 3 năm 2024')).toHaveLength(1);
    expect(sentences('Căn cứ Quyết định số 1942/QĐ-TTg ngày 18/11/2021 của Thủ tướng Chính phủ.')).toHaveLength(1);
    expect(sentences('Đã phong tặng cho 6.910 Bà mẹ Việt Nam anh hùng (hiện nay có 265 mẹ còn sống).')).toHaveLength(1);
    expect(sentences('- TT. Thành uỷ (B/c);\n- TT. HĐND thành phố;')).toEqual(['- TT. Thành uỷ (B/c);', '- TT. HĐND thành phố;']);
    expect(sentences('**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\nNguyễn Thị Hồng Vân')).toEqual(['KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', 'Nguyễn Thị Hồng Vân']);
  });

  it('splits long clauses at semicolons but keeps short enumerations whole', () => {
    const text = read('lang-son-thanh-pho-2024.txt');
    const basis = text.slice(text.indexOf('Căn cứ Quyết định'), text.indexOf('\n', text.indexOf('Căn cứ Quyết định')));
    const parts = sentences(basis);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^Căn cứ Quyết định số 1942\/QĐ-TTg.*giai đoạn 2021-2030;$/u);
    expect(parts[1]).toMatch(/^Chỉ thị số 28-CT\/TW/u);
    expect(sentences('Kết quả: đã tổ chức được 810 cuộc tuyên truyền; cấp phát trên 2.000 tờ rơi.')).toHaveLength(1);
  });

  it('returns trimmed spans over the original and nothing for blank text', () => {
    const text = '  \n Câu thứ nhất.   Câu thứ hai!  \n';
    expect(splitSentences(text)).toEqual([
      { start: 4, end: 17 },
      { start: 20, end: 32 },
    ]);
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});
