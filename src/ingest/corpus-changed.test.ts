import { cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusChanged } from './corpus-changed.js';
import { loadCorpus } from './load-corpus.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corpus-changed-'));
  await cp(join(import.meta.dirname, '../../corpus'), dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('corpusChanged', () => {
  it('is false for the documents as indexed, and notices an edit, an addition and a removal', async () => {
    const { documents } = await loadCorpus(dir);
    expect(await corpusChanged(dir, documents)).toBe(false);

    await writeFile(join(dir, 'ben-tre-8557-2021.txt'), 'Kế hoạch sửa đổi.\n');
    expect(await corpusChanged(dir, documents)).toBe(true);

    const edited = (await loadCorpus(dir)).documents;
    await writeFile(join(dir, 'moi.txt'), 'KẾ HOẠCH mới\n');
    expect(await corpusChanged(dir, edited)).toBe(true);

    await unlink(join(dir, 'moi.txt'));
    await unlink(join(dir, 'ha-noi-2021-2030.txt'));
    expect(await corpusChanged(dir, edited)).toBe(true);
  });

  it('ignores files that are not documents', async () => {
    const { documents } = await loadCorpus(dir);
    await writeFile(join(dir, 'notes.md'), '# ghi chú');
    expect(await corpusChanged(dir, documents)).toBe(false);
  });
});
