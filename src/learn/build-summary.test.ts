import { describe, expect, it } from 'vitest';
import { buildSummary, findDocumentFacts } from './build-summary.js';
import { findDeadlines } from './find-deadlines.js';
import { findDuties } from './find-duties.js';
import { findGoals } from './find-targets.js';
import { openLearnSource } from './learn-source.js';
import { createTestCollection, DISTRICT_PLAN, PROVINCE_PLAN } from './test-collection.js';

const BLANK_NUMBER = `Số: /KH-UBND

TP. An Thái, ngày tháng 3 năm 2024

KẾ HOẠCH

Chăm sóc trẻ em trên địa bàn thành phố An Thái năm 2024

Căn cứ Luật Trẻ em năm 2016;

UBND thành phố ban hành Kế hoạch như sau:

I. MỤC TIÊU

- 100% trẻ em có hoàn cảnh đặc biệt được trợ giúp.
`;

const factsOf = async (file: string, text: string) => findDocumentFacts((await openLearnSource(createTestCollection({ [file]: text }), file.replace('.txt', '')))!);

describe('findDocumentFacts', () => {
  it('reads what the document is, who issued and signed it and its period, each from its own line', async () => {
    const facts = await factsOf('an-thai.txt', PROVINCE_PLAN);
    expect(facts.map((fact) => [fact.key, fact.value, fact.citation.quote])).toEqual([
      ['title', 'Kế hoạch chăm sóc sức khỏe người cao tuổi giai đoạn 2023 - 2025 trên địa bàn tỉnh An Thái', 'KẾ HOẠCH\nChăm sóc sức khỏe người cao tuổi giai đoạn 2023 - 2025 trên địa bàn tỉnh An Thái'],
      ['number', '125/KH-UBND', 'Số: 125/KH-UBND'],
      ['date', '12/5/2023', 'An Thái, ngày 12 tháng 5 năm 2023'],
      ['issuer', 'Ủy ban nhân dân tỉnh An Thái', 'ỦY BAN NHÂN DÂN\nTỈNH AN THÁI'],
      ['signer', 'Nguyễn Văn An (KT. CHỦ TỊCH – PHÓ CHỦ TỊCH)', 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An'],
      ['period', '2023 - 2025', 'II. THỜI GIAN THỰC HIỆN\n\nTừ năm 2023 đến năm 2025.'],
    ]);
    for (const { citation } of facts) expect(PROVINCE_PLAN.slice(citation.start, citation.end)).toBe(citation.quote);
  });

  it('says a number was left blank, reads the issuer off the preamble and a one-year period off the title', async () => {
    const facts = Object.fromEntries((await factsOf('blank.txt', BLANK_NUMBER)).map((fact) => [fact.key, fact]));
    expect(facts.number.value).toBe('Để trống (Số: /KH-UBND)');
    expect(facts.date.value).toBe('tháng 3/2024');
    expect(facts.issuer.citation.quote).toBe('UBND thành phố ban hành Kế hoạch');
    expect(facts.period.citation.quote).toBe('năm 2024');
    // No signature block: no signer rather than a guess.
    expect(facts.signer).toBeUndefined();
  });
});

describe('buildSummary', () => {
  it('puts the metadata, facts, objectives, targets, duties and deadlines together', async () => {
    const source = (await openLearnSource(createTestCollection({ 'binh-son.txt': DISTRICT_PLAN }), 'binh-son'))!;
    const summary = buildSummary(source, { goals: findGoals(source), duties: findDuties(source), deadlines: findDeadlines(source) });
    expect(summary.document).toMatchObject({ id: 'binh-son', type: 'Kế hoạch', number: '45/KH-UBND', name: 'Kế hoạch 45/KH-UBND ngày 3/2/2024 của Ủy ban nhân dân huyện Bình Sơn' });
    expect(summary.targets.map((target) => target.figures[0].text)).toEqual(['100%', '60%']);
    expect(summary.duties.map((duty) => duty.body)).toEqual(['Phòng Y tế huyện', 'Trung tâm Y tế huyện', 'UBND các xã, thị trấn']);
    expect(summary.deadlines.map((deadline) => deadline.when)).toEqual(['trước ngày 30/9/2024', 'Định kỳ 6 tháng']);
    expect(summary.facts.map((fact) => fact.key)).toEqual(['title', 'number', 'date', 'issuer', 'signer', 'period']);
  });
});
