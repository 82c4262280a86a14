import { describe, expect, it } from 'vitest';
import type { Chunk } from '../types.js';
import { findIssueDate } from './find-issue-date.js';

const header = (text: string, start = 10): Chunk => ({ id: 'd#0', docId: 'd', section: [], kind: 'header', start, end: start + text.length, text });

describe('findIssueDate', () => {
  it('finds the place-and-date line of a header, blank day included', () => {
    const text = 'Số: /KH-UBND\n\nTP. Lạng Sơn, ngày tháng 3 năm 2024\n\nKẾ HOẠCH';
    const found = findIssueDate([header(text)])!;
    expect(text.slice(found.start - 10, found.end - 10)).toBe('TP. Lạng Sơn, ngày tháng 3 năm 2024');
  });
  it('reads a metadata line "Ngày ban hành"', () => {
    const text = 'Số hiệu 8557/KH-UBND\nNgày ban hành 24/12/2021\nNgày có hiệu lực 24/12/2021';
    const found = findIssueDate([header(text, 0)])!;
    expect(text.slice(found.start, found.end)).toBe('Ngày ban hành 24/12/2021');
  });
  it('ignores body chunks and headers without a date', () => {
    expect(findIssueDate([header('KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH')])).toBeNull();
    expect(findIssueDate([{ ...header('Hà Nội, ngày 5 tháng 1 năm 2022'), kind: 'body' }])).toBeNull();
  });
});
