import { describe, expect, it } from 'vitest';
import type { Chunk } from '../types.js';
import type { DocumentReader } from './question-documents.js';
import type { Evidence } from './select-evidence.js';
import { createPassageShaper } from './shape-passages.js';

const shaperOver = (text: string) => createPassageShaper({ document: () => ({ text }) } as unknown as DocumentReader);
/** The passage of `text` that ends with `ending`. */
const passage = (text: string, ending: string): Evidence => {
  const end = text.indexOf(ending) + ending.length;
  return { chunk: { docId: 'd' } as Chunk, start: 0, end, text: text.slice(0, end), section: [], headingStart: null, coverage: 1, fit: 1, score: 1 };
};

/** A shaper over `text` read as one chunk of one document, and the passage of it that is `quote`. */
const oneChunk = (text: string) => {
  const chunk = { docId: 'd', start: 0, end: text.length } as Chunk;
  const shaper = createPassageShaper({ document: () => ({ text }), chunksOf: () => [chunk] } as unknown as DocumentReader);
  const at = (quote: string): Evidence => {
    const start = text.indexOf(quote);
    return { chunk, start, end: start + quote.length, text: quote, section: [], headingStart: null, coverage: 1, fit: 1, score: 1 };
  };
  return { shaper, at };
};

describe('withIntroduced', () => {
  it('quotes the sentence a colon introduces, up to its full stop, across hard wraps', () => {
    const text = 'Các chiến dịch cao điểm bao gồm:\nNgày Môi trường thế giới (05/6), Tuần lễ Biển\nvà Hải đảo Việt Nam (01 - 08/6). Thông qua các phương tiện.';
    const item = shaperOver(text).withIntroduced(passage(text, 'bao gồm:'));
    expect(item.text).toBe('Các chiến dịch cao điểm bao gồm:\nNgày Môi trường thế giới (05/6), Tuần lễ Biển\nvà Hải đảo Việt Nam (01 - 08/6).');
  });

  it('quotes the items a colon introduces, until a heading or a paragraph that is no item', () => {
    const text = 'Kinh phí lấy từ:\n\n- Ngân sách tỉnh, ngân\nsách địa phương.\n\n- Nguồn dự phòng.\n\n**VI.\nTỔ CHỨC THỰC HIỆN**';
    expect(shaperOver(text).withIntroduced(passage(text, 'lấy từ:')).text).toBe('Kinh phí lấy từ:\n\n- Ngân sách tỉnh, ngân\nsách địa phương.\n\n- Nguồn dự phòng.');
    const prose = 'Gồm các nguồn:\n- Ngân sách tỉnh.\n\nĐề nghị các sở thực hiện.';
    expect(shaperOver(prose).withIntroduced(passage(prose, 'nguồn:')).text).toBe('Gồm các nguồn:\n- Ngân sách tỉnh.');
  });

  it('quotes a label line with the paragraphs it heads, up to the next label', () => {
    const text = '*- Công nghiệp Chế biến*\n\nTrên 70% số doanh nghiệp chế\nbiến đạt trình độ tiên tiến.\n\nHình thành ít nhất 01 trung\ntâm logistics.\n\n*- Du lịch và dịch vụ*\n\n100% điểm đến du lịch.';
    const start = text.indexOf('Công nghiệp');
    const end = start + 'Công nghiệp Chế biến'.length;
    const label: Evidence = { ...passage(text, 'Chế biến'), start, end, text: text.slice(start, end) };
    expect(shaperOver(text).withIntroduced(label).text).toBe('Công nghiệp Chế biến*\n\nTrên 70% số doanh nghiệp chế\nbiến đạt trình độ tiên tiến.\n\nHình thành ít nhất 01 trung\ntâm logistics.');
  });

  it('leaves a passage alone when no colon ends it or a heading follows the colon', () => {
    const text = 'Nội dung chủ yếu như sau:\n\n**I. MỤC ĐÍCH**\n\nMục đích là.';
    const item = passage(text, 'như sau:');
    expect(shaperOver(text).withIntroduced(item)).toBe(item);
    const plain = passage('Một câu trọn vẹn. Câu sau.', 'vẹn.');
    expect(shaperOver('Một câu trọn vẹn. Câu sau.').withIntroduced(plain)).toBe(plain);
  });
});

describe('withSentenceAfter', () => {
  const text = '1. Chi mua sắm thiết bị trong phạm vi dự án. Mức hỗ trợ theo dự toán được giao.\n2. Chi thuê chuyên gia.';
  const { shaper, at } = oneChunk(text);
  const named = { ...at('1. Chi mua sắm thiết bị trong phạm vi dự án.'), fit: 0.5 };
  const after = (coverage: number) => [{ ...at('Mức hỗ trợ theo dự toán được giao.'), coverage }];

  it('quotes a short sentence naming a provision with the sentence after it in its paragraph', () => {
    expect(shaper.withSentenceAfter(named, after(0.3)).text).toBe('1. Chi mua sắm thiết bị trong phạm vi dự án. Mức hỗ trợ theo dự toán được giao.');
  });

  it('leaves it alone when it already states the kind of fact asked, or the sentence after shares nothing with the question', () => {
    expect(shaper.withSentenceAfter({ ...named, fit: 1 }, after(0.3))).toEqual({ ...named, fit: 1 });
    expect(shaper.withSentenceAfter(named, after(0))).toBe(named);
    const last = { ...at('Mức hỗ trợ theo dự toán được giao.'), fit: 0.5 };
    expect(shaper.withSentenceAfter(last, [{ ...at('2. Chi thuê chuyên gia.'), coverage: 0.3 }])).toBe(last);
  });
});

describe('withClauseOpening', () => {
  const text = '1. Giáo viên dạy đủ định mức.\n\n2. Việc phân công nhiệm vụ phải bảo đảm công khai, công bằng. Trường hợp phải bố trí kiêm nhiệm, hiệu trưởng ưu tiên giáo viên dạy chưa đủ định mức. Kết quả được công bố.';
  const { shaper, at } = oneChunk(text);

  it('quotes a sentence qualifying the rule of its numbered clause from the clause\'s opening', () => {
    expect(shaper.withClauseOpening(at('Trường hợp phải bố trí kiêm nhiệm, hiệu trưởng ưu tiên giáo viên dạy chưa đủ định mức.')).text).toBe(
      '2. Việc phân công nhiệm vụ phải bảo đảm công khai, công bằng. Trường hợp phải bố trí kiêm nhiệm, hiệu trưởng ưu tiên giáo viên dạy chưa đủ định mức.',
    );
  });

  it('leaves alone a sentence that qualifies nothing, or opens its clause', () => {
    const plain = at('Kết quả được công bố.');
    expect(shaper.withClauseOpening(plain)).toBe(plain);
    const opening = at('2. Việc phân công nhiệm vụ phải bảo đảm công khai, công bằng.');
    expect(shaper.withClauseOpening(opening)).toBe(opening);
  });
});

describe('withSectionItems', () => {
  it("lists the items of the best passage's section, wherever the other picked passages sit", () => {
    const text = '1. Yêu cầu\n- Làm đúng.\n2. Nguyên tắc\n- Công khai.\n- Kịp thời.';
    const outline = [
      { title: '1. Yêu cầu', depth: 0, start: 0, end: text.indexOf('2.') },
      { title: '2. Nguyên tắc', depth: 0, start: text.indexOf('2.'), end: text.length },
    ];
    const shaper = createPassageShaper({ document: () => ({ text }), outline: () => outline } as unknown as DocumentReader);
    const at = (quote: string, headingStart: number, score: number): Evidence => {
      const start = text.indexOf(quote);
      return { chunk: { docId: 'd' } as Chunk, start, end: start + quote.length, text: quote, section: [], headingStart, coverage: 1, fit: 1, score };
    };
    const requirement = at('- Làm đúng.', 0, 0.5);
    const [open, timely] = [at('- Công khai.', text.indexOf('2.'), 1.5), at('- Kịp thời.', text.indexOf('2.'), 1.2)];
    // Picked passages come in reading order: the requirement first, though the principle is the best.
    expect(shaper.withSectionItems([requirement, open], [requirement, open, timely]).map((item) => item.text)).toEqual(['- Làm đúng.', '- Công khai.', '- Kịp thời.']);
    expect(shaper.withSectionItems([requirement], [requirement, open, timely]).map((item) => item.text)).toEqual(['- Làm đúng.']);
  });

  it('lists the items under headings nested in that section too', () => {
    const text = '1. Học viện bồi dưỡng các chương trình sau:\na) Lý luận chính trị;\nb) Quản lý nhà nước: cấp sở, cấp vụ;\nc) Chuyên môn.\n2. Trường Chính trị';
    const outline = [
      { title: '1. Học viện bồi dưỡng các chương trình sau', depth: 0, start: 0, end: text.indexOf('2.') },
      { title: 'b) Quản lý nhà nước', depth: 1, start: text.indexOf('b)'), end: text.indexOf('c)') },
      { title: '2. Trường Chính trị', depth: 0, start: text.indexOf('2.'), end: text.length },
    ];
    const shaper = createPassageShaper({ document: () => ({ text }), outline: () => outline } as unknown as DocumentReader);
    const at = (quote: string, headingStart: number): Evidence => {
      const start = text.indexOf(quote);
      return { chunk: { docId: 'd' } as Chunk, start, end: start + quote.length, text: quote, section: [], headingStart, coverage: 1, fit: 0.5, score: 1 };
    };
    const [a, b, c, other] = [at('a) Lý luận chính trị;', 0), at('b) Quản lý nhà nước: cấp sở, cấp vụ;', text.indexOf('b)')), at('c) Chuyên môn.', 0), at('2. Trường Chính trị', text.indexOf('2.'))];
    expect(shaper.withSectionItems([a, c], [a, b, c, other]).map((item) => item.text)).toEqual([a.text, b.text, c.text]);
  });

  it("gives the section's items the room before a passage picked from elsewhere", () => {
    const items = ['a) Một;', 'b) Hai;', 'c) Ba;', 'd) Bốn;', 'đ) Năm;', 'e) Sáu;', 'g) Bảy;', 'h) Tám;', 'i) Chín;', 'k) Mười.'];
    const text = `1. Tiêu chuẩn\n${items.join('\n')}\n2. Bộ hướng dẫn cụ thể.`;
    const outline = [
      { title: '1. Tiêu chuẩn', depth: 0, start: 0, end: text.indexOf('2.') },
      { title: '2. Bộ hướng dẫn cụ thể.', depth: 0, start: text.indexOf('2.'), end: text.length },
    ];
    const shaper = createPassageShaper({ document: () => ({ text }), outline: () => outline } as unknown as DocumentReader);
    const at = (quote: string, headingStart: number, score: number): Evidence => {
      const start = text.indexOf(quote);
      return { chunk: { docId: 'd' } as Chunk, start, end: start + quote.length, text: quote, section: [], headingStart, coverage: 1, fit: 0.5, score };
    };
    const own = items.map((item) => at(item, 0, 1));
    const elsewhere = at('2. Bộ hướng dẫn cụ thể.', text.indexOf('2.'), 0.9);
    expect(shaper.withSectionItems([own[9], elsewhere], [...own, elsewhere]).map((item) => item.text)).toEqual(items);
  });
});

describe('withTableRows', () => {
  it('adds the rows of the table that give the body asked about in the column of the one in charge', () => {
    const header = 'TT | Nội dung thực hiện | Cơ quan chủ trì | Cơ quan phối hợp';
    const rows = ['1 | Ban hành mức chi | Sở Tài chính | Các sở', '2 | Hướng dẫn thanh toán | Sở Y tế | Sở Tài chính', '3 | Thành lập Quỹ | Sở Tài chính | Sở Nội vụ'];
    const text = rows.join('\n');
    const row = (line: string): Evidence => {
      const start = text.indexOf(line);
      return { chunk: { docId: 'd', context: header } as Chunk, start, end: start + line.length, text: line, section: [], headingStart: null, coverage: 1, fit: 1, score: line.startsWith('1') ? 2 : 1 };
    };
    const [first, second, third] = rows.map(row);
    const listed = shaperOver(text).withTableRows([first], [first, second, third], ['so tai chinh']);
    expect(listed.map((item) => item.text)).toEqual([rows[0], rows[2]]);
    expect(shaperOver(text).withTableRows([first], [first, second, third], [])).toEqual([first]);
  });
});

describe('withLedTasks', () => {
  const text = [
    '1. Về dữ liệu',
    'a) Nhiệm vụ: Rà soát chiến lược dữ liệu.',
    'b) Cơ quan thực hiện:',
    '- Đơn vị chủ trì: Sở Khoa học và Công nghệ.',
    '- Đơn vị phối hợp: Sở Tài chính.',
    '2. Về nền tảng',
    'a) Nhiệm vụ: Phát triển nền tảng số.',
    'b) Cơ quan thực hiện:',
    '- Đơn vị chủ trì: Sở Tài chính.',
    '3. Tổ chức hội thảo chuyển đổi số:',
    '- Thời gian: tháng 6.',
    '- Cơ quan chủ trì: Sở Khoa học và Công nghệ; Sở Nội vụ.',
  ].join('\n');
  const span = (from: string, to: string) => ({ start: text.indexOf(from), end: text.indexOf(to) + to.length });
  const entry = (title: string, depth: number, from: string, to: string) => ({ title, depth, ...span(from, to) });
  const outline = [
    entry('1. Về dữ liệu', 0, '1. Về dữ liệu', 'Sở Tài chính.'),
    entry('a) Nhiệm vụ', 1, 'a) Nhiệm vụ: Rà soát', 'dữ liệu.'),
    entry('b) Cơ quan thực hiện', 1, 'b) Cơ quan thực hiện:', 'phối hợp: Sở Tài chính.'),
    entry('2. Về nền tảng', 0, '2. Về nền tảng', 'chủ trì: Sở Tài chính.'),
    entry('a) Nhiệm vụ', 1, 'a) Nhiệm vụ: Phát triển', 'nền tảng số.'),
    entry('b) Cơ quan thực hiện', 1, 'b) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Tài chính.', 'chủ trì: Sở Tài chính.'),
    entry('3. Tổ chức hội thảo chuyển đổi số', 0, '3. Tổ chức hội thảo', 'Sở Nội vụ.'),
  ];
  const chunk = { docId: 'd', start: 0, end: text.length } as Chunk;
  const shaper = createPassageShaper({ document: () => ({ text }), chunksOf: () => [chunk], outline: () => outline } as unknown as DocumentReader);
  const at = (quote: string): Evidence => {
    const start = text.indexOf(quote);
    return { chunk, start, end: start + quote.length, text: quote, section: [], headingStart: null, coverage: 1, fit: 1, score: 1 };
  };

  it('quotes every task whose line in charge names the body, from what the task is to that line', () => {
    const quotes = shaper.withLedTasks([at('- Đơn vị chủ trì: Sở Khoa học và Công nghệ.')], ['so khoa hoc']);
    expect(quotes.map((quote) => quote.text)).toEqual([
      'a) Nhiệm vụ: Rà soát chiến lược dữ liệu.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.',
      '3. Tổ chức hội thảo chuyển đổi số:\n- Thời gian: tháng 6.\n- Cơ quan chủ trì: Sở Khoa học và Công nghệ; Sở Nội vụ.',
    ]);
    expect(quotes[0].section).toEqual(['1. Về dữ liệu']);
    // Found by what one of them is, as well.
    expect(shaper.withLedTasks([at('a) Nhiệm vụ: Rà soát chiến lược dữ liệu.')], ['so khoa hoc'])).toEqual(quotes);
  });

  it('leaves the passages alone when none of them is part of a task the body is in charge of', () => {
    const task = at('a) Nhiệm vụ: Phát triển nền tảng số.');
    expect(shaper.withLedTasks([task], ['so khoa hoc'])).toEqual([task]);
    const other = at('- Đơn vị chủ trì: Sở Tài chính.');
    expect(shaper.withLedTasks([other], ['so khoa hoc'])).toEqual([other]);
    expect(shaper.withLedTasks([other], [])).toEqual([other]);
  });

  it('quotes the tasks the body leads when those are what is asked, whatever passages were found', () => {
    const other = at('a) Nhiệm vụ: Phát triển nền tảng số.');
    expect(shaper.withLedTasks([other], ['so khoa hoc'], true).map((quote) => quote.text)).toEqual([
      'a) Nhiệm vụ: Rà soát chiến lược dữ liệu.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.',
      '3. Tổ chức hội thảo chuyển đổi số:\n- Thời gian: tháng 6.\n- Cơ quan chủ trì: Sở Khoa học và Công nghệ; Sở Nội vụ.',
    ]);
    // (A body leading none of them leaves the passages alone.)
    expect(shaper.withLedTasks([other], ['so y te'], true)).toEqual([other]);
  });
});

describe('withIntroducer', () => {
  const text = [
    '3. Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định:',
    '',
    'a) Mức hỗ trợ cụ thể đối với từng loại vật nuôi.',
    '',
    'b) Mức hỗ trợ cao hơn nhưng không vượt quá 1,5 lần.',
    '',
    '4. Chỉ đạo công khai chính sách.',
  ].join('\n');
  const { shaper, at } = oneChunk(text);

  it('opens the first item of a list with the line introducing it', () => {
    const [item] = shaper.withIntroducer(at('a) Mức hỗ trợ cụ thể đối với từng loại vật nuôi.'));
    expect(item.text.startsWith('3. Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân')).toBe(true);
    expect(item.text.endsWith('từng loại vật nuôi.')).toBe(true);
  });

  it('quotes the introduction on its own above a later item, its siblings skipped', () => {
    const quotes = shaper.withIntroducer(at('b) Mức hỗ trợ cao hơn nhưng không vượt quá 1,5 lần.'));
    expect(quotes.map((quote) => quote.text)).toEqual(['3. Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định:', 'b) Mức hỗ trợ cao hơn nhưng không vượt quá 1,5 lần.']);
  });

  it('does not quote a bare label above a later item ("Trọng tâm:") on its own', () => {
    const labelled = oneChunk(['*Trọng tâm:*', '', 'a) Triển khai cơ chế thử nghiệm có kiểm soát.', '', 'b) Xây dựng cơ sở dữ liệu dùng chung.'].join('\n'));
    const later = labelled.at('b) Xây dựng cơ sở dữ liệu dùng chung.');
    expect(labelled.shaper.withIntroducer(later)).toEqual([later]);
  });

  it('leaves alone an item whose list no colon introduces', () => {
    const clause = at('4. Chỉ đạo công khai chính sách.');
    expect(shaper.withIntroducer(clause)).toEqual([clause]);
    const first = at('3. Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định:');
    expect(shaper.withIntroducer(first)).toEqual([first]);
  });
});

describe('withCaption', () => {
  const text = ['PHỤ LỤC', '*Đơn vị: Triệu đồng*', '|', 'STT', '|', 'Địa phương', '|', '|', '20', '|', 'ĐẮK LẮK', '|', '114.400', '|'].join('\n');
  const { shaper, at } = oneChunk(text);

  it("quotes a table row's figure after the caption giving its unit", () => {
    const quotes = shaper.withCaption(at('20\n|\nĐẮK LẮK\n|\n114.400'));
    expect(quotes.map((quote) => quote.text)).toEqual(['Đơn vị: Triệu đồng', '20\n|\nĐẮK LẮK\n|\n114.400']);
  });

  it('leaves alone a passage that is no table row', () => {
    const plain = at('PHỤ LỤC');
    expect(shaper.withCaption(plain)).toEqual([plain]);
  });
});

describe('withBodyHeading', () => {
  it('starts the quote at the body heading above the passage, the heading read apart', () => {
    const text = '**2. Sở Tài chính**\n\n- Chủ trì bố trí kinh phí.';
    const { shaper, at } = oneChunk(text);
    const [item] = shaper.withBodyHeading({ ...at('- Chủ trì bố trí kinh phí.'), section: ['2. Sở Tài chính'], headingStart: 0 });
    expect(item.text).toBe(text);
    expect(item.headingLength).toBe(text.indexOf('\n\n- Chủ trì'));
  });

  it('leaves a passage alone that starts inside its heading line, the text following the heading on it', () => {
    const text = '**4. Sở Văn hóa, Thể thao và\nDu lịch: **Tiếp tục chỉ đạo các cơ quan truyền thông.';
    const { shaper, at } = oneChunk(text);
    const item = { ...at('4. Sở Văn hóa, Thể thao và\nDu lịch: **Tiếp tục chỉ đạo các cơ quan truyền thông.'), section: ['4. Sở Văn hóa, Thể thao và Du lịch'], headingStart: 0 };
    expect(shaper.withBodyHeading(item)).toEqual([item]);
  });
});

describe('withSectionItems after a list', () => {
  it('leaves out the closing paragraph after the marked items of the section', () => {
    const text = '**VI. KINH PHÍ**\n\n- Từ ngân sách tỉnh, ngân\nsách địa phương.\n\n- Nguồn dự phòng.\n\n- Hỗ trợ từ trung ương.\n\nKhắc phục môi trường là nhiệm vụ cấp\nbách. Đề nghị các sở khẩn trương thực hiện./.';
    const outline = [{ title: 'VI. KINH PHÍ', depth: 0, start: 0, end: text.length }];
    const shaper = createPassageShaper({ document: () => ({ text }), outline: () => outline } as unknown as DocumentReader);
    const at = (quote: string, score: number): Evidence => {
      const start = text.indexOf(quote);
      return { chunk: { docId: 'd' } as Chunk, start, end: start + quote.length, text: quote, section: [], headingStart: 0, coverage: 1, fit: 1, score };
    };
    const passages = [at('- Từ ngân sách tỉnh, ngân\nsách địa phương.', 2), at('- Nguồn dự phòng.', 1), at('- Hỗ trợ từ trung ương.', 1), at('Khắc phục môi trường là nhiệm vụ cấp\nbách.', 1), at('Đề nghị các sở khẩn trương thực hiện./.', 1)];
    expect(shaper.withSectionItems([passages[0]], passages).map((item) => item.text)).toEqual(passages.slice(0, 3).map((item) => item.text));
  });

  it('keeps the sentences of a marked item, wrapped or not', () => {
    const text = '**1. Yêu cầu**\n\n- Làm đúng quy\ntrình. Báo cáo kịp thời.\n\n- Công khai.';
    const outline = [{ title: '1. Yêu cầu', depth: 0, start: 0, end: text.length }];
    const shaper = createPassageShaper({ document: () => ({ text }), outline: () => outline } as unknown as DocumentReader);
    const at = (quote: string): Evidence => {
      const start = text.indexOf(quote);
      return { chunk: { docId: 'd' } as Chunk, start, end: start + quote.length, text: quote, section: [], headingStart: 0, coverage: 1, fit: 1, score: 1 };
    };
    const passages = [at('- Làm đúng quy\ntrình.'), at('- Công khai.'), at('Báo cáo kịp thời.')];
    expect(shaper.withSectionItems([passages[0]], passages).map((item) => item.text)).toEqual(['- Làm đúng quy\ntrình.', 'Báo cáo kịp thời.', '- Công khai.']);
  });
});

describe('withLeadLine', () => {
  it("quotes a task's passage with the line of its section naming the body that leads it", () => {
    const text = 'c) Hoạt động 3\n\n- Nội dung: Tuyên truyền về phòng ngừa bạo lực.\n\n- Cơ quan thực hiện:\n\n+ Sở Văn hóa và Thể thao chủ trì, phối hợp với các sở.';
    const chunk = { docId: 'd', start: 0, end: text.length, text, section: ['c) Hoạt động 3'] } as Chunk;
    const shaper = createPassageShaper({ document: () => ({ text }), chunksOf: () => [chunk] } as unknown as DocumentReader);
    const quote = '- Nội dung: Tuyên truyền về phòng ngừa bạo lực.';
    const start = text.indexOf(quote);
    const item: Evidence = { chunk, start, end: start + quote.length, text: quote, section: ['c) Hoạt động 3'], headingStart: 0, coverage: 1, fit: 1, score: 1 };
    expect(shaper.withLeadLine(item).map((passage) => passage.text)).toEqual([quote, '+ Sở Văn hóa và Thể thao chủ trì, phối hợp với các sở.']);
    const leading = { ...item, text: '+ Sở Văn hóa và Thể thao chủ trì, phối hợp với các sở.' };
    expect(shaper.withLeadLine(leading)).toEqual([leading]);
  });
});

describe('itemized', () => {
  const long = 'Khai thác tốt các tuyến vận tải đường thủy. ' + 'Đẩy mạnh phát triển hệ thống cảng, dịch vụ vận tải biển và hạ tầng logistics kết nối. '.repeat(4);
  const text = `- Ưu tiên bố trí không gian biển cho các hoạt động sau:\n\n+ Phát triển thương mại, dịch vụ, du lịch.\n\n+ ${long}\n\n+ Khai thác cát biển tiết kiệm.\n\n+ Phát triển năng lượng tái tạo (điện gió).\n\nb) Ưu tiên nguồn lực.`;
  const { shaper, at } = oneChunk(text);

  it('quotes a list that runs on past its passage item by item, a long item by its first sentence, the introduction with the first', () => {
    const cut = at(text.slice(text.indexOf('Ưu tiên bố trí'), text.indexOf('\n\n+ Khai thác cát')));
    expect(shaper.itemized(cut)?.map((item) => item.text)).toEqual([
      'Ưu tiên bố trí không gian biển cho các hoạt động sau:\n\n+ Phát triển thương mại, dịch vụ, du lịch.',
      'Khai thác tốt các tuyến vận tải đường thủy.',
      'Khai thác cát biển tiết kiệm.',
      'Phát triển năng lượng tái tạo (điện gió).',
    ]);
  });

  it('leaves alone a passage holding its whole list, or fewer than two of its items after another introduction', () => {
    expect(shaper.itemized(at(text.slice(text.indexOf('Ưu tiên bố trí'), text.indexOf('\n\nb)'))))).toBeNull();
    const after = `a) Nội dung: rà soát quy hoạch.\n${text}`;
    const shaped = oneChunk(after);
    expect(shaped.shaper.itemized(shaped.at(after.slice(0, after.indexOf('\n\n+ Khai thác tốt'))))).toBeNull();
  });

  it('quotes item by item a list whose introduction opens the passage, though the passage holds only its first item', () => {
    const first = at(text.slice(text.indexOf('Ưu tiên bố trí'), text.indexOf('\n\n+ Khai thác tốt')));
    expect(shaper.itemized(first)?.map((item) => item.text).at(-1)).toBe('Phát triển năng lượng tái tạo (điện gió).');
  });

  it('ends the list at an item of a higher rank: the "- " items of "a) Nhiệm vụ:" end at "b) Cơ quan thực hiện:"', () => {
    const task = 'a) Nhiệm vụ:\n- Triển khai an ninh mạng.\n- Phối hợp với Bộ Công an.\n- Hướng dẫn các sở.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Công an Thành phố.\n- Đơn vị phối hợp: Các sở.';
    const shaped = oneChunk(task);
    expect(shaped.shaper.itemized(shaped.at(task.slice(0, task.indexOf('\n- Hướng dẫn'))))?.map((item) => item.text)).toEqual([
      'a) Nhiệm vụ:\n- Triển khai an ninh mạng.',
      'Phối hợp với Bộ Công an.',
      'Hướng dẫn các sở.',
    ]);
    expect(shaped.shaper.itemized(shaped.at(task.slice(0, task.indexOf('\nb)'))))).toBeNull();
  });
});

describe('tableCaption', () => {
  it("reads the unit from the caption above a table that runs over several chunks", () => {
    const text = 'PHỤ LỤC\n*Đơn vị: Triệu đồng*\n| STT | Địa phương | Kinh phí |\n| 1 | TUYÊN QUANG | 152.100 |\n| 2 | CAO BẰNG | 68.900 |';
    const context = 'STT | Địa phương | Kinh phí';
    const at = (from: string, to: string, withContext: boolean): Chunk => ({ id: from, docId: 'd', section: [], kind: 'body', start: text.indexOf(from), end: text.indexOf(to) + to.length, text: text.slice(text.indexOf(from), text.indexOf(to) + to.length), ...(withContext ? { context } : {}) });
    const chunks = [at('PHỤ LỤC', 'đồng*', false), at('| STT', '152.100 |', true), at('| 2 |', '68.900 |', true)];
    const shaper = createPassageShaper({ document: () => ({ text }), chunksOf: () => chunks } as unknown as DocumentReader);
    expect(shaper.tableCaption(chunks[2])).toBe('Triệu đồng');
    expect(shaper.tableCaption(chunks[1])).toBe('Triệu đồng');
  });
});

describe('withAppendixItems', () => {
  const text = 'Điều 1. Phê duyệt danh mục địa điểm tổ chức hội chợ, cụ thể như sau: (Chi tiết tại Phụ lục kèm theo)\n\nPHỤ LỤC\nDANH MỤC ĐỊA ĐIỂM\n| STT | Địa điểm |\n| 1 | Nhà thi đấu tỉnh |\n| 2 | Phố đi bộ |';
  const appendixStart = text.indexOf('PHỤ LỤC');
  const outline = [
    { title: 'Điều 1. Phê duyệt danh mục', depth: 0, start: 0, end: appendixStart, kind: 'article' as const, number: '1' },
    { title: 'Phụ lục: DANH MỤC ĐỊA ĐIỂM', depth: 0, start: appendixStart, end: text.length, kind: 'appendix' as const, number: '' },
  ];
  const chunks: Chunk[] = [
    { id: 'd#0', docId: 'd', section: [], kind: 'body', start: 0, end: appendixStart - 2, text: text.slice(0, appendixStart - 2) },
    { id: 'd#1', docId: 'd', section: [], kind: 'body', start: appendixStart, end: text.length, text: text.slice(appendixStart), context: 'STT | Địa điểm' },
  ];
  const shaper = createPassageShaper({ document: () => ({ text }), chunksOf: () => chunks, outline: () => outline } as unknown as DocumentReader);
  const at = (quote: string): Evidence => ({ chunk: chunks[0], start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, text: quote, section: [], headingStart: 0, coverage: 1, fit: 0.5, score: 1 });

  it("quotes a passage leaving its details to an appendix with the appendix's rows, not its title or header row", () => {
    const item = at(text.slice(0, appendixStart - 2));
    expect(shaper.withAppendixItems(item)?.map((quote) => quote.text)).toEqual([item.text, '1 | Nhà thi đấu tỉnh', '2 | Phố đi bộ']);
  });

  it('leaves alone a passage referring to no appendix', () => {
    expect(shaper.withAppendixItems(at('Điều 1. Phê duyệt danh mục địa điểm tổ chức hội chợ'))).toBeNull();
  });
});
