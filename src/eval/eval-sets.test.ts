import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvalSets, partOf, splitGroup } from './eval-sets.js';
import type { EvalQuestion } from './load-eval-set.js';
import { containsFact } from './metrics.js';

const root = path.resolve(import.meta.dirname, '../..');

const question = (overrides: Partial<EvalQuestion>): EvalQuestion => ({
  id: 'x001',
  question: 'Ai ký?',
  tags: ['vi', 'signer'],
  gold: [{ docId: 'd', section: '', quote: 'Nguyễn Văn A' }],
  facts: [['Nguyễn Văn A']],
  expect: 'answer',
  ...overrides,
});

describe('the split into development and test parts', () => {
  it('puts questions on one gold passage on the same side, whatever their wording or language', () => {
    const asked = question({});
    const inEnglish = question({ id: 'x002', question: 'Who signed?', tags: ['en', 'signer'] });
    expect(splitGroup(asked)).toBe(splitGroup(inEnglish));
    expect(partOf(asked, false)).toBe(partOf(inEnglish, false));
  });

  it('keeps questions the answerer was tuned on in the development part', () => {
    const candidates = Array.from({ length: 20 }, (_, index) => question({ gold: [{ docId: 'd', section: '', quote: `câu ${index}` }] }));
    expect(new Set(candidates.map((entry) => partOf(entry, false)))).toEqual(new Set(['dev', 'test']));
    expect(new Set(candidates.map((entry) => partOf(entry, true)))).toEqual(new Set(['dev']));
  });
});

/** Raw texts of a set's documents by id: the manifest's ids where a folder has one, else the file name. */
function documentTexts(folders: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const folder of folders) {
    const manifestPath = path.join(folder, 'manifest.json');
    const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { documents: { id: string; sourceFile: string }[] }).documents : [];
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.txt'))) {
      const id = manifest.find((entry) => entry.sourceFile === file)?.id ?? file.replace(/\.txt$/, '');
      texts.set(id, readFileSync(path.join(folder, file), 'utf8'));
    }
  }
  return texts;
}

describe('the evaluation sets (eval/sets.json)', async () => {
  const sets = await loadEvalSets(root);
  const all = sets.flatMap((set) => set.questions);

  it('keeps its frozen test part: eval/test-part.txt lists exactly the questions the split rule puts there', () => {
    const frozen = readFileSync(path.join(root, 'eval/test-part.txt'), 'utf8').split('\n').filter(Boolean).sort();
    expect(all.filter((entry) => entry.part === 'test').map((entry) => entry.id).sort()).toEqual(frozen);
    expect(frozen.length).toBeGreaterThanOrEqual(100);
  });

  for (const set of sets) {
    describe(`set ${set.name}`, () => {
      const texts = documentTexts(set.corpus);

      it('quotes every gold passage verbatim from its document', () => {
        const broken = set.questions.flatMap((entry) =>
          entry.gold.filter((gold) => !texts.get(gold.docId)?.includes(gold.quote)).map((gold) => `${entry.id}: ${gold.docId} "${gold.quote}"`),
        );
        expect(broken).toEqual([]);
      });

      it('has every key fact in its gold documents (after normalisation)', () => {
        const missing = set.questions.flatMap((entry) => {
          const goldText = [...new Set(entry.gold.map((gold) => gold.docId))].map((docId) => texts.get(docId) ?? '').join('\n');
          return entry.facts.filter((variants) => !containsFact(goldText, variants)).map((variants) => `${entry.id}: ${variants.join(' / ')}`);
        });
        expect(missing).toEqual([]);
      });

      it('asks comparisons across several documents', () => {
        const single = set.questions.filter((entry) => entry.tags.includes('comparison') && new Set(entry.gold.map((gold) => gold.docId)).size < 2);
        expect(single.map((entry) => entry.id)).toEqual([]);
      });
    });
  }

  it('has no question or history text anywhere in src/, tests included', () => {
    const sourceFiles = (readdirSync(path.join(root, 'src'), { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file));
    const sources = sourceFiles.map((file) => ({ file, text: readFileSync(path.join(root, 'src', file), 'utf8') }));
    const leaks = all.flatMap((entry) =>
      [entry.question, ...(entry.history ?? []).map((turn) => turn.content)].flatMap((asked) =>
        sources.filter(({ text }) => text.includes(asked)).map(({ file }) => `${entry.id} in src/${file}: ${asked}`),
      ),
    );
    expect(leaks).toEqual([]);
  });
});
