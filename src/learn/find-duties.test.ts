import { describe, expect, it } from 'vitest';
import { bodyKey, findDuties, matchesBody } from './find-duties.js';
import { openLearnSource } from './learn-source.js';
import { createTestCollection, PROVINCE_PLAN } from './test-collection.js';

const DECREE = `NGHỊ ĐỊNH
Quy định chính sách trợ giúp xã hội

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh

Nghị định này quy định chính sách trợ giúp xã hội.

Chương II
TỔ CHỨC THỰC HIỆN

Điều 10. Trách nhiệm của Bộ Y tế

1. Hướng dẫn các cơ sở khám bệnh, chữa bệnh thực hiện chính sách này.

2. Kiểm tra việc thực hiện chính sách tại các địa phương.

Điều 11. Hiệu lực thi hành

Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.
`;

describe('findDuties', () => {
  it('reads the bodies of "Tổ chức thực hiện" and their tasks, "Đề nghị" and an inline task included', async () => {
    const duties = findDuties((await openLearnSource(createTestCollection({ 'an-thai.txt': PROVINCE_PLAN }), 'an-thai'))!);
    expect(duties.map((duty) => [duty.body, duty.tasks.map((task) => task.text)])).toEqual([
      ['Sở Y tế', ['Chủ trì tổ chức khám sức khỏe định kỳ cho người cao tuổi tại trạm y tế xã.', 'Định kỳ trước ngày 20/6 hằng năm báo cáo Ủy ban nhân dân tỉnh kết quả khám sức khỏe người cao tuổi.']],
      ['Sở Lao động - Thương binh và Xã hội', ['Phối hợp với Sở Y tế rà soát danh sách người cao tuổi cô đơn, không nơi nương tựa.']],
      ['Bảo hiểm xã hội tỉnh', ['cấp thẻ bảo hiểm y tế kịp thời cho người cao tuổi thuộc diện được hỗ trợ.']],
      ['Ủy ban nhân dân các huyện, thành phố', ['Định kỳ hàng năm báo cáo Sở Y tế tình hình thực hiện Kế hoạch trên địa bàn.']],
    ]);
    expect(duties[2].heading.quote).toBe('3. Đề nghị Bảo hiểm xã hội tỉnh');
    for (const duty of duties) {
      for (const { citation } of [{ citation: duty.heading }, ...duty.tasks]) expect(PROVINCE_PLAN.slice(citation.start, citation.end)).toBe(citation.quote);
    }
  });

  it('reads an article on a body’s responsibilities, and nothing from other articles', async () => {
    const duties = findDuties((await openLearnSource(createTestCollection({ 'decree.txt': DECREE }), 'decree'))!);
    expect(duties.map((duty) => [duty.body, duty.tasks.map((task) => task.citation.quote)])).toEqual([
      ['Bộ Y tế', ['1. Hướng dẫn các cơ sở khám bệnh, chữa bệnh thực hiện chính sách này.', '2. Kiểm tra việc thực hiện chính sách tại các địa phương.']],
    ]);
    expect(duties[0].tasks[0].citation.label).toMatch(/^Điều 10/u);
  });
});

describe('matchesBody', () => {
  it.each([
    ['Sở Y tế', 'So Y te', true],
    ['Sở Y tế tỉnh', 'sở y tế', true],
    ['Trung tâm Y tế huyện', 'Sở Y tế', false],
    ['Sở Lao động - Thương binh và Xã hội', 'Sở LĐTBXH', true],
    ['Sở Lao động - Thương binh và Xã hội', 'Sở Y tế', false],
    ['Ủy ban nhân dân các quận, huyện, thị xã', 'UBND huyện', true],
    ['UBND các phường, xã', 'Ủy ban nhân dân tỉnh', false],
    ['Đề nghị Bảo hiểm xã hội tỉnh', 'BHXH', true],
  ])('%s for “%s”: %s', (name, asked, expected) => {
    expect(matchesBody(name, bodyKey(asked))).toBe(expected);
  });

  it('never matches nothing', async () => {
    expect(matchesBody('Sở Y tế', bodyKey('  - '))).toBe(false);
  });
});
