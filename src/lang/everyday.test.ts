import { describe, expect, it } from 'vitest';
import { createRewording } from './everyday.js';

const reword = createRewording([
  ['người già', 'người cao tuổi'],
  ['chết đuối', 'đuối nước'],
  ['tiền lấy từ đâu', 'nguồn kinh phí'],
  ['tiền', 'kinh phí'],
  ['phường xã', 'cấp xã'],
  ['tiền đẻ', 'trợ cấp thai sản'],
]);

describe('createRewording', () => {
  it('puts the wording of documents for everyday phrases, longest first, the rest as typed', () => {
    expect(reword('Người già ở Bến Tre được hỗ trợ gì?')).toBe('người cao tuổi ở Bến Tre được hỗ trợ gì?');
    expect(reword('Tiền lấy từ đâu để phòng chống chết đuối?')).toBe('nguồn kinh phí để phòng chống đuối nước?');
    expect(reword('Cần bao nhiêu tiền?')).toBe('Cần bao nhiêu kinh phí?');
  });

  it('matches folded only where the question was typed without diacritics', () => {
    expect(reword('nguoi gia duoc ho tro gi')).toBe('người cao tuổi duoc ho tro gi');
    expect(reword('Người giá rẻ')).toBe('Người giá rẻ');
    expect(reword('Không có gì')).toBe('Không có gì');
    expect(reword('UBND các phường, xã làm gì?')).toBe('UBND các phường, xã làm gì?');
  });

  it('reads no content word into an unaccented function word', () => {
    expect(reword('can bao nhieu tien de sua nha')).toBe('can bao nhieu kinh phí de sua nha');
    expect(reword('Tiền đẻ được bao nhiêu?')).toBe('trợ cấp thai sản được bao nhiêu?');
  });
});
