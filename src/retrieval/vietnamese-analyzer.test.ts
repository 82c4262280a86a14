import { describe, expect, it } from 'vitest';
import { CURATED_ABBREVIATIONS } from '../lang/abbreviations.js';
import { analyzeForIndex, analyzeQuery } from './vietnamese-analyzer.js';

const table = CURATED_ABBREVIATIONS;
const indexTerms = (text: string) => new Set(analyzeForIndex(text, table));

describe('analyzeForIndex', () => {
  it('indexes accented and folded forms side by side (đ → d)', () => {
    const accented = indexTerms('Bảo hiểm Y tế');
    const typed = analyzeQuery('bao hiem y te', table).terms;
    expect(accented).toContain('bảo hiểm');
    expect(typed.every((term) => accented.has(term))).toBe(true);
    expect(indexTerms('Đối tượng')).toEqual(new Set(['đối', 'doi', 'đối tượng', 'doi tuong', 'tượng', 'tuong']));
  });

  it('treats old- and new-style tone placement alike', () => {
    expect(indexTerms('Khánh Hòa')).toEqual(indexTerms('Khánh Hoà'));
    expect(indexTerms('sức khỏe')).toEqual(indexTerms('sức khoẻ'));
  });

  it('pairs adjacent syllables within a clause only', () => {
    const terms = indexTerms('chăm sóc sức khỏe, người cao tuổi');
    expect(terms).toContain('chăm sóc');
    expect(terms).toContain('người cao');
    expect(terms).toContain('cao tuổi');
    expect(terms).not.toContain('khoẻ người');
  });

  it('drops function words as single terms but keeps their pairs with content words', () => {
    const terms = indexTerms('chính sách của người có công');
    expect(terms).not.toContain('của');
    expect(terms).not.toContain('có');
    expect(terms).toContain('người có');
    expect(terms).toContain('có công');
    expect(terms).not.toContain('của người có'); // no trigrams
    expect(indexTerms('của các')).toEqual(new Set());
  });

  it('keeps content words whose folded form spells a function word ("văn bản" is no "vẫn bạn")', () => {
    const terms = indexTerms('Văn bản chủ trì bảo vệ bí mật, rà soát quan trọng');
    for (const term of ['văn', 'bản', 'văn bản', 'van ban', 'chủ', 'chủ trì', 'bí', 'bí mật', 'rà', 'rà soát', 'trọng', 'quan trọng']) expect(terms, term).toContain(term);
    expect(indexTerms('vẫn là bạn')).toEqual(new Set());
  });

  it('expands an abbreviation in text and abbreviates an expansion, in both directions', () => {
    const short = indexTerms('cấp thẻ BHYT cho NKT');
    const long = indexTerms('cấp thẻ bảo hiểm y tế cho người khuyết tật');
    for (const term of ['bảo hiểm', 'y tế', 'thẻ bảo', 'người khuyết', 'khuyết tật', 'bhyt', 'thẻ bhyt', 'nkt']) {
      expect(short, term).toContain(term);
      expect(long, term).toContain(term);
    }
  });

  it('recognises glued abbreviations as written and folds their key', () => {
    const terms = indexTerms('Phòng LĐ-TB&XH gửi báo cáo');
    expect(terms).toContain('lđtbxh');
    expect(terms).toContain('ldtbxh');
    expect(terms).toContain('thương binh');
    expect(indexTerms('Bộ Lao động - Thương binh và Xã hội')).toContain('ldtbxh');
  });

  it('does not mistake ordinary syllables for abbreviations', () => {
    // "TE" (trẻ em) must not turn every "trẻ em" into the folded syllable "te" of "y tế"
    expect(analyzeForIndex('trẻ em', table).filter((term) => term === 'te')).toEqual([]);
    // written in capitals it is the abbreviation
    expect(indexTerms('chăm sóc TE')).toContain('trẻ em');
    expect(indexTerms('Te tái')).not.toContain('trẻ em');
  });

  it('makes dates searchable by day and month and numbers without separators', () => {
    const terms = indexTerms('ngày 05/01/2022 có 12.805 người, chiếm 10,35%');
    for (const term of ['5/1/2022', '5/1', '1/2022', 'ngày 5/1', '12.805', '12805', '10,35']) expect(terms, term).toContain(term);
    expect(indexTerms('trước ngày 10/11 hàng năm')).toContain('ngày 10/11');
  });
});

describe('analyzeQuery', () => {
  it('weights exact accented terms above their folded twins', () => {
    const { weights } = analyzeQuery('bảo hiểm', table);
    expect(weights.get('bảo hiểm')).toBeGreaterThan(weights.get('bao hiem')!);
    expect(weights.get('bảo')).toBeGreaterThan(weights.get('bao')!);
  });

  it('gives full weight to words typed without diacritics', () => {
    const { weights } = analyzeQuery('bao hiem', table);
    expect(weights.get('bao hiem')).toBe(analyzeQuery('bảo hiểm', table).weights.get('bảo hiểm'));
    expect(weights.has('bảo hiểm')).toBe(false);
  });

  it('drops question words, including two-syllable ones', () => {
    const { terms } = analyzeQuery('Bao nhiêu người cao tuổi?', table);
    expect(terms).toContain('người cao');
    expect(terms).not.toContain('bao');
    expect(terms).not.toContain('nhiêu');
    expect(analyzeQuery('ai? gì? khi nào?', table).terms).toEqual([]);
  });

  it('recognises lower-case abbreviations and adds their expansion at a lower weight', () => {
    const { terms, weights } = analyzeQuery('ai duoc cap the bhyt', table);
    expect(terms).toContain('bhyt');
    expect(terms).toContain('the bhyt');
    expect(weights.get('bảo hiểm')).toBeLessThan(weights.get('bhyt')!);
    expect(analyzeQuery('người khuyết tật', table).terms).toContain('nkt');
    // a lower-case word that spells a syllable is a word, not an abbreviation
    expect(analyzeQuery('y te', table).terms).not.toContain('trẻ em');
  });
});
