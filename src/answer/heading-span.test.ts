import { describe, expect, it } from 'vitest';
import { headingEnd } from './heading-span.js';

describe('headingEnd', () => {
  it('ends a one-line heading at its line end', () => {
    const text = 'I. MỤC TIÊU\n\n- Nội dung.';
    expect(text.slice(0, headingEnd(text, { start: 0, title: 'I. MỤC TIÊU' }))).toBe('I. MỤC TIÊU');
  });
  it('follows a heading wrapped over two lines', () => {
    const text = 'x\nI. ĐỐI TƯỢNG, PHẠM\nVI THỰC HIỆN\n1. Đối tượng';
    expect(text.slice(2, headingEnd(text, { start: 2, title: 'I. ĐỐI TƯỢNG, PHẠM VI THỰC HIỆN' }))).toBe('I. ĐỐI TƯỢNG, PHẠM\nVI THỰC HIỆN');
  });
  it('ignores markdown around a heading', () => {
    const text = '**V. KINH PHÍ**\nNội dung';
    expect(text.slice(0, headingEnd(text, { start: 0, title: 'V. KINH PHÍ' }))).toBe('**V. KINH PHÍ**');
  });
});
