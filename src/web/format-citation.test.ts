import { describe, expect, it } from 'vitest';
import type { Citation, DocumentMeta } from '../types.js';
import { citationReference, withReferences } from './format-citation.js';

const khanhHoa: DocumentMeta = {
  id: 'khanh-hoa-2618-2022',
  type: 'Kế hoạch',
  title: 'Kế hoạch triển khai thực hiện Chương trình',
  number: '2618/KH-UBND',
  issuer: 'UBND tỉnh Khánh Hòa',
  issuedDate: '2022-09-20',
  sourceFile: 'khanh-hoa.txt',
};

const citation = (fields: Partial<Citation>): Citation => ({
  n: 1,
  docId: 'khanh-hoa-2618-2022',
  docTitle: khanhHoa.title,
  docName: 'Kế hoạch 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa',
  section: 'VI. TỔ CHỨC THỰC HIỆN › 2. Sở Y tế',
  quote: 'Sở Y tế chủ trì…',
  start: 0,
  end: 10,
  chunkId: 'khanh-hoa-2618-2022#3',
  score: 1,
  ...fields,
});

describe('citationReference', () => {
  it('names a plan by type, number, date and issuer, and its place as a numbered section', () => {
    expect(citationReference(citation({ label: 'VI › 2' }), khanhHoa)).toBe('Kế hoạch số 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, mục VI › 2');
  });

  it('names an article, a clause or an appendix as it is printed', () => {
    const decree: DocumentMeta = { id: 'nd-171', type: 'Nghị định', title: 'Nghị định', number: '171/2025/NĐ-CP', issuer: 'Chính phủ', issuedDate: '2025-06-30', sourceFile: 'nd.txt' };
    expect(citationReference(citation({ label: 'Điều 7 › khoản 2 › điểm a' }), decree)).toBe('Nghị định số 171/2025/NĐ-CP ngày 30/6/2025 của Chính phủ, Điều 7 › khoản 2 › điểm a');
    expect(citationReference(citation({ label: 'Phụ lục I' }), khanhHoa)).toMatch(/, Phụ lục I$/);
  });

  it('writes a date without its day as a month', () => {
    const huuLung: DocumentMeta = { id: 'huu-lung', title: 'Kế hoạch', issuer: 'UBND huyện Hữu Lũng', issuedDate: '2022-01', sourceFile: 'huu-lung.txt' };
    expect(citationReference(citation({ label: 'I › 2' }), huuLung)).toBe('Kế hoạch tháng 1/2022 của UBND huyện Hữu Lũng, mục I › 2');
  });

  it('leaves out what the metadata lacks, and falls back to the section path without a label', () => {
    const haNoi: DocumentMeta = { id: 'ha-noi', title: 'Kế hoạch của Hà Nội', issuer: 'Ủy ban nhân dân thành phố Hà Nội', sourceFile: 'ha-noi.txt' };
    expect(citationReference(citation({ label: undefined, section: 'II. NHIỆM VỤ' }), haNoi)).toBe('Kế hoạch của Ủy ban nhân dân thành phố Hà Nội, II. NHIỆM VỤ');
  });

  it('uses the name the answer gave when the document is gone from the collection', () => {
    expect(citationReference(citation({ label: 'VI › 2' }))).toBe('Kế hoạch 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, mục VI › 2');
  });
});

describe('withReferences', () => {
  it('adds the reference to every citation and keeps the rest', () => {
    const [first] = withReferences([citation({ label: 'VI › 2' })], (id) => (id === khanhHoa.id ? khanhHoa : undefined));
    expect(first).toMatchObject({ n: 1, quote: 'Sở Y tế chủ trì…', reference: 'Kế hoạch số 2618/KH-UBND ngày 20/9/2022 của UBND tỉnh Khánh Hòa, mục VI › 2' });
  });
});
