import { describe, expect, it } from 'vitest';
import type { Chunk } from '../types.js';
import { findEffectiveDate, findField, findIssueDate, findLegalBases, findPeriodInTitle, findPlanNumber, findProposer, findRecipients, findImplementers, findChanged } from './plan-facts.js';

const chunk = (text: string, kind: Chunk['kind'] = 'header', start = 10): Chunk => ({ id: `d#${kind}`, docId: 'd', section: [], kind, start, end: start + text.length, text });
const quote = (c: Chunk, span: { start: number; end: number }) => c.text.slice(span.start - c.start, span.end - c.start);

describe('findIssueDate', () => {
  it('finds the place-and-date line, blank day included, and a "Ngày ban hành" line', () => {
    const header = chunk('Số: /KH-UBND\n\nTP. Lạng Sơn, ngày tháng 3 năm 2024\n\nKẾ HOẠCH');
    expect(quote(header, findIssueDate([header])!)).toBe('TP. Lạng Sơn, ngày tháng 3 năm 2024');
    const metadata = chunk('Số hiệu 8557/KH-UBND\nNgày ban hành 24/12/2021\nNgày có hiệu lực 24/12/2021', 'header', 0);
    expect(quote(metadata, findIssueDate([metadata])!)).toBe('Ngày ban hành 24/12/2021');
  });
  it('ignores body chunks and headers without a date', () => {
    expect(findIssueDate([chunk('KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH')])).toBeNull();
    expect(findIssueDate([chunk('Hà Nội, ngày 5 tháng 1 năm 2022', 'body')])).toBeNull();
  });
});

describe('findPlanNumber', () => {
  it('reads the number, and says when it was left blank', () => {
    const numbered = chunk('ỦY BAN NHÂN DÂN\nSố: 2618/KH-UBND\nKhánh Hòa, ngày 24 tháng 3 năm 2022');
    expect(findPlanNumber([numbered])).toMatchObject({ blank: false });
    expect(quote(numbered, findPlanNumber([numbered])!)).toBe('Số: 2618/KH-UBND');
    const blank = chunk('\n\nSố: /KH-UBND\n\nHữu Lũng, ngày tháng 01 năm 2022');
    expect(findPlanNumber([blank])).toMatchObject({ blank: true });
    expect(findPlanNumber([chunk('KẾ HOẠCH\nNÂNG CAO CHẤT LƯỢNG')])).toBeNull();
  });
});

describe('findPeriodInTitle', () => {
  it('finds the title line with the span of years', () => {
    const header = chunk('KẾ HOẠCH\nThực hiện Chương trình giai đoạn 2021 - 2030 trên địa bàn tỉnh Bến Tre\n');
    expect(quote(header, findPeriodInTitle([header])!)).toBe('Thực hiện Chương trình giai đoạn 2021 - 2030 trên địa bàn tỉnh Bến Tre');
  });

  it('finds the title line ending with the one year a plan is for, never the dateline', () => {
    const header = chunk('TP. Lạng Sơn, ngày tháng 3 năm 2024\n\nKẾ HOẠCH\n\nThực hiện Chương trình trên địa bàn thành phố Lạng Sơn năm 2024\n');
    expect(quote(header, findPeriodInTitle([header])!)).toBe('Thực hiện Chương trình trên địa bàn thành phố Lạng Sơn năm 2024');
    expect(findPeriodInTitle([chunk('TP. Lạng Sơn, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\n')])).toBeNull();
  });
});

describe('findLegalBases', () => {
  it('keeps the preamble sentences that cite documents', () => {
    const preamble = chunk(
      'Căn cứ Quyết định số 1942/QĐ-TTg ngày 18/11/2021 của Thủ tướng Chính phủ.\n\nThực hiện Kế hoạch số 02/KH-UBND ngày 05/01/2022 của UBND tỉnh.\n\nUBND huyện xây dựng Kế hoạch như sau:',
      'preamble',
    );
    const bases = findLegalBases([chunk('I. MỤC TIÊU', 'body'), preamble]);
    expect(bases.map((span) => quote(preamble, span))).toEqual([
      'Căn cứ Quyết định số 1942/QĐ-TTg ngày 18/11/2021 của Thủ tướng Chính phủ.',
      'Thực hiện Kế hoạch số 02/KH-UBND ngày 05/01/2022 của UBND tỉnh.',
    ]);
  });
});

describe('findEffectiveDate', () => {
  it('finds the sentence saying when the document takes effect, across a line wrap', () => {
    const body = chunk('Điều 15. Điều khoản thi hành\n1. Thông tư này có hiệu lực thi hành\nkể từ ngày 22 tháng 4 năm 2025.\n2. Thông tư này thay thế Thông tư số 28/2009/TT-BGDĐT.', 'body');
    expect(quote(body, findEffectiveDate([body])!)).toContain('có hiệu lực thi hành\nkể từ ngày 22 tháng 4 năm 2025');
    expect(findEffectiveDate([chunk('Kế hoạch có hiệu quả cao.', 'body')])).toBeNull();
  });
});

describe('findField', () => {
  it("finds a portal's field line above the document, as a line or a table cell", () => {
    const fields = chunk('Số hiệu 12/KH-UBND\nLoại văn bản Kế hoạch\nLĩnh vực Văn hóa - Xã hội\n\nỦY BAN NHÂN DÂN', 'header', 0);
    expect(quote(fields, findField([fields])!)).toBe('Lĩnh vực Văn hóa - Xã hội');
    const cells = chunk('| Lĩnh vực: | Thuế - Phí - Lệ phí |\n', 'header', 0);
    expect(quote(cells, findField([cells])!)).toBe('Lĩnh vực: | Thuế - Phí - Lệ phí');
  });

  it('does not take a field named in the body', () => {
    expect(findField([chunk('Ưu tiên đầu tư lĩnh vực y tế, giáo dục.', 'body')])).toBeNull();
  });
});

describe('findRecipients', () => {
  it('spans the "Nơi nhận" block, over every chunk it takes', () => {
    const first = chunk('Nơi nhận:\n- Bộ Tư pháp;\n- Sở Y tế;', 'recipients', 100);
    const second = chunk('- UBND các xã;\n- Lưu: VT.', 'recipients', first.end + 1);
    const span = findRecipients([chunk('Điều 1. Phạm vi', 'body', 0), first, second])!;
    expect([span.start, span.end]).toEqual([first.start, second.end]);
    expect(findRecipients([chunk('Gửi báo cáo về Sở Y tế.', 'body', 0)])).toBeNull();
  });

  it("takes a letter's addressee before any recipients block", () => {
    const letter = chunk('Số: 12/UBND-VX\n**Kính gửi:** Sở Y tế tỉnh.\n\nỦy ban nhân dân tỉnh nhận được văn bản.', 'header', 0);
    expect(quote(letter, findRecipients([letter, chunk('Nơi nhận:\n- Như trên;', 'recipients', 200)])!)).toBe('Kính gửi:** Sở Y tế tỉnh.');
  });
});

describe('findChanged', () => {
  it('finds the clause saying what the document ends, with the items naming the documents', () => {
    const body = chunk('Điều 44. Hiệu lực thi hành\n\n1. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2025.\n\n2. Các Nghị định sau đây hết hiệu lực thi hành:\n\na) Nghị định số 115/2015/NĐ-CP ngày 11 tháng 11 năm 2015;\n\nb) Nghị định số 143/2018/NĐ-CP ngày 15 tháng 10 năm 2018.\n\nĐiều 45. Trách nhiệm thi hành', 'body', 0);
    expect(quote(body, findChanged([body])!)).toBe('2. Các Nghị định sau đây hết hiệu lực thi hành:\n\na) Nghị định số 115/2015/NĐ-CP ngày 11 tháng 11 năm 2015;\n\nb) Nghị định số 143/2018/NĐ-CP ngày 15 tháng 10 năm 2018.');
    expect(findChanged([chunk('Điều 5. Nghị định này có hiệu lực từ ngày ký.', 'body', 0)])).toBeNull();
  });
});

describe('findImplementers', () => {
  it('finds the paragraph naming who carries the document out, over wrapped lines, the last one saying so', () => {
    const rules = chunk('Điều 9. Các sở chịu trách nhiệm thi hành Quy chế này.', 'body', 0);
    const closing = chunk('**Điều 3. **Bộ\ntrưởng, Chủ tịch Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này.\n\nNơi nhận:', 'body', 200);
    expect(quote(closing, findImplementers([rules, closing])!)).toBe('**Điều 3. **Bộ\ntrưởng, Chủ tịch Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này.');
    expect(findImplementers([chunk('Sở Y tế tổ chức thực hiện kế hoạch.', 'body', 0)])).toBeNull();
  });
});

describe('findProposer', () => {
  it('finds the line of the preamble naming who proposed the document, to its ";" or its closing "*"', () => {
    const preamble = chunk('*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*\n*Theo đề nghị của Cục trưởng\nCục Quản lý Khám, chữa bệnh;*\n*Bộ trưởng ban hành Thông tư.*', 'preamble');
    expect(quote(preamble, findProposer([preamble])!)).toBe('Theo đề nghị của Cục trưởng\nCục Quản lý Khám, chữa bệnh');
    const plain = chunk('Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV.\n\nQUYẾT ĐỊNH:', 'preamble');
    expect(quote(plain, findProposer([plain])!)).toBe('Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV.');
  });

  it('does not take a proposal mentioned inside a sentence of the body', () => {
    expect(findProposer([chunk('Việc tạm đình chỉ công tác thực hiện theo đề nghị của cơ quan tiến hành tố tụng.', 'body')])).toBeNull();
  });
});
