import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../types.js';
import { buildGlossary } from './build-glossary.js';

const doc = (id: string, text: string): SourceDocument => ({ meta: { id, title: id, sourceFile: `${id}.txt` }, text, hash: '' });

describe('buildGlossary', () => {
  it('finds where a plan spells an abbreviation out, across a line wrap and with markdown before it', async () => {
    const text = 'Chăm sóc **người\ncao tuổi (NCT) và người khuyết tật (NKT); thẻ BHYT.';
    const entries = await buildGlossary(async () => [doc('a', text)], new Map([['NCT', 'người cao tuổi'], ['NKT', 'người khuyết tật'], ['BHYT', 'bảo hiểm y tế']]));
    const byAbbreviation = new Map(entries.map((entry) => [entry.abbreviation, entry]));
    const nct = byAbbreviation.get('NCT')!.definitions[0];
    expect(text.slice(nct.start, nct.end)).toBe('người\ncao tuổi (NCT)');
    const nkt = byAbbreviation.get('NKT')!.definitions[0];
    expect(text.slice(nkt.start, nkt.end)).toBe('người khuyết tật (NKT)');
    expect(byAbbreviation.get('BHYT')).toMatchObject({ definitions: [], usedIn: ['a'] });
  });

  it('matches whole abbreviations only, and tone-placement variants of the expansion', async () => {
    const entries = await buildGlossary(async () => [doc('a', 'tỉnh Khánh Hoà (KH); TPHCM')], new Map([['KH', 'Khánh Hòa'], ['TP', 'thành phố']]));
    expect(entries.map((entry) => entry.abbreviation)).toEqual(['KH']);
    expect(entries[0].definitions).toHaveLength(1);
  });

  it('finds the definitions the real plans give', async () => {
    const text = await readFile(new URL('../../corpus/lang-son-thanh-pho-2024.txt', import.meta.url), 'utf8');
    const entries = await buildGlossary(async () => [doc('lang-son', text)], new Map([['BHYT', 'bảo hiểm y tế'], ['NKT', 'người khuyết tật']]));
    for (const entry of entries) {
      expect(entry.definitions.length).toBeGreaterThan(0);
      const { start, end } = entry.definitions[0];
      expect(text.slice(start, end)).toMatch(new RegExp(`${entry.expansion}\\s*\\(${entry.abbreviation}\\)$`, 'i'));
    }
  });
});
