import { describe, expect, it } from 'vitest';
import { askedValue, leadLine } from './lead-line.js';

describe('askedValue', () => {
  it('takes the asked value word for word from the quote', () => {
    expect(askedValue('Các sở báo cáo kết quả thực hiện trước ngày 20/11 hằng năm về Sở Khoa học và Công nghệ.', { kind: 'date' })).toBe('trước ngày 20/11 hằng năm');
    expect(askedValue('Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2025.', { kind: 'date' })).toBe('từ ngày 01 tháng 7 năm 2025');
    expect(askedValue('Phấn đấu ít nhất 85% người hưởng trợ cấp mở tài khoản.', { kind: 'percent' })).toBe('ít nhất 85%');
    expect(askedValue('thiệt hại trên 70% diện tích, hỗ trợ 10.000.000 đồng/ha', { kind: 'money' })).toBe('10.000.000 đồng/ha');
    expect(askedValue('Hiện nay trên địa bàn huyện có 2.226 người có công, chiếm 2% dân số.', { kind: 'count', unit: 'nguoi' })).toBe('2.226 người có công');
  });

  it('finds nothing when the quote does not state the value', () => {
    expect(askedValue('Các sở báo cáo định kỳ về Sở Y tế.', { kind: 'date' })).toBeNull();
    expect(askedValue('Tỷ lệ hộ nghèo giảm mạnh.', { kind: 'percent' })).toBeNull();
  });
});

describe('leadLine', () => {
  it('opens the answer with the value and its citation', () => {
    expect(leadLine('trước ngày 20/11 hằng năm', '[1]', 'vi')).toBe('Trả lời: Trước ngày 20/11 hằng năm [1].');
    expect(leadLine('2.226 người có công', '[2]', 'en')).toBe('In short: 2.226 người có công [2].');
  });
});
