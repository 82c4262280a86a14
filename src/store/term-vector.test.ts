import { describe, expect, it } from 'vitest';
import { termVector } from './term-vector.js';

describe('termVector', () => {
  it('gives every occurrence its own position, weighted by field, and counts the tokens', () => {
    const vector = termVector({ section: ['mục tiêu', 'mục'], text: ['người', 'cao', 'tuổi', 'người'], source: ["it's", 'a\\b'] });
    expect(vector.literal).toBe("'mục_tiêu':1A 'mục':2A 'người':3B,6B 'cao':4B 'tuổi':5B 'it_s':7C 'a_b':8C");
    expect(vector.tokenCount).toBe(8);
    expect([...vector.counts]).toEqual([
      ['mục_tiêu', [1, 0, 0]],
      ['mục', [1, 0, 0]],
      ['người', [0, 2, 0]],
      ['cao', [0, 1, 0]],
      ['tuổi', [0, 1, 0]],
      ['it_s', [0, 0, 1]],
      ['a_b', [0, 0, 1]],
    ]);
  });

  it('drops terms that are no token at all', () => {
    expect(termVector({ section: [], text: ['--', 'x'], source: [] })).toMatchObject({ literal: "'x':1B", tokenCount: 1 });
  });
});
