import { describe, expect, it } from 'vitest';
import { enumerationLength } from './select-evidence.js';

describe('enumerationLength', () => {
  const sentence =
    'Công an tỉnh chủ trì; tham mưu UBND tỉnh thay thế Quyết định số 15/2021/QĐ-UBND về quy chế bảo vệ bí mật; Quyết định số 46/2002/QĐ-UBND về khu vực cấm; tổ chức tập huấn cho cán bộ.';
  const from = (text: string) => sentence.indexOf(text);

  it('goes on through the clauses after a quote that open with words it holds', () => {
    const start = from('tham mưu');
    const window = { offset: start, length: from('Quyết định số 46') - start };
    expect(sentence.slice(start, start + enumerationLength(sentence, window))).toBe(
      'tham mưu UBND tỉnh thay thế Quyết định số 15/2021/QĐ-UBND về quy chế bảo vệ bí mật; Quyết định số 46/2002/QĐ-UBND về khu vực cấm; ',
    );
  });

  it('stops at a clause that starts something else, or where the quote does not end a clause', () => {
    const start = from('Công an');
    expect(enumerationLength(sentence, { offset: start, length: from('tham mưu') - start })).toBe(from('tham mưu') - start);
    expect(enumerationLength(sentence, { offset: start, length: 12 })).toBe(12);
  });
});
