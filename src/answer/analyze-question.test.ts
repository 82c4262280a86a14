import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURATED_ABBREVIATIONS } from '../lang/abbreviations.js';
import type { DocumentMeta } from '../types.js';
import { analyzeQuestion } from './analyze-question.js';

const documents: DocumentMeta[] = JSON.parse(readFileSync(new URL('../../corpus/manifest.json', import.meta.url), 'utf8')).documents;
const analyze = (q: string) => analyzeQuestion(q, { documents, abbreviations: CURATED_ABBREVIATIONS });

describe('analyzeQuestion', () => {
  it('analyzes "Ai được cấp thẻ BHYT?" with and without diacritics', () => {
    for (const q of ['Ai được cấp thẻ BHYT?', 'ai duoc cap the bhyt']) {
      const a = analyze(q);
      expect(a.language).toBe('vi');
      expect(a.types[0]).toBe('who');
      expect(a.searchText).toMatch(/^(được|duoc) (cấp|cap) (thẻ|the) (BHYT|bhyt) bảo hiểm y tế$/);
      expect(a.focusTerms).toEqual(expect.arrayContaining(['cap the', 'the bhyt', 'bao hiem y te', 'bhyt', 'the bao hiem y te']));
      expect(a.wantsAllPlans).toBe(false);
    }
  });

  it('translates English through the glossary', () => {
    const a = analyze('who gets a BHYT card?');
    expect(a).toMatchObject({ language: 'en', types: ['who'], searchText: 'được cấp thẻ BHYT bảo hiểm y tế' });
    expect(a.focusTerms).toEqual(expect.arrayContaining(['cap the', 'the bhyt', 'bao hiem y te']));

    const due = analyze('when is the report due?');
    expect(due.types[0]).toBe('deadline');
    expect(due.searchText).toBe('báo cáo trước ngày');
    expect(due.focusTerms).toEqual(['bao cao', 'truoc ngay']);
  });

  it('removes place names from the search text and reports them as localities', () => {
    const a = analyze('Ai được cấp thẻ BHYT ở TP Lạng Sơn?');
    expect(a.localities.docIds).toEqual(['lang-son-thanh-pho-2024']);
    expect(a.searchText).toBe('được cấp thẻ BHYT bảo hiểm y tế');
    expect(a.focusTerms.some((t) => t.includes('lang') || t.includes('son'))).toBe(false);
  });

  it('drops how the answer should be given ("liệt kê đủ") from what is searched', () => {
    const a = analyze('Kế hoạch thực hiện những văn bản nào? Liệt kê đủ.');
    expect(a.types).toContain('list');
    expect(a.searchText).not.toMatch(/liệt|kê|đủ/u);
  });

  it('drops how often is asked ("bao lâu một lần", "định kỳ bao lâu") from what is searched', () => {
    expect(analyze('Các sở phải báo cáo tiến độ bao lâu một lần?').searchText).not.toMatch(/lần/u);
    expect(analyze('Định kỳ bao lâu xã phải rà soát danh sách?').searchText).not.toMatch(/định|kỳ|lâu/u);
  });

  it('keeps numbers and domain phrases as focus terms', () => {
    const a = analyze('Bến Tre có bao nhiêu người tròn 100 tuổi?');
    expect(a.types[0]).toBe('count');
    expect(a.searchText).toBe('người tròn 100 tuổi');
    expect(a.focusTerms).toEqual(['nguoi tron 100 tuoi', '100']);
  });

  it('expands abbreviations typed in lower case but not ordinary syllables', () => {
    expect(analyze('nkt duoc ho tro gi').searchText).toBe('nkt người khuyết tật duoc ho tro');
    expect(analyze('Sở LĐTBXH có nhiệm vụ gì?').searchText).toContain('LĐTBXH Lao động - Thương binh và Xã hội');
    // "te" in "y te" is a syllable, not the abbreviation TE (trẻ em).
    expect(analyze('bao hiem y te la gi').searchText).toBe('bao hiem y te');
  });

  it('falls back to the whole question when only a frame is left', () => {
    expect(analyze('Còn Khánh Hòa thì sao?').searchText).toBe('Còn Khánh Hòa thì sao');
  });

  it('notices questions about every plan', () => {
    expect(analyze('So sánh mục tiêu của các kế hoạch').wantsAllPlans).toBe(true);
    expect(analyze('Mỗi địa phương bố trí kinh phí thế nào?').wantsAllPlans).toBe(true);
    expect(analyze('Compare the targets of each plan').wantsAllPlans).toBe(true);
    expect(analyze('Mục tiêu của Bến Tre là gì?').wantsAllPlans).toBe(false);
  });

  it('passes out-of-corpus places through for the answerer to abstain', () => {
    expect(analyze('Đà Nẵng có bao nhiêu người khuyết tật?').localities).toMatchObject({ docIds: [], outOfCorpus: ['Đà Nẵng'] });
  });
});
