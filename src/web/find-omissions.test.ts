import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOmissions } from './find-omissions.js';

describe('findOmissions', () => {
  it('finds the cut in the Bến Tre plan, which the corpus holds as an excerpt', () => {
    const text = readFileSync(new URL('../../corpus/ben-tre-8557-2021.txt', import.meta.url), 'utf8');
    const marks = findOmissions(text);
    expect(marks).toHaveLength(1);
    expect(text.slice(marks[0].start, marks[0].end)).toBe('[...]');
  });

  it.each(['ha-noi-2021-2030', 'khanh-hoa-2618-2022', 'lang-son-thanh-pho-2024', 'huu-lung-2022'])('finds none in the whole plan %s', (name) => {
    expect(findOmissions(readFileSync(new URL(`../../corpus/${name}.txt`, import.meta.url), 'utf8'))).toEqual([]);
  });

  it('takes only a mark standing on its own line, with either ellipsis', () => {
    const text = 'Mở đầu.\n  […]  \nGiữa, như đã nêu [...] trong câu.\n[....]\nHết.\n[..]\n';
    expect(findOmissions(text).map(({ start, end }) => text.slice(start, end))).toEqual(['[…]', '[....]']);
  });
});
