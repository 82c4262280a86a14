import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../types.js';
import { joinNames, phraseAmong } from './plan-names.js';

const plan = (id: string, number: string): DocumentMeta => ({ id, title: id, type: 'Kế hoạch', number, locality: 'Tỉnh Đồng Tháp', level: 'tỉnh' }) as DocumentMeta;

describe('phraseAmong', () => {
  it('names two plans of one place by type and number, one alone by its place', () => {
    const [first, second] = [plan('dt-552', '552/KH-UBND'), plan('dt-556', '556/KH-UBND')];
    expect(phraseAmong(first, [first, second], 'vi')).toBe('Kế hoạch 552/KH-UBND');
    expect(phraseAmong(second, [first, second], 'en')).toBe('Plan 556/KH-UBND');
    expect(phraseAmong(first, [first], 'vi')).toBe('kế hoạch của tỉnh Đồng Tháp');
  });
});

describe('joinNames', () => {
  it('joins names as a sentence does', () => {
    expect(joinNames(['A', 'B', 'C'], 'vi')).toBe('A, B và C');
    expect(joinNames(['A', 'B'], 'en')).toBe('A and B');
    expect(joinNames(['A'], 'en')).toBe('A');
  });
});
