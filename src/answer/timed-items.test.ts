import { describe, expect, it } from 'vitest';
import { askedTime, timedItems } from './timed-items.js';

describe('askedTime', () => {
  it('reads the year a list question bounds its items\' time by, and whether they must begin in it', () => {
    expect(askedTime('KH 12 có những nhiệm vụ nào phải hoàn thành trong năm 2025?')).toEqual({ year: '2025', start: false });
    expect(askedTime('ke hoach co nhung viec nao den nam 2026 moi bat dau thuc hien')).toEqual({ year: '2026', start: true });
    expect(askedTime('Which tasks of the plan are due in 2027?')).toEqual({ year: '2027', start: false });
  });

  it('is none for a target of a year, a document of a year, or a question asking no list', () => {
    expect(askedTime('Đến năm 2030 kế hoạch phấn đấu đạt những chỉ tiêu nào?')).toBeNull();
    expect(askedTime('Kế hoạch năm 2025 giao những nhiệm vụ nào cho Sở Y tế?')).toBeNull();
    expect(askedTime('Việc rà soát phải hoàn thành trong năm 2025 phải không?')).toBeNull();
  });
});

const PROSE = [
  'II. NỘI DUNG', // 0
  '',
  '1. Tuyên truyền pháp luật',
  '',
  '- Nội dung: phổ biến Luật cho cán bộ, công chức.',
  '',
  '- Cơ quan chủ trì: Sở Tư pháp.',
  '',
  '- Thời gian thực hiện: năm',
  '2025 và các năm tiếp theo.',
  '',
  '2. Xây dựng cổng thông tin dùng chung của tỉnh',
  '',
  '- Thời gian thực hiện: năm 2026 - 2027.',
  '',
  '3. Rà soát văn bản',
  '',
  '- Thời gian thực hiện:',
  '',
  '+ Các sở gửi kết quả trước ngày 15 tháng 12 năm 2025.',
  '',
  '4. Ban hành quy chế',
  '',
  '- Thời hạn ban hành: theo tiến độ của Luật An ninh mạng 2025.',
].join('\n');

describe('timedItems', () => {
  const quoted = (text: string, items: ReturnType<typeof timedItems>) => items.map(({ heading, task, time }) => [heading ? text.slice(heading.start, heading.end) : null, task ? text.slice(task.start, task.end) : null, text.slice(time.start, time.end)]);

  it('finds the items whose stated time reads the year, each with the numbered paragraph heading it', () => {
    const outline = [{ title: 'II. NỘI DUNG', depth: 0, start: 0, end: PROSE.length }];
    expect(quoted(PROSE, timedItems(PROSE, outline, { year: '2025', start: false }))).toEqual([
      ['1. Tuyên truyền pháp luật', '- Nội dung: phổ biến Luật cho cán bộ, công chức.', '- Thời gian thực hiện: năm\n2025 và các năm tiếp theo.'],
      ['3. Rà soát văn bản', null, '- Thời gian thực hiện:\n\n+ Các sở gửi kết quả trước ngày 15 tháng 12 năm 2025.'],
    ]);
    expect(quoted(PROSE, timedItems(PROSE, outline, { year: '2026', start: true })).map(([heading]) => heading)).toEqual(['2. Xây dựng cổng thông tin dùng chung của tỉnh']);
    expect(timedItems(PROSE, outline, { year: '2027', start: true })).toEqual([]);
  });

  it('finds the rows of a table whose time column reads the year', () => {
    const table = ['| STT | Nhiệm vụ | Chủ trì | Thời gian |', '|---|---|---|---|', '| I | NHÓM GIẢI PHÁP |', '| 1 | Rà soát cơ chế | Sở Tài chính | Thường xuyên |', '| 2 | Cải thiện môi trường đầu tư | Sở Tài chính | 2026 |', '| 3 | Đặt hàng nghiên cứu | Sở Khoa học và Công nghệ | 2025 - 2026 |'].join('\n');
    expect(quoted(table, timedItems(table, [], { year: '2026', start: false })).map(([, , row]) => String(row).split('|')[1].trim())).toEqual(['Cải thiện môi trường đầu tư', 'Đặt hàng nghiên cứu']);
    expect(quoted(table, timedItems(table, [], { year: '2026', start: true })).map(([, , row]) => String(row).split('|')[1].trim())).toEqual(['Cải thiện môi trường đầu tư']);
  });
});
