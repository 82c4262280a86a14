import { describe, expect, it } from 'vitest';
import { memoize } from './memo-cache.js';

describe('memoize', () => {
  it('computes a key once while it is among the recent ones, and holds at most about twice the limit', () => {
    const computed: number[] = [];
    const square = memoize((n: number) => (computed.push(n), n * n), 2);
    expect([square(1), square(2), square(1)]).toEqual([1, 4, 1]);
    expect(computed).toEqual([1, 2]);
    // 3 fills a new generation; 1 and 2 are still found in the older one, and move up.
    expect([square(3), square(1)]).toEqual([9, 1]);
    expect(computed).toEqual([1, 2, 3]);
    // Two generations later, 2 was never used again: it is computed anew.
    square(4);
    square(5);
    square(6);
    expect(square(2)).toBe(4);
    expect(computed).toEqual([1, 2, 3, 4, 5, 6, 2]);
  });
});
