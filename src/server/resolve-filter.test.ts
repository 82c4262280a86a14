import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../types.js';
import { resolveFilter } from './resolve-filter.js';

const doc = (id: string, fields: Partial<DocumentMeta>): DocumentMeta => ({ id, title: id, sourceFile: `${id}.txt`, ...fields });
const catalogue = [
  doc('ben-tre', { province: 'Bến Tre', locality: 'Tỉnh Bến Tre' }),
  doc('huu-lung', { province: 'Lạng Sơn', locality: 'Huyện Hữu Lũng' }),
  doc('lang-son', { type: 'Kế hoạch', province: 'Lạng Sơn', locality: 'Thành phố Lạng Sơn' }),
  doc('nd-171', { type: 'Nghị định', level: 'quốc gia' }),
];

describe('resolveFilter', () => {
  it('leaves a request without places or types as it is', () => {
    expect(resolveFilter(catalogue, {})).toBeUndefined();
    expect(resolveFilter(catalogue, { docIds: [] })).toBeUndefined();
    expect(resolveFilter(catalogue, { docIds: ['nd-171'] })).toEqual(['nd-171']);
  });

  it('takes a place as a province or a locality, without case or accents, several places adding up', () => {
    expect(resolveFilter(catalogue, { places: ['Lạng Sơn'] })).toEqual(['huu-lung', 'lang-son']);
    expect(resolveFilter(catalogue, { places: ['huyen huu lung'] })).toEqual(['huu-lung']);
    expect(resolveFilter(catalogue, { places: ['Bến Tre', 'Huyện Hữu Lũng'] })).toEqual(['ben-tre', 'huu-lung']);
  });

  it('narrows by type (untyped documents count as plans), and each kind of filter narrows the others', () => {
    expect(resolveFilter(catalogue, { types: ['Nghị định'] })).toEqual(['nd-171']);
    expect(resolveFilter(catalogue, { types: ['kế hoạch'], places: ['Lạng Sơn'] })).toEqual(['huu-lung', 'lang-son']);
    expect(resolveFilter(catalogue, { docIds: ['ben-tre', 'lang-son'], places: ['Lạng Sơn'] })).toEqual(['lang-son']);
  });

  it('refuses a filter no document passes with a 400 naming it', () => {
    expect(() => resolveFilter(catalogue, { types: ['Nghị định'], places: ['Bến Tre'] })).toThrow(/Không có văn bản nào thuộc phạm vi đã chọn \(địa phương: Bến Tre; loại: Nghị định\)/);
    try {
      resolveFilter(catalogue, { places: ['Cà Mau'] });
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_request', status: 400 });
    }
    expect.assertions(2);
  });
});
