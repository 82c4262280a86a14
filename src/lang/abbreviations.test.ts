import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abbreviationKey, buildAbbreviationTable, CURATED_ABBREVIATIONS, extractAbbreviations, lookupAbbreviation } from './abbreviations.js';
import { matchKey } from './normalize.js';

const corpusText = (file: string) => readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');

describe('extractAbbreviations', () => {
  it('finds the definitions the plans make themselves, with the words before the parenthesis', () => {
    const table = buildAbbreviationTable(['huu-lung-2022.txt', 'lang-son-thanh-pho-2024.txt'].map(corpusText));
    expect(table.get('NCT')).toBe('người cao tuổi');
    expect(table.get('NKT')).toBe('người khuyết tật');
    expect(table.get('BHYT')).toBe('bảo hiểm y tế');
    expect(matchKey(table.get('UBND')!)).toBe('uy ban nhan dan');
    // the expansion may hold a "và" the abbreviation leaves out
    expect(table.get('BVCSGDTE')).toBe('bảo vệ chăm sóc và giáo dục trẻ em');
  });

  it('matches initials on folded letters, Đ as D and "&" as "và", across hard wraps', () => {
    const found = extractAbbreviations('Sở Lao động - Thương binh và\nXã hội (LĐ-TB&XH); Hội đồng nhân dân (HĐND) và Thủ tướng (TTg)');
    expect(Object.fromEntries(found)).toEqual({ 'LĐ-TB&XH': 'Lao động - Thương binh và Xã hội', HĐND: 'Hội đồng nhân dân', TTg: 'Thủ tướng' });
  });

  it('also reads the abbreviation-first form and ignores parentheses that are not definitions', () => {
    const found = extractAbbreviations('thẻ BHYT (bảo hiểm y tế) cho người dân (NCT); theo Kế hoạch (KH-UBND); gửi (*do Phòng LĐ-TB&XH gửi*)');
    expect(Object.fromEntries(found)).toEqual({ BHYT: 'bảo hiểm y tế' });
  });
});

describe('curated abbreviations', () => {
  it('looks up by the folded lower-case key people type', () => {
    expect(abbreviationKey('LĐ-TB&XH')).toBe('ldtbxh');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'bhyt')).toEqual({ abbreviation: 'BHYT', expansion: 'bảo hiểm y tế' });
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'nkt')?.expansion).toBe('người khuyết tật');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'ldtbxh')?.expansion).toBe('Lao động - Thương binh và Xã hội');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'LĐ-TB&XH')?.abbreviation).toBe('LĐ-TB&XH');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'xyz')).toBeUndefined();
  });

  it('covers the abbreviations of every field of administration, read from the data pack', () => {
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'thpt')?.expansion).toBe('trung học phổ thông');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'pctt')?.expansion).toBe('phòng, chống thiên tai');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'dtts')?.expansion).toBe('dân tộc thiểu số');
    // State secrets, personal data, the banks and treasury, schools and teachers, digital government.
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'bmnn')?.expansion).toBe('bí mật nhà nước');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'dlcn')?.expansion).toBe('dữ liệu cá nhân');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'KBNN')?.expansion).toBe('Kho bạc Nhà nước');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'GV')?.expansion).toBe('giáo viên');
    expect(lookupAbbreviation(CURATED_ABBREVIATIONS, 'csdlqg')?.expansion).toBe('cơ sở dữ liệu quốc gia');
  });

  it('finds by key the first of the spellings a table holds, and reads a new table afresh', () => {
    const table = new Map([['ĐTN', 'đoàn thanh niên'], ['DTN', 'dân tộc người']]);
    expect(lookupAbbreviation(table, 'dtn')).toEqual({ abbreviation: 'ĐTN', expansion: 'đoàn thanh niên' });
    expect(lookupAbbreviation(new Map([['DTN', 'dân tộc người']]), 'dtn')?.expansion).toBe('dân tộc người');
  });
});
