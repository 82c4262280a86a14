import { describe, expect, it } from 'vitest';
import { parsePassageHash, passagePath } from './passage-link.js';

describe('passage links', () => {
  it('reads back exactly the offsets a link was built with', () => {
    const path = passagePath('khanh-hoa-2618-2022', 1234, 1580);
    expect(path).toBe('/docs/khanh-hoa-2618-2022#q-1234-1580');
    expect(parsePassageHash(path.slice(path.indexOf('#')))).toEqual({ start: 1234, end: 1580 });
  });

  it.each(['', '#', '#1234-1580', '#q-10', '#q-10-10', '#q-20-10', '#q-1-2x', '#h-120'])('ignores %j', (hash) => {
    expect(parsePassageHash(hash)).toBeNull();
  });
});
