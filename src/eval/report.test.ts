import { describe, expect, it } from 'vitest';
import { renderHtml } from './report-html.js';
import { buildSystemReport, isFailure, renderFailures, renderMarkdown, renderTable, type EvalReport } from './report.js';
import type { QuestionRecord } from './metrics.js';

const record = (overrides: Partial<QuestionRecord>): QuestionRecord => ({
  id: 'q001',
  set: 'seed',
  question: 'Ai ký kế hoạch?',
  tags: ['vi', 'signer'],
  expect: 'answer',
  standalone: 'Ai ký kế hoạch?',
  answer: 'Đinh Văn Thiệu [1]',
  answered: true,
  facts: [['Đinh Văn Thiệu']],
  factsFound: true,
  hasGold: true,
  docRank: 1,
  sectionRank: 1,
  citations: [{ docId: 'kh', section: '', fromGold: true, valid: true }],
  latencyMs: 12,
  ...overrides,
});

const records = [
  record({}),
  record({ id: 'q002', question: 'Còn <b>Hà Nội</b>?', standalone: 'Ai ký kế hoạch Hà Nội?', tags: ['vi', 'follow-up', 'signer'], factsFound: false, answer: 'Không rõ' }),
  record({ id: 'q003', question: 'Thời tiết?', tags: ['vi', 'unanswerable', 'scope'], expect: 'abstain', hasGold: false, factsFound: null, answered: true, citations: [] }),
];

const report: EvalReport = {
  generatedAt: '2024-01-01T00:00:00.000Z',
  title: 'the development part of the seed set',
  filter: null,
  mode: 'lexical',
  modelId: null,
  systems: [buildSystemReport('project', 'lexical', records), buildSystemReport('<script>alert(1)</script>', 'lexical', records)],
  records,
};

describe('report', () => {
  it('breaks metrics down by the tags present, in the fixed tag order', () => {
    expect(report.systems[0].byTag.map((entry) => entry.tag)).toEqual(['vi', 'follow-up', 'unanswerable', 'signer', 'scope']);
    expect(report.systems[0].byTag.find((entry) => entry.tag === 'signer')?.metrics.factAccuracy).toBe(0.5);
  });

  it('prints one aligned table with a row per slice and system', () => {
    const lines = renderTable(report).trimEnd().split('\n');
    expect(lines[1]).toMatch(/^slice\s+system\s+n\s+doc@1/);
    expect(lines.filter((line) => line.startsWith('overall'))).toHaveLength(2);
    expect(lines).toHaveLength(3 + 6 * 2);
    expect(new Set(lines.slice(1).map((line) => line.length)).size).toBe(1);
  });

  it('renders Markdown with the systems side by side', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| metric | project (lexical) |');
    expect(markdown).toContain('| facts — answerable questions whose answer holds every key fact | 0.500 |');
  });

  it('renders a self-contained, escaped HTML page with an SVG chart', () => {
    const html = renderHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/(src|href)="?https?:/);
    expect(html).toContain('"Segoe UI"');
  });

  it('lists failures with expected facts, the rewrite and the citations', () => {
    expect(records.map(isFailure)).toEqual([false, true, true]);
    const text = renderFailures('project', records);
    expect(text).toContain('project: 2 of 3 questions failed');
    expect(text).toContain('✗ q002 [vi, follow-up, signer] Còn <b>Hà Nội</b>?\n  rewritten: Ai ký kế hoạch Hà Nội?\n  expected: Đinh Văn Thiệu\n  got (answered): Không rõ\n  cited: kh');
    expect(text).toContain('expected: an abstention');
  });
});
