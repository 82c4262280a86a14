import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../types.js';
import { documentName } from './citation-label.js';

const meta = (fields: Partial<DocumentMeta>): DocumentMeta => ({ id: 'x', title: 'x', sourceFile: 'x.txt', ...fields });

describe('documentName', () => {
  it('names a document by type, number, date and issuer, as officials cite it', () => {
    expect(documentName(meta({ type: 'Kế hoạch', number: '2618/KH-UBND', issuedDate: '2022-03-24', issuer: 'UBND tỉnh Khánh Hòa' }))).toBe(
      'Kế hoạch 2618/KH-UBND ngày 24/3/2022 của UBND tỉnh Khánh Hòa',
    );
    expect(documentName(meta({ type: 'Nghị định', number: '09/2025/NĐ-CP', issuedDate: '2025-01-10' }), 'en')).toBe('Decree 09/2025/NĐ-CP of 10/1/2025');
  });

  it('gives a date without its day as a month', () => {
    expect(documentName(meta({ type: 'Kế hoạch', issuedDate: '2022-01', issuer: 'UBND huyện Hữu Lũng' }))).toBe('Kế hoạch tháng 1/2022 của UBND huyện Hữu Lũng');
  });
});
