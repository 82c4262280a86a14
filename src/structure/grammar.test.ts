import { describe, expect, it } from 'vitest';
import { issuerOfNumber, typeOfNumber } from './grammar.js';

describe('issuerOfNumber', () => {
  it("names the national body a number's code stands for", () => {
    expect(issuerOfNumber('09/2025/NĐ-CP')).toBe('Chính phủ');
    expect(issuerOfNumber('2639/QĐ-TTg')).toBe('Thủ tướng Chính phủ');
    // The National Assembly's codes carry its term.
    expect(issuerOfNumber('1663/NQ-UBTVQH15')).toBe('Ủy ban Thường vụ Quốc hội');
    expect(issuerOfNumber('72/2025/QH15')).toBe('Quốc hội');
  });

  it("reads a letter's issuer before the unit that drafted it, and no local body", () => {
    expect(issuerOfNumber('10988/BNV-CQĐP')).toBe('Bộ Nội vụ');
    expect(issuerOfNumber('11299/VPCP-KGVX')).toBe('Văn phòng Chính phủ');
    expect(issuerOfNumber('1234/UBND-VX')).toBeUndefined();
    expect(issuerOfNumber('45/KH-UBND')).toBeUndefined();
  });
});

describe('typeOfNumber', () => {
  it('reads the type a code names, and none for a letter', () => {
    expect(typeOfNumber('09/2025/NĐ-CP')).toBe('Nghị định');
    expect(typeOfNumber('224/CĐ-TTg')).toBe('Công điện');
    expect(typeOfNumber('10988/BNV-CQĐP')).toBeUndefined();
  });
});
