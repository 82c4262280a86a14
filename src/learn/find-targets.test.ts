import { describe, expect, it } from 'vitest';
import { figuresIn, findGoals } from './find-targets.js';
import { openLearnSource } from './learn-source.js';
import { createTestCollection, PROVINCE_PLAN } from './test-collection.js';

const PERIOD_PLAN = `KẾ HOẠCH
Phát triển mạng lưới y tế cơ sở

II. MỤC TIÊU

1. Mục tiêu chung

Củng cố mạng lưới y tế cơ sở.

2. Mục tiêu cụ thể

a) Giai đoạn 2021 - 2025

Tối thiểu 70% trạm y tế xã đạt chuẩn quốc gia. Phấn đấu 25 xã có bác sĩ làm việc thường xuyên.

b) Giai đoạn 2026 - 2030

100% trạm y tế xã đạt chuẩn quốc gia.

III. TỔ CHỨC THỰC HIỆN

Sở Y tế báo cáo 90% kết quả hằng năm.
`;

describe('figuresIn', () => {
  it('finds shares and counts of things, not years, dates or item numbers', async () => {
    expect(figuresIn('Tối thiểu 10% cơ sở thực hiện được ít nhất 80 % hoạt động')).toEqual([
      { text: '10%', kind: 'percent', value: 10 },
      { text: '80 %', kind: 'percent', value: 80 },
    ]);
    expect(figuresIn('Phấn đấu 1.200 người cao tuổi và 3 cơ sở')).toEqual([
      { text: '1.200 người', kind: 'count', value: 1200, unit: 'người' },
      { text: '3 cơ sở', kind: 'count', value: 3, unit: 'cơ sở' },
    ]);
    expect(figuresIn('Đến năm 2025, theo Quyết định 1942/QĐ-TTg ngày 18/11/2021, giai đoạn 2 giai đoạn')).toEqual([]);
  });
});

describe('findGoals', () => {
  it('splits a plan’s "Mục tiêu" section into objectives and targets with their figures, each cited verbatim', async () => {
    const source = (await openLearnSource(createTestCollection({ 'an-thai.txt': PROVINCE_PLAN }), 'an-thai'))!;
    const { objectives, targets } = findGoals(source);
    expect(objectives.map((objective) => [objective.heading, objective.text])).toEqual([
      ['Mục tiêu chung', 'Nâng cao chất lượng chăm sóc sức khỏe người cao tuổi tại cộng đồng.'],
      ['Mục tiêu cụ thể', 'Từng bước hoàn thiện mạng lưới y tế cơ sở.'],
    ]);
    expect(targets.map((target) => [target.text, target.figures.map((figure) => figure.text)])).toEqual([
      ['Tối thiểu 80% người cao tuổi được khám sức khỏe định kỳ.', ['80%']],
      ['Phấn đấu 1.200 người cao tuổi được cấp thẻ bảo hiểm y tế miễn phí.', ['1.200 người']],
    ]);
    for (const item of [...objectives, ...targets]) expect(PROVINCE_PLAN.slice(item.citation.start, item.citation.end)).toBe(item.citation.quote);
    expect(targets[0].citation.label).toBe('I › 2');
  });

  it('gives each target the period of the heading over it', async () => {
    const { objectives, targets } = findGoals((await openLearnSource(createTestCollection({ 'plan.txt': PERIOD_PLAN }), 'plan'))!);
    expect(objectives.map((objective) => objective.text)).toEqual(['Củng cố mạng lưới y tế cơ sở.']);
    expect(targets.map((target) => [target.period, target.heading, target.citation.quote])).toEqual([
      ['2021 - 2025', 'Giai đoạn 2021 - 2025', 'Tối thiểu 70% trạm y tế xã đạt chuẩn quốc gia. Phấn đấu 25 xã có bác sĩ làm việc thường xuyên.'],
      ['2026 - 2030', 'Giai đoạn 2026 - 2030', '100% trạm y tế xã đạt chuẩn quốc gia.'],
    ]);
    // Figures outside the "Mục tiêu" sections are no targets.
    expect(targets.some((target) => target.text.includes('90%'))).toBe(false);
  });

  it('reads a long paragraph sentence by sentence, keeping those that state a figure', async () => {
    const filler = 'Các cơ quan, đơn vị phối hợp chặt chẽ trong quá trình tổ chức thực hiện, bảo đảm đúng tiến độ và hiệu quả. '.repeat(5);
    const text = `KẾ HOẠCH\nY tế cơ sở\n\nI. MỤC TIÊU\n\n${filler}Tối thiểu 70% trạm y tế xã đạt chuẩn. ${filler}Phấn đấu 25 xã có bác sĩ.\n`;
    const { targets } = findGoals((await openLearnSource(createTestCollection({ 'long.txt': text }), 'long'))!);
    expect(targets.map((target) => target.citation.quote)).toEqual(['Tối thiểu 70% trạm y tế xã đạt chuẩn.', 'Phấn đấu 25 xã có bác sĩ.']);
  });
});
