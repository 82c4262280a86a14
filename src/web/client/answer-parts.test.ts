import { describe, expect, it } from 'vitest';
import { splitAnswer } from './answer-parts.js';

describe('splitAnswer', () => {
  it('turns known markers into citations and keeps the text around them', () => {
    expect(splitAnswer('Người có công [1] và người cao tuổi [2].', new Set([1, 2]))).toEqual([
      { kind: 'text', text: 'Người có công ' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: ' và người cao tuổi ' },
      { kind: 'cite', n: 2 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('expands grouped markers', () => {
    expect(splitAnswer('Hạn 15/12 [1, 3].', new Set([1, 3]))).toEqual([
      { kind: 'text', text: 'Hạn 15/12 ' },
      { kind: 'cite', n: 1 },
      { kind: 'cite', n: 3 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves unknown numbers and half-streamed markers as text', () => {
    expect(splitAnswer('Xem [7] và [1', new Set([1]))).toEqual([{ kind: 'text', text: 'Xem [7] và [1' }]);
  });
});
