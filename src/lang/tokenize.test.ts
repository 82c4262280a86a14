import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeClauses } from './tokenize.js';

describe('tokenize', () => {
  it('lower-cases syllables and splits document numbers into their parts', () => {
    expect(tokenize('Quyết định số 1942/QĐ-TTg của Thủ tướng')).toEqual(['quyết', 'định', 'số', '1942', 'qđ', 'ttg', 'của', 'thủ', 'tướng']);
  });

  it('keeps decimals, thousands and dates as single tokens', () => {
    // ("Hàng năm" is indexed as "hằng năm", its other spelling.)
    expect(tokenize('chiếm 10,35% dân số; 6.910 người; trước ngày 10/11 hàng năm; ngày 18/11/2021.')).toEqual([
      'chiếm', '10,35', 'dân', 'số', '6.910', 'người', 'trước', 'ngày', '10/11', 'hằng', 'năm', 'ngày', '18/11/2021',
    ]);
  });

  it('unifies tone placement and drops markdown leftovers', () => {
    expect(tokenize('**Khánh Hòa** (*khỏe*)')).toEqual(tokenize('Khánh Hoà khoẻ'));
  });

  it('ends clauses at punctuation and blank lines but not at hard wraps', () => {
    const clauses = tokenizeClauses('nâng\ncao sức khỏe, người cao tuổi\n\nII. MỤC TIÊU');
    expect(clauses.map((clause) => clause.map((token) => token.surface))).toEqual([['nâng', 'cao', 'sức', 'khoẻ'], ['người', 'cao', 'tuổi'], ['II'], ['MỤC', 'TIÊU']]);
  });

  it('marks tokens glued by "-", "&" or "/" only when nothing separates them', () => {
    const [clause] = tokenizeClauses('2618/KH-UBND LĐ-TB&XH 2021 - 2030');
    expect(clause.map((token) => token.joiner)).toEqual(['', '/', '-', '', '-', '&', '', '']);
  });
});
