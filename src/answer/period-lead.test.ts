import { describe, expect, it } from 'vitest';
import { periodLeads, tablePeriods } from './period-lead.js';

const periodLead = (text: string, at: number) => periodLeads(text)(at);

const targets = [
  '2. Mục tiêu cụ thể',
  '- Giai đoạn 2025-2027',
  '+ 100% dịch vụ công trực tuyến toàn trình trên tổng',
  'số thủ tục hành chính có đủ điều kiện.',
  '+ 95% người dân, doanh nghiệp đánh giá hài lòng khi',
  'sử dụng dịch vụ công trực tuyến.',
  '- Giai đoạn 2028-2030',
  '+ 99% người dân, doanh nghiệp đánh giá hài lòng.',
].join('\n');

describe('periodLeads', () => {
  it('reads the time line an item is grouped under, past wrapped lines and sibling items', () => {
    expect(periodLead(targets, targets.indexOf('+ 95%'))).toBe('- Giai đoạn 2025-2027');
    expect(periodLead(targets, targets.indexOf('sử dụng dịch vụ'))).toBe('- Giai đoạn 2025-2027');
    expect(periodLead(targets, targets.indexOf('+ 99%'))).toBe('- Giai đoạn 2028-2030');
  });

  it('is none when the item\'s group line names more than a time, or the passage is no list item', () => {
    const grouped = '- Nhóm chỉ tiêu về dịch vụ công năm 2025\n+ 95% hồ sơ được giải quyết đúng hạn.';
    expect(periodLead(grouped, grouped.indexOf('+ 95%'))).toBeUndefined();
    expect(periodLead(targets, targets.indexOf('- Giai đoạn 2025'))).toBeUndefined();
    const plain = 'Giai đoạn 2025-2027\nPhấn đấu 95% người dân hài lòng.';
    expect(periodLead(plain, plain.indexOf('Phấn đấu'))).toBeUndefined();
  });

  it('reads points under a clause and time lines with a colon', () => {
    const points = 'a) Đến năm 2027:\n- 80% hồ sơ xử lý trực tuyến;\n- 60% doanh nghiệp dùng hóa đơn điện tử.';
    expect(periodLead(points, points.indexOf('- 60%'))).toBe('a) Đến năm 2027:');
  });
});

describe('tablePeriods', () => {
  it('reads the time a group row names over the rows after it, flattened or in Markdown', () => {
    const flattened = '**I**\n|\n**Giai đoạn 2025-2027**\n|\n|\n|\n|\n1\n|\nTỉ lệ A.\n|\n%\n|\n60%\n|\n|\n**II**\n|\n**Giai đoạn 2028-2030**\n|\n|\n|\n|\n1\n|\nTỉ lệ B.\n|\n%\n|\n90%\n|\n|\n';
    expect(tablePeriods(flattened)(flattened.indexOf('Tỉ lệ A'))).toBe('Giai đoạn 2025-2027');
    expect(tablePeriods(flattened)(flattened.indexOf('Tỉ lệ B'))).toBe('Giai đoạn 2028-2030');
    const markdown = '| TT | Chỉ tiêu | Kết quả |\n|---|---|---|\n| I | **Năm 2026** | |\n| 1 | Tỉ lệ C | 70% |\n';
    expect(tablePeriods(markdown)(markdown.indexOf('Tỉ lệ C'))).toBe('Năm 2026');
  });

  it('reads no time from a row stating one among its figures, nor before any group row', () => {
    const tasks = '1\n|\nXây dựng cơ sở dữ liệu\n|\nSở Nội vụ\n|\nNăm 2025\n|\n|\n2\n|\nSố hóa hồ sơ\n|\nSở Tư pháp\n|\nNăm 2026\n|\n|\n';
    expect(tablePeriods(tasks)(tasks.indexOf('Số hóa'))).toBeUndefined();
  });
});
