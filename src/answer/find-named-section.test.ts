import { describe, expect, it } from 'vitest';
import type { OutlineEntry } from '../types.js';
import { askedSectionWords, asksWholeSection, findNamedSection, headingWords, labelWords, listedSyllables, questionWords } from './find-named-section.js';

const entry = (title: string, depth: number, start: number, end: number): OutlineEntry => ({ title, depth, start, end });
const outline = [
  entry('I. MỤC ĐÍCH, YÊU CẦU', 0, 0, 500),
  entry('1. Mục đích', 1, 30, 250),
  entry('2. Yêu cầu', 1, 250, 500),
  entry('II. NHIỆM VỤ VÀ GIẢI PHÁP', 0, 500, 3000),
  entry('1. Giải pháp về tuyên truyền, nâng cao nhận thức', 1, 520, 1000),
];
const translate = (english: string) => ({ purposes: 'mục đích', requirements: 'yêu cầu', solutions: 'giải pháp' })[english] ?? english;

describe('headingWords', () => {
  it('leaves out the numbering, markup and joiners', () => {
    expect(headingWords('**I. MỤC ĐÍCH, YÊU CẦU**')).toEqual(['muc', 'dich', 'yeu', 'cau']);
    expect(headingWords('Điều 7. Nguồn lực')).toEqual(['nguon', 'luc']);
    expect(headingWords('a) Nhiệm vụ và giải pháp')).toEqual(['nhiem', 'vu', 'giai', 'phap']);
  });
});

describe('findNamedSection', () => {
  it('takes the heading naming exactly the asked thing before one naming more', () => {
    expect(findNamedSection(outline, ['muc', 'dich'], questionWords('mục đích là gì'))?.title).toBe('1. Mục đích');
    expect(findNamedSection(outline, ['yeu', 'cau'], questionWords('những yêu cầu nào'))?.title).toBe('2. Yêu cầu');
  });

  it('takes the heading whose other words the question holds', () => {
    const articles = [entry('Điều 2. Đối tượng áp dụng', 1, 0, 100), entry('Điều 4. Đối tượng hỗ trợ', 1, 200, 300)];
    expect(findNamedSection(articles, ['doi', 'tuong'], questionWords('Những đối tượng nào được hỗ trợ?'))?.title).toBe('Điều 4. Đối tượng hỗ trợ');
  });

  it('takes, among headings naming one word more, the one sharing most of the question', () => {
    const articles = [entry('Điều 3. Trách nhiệm của công chức khi tham gia đào tạo, bồi dưỡng', 1, 0, 100), entry('Điều 23. Trách nhiệm tổ chức bồi dưỡng', 1, 200, 300)];
    const question = questionWords('Công chức khi tham gia đào tạo, bồi dưỡng có những trách nhiệm gì?');
    expect(findNamedSection(articles, ['trach', 'nhiem'], question)?.title).toBe('Điều 3. Trách nhiệm của công chức khi tham gia đào tạo, bồi dưỡng');
  });

  it('takes no heading naming two words the question lacks', () => {
    expect(findNamedSection(outline, ['giai', 'phap'], questionWords('những giải pháp nào'))).toBeNull();
    expect(findNamedSection(outline, ['giai', 'phap'], questionWords('những nhiệm vụ và giải pháp nào'))?.title).toBe('II. NHIỆM VỤ VÀ GIẢI PHÁP');
    expect(findNamedSection(outline, ['tuyen', 'truyen'], questionWords('tuyên truyền'))).toBeNull();
    expect(findNamedSection(outline, [], questionWords('gì'))).toBeNull();
  });
});

describe('askedSectionWords', () => {
  it('reads the asked thing in Vietnamese from the opening or from "những … nào"', () => {
    expect(askedSectionWords('Kế hoạch đặt ra những yêu cầu gì?', 'vi', [], translate)).toEqual([['yeu', 'cau']]);
    expect(askedSectionWords('Mục đích của kế hoạch là gì?', 'vi', ['muc', 'dich'], translate)).toEqual([['muc', 'dich']]);
    // What is needed or handed in: "cần giấy tờ gì", "phải nộp những hồ sơ nào".
    expect(askedSectionWords('Đăng ký kết hôn cần giấy tờ gì?', 'vi', [], translate)).toEqual([['giay', 'to']]);
    expect(askedSectionWords('Phải nộp những hồ sơ nào?', 'vi', [], translate)).toEqual([['ho', 'so']]);
  });

  it('reads it in English after "what are the", through the glossary', () => {
    expect(askedSectionWords('What are the three requirements set out in the plan?', 'en', [], translate)).toEqual([['yeu', 'cau']]);
    expect(askedSectionWords('What are the purposes of the plan?', 'en', [], translate)).toEqual([['muc', 'dich']]);
    expect(askedSectionWords('Who leads the plan?', 'en', [], translate)).toEqual([]);
  });

  it('reads it in English from the plural noun a wh-word asks the items of', () => {
    expect(askedSectionWords('Which requirements does the plan set out?', 'en', [], translate)).toEqual([['yeu', 'cau']]);
  });
});

describe('listedSyllables', () => {
  it('finds the listed thing in the question as written and folded, nothing else', () => {
    expect(listedSyllables('Đổi hộ chiếu cần những giấy tờ gì?', ['giay', 'to'])).toEqual(['giấy', 'giay', 'tờ', 'to']);
    expect(listedSyllables('doi ho chieu can nhung giay to gi', ['giay', 'to'])).toEqual(['giay', 'giay', 'to', 'to']);
    expect(listedSyllables('Đổi hộ chiếu ở đâu?', [])).toEqual([]);
  });
});

describe('labelWords', () => {
  it("reads an item's label before its colon, whatever its marker", () => {
    expect(labelWords('- Cá nhân: Là thành viên các tổ chức phụ trách bầu cử')).toEqual(['ca', 'nhan']);
    expect(labelWords('b) Tập thể: Các cơ quan, đơn vị cấp tỉnh')).toEqual(['tap', 'the']);
    expect(labelWords('Tổ chức tập huấn cho cán bộ. Thời gian: quý II')).toEqual([]);
  });
});

describe('asksWholeSection', () => {
  const naming = 'Kế hoạch Triển khai thi hành Luật Bảo vệ dữ liệu cá nhân 2623/QĐ-TTg';
  it('holds when the other words only name the document', () => {
    expect(asksWholeSection('Kế hoạch triển khai Luật Bảo vệ dữ liệu cá nhân có những mục đích gì?', ['muc', 'dich'], naming)).toBe(true);
  });

  it('reads accented function words as such ("về" is no content word "ve")', () => {
    expect(asksWholeSection('Kế hoạch 2623 của Thủ tướng về thi hành Luật Dữ liệu đặt ra những mục đích gì?', ['muc', 'dich'], 'Kế hoạch thi hành Luật Dữ liệu 2623/QĐ-TTg')).toBe(true);
  });

  it('fails when the question narrows the list', () => {
    expect(asksWholeSection('Kế hoạch có những giải pháp nào về tuyên truyền cho học sinh vùng sâu?', ['giai', 'phap'], naming)).toBe(false);
  });
});
