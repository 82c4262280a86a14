import { describe, expect, it } from 'vitest';
import { segmentDocument } from './segment-document.js';

const join = (segments: ReturnType<typeof segmentDocument>): string => segments.map((segment) => segment.text).join('');

describe('segmentDocument', () => {
  it('marks headings and gives back the original text exactly', () => {
    const text = 'KẾ HOẠCH\n\nI. MỤC ĐÍCH\nNội dung.\n1. Mục tiêu\nThêm.';
    const segments = segmentDocument(text, [
      { title: 'I. MỤC ĐÍCH', depth: 0, start: text.indexOf('I.'), end: text.length },
      { title: '1. Mục tiêu', depth: 1, start: text.indexOf('1.'), end: text.length },
    ]);
    expect(join(segments)).toBe(text);
    expect(segments.filter((segment) => segment.kind === 'heading')).toEqual([
      { kind: 'heading', anchors: [`h-${text.indexOf('I.')}`], depth: 0, text: 'I. MỤC ĐÍCH' },
      { kind: 'heading', anchors: [`h-${text.indexOf('1.')}`], depth: 1, text: '1. Mục tiêu' },
    ]);
  });

  it('follows a heading hard-wrapped over two lines with markdown left in the text', () => {
    const text = 'Mở đầu\n**II. NHIỆM VỤ VÀ GIẢI\nPHÁP**\nNội dung';
    const start = text.indexOf('**II');
    const segments = segmentDocument(text, [{ title: 'II. NHIỆM VỤ VÀ GIẢI PHÁP', depth: 0, start, end: text.length }]);
    expect(join(segments)).toBe(text);
    expect(segments[1]).toMatchObject({ kind: 'heading', text: '**II. NHIỆM VỤ VÀ GIẢI\nPHÁP' });
  });

  it('falls back to the first line when the title does not match the text, and shares a line between nested headings', () => {
    const text = 'Phần thứ nhất: Tình hình\nChi tiết';
    const segments = segmentDocument(text, [
      { title: 'PHẦN THỨ NHẤT (đã chuẩn hóa)', depth: 0, start: 0, end: text.length },
      { title: 'Tình hình', depth: 1, start: text.indexOf('Tình'), end: text.length },
    ]);
    expect(join(segments)).toBe(text);
    expect(segments[0]).toEqual({ kind: 'heading', anchors: ['h-0', `h-${text.indexOf('Tình')}`], depth: 0, text: 'Phần thứ nhất: Tình hình' });
  });
});
