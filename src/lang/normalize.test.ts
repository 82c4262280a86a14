import { describe, expect, it } from 'vitest';
import { foldDiacritics, matchKey, normalizeVietnamese } from './normalize.js';

describe('normalizeVietnamese', () => {
  it('writes old-style tone placement the new way', () => {
    expect(normalizeVietnamese('hòa bình, sức khỏe, thủy sản')).toBe('hoà bình, sức khoẻ, thuỷ sản');
  });

  it('spells "hàng ngày" as "hằng ngày", keeping the length, and leaves other words alone', () => {
    expect(normalizeVietnamese('Báo cáo hàng ngày, Hàng năm')).toBe('Báo cáo hằng ngày, Hằng năm');
    expect(normalizeVietnamese('hàng tháng').length).toBe('hàng tháng'.length);
    expect(normalizeVietnamese('ngân hàng năm 2025, cửa hàng ngày nào cũng mở, hàng năm 2024')).toBe('ngân hàng năm 2025, cửa hàng ngày nào cũng mở, hàng năm 2024');
  });

  it('unifies dashes and quotes', () => {
    expect(normalizeVietnamese('Lao động – Xã hội “A”')).toBe('Lao động - Xã hội "A"');
  });
});

describe('foldDiacritics and matchKey', () => {
  it('fold every diacritic, đ included, keeping the length', () => {
    expect(foldDiacritics('Đắk Lắk')).toBe('Dak Lak');
    expect(matchKey('Hàng năm')).toBe('hang nam');
  });
});
