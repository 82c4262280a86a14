import { describe, expect, it } from 'vitest';
import { askedValue, comparisonLine, leadLine, rowSum } from './lead-line.js';

describe('askedValue', () => {
  it('reads the value of the band the conditions the question states fall in', () => {
    const quote = 'a) Ao nuôi cá trên 02 năm: thiệt hại trên 70%, hỗ trợ 9.000.000 đồng/ha; thiệt hại từ 30% đến 70%, hỗ trợ 4.500.000 đồng/ha.';
    const forty = (text: string) => /từ 30% đến 70%/.test(text);
    const pond = (text: string) => /02 năm/.test(text);
    expect(askedValue(quote, { kind: 'money', conditions: [pond, forty] })).toBe('4.500.000 đồng/ha');
    // Conditions that hold in every clause, or in none, tell none apart.
    expect(askedValue(quote, { kind: 'money', conditions: [pond] })).toBe('9.000.000 đồng/ha');
    expect(askedValue(quote, { kind: 'money' })).toBe('9.000.000 đồng/ha');
  });

  it('reads the value of the case the question names from a sentence setting one per case', () => {
    const terms = (text: string) => new Set([...text.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]).flatMap((word, i, words) => [word, ...(i > 0 ? [`${words[i - 1]} ${word}`] : [])]));
    const quote = 'b) Giáo viên trường dân tộc bán trú tiểu học là 21 tiết, giáo viên trường dân tộc nội trú trung học cơ sở là 17 tiết, giáo viên trường dân tộc nội trú trung học phổ thông là 15 tiết;';
    const question = 'Tôi dạy trường dân tộc nội trú trung học cơ sở, định mức bao nhiêu tiết?';
    expect(askedValue(quote, { kind: 'count', unit: 'tiet', cases: { question, termsOf: terms } })).toBe('17 tiết');
    expect(askedValue(quote, { kind: 'count', unit: 'tiet' })).toBe('21 tiết');
  });

  it('reads what a figure counts, not the start of "đối với" after it', () => {
    const rows = 'c) Giáo viên trường, lớp dành cho người khuyết tật là 21 tiết đối với cấp tiểu học, 17 tiết đối với cấp trung học cơ sở;';
    expect(askedValue(rows, { kind: 'count', unit: 'tiet' })).toBe('21 tiết');
    expect(askedValue('Toàn tỉnh có 12.805 người cao tuổi, trong đó 2.226 người có công.', { kind: 'count', unit: 'nguoi' })).toBe('12.805 người cao tuổi');
    expect(askedValue('Tỉnh có 140 ngàn người có công với cách mạng.', { kind: 'count', unit: 'nguoi' })).toBe('140 ngàn người có công');
  });

  it('takes the asked value word for word from the quote', () => {
    expect(askedValue('Các sở báo cáo kết quả thực hiện trước ngày 20/11 hằng năm về Sở Khoa học và Công nghệ.', { kind: 'date' })).toBe('trước ngày 20/11 hằng năm');
    // The date a cited document bears gives way to the quote's own.
    expect(askedValue('Thực hiện Quyết định số 118/2008/QĐ-TTg ngày 27/8/2008, báo cáo trước ngày 15/12/2025.', { kind: 'date' })).toBe('trước ngày 15/12/2025');
    expect(askedValue('Trên cơ sở Kế hoạch số 114/KH-UBND ngày 28/3/2022 của UBND thành phố', { kind: 'date', cited: (citation) => citation.startsWith('114/') })).toBe('ngày 28/3/2022');
    // The date a cited document bears is no answer when the question asks about another document.
    expect(askedValue('Trên cơ sở Kế hoạch số 114/KH-UBND ngày 28/3/2022 của UBND thành phố', { kind: 'date' })).toBeNull();
    // A comma between a citation and its date keeps the date the cited document's.
    expect(askedValue('Căn cứ Chỉ thị số 28-CT/TW, ngày 25/12/2023; Quyết định số 1942/QĐ-TTg ngày 18/11/2021', { kind: 'date', cited: (citation) => citation.startsWith('1942/') })).toBe('ngày 18/11/2021');
    expect(askedValue('Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2025.', { kind: 'date' })).toBe('từ ngày 01 tháng 7 năm 2025');
    expect(askedValue('Phấn đấu ít nhất 85% người hưởng trợ cấp mở tài khoản.', { kind: 'percent' })).toBe('ít nhất 85%');
    expect(askedValue('thiệt hại trên 70% diện tích, hỗ trợ 10.000.000 đồng/ha', { kind: 'money' })).toBe('10.000.000 đồng/ha');
    // A range of sums is read whole, not cut after its first end ("2.000.000 đồng/con đến").
    expect(askedValue('d) Bê cái hướng sữa đến 06 tháng tuổi, hỗ trợ từ 2.000.000 đồng/con đến 4.000.000 đồng/con;', { kind: 'money' })).toBe('từ 2.000.000 đồng/con đến 4.000.000 đồng/con');
    expect(askedValue('là 10.000.000 đồng/Giấy phép cho mỗi lần thẩm định', { kind: 'money' })).toBe('10.000.000 đồng/Giấy phép');
    // Asked a bound ("tối đa bao nhiêu tiết"), the figure the passage gives as one, not the first it states.
    const conversion = 'thì 01 tiết dạy trực tiếp (hoặc trực tuyến) được quy đổi tối đa không quá 02 tiết định mức';
    expect(askedValue(conversion, { kind: 'count', unit: 'tiet', bounded: true })).toBe('02 tiết định mức');
    expect(askedValue(conversion, { kind: 'count', unit: 'tiet' })).toBe('01 tiết dạy trực');
    expect(askedValue('Công chức được nghỉ 05 ngày, tối đa không quá 10 ngày.', { kind: 'duration', bounded: true })).toBe('không quá 10 ngày');
    // The band the question's own case lies in says which case, not the value asked ("6 tháng" lies in the first).
    const course = 'Khóa có thời gian từ 01 tháng trở lên đến dưới 12 tháng, công chức phải còn đủ tuổi để công tác ít nhất 24 tháng.';
    const sixMonths = (text: string) => /từ 01 tháng trở lên đến dưới 12 tháng/u.test(text);
    expect(askedValue(course, { kind: 'duration', conditions: [sixMonths] })).toBe('24 tháng');
    expect(askedValue(course, { kind: 'duration' })).toBe('01 tháng');
    // What the sum is paid for ends before a function word: "60 triệu đồng/hộ", not "60 triệu đồng/hộ để".
    expect(askedValue('hỗ trợ theo mức 60 triệu đồng/hộ để thực hiện điều chỉnh đất ở', { kind: 'money' })).toBe('60 triệu đồng/hộ');
    expect(askedValue('Hiện nay trên địa bàn huyện có 2.226 người có công, chiếm 2% dân số.', { kind: 'count', unit: 'nguoi' })).toBe('2.226 người có công');
    expect(askedValue('Công chức phải hoàn thành chương trình trong thời hạn 12 tháng kể từ ngày bổ nhiệm.', { kind: 'duration' })).toBe('trong thời hạn 12 tháng');
  });

  it('finds nothing when the quote does not state the value', () => {
    expect(askedValue('Các sở báo cáo định kỳ về Sở Y tế.', { kind: 'date' })).toBeNull();
    // The unit as a word: "trên" holds no "trẻ".
    expect(askedValue('Số trẻ em dưới 16 tuổi trên địa bàn là 37.019 trẻ, chiếm 30%.', { kind: 'count', unit: 'tre' })).toBe('37.019 trẻ');
    expect(askedValue('Tỷ lệ hộ nghèo giảm mạnh.', { kind: 'percent' })).toBeNull();
    // A count of visits is no count of people, unless visits are asked.
    expect(askedValue('Khám định kỳ cho 23.000 lượt người cao tuổi; lập hồ sơ cho 6.500 người.', { kind: 'count', unit: 'nguoi' })).toBe('6.500 người');
    expect(askedValue('Năm 2024 tổ chức 1.200 lượt khám.', { kind: 'count', unit: 'luot' })).toBe('1.200 lượt khám');
  });
});

describe('leadLine', () => {
  it('opens the answer with the value and its citation', () => {
    expect(leadLine('trước ngày 20/11 hằng năm', '[1]', 'vi')).toBe('Trả lời: Trước ngày 20/11 hằng năm [1].');
    expect(leadLine('2.226 người có công', '[2]', 'en')).toBe('In short: 2.226 người có công [2].');
    expect(leadLine(askedValue('Kế hoạch có nói về trẻ em.', { kind: 'yes' })!, '[1]', 'vi')).toBe('Trả lời: Có [1].');
    expect(leadLine('', '[3]', 'en')).toBe('In short: Yes [3].');
  });
});

describe('comparisonLine', () => {
  it('orders dates, amounts, shares and counts the documents state side by side', () => {
    expect(comparisonLine([{ name: 'Kế hoạch 12/KH-UBND', value: 'ngày 26 tháng 11 năm 2025' }, { name: 'Kế hoạch 9/KH-UBND', value: '18/11/2025' }], { kind: 'date' }, 'vi')).toBe(
      'So sánh: Kế hoạch 9/KH-UBND (18/11/2025) trước Kế hoạch 12/KH-UBND (ngày 26 tháng 11 năm 2025).',
    );
    expect(comparisonLine([{ name: 'A', value: '2,5 tỷ đồng' }, { name: 'B', value: '900 triệu đồng' }], { kind: 'money' }, 'en')).toBe('Comparison: A (2,5 tỷ đồng) is higher than B (900 triệu đồng).');
    expect(comparisonLine([{ name: 'A', value: '12.805 người' }, { name: 'B', value: '9.000 người' }, { name: 'C', value: '15.100 người' }], { kind: 'count', unit: 'nguoi' }, 'vi')).toBe(
      'So sánh: cao nhất là C (15.100 người), thấp nhất là B (9.000 người).',
    );
    expect(comparisonLine([{ name: 'A', value: 'đạt 80%' }, { name: 'B', value: '80%' }], { kind: 'percent' }, 'vi')).toBe('So sánh: như nhau (đạt 80%).');
    expect(comparisonLine([{ name: 'A', value: '12 tháng' }, { name: 'B', value: '24 giờ' }], { kind: 'duration' }, 'vi')).toBe('So sánh: A (12 tháng) dài hơn B (24 giờ).');
  });

  it('says nothing when a value cannot be read as the asked kind, or only one document states one', () => {
    expect(comparisonLine([{ name: 'A', value: 'trước ngày 20/11 hằng năm' }, { name: 'B', value: '15/12/2025' }], { kind: 'date' }, 'vi')).toBeNull();
    expect(comparisonLine([{ name: 'A', value: '18/11/2025' }], { kind: 'date' }, 'vi')).toBeNull();
  });
});

describe('the body acting', () => {
  it('leads with the body the best quote names as acting', () => {
    const value = askedValue('2. Sở Y tế: Chủ trì tổ chức tập huấn.', { kind: 'body' });
    expect(value).toBe('Sở Y tế');
    expect(leadLine(value!, '[1]', 'vi')).toBe('Trả lời: Sở Y tế [1].');
    expect(askedValue('Tổ chức tập huấn cho cán bộ.', { kind: 'body' })).toBeNull();
  });
});

describe('a count', () => {
  it('ends on what is counted, not on a function word of what follows', () => {
    expect(askedValue('Đã có 266 lượt người được trợ giúp pháp lý.', { kind: 'count', unit: 'luot' })).toBe('266 lượt người');
    expect(askedValue('Toàn tỉnh có 12.805 người cao tuổi, chiếm 10,35% dân số.', { kind: 'count', unit: 'nguoi' })).toBe('12.805 người cao tuổi');
  });
});

describe('rowSum', () => {
  it("reads a table row's last figure in the money unit of the caption quoted beside it", () => {
    expect(rowSum('22 | LÂM ĐỒNG | 135.200', ['Đơn vị: Triệu đồng', '22 | LÂM ĐỒNG | 135.200'])).toBe('135.200 triệu đồng');
  });

  it('reads nothing without a money caption, from a row not ending on a figure, or from a sentence', () => {
    expect(rowSum('22 | LÂM ĐỒNG | 135.200', ['Đơn vị: người'])).toBeNull();
    expect(rowSum('22 | LÂM ĐỒNG | Sở Tài chính', ['Đơn vị: Triệu đồng'])).toBeNull();
    expect(rowSum('Bổ sung 135.200', ['Đơn vị: Triệu đồng'])).toBeNull();
  });
});

