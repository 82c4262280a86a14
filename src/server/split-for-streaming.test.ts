import { describe, expect, it } from 'vitest';
import { splitForStreaming } from './split-for-streaming.js';

describe('splitForStreaming', () => {
  it('cuts at word boundaries into pieces that concatenate back to the text', () => {
    const text = 'Theo kế hoạch của tỉnh Khánh Hòa: “định kỳ hàng năm (trước ngày 15/12 hàng năm) báo cáo” [1].\n- Dòng hai';
    const pieces = splitForStreaming(text, 20);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/\s$/);
  });
  it('gives nothing for an empty text', () => expect(splitForStreaming('')).toEqual([]));
});
