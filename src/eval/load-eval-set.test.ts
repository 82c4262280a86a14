import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { loadEvalSet, parseEvalSet, type EvalQuestion } from './load-eval-set.js';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'corpus/manifest.json'), 'utf8')) as { documents: { id: string; sourceFile: string }[] };
const texts = new Map(manifest.documents.map((doc) => [doc.id, readFileSync(path.join(root, 'corpus', doc.sourceFile), 'utf8')]));

const line = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'q001', question: 'Ai ký?', tags: ['vi', 'signer'], gold: [{ docId: 'd', section: '', quote: 'X' }], facts: [['X']], expect: 'answer', ...overrides });

const failure = (text: string): string => {
  try {
    parseEvalSet(text, 'set.jsonl');
  } catch (error) {
    if (isAppError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected parseEvalSet to fail');
};

describe('parseEvalSet', () => {
  it('parses JSON lines and skips blank lines', () => {
    const set = parseEvalSet(`${line()}\n\n${line({ id: 'q002' })}\n`);
    expect(set.map((entry) => entry.id)).toEqual(['q001', 'q002']);
  });

  it('names the line of invalid JSON', () => {
    expect(failure(`${line()}\n{oops`)).toBe('invalid_json: set.jsonl, line 2: not valid JSON');
  });

  it('rejects entries that break the format', () => {
    expect(failure(line({ tags: ['vi', 'en', 'signer'] }))).toMatch(/exactly one of vi, vi-nodiac, en/);
    expect(failure(line({ tags: ['vi'] }))).toMatch(/tags/);
    expect(failure(line({ tags: ['vi', 'signer', 'unanswerable'] }))).toMatch(/"unanswerable" tag and expect "abstain" go together/);
    expect(failure(line({ gold: [], facts: [] }))).toMatch(/needs gold passages and facts/);
    expect(failure(line({ tags: ['vi', 'signer', 'follow-up'] }))).toMatch(/follow-up needs its history/);
    expect(failure(line({ extra: 1 }))).toMatch(/^invalid_request: set.jsonl, line 1/);
  });

  it('rejects duplicate ids', () => {
    expect(failure(`${line()}\n${line()}`)).toBe('invalid_request: set.jsonl, line 2: duplicate id q001');
  });
});

describe('the evaluation set (eval/questions.jsonl)', async () => {
  const set: EvalQuestion[] = await loadEvalSet(path.join(root, 'eval/questions.jsonl'));
  const withTag = (tag: string) => set.filter((entry) => entry.tags.includes(tag as never)).length;

  it('is large enough and meets the per-tag minimums', () => {
    expect(set.length).toBeGreaterThanOrEqual(130);
    const minimums: Record<string, number> = { unanswerable: 20, 'vi-nodiac': 15, en: 15, 'follow-up': 10, comparison: 10, abbreviation: 15 };
    for (const [tag, minimum] of Object.entries(minimums)) expect(withTag(tag), tag).toBeGreaterThanOrEqual(minimum);
    for (const topic of ['target', 'task', 'funding', 'duty', 'deadline', 'statistics', 'legal-basis', 'signer', 'date', 'scope']) {
      expect(withTag(topic), topic).toBeGreaterThan(0);
    }
  });

  it('covers every plan', () => {
    for (const docId of texts.keys()) {
      expect(set.filter((entry) => entry.gold.some((gold) => gold.docId === docId)).length, docId).toBeGreaterThanOrEqual(10);
    }
  });
});
