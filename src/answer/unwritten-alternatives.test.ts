import { describe, expect, it } from 'vitest';
import { unwrittenAlternatives } from './unwritten-alternatives.js';

describe('unwrittenAlternatives', () => {
  const plan = 'Các Sở, ban, ngành, UBND xã, phường báo cáo kết quả trước ngày 15 hằng tháng.';

  it('gives the syllables of the ways of wording a term the documents never write, beside one they do', () => {
    expect([...unwrittenAlternatives([['xã', 'phường', 'thị trấn']], [plan])]).toEqual(['thị', 'trấn']);
  });

  it('leaves a term none of whose ways the documents write', () => {
    expect([...unwrittenAlternatives([['đào tạo', 'tập huấn']], [plan])]).toEqual([]);
  });
});
