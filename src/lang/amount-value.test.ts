import { describe, expect, it } from 'vitest';
import { amountWritings, figureValue, statedAmount, statesAmount } from './amount-value.js';

describe('figureValue', () => {
  it('reads Vietnamese and English grouping and decimals', () => {
    expect(figureValue('1.500.000', 'vi')).toBe(1_500_000);
    expect(figureValue('1,5', 'vi')).toBe(1.5);
    expect(figureValue('1,500,000', 'en')).toBe(1_500_000);
    expect(figureValue('1.5', 'en')).toBe(1.5);
    expect(figureValue('30.000', 'en')).toBe(30_000);
  });
});

describe('statedAmount', () => {
  it('multiplies by a magnitude word, in either language, accented or not', () => {
    expect(statedAmount('30', 'triệu', 'vi')).toBe(30_000_000);
    expect(statedAmount('30', 'trieu', 'vi')).toBe(30_000_000);
    expect(statedAmount('1.5', 'billion', 'en')).toBe(1_500_000_000);
    expect(statedAmount('2', 'tỷ', 'vi')).toBe(2_000_000_000);
  });
  it('reads thousands grouped as a sum, in either style', () => {
    expect(statedAmount('30.000.000', 'đồng', 'vi')).toBe(30_000_000);
    expect(statedAmount('30,000,000', undefined, 'en')).toBe(30_000_000);
  });
  it('is undefined when the word after is no magnitude and no thousands are grouped', () => {
    expect(statedAmount('30', 'lớp', 'vi')).toBeUndefined();
    expect(statedAmount('30', undefined, 'vi')).toBeUndefined();
  });
});

describe('statesAmount', () => {
  it('finds a sum however the text writes its magnitude', () => {
    expect(statesAmount(30_000_000, 'hỗ trợ 30.000.000 đồng/ha')).toBe(true);
    expect(statesAmount(30_000_000, 'hỗ trợ 30 triệu đồng/ha')).toBe(true);
    expect(statesAmount(1_500_000_000, 'tổng kinh phí 1.500 triệu đồng')).toBe(true);
    expect(statesAmount(1_500_000_000, 'khoảng 1,5 tỷ đồng')).toBe(true);
  });
  it('does not take another sum, or a part of one', () => {
    expect(statesAmount(30_000_000, 'hỗ trợ 3.000.000 đồng/ha')).toBe(false);
    expect(statesAmount(30_000_000, 'hỗ trợ 130.000.000 đồng/ha')).toBe(false);
    expect(statesAmount(30_000_000, '30 lớp học')).toBe(false);
  });
});

describe('amountWritings', () => {
  it('writes a sum in full and with each magnitude it reaches', () => {
    expect(amountWritings(30_000_000)).toEqual(['30.000.000', '30 triệu']);
    expect(amountWritings(1_500_000_000)).toEqual(['1.500.000.000', '1.500 triệu', '1,5 tỷ']);
    expect(amountWritings(500_000)).toEqual(['500.000']);
  });
});
