import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../types.js';
import { outlineOf } from './outline.js';

const corpus = new URL('../../corpus/', import.meta.url);
const load = (id: string): SourceDocument => ({ meta: { id, title: id, sourceFile: `${id}.txt` }, text: readFileSync(new URL(`${id}.txt`, corpus), 'utf8'), hash: '' });

describe('outlineOf', () => {
  it('lists the headings of khanh-hoa in order with depth, joined wrapped titles and section spans', () => {
    const doc = load('khanh-hoa-2618-2022');
    const outline = outlineOf(doc);
    expect(outline.filter((entry) => entry.depth === 0).map((entry) => entry.title)).toEqual([
      'I. ĐỐI TƯỢNG, PHẠM VI THỰC HIỆN',
      'II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2016-2020',
      'III. MỤC TIÊU',
      'IV. NHIỆM VỤ VÀ GIẢI PHÁP',
      'V. KINH PHÍ THỰC HIỆN',
      'VI. TỔ CHỨC THỰC HIỆN',
    ]);
    const tasks = outline.filter((entry) => entry.depth === 1 && entry.start > outline.find((e) => e.title === 'VI. TỔ CHỨC THỰC HIỆN')!.start);
    expect(tasks.map((entry) => entry.title.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.']);
    expect(tasks[7].title).toBe('8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể cấp tỉnh');
    for (let i = 1; i < outline.length; i += 1) expect(outline[i].start).toBeGreaterThan(outline[i - 1].start);
    const section = outline.find((entry) => entry.title === '2. Sở Y tế')!;
    expect(doc.text.slice(section.start, section.end)).toMatch(/^2\. Sở Y tế\n- Hỗ trợ công tác tập huấn[\s\S]*theo đúng quy định\.$/u);
    // The last section ends before the closing paragraph, the recipients and the signature.
    const last = outline.at(-1)!;
    expect(doc.text.slice(last.start, last.end)).not.toContain('Trên đây là');
    const top = outline.find((entry) => entry.title === 'VI. TỔ CHỨC THỰC HIỆN')!;
    expect(top.end).toBe(last.end);
  });

  it('nests Phần > Roman > Arabic > letter (huu-lung) and follows skipped numbering (ha-noi)', () => {
    const huuLung = outlineOf(load('huu-lung-2022'));
    expect(huuLung[0]).toMatchObject({ depth: 0, title: expect.stringMatching(/^Phần thứ nhất: ĐÁNH GIÁ TÌNH HÌNH/u) });
    expect(huuLung.find((entry) => entry.title === 'a) Giai đoạn 2021 - 2025')!.depth).toBe(3);
    expect(huuLung.filter((entry) => entry.depth === 0)).toHaveLength(2);
    const haNoi = outlineOf(load('ha-noi-2021-2030'));
    expect(haNoi.filter((entry) => entry.depth === 0).map((entry) => entry.title.split('.')[0])).toEqual(['I', 'II', 'III', 'V', 'VI']);
  });

  it('takes a numbered line set whole in italics for a heading, whatever it ends with, and not an item in plain type', () => {
    const text = [
      '**3. Công tác phòng chống dịch bệnh**',
      '',
      '*b) Phòng chống bệnh đường ruột*',
      '',
      '- Cấp thuốc khử trùng nước.',
      '',
      '*c) Phòng chống sốt',
      'xuất huyết, Zika, viêm não Nhật Bản..*',
      '',
      '- Tổng điều tra lăng quăng ngay khi nước rút.',
      '',
      'd) Tổ chức phun hóa chất diệt muỗi tại các ổ dịch.',
    ].join('\n');
    const titles = outlineOf({ meta: { id: 'x', title: 'x', sourceFile: 'x.txt' }, text, hash: '' }).map((entry) => entry.title);
    expect(titles).toContain('c) Phòng chống sốt xuất huyết, Zika, viêm não Nhật Bản');
    expect(titles.some((title) => title.startsWith('d)'))).toBe(false);
    // Items in bold one after another are a list, not headings with nothing under them.
    const list = ['**1. Chính sách hỗ trợ**', '', '**a) Hỗ trợ 500.000 đồng/tháng cho người cao tuổi.**', '', '**b) Hỗ trợ thẻ bảo hiểm y tế cho trẻ em.**'].join('\n');
    expect(outlineOf({ meta: { id: 'y', title: 'y', sourceFile: 'y.txt' }, text: list, hash: '' }).map((entry) => entry.title.slice(0, 2))).toEqual(['1.']);
  });

  it('gives nothing for a text without headings', () => {
    expect(outlineOf({ meta: { id: 'x', title: 'x', sourceFile: 'x.txt' }, text: 'Chỉ một đoạn văn.', hash: '' })).toEqual([]);
  });
});
