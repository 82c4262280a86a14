import { describe, expect, it } from 'vitest';
import { clipSpan, openLearnSource, plainText } from './learn-source.js';
import { createTestCollection, PROVINCE_PLAN } from './test-collection.js';

const WRAPPED_PLAN = `KẾ HOẠCH
Chăm sóc người cao tuổi

I. TỔ CHỨC THỰC HIỆN

1. Sở Y tế

- Chủ trì khám sức khỏe cho người cao tuổi,
hướng dẫn các trạm y tế xã thực hiện.
- Phối hợp với Sở Lao

động - Thương binh và Xã hội rà soát danh sách.

2. Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch.
`;

describe('openLearnSource', () => {
  it('is undefined for an unknown document', async () => {
    expect(await openLearnSource(createTestCollection({ 'a.txt': PROVINCE_PLAN }), 'khong-co')).toBeUndefined();
  });

  it('reads items without bullets, joining wrapped lines and lines cut by a page break', async () => {
    const source = (await openLearnSource(createTestCollection({ 'plan.txt': WRAPPED_PLAN }), 'plan'))!;
    const section = source.outline.find((entry) => entry.title === '1. Sở Y tế')!;
    const items = source.items(section.start, section.end, [section]).map((span) => source.plain(span));
    expect(items).toEqual([
      'Chủ trì khám sức khỏe cho người cao tuổi, hướng dẫn các trạm y tế xã thực hiện.',
      'Phối hợp với Sở Lao động - Thương binh và Xã hội rà soát danh sách.',
    ]);
  });

  it('keeps the words after an inline heading as an item of their own', async () => {
    const source = (await openLearnSource(createTestCollection({ 'plan.txt': WRAPPED_PLAN }), 'plan'))!;
    const section = source.outline.find((entry) => entry.title.startsWith('2. Sở Tài chính'))!;
    expect(WRAPPED_PLAN[source.headingWordsEnd(section)]).toBe(':');
    expect(source.items(section.start, section.end, [section]).map((span) => source.plain(span))).toEqual(['bố trí kinh phí thực hiện Kế hoạch.']);
  });

  it('cites a span with its exact text, its place in the document and its document', async () => {
    const source = (await openLearnSource(createTestCollection({ 'an-thai.txt': PROVINCE_PLAN }), 'an-thai'))!;
    const start = PROVINCE_PLAN.indexOf('Chủ trì tổ chức');
    const end = PROVINCE_PLAN.indexOf('\n', start);
    const citation = source.cite({ start, end });
    expect(citation).toMatchObject({ docId: 'an-thai', start, end, label: 'III › 1', section: 'III. TỔ CHỨC THỰC HIỆN › 1. Sở Y tế' });
    expect(citation.quote).toBe(PROVINCE_PLAN.slice(start, end));
    expect(citation.docName).toBe('Kế hoạch 125/KH-UBND ngày 12/5/2023 của Ủy ban nhân dân tỉnh An Thái');
    expect(citation.chunkId).toMatch(/^an-thai#\d+$/);
  });
});

describe('clipSpan and plainText', () => {
  it('cuts a long span at a clause, still a span of the text', async () => {
    const text = `${'Một mệnh đề khá dài, '.repeat(30)}kết thúc.`;
    const clipped = clipSpan(text, { start: 0, end: text.length }, 100);
    expect(clipped.cut).toBe(true);
    expect(clipped.end).toBeLessThanOrEqual(100);
    expect(text.slice(clipped.start, clipped.end)).toMatch(/dài,$/u);
    expect(clipSpan(text, { start: 0, end: 20 }, 100)).toEqual({ start: 0, end: 20, cut: false });
  });

  it('reads text on one line without markup or a bullet', async () => {
    expect(plainText('- Báo cáo UBND thành phố (*qua phòng\nLao động*).')).toBe('Báo cáo UBND thành phố (qua phòng Lao động).');
  });
});
