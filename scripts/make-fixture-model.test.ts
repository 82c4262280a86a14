import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildVocab, FIXTURE_MODEL_DIR, makeFixtureModel } from './make-fixture-model.js';

const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const generate = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fixture-model-'));
  tempDirs.push(dir);
  await makeFixtureModel({ corpusDir: CORPUS, outDir: dir });
  return dir;
};

describe('makeFixtureModel', () => {
  it('is reproducible, and the committed fixture is its current output', async () => {
    const [first, second] = [await generate(), await generate()];
    for (const file of FILES) {
      const bytes = await readFile(path.join(first, file));
      expect(bytes.equals(await readFile(path.join(second, file))), file).toBe(true);
      expect(bytes.equals(await readFile(path.join(FIXTURE_MODEL_DIR, file))), `${file} is stale: run npm run fixture:model`).toBe(true);
    }
  });

  it('stays small', async () => {
    const sizes = await Promise.all(FILES.map(async (file) => (await readFile(path.join(FIXTURE_MODEL_DIR, file))).length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('buildVocab', () => {
  const vocab = buildVocab(['Chăm sóc sức khỏe người cao tuổi. Chăm sóc trẻ em!', 'Sức khỏe là vốn quý'], 4);

  it('starts with the special tokens and has no duplicates', () => {
    expect(vocab.slice(0, 5)).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
    expect(new Set(vocab).size).toBe(vocab.length);
  });

  it('keeps the most frequent lower-cased syllables with their folded forms', () => {
    for (const token of ['chăm', 'khỏe', 'sóc', 'sức', 'cham', 'khoe', 'soc', 'suc']) expect(vocab).toContain(token);
    expect(vocab).not.toContain('người'); // appears once: below the cut
    expect(vocab).not.toContain('Chăm');
  });

  it('covers every Vietnamese letter, alone and as a continuation', () => {
    for (const letter of ['đ', 'ỡ', 'ự', 'ặ', 'ỹ', 'a', 'z', '9', '!']) {
      expect(vocab).toContain(letter);
      expect(vocab).toContain(`##${letter}`);
    }
  });
});
