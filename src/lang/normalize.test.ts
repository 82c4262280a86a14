import { describe, expect, it } from 'vitest';
import { foldDiacritics, matchKey, normalizeVietnamese } from './normalize.js';

describe('normalizeVietnamese', () => {
  it('writes old-style tone placement the new way', () => {
    expect(normalizeVietnamese('hòa bình, sức khỏe, thủy sản')).toBe('hoà bình, sức khoẻ, thuỷ sản');
  });

  it('spells "hằng ngày" as "hàng ngày", keeping the length, and leaves other words alone', () => {
    expect(normalizeVietnamese('Báo cáo hằng ngày, Hằng năm')).toBe('Báo cáo hàng ngày, Hàng năm');
    expect(normalizeVietnamese('hằng ngày').length).toBe('hằng ngày'.length);
    expect(normalizeVietnamese('chị Hằng nói, hằng số')).toBe('chị Hằng nói, hằng số');
  });

  it('unifies dashes and quotes', () => {
    expect(normalizeVietnamese('Lao động – Xã hội “A”')).toBe('Lao động - Xã hội "A"');
  });
});

describe('foldDiacritics and matchKey', () => {
  it('fold every diacritic, đ included, keeping the length', () => {
    expect(foldDiacritics('Đắk Lắk')).toBe('Dak Lak');
    expect(matchKey('Hằng năm')).toBe('hang nam');
  });
});
