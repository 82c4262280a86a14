import { describe, expect, it } from 'vitest';
import type { Chunk, SourceDocument } from '../types.js';
import type { GoldPassage } from './load-eval-set.js';
import {
  abstentionScores,
  containsFact,
  firstRelevantRank,
  hasAllFacts,
  hitAtK,
  isGoldSection,
  isValidCitation,
  percentile,
  reciprocalRank,
  retrievalRanks,
  summarize,
  type QuestionRecord,
} from './metrics.js';

const chunk = (docId: string, section: string[], text: string): Chunk => ({ id: `${docId}#0`, docId, section, kind: 'body', start: 0, end: text.length, text });

describe('fact matching', () => {
  it('ignores case, diacritics and tone placement but not digits', () => {
    expect(containsFact('Định kỳ TRƯỚC NGÀY 10/11 hàng năm', ['trước ngày 10/11'])).toBe(true);
    expect(containsFact('dinh ky truoc ngay 10/11 hang nam', ['trước ngày 10/11'])).toBe(true);
    expect(containsFact('tỉnh Khánh Hoà', ['Khánh Hòa'])).toBe(true);
    expect(containsFact('trước ngày 10/12 hàng năm', ['10/11'])).toBe(false);
    expect(containsFact('có 176.367 người', ['176367'])).toBe(false);
  });

  it('accepts any variant and collapses hard-wrapped whitespace', () => {
    expect(containsFact('trước ngày 15 tháng 12', ['15/12', '15 tháng 12'])).toBe(true);
    expect(containsFact('(trước ngày 15/12\nhàng năm)', ['15/12 hàng năm'])).toBe(true);
  });

  it('requires every fact', () => {
    const facts = [['70%'], ['50%', '50 %']];
    expect(hasAllFacts('Bến Tre 70%, Khánh Hòa 50 %', facts)).toBe(true);
    expect(hasAllFacts('Bến Tre 70%', facts)).toBe(false);
    expect(hasAllFacts('anything', [])).toBe(true);
  });
});

describe('ranking', () => {
  it('finds the 1-based rank of the first relevant item within k', () => {
    expect(firstRelevantRank(['a', 'b', 'c'], (x) => x === 'b')).toBe(2);
    expect(firstRelevantRank(['a', 'b', 'c'], (x) => x === 'c', 2)).toBeNull();
    expect(firstRelevantRank([], () => true)).toBeNull();
  });

  it('computes hit@k and reciprocal rank with a cut-off', () => {
    expect(hitAtK(1, 1)).toBe(1);
    expect(hitAtK(3, 1)).toBe(0);
    expect(hitAtK(3, 5)).toBe(1);
    expect(hitAtK(null, 5)).toBe(0);
    expect(reciprocalRank(4, 10)).toBe(0.25);
    expect(reciprocalRank(11, 10)).toBe(0);
    expect(reciprocalRank(null, 10)).toBe(0);
  });

  it('ranks gold documents and gold sections separately', () => {
    const gold: GoldPassage[] = [{ docId: 'kh', section: '10. Các cơ sở trợ', quote: '(trước ngày 15/12' }];
    const hits = [
      chunk('ls', ['VI. TỔ CHỨC THỰC HIỆN'], 'trước ngày 10/11'),
      chunk('kh', ['VI. TỔ CHỨC THỰC HIỆN', '2. Sở Y tế'], 'Hỗ trợ công tác tập huấn'),
      chunk('kh', ['VI. TỔ CHỨC THỰC HIỆN', '10. Các cơ sở trợ giúp xã hội, cơ sở cai nghiện…'], 'Tổ chức khám'),
    ];
    expect(retrievalRanks(hits, gold)).toEqual({ docRank: 2, sectionRank: 3 });
    expect(retrievalRanks(hits, gold, 2)).toEqual({ docRank: 2, sectionRank: null });
  });
});

describe('isGoldSection', () => {
  const gold: GoldPassage[] = [{ docId: 'kh', section: 'VI. TỔ CHỨC THỰC HIỆN', quote: 'trước ngày 15/12 hàng năm' }];

  it('matches the section path by substring, folded', () => {
    expect(isGoldSection(chunk('kh', ['VI. Tổ chức thực hiện', '1. Sở Lao động'], 'x'), gold)).toBe(true);
    expect(isGoldSection(chunk('ls', ['VI. TỔ CHỨC THỰC HIỆN'], 'x'), gold)).toBe(false);
  });

  it('matches a chunk holding the quote even across a hard wrap', () => {
    expect(isGoldSection(chunk('kh', ['V. KINH PHÍ'], 'kỳ hàng năm (trước ngày 15/12\nhàng năm) báo cáo'), gold)).toBe(true);
  });

  it('matches an empty gold section only by quote', () => {
    const signer: GoldPassage[] = [{ docId: 'hl', section: '', quote: 'Trần Quốc Phong' }];
    expect(isGoldSection(chunk('hl', [], 'PHÓ CHỦ TỊCH\n\nTrần Quốc Phong'), signer)).toBe(true);
    expect(isGoldSection(chunk('hl', ['VI. TỔ CHỨC THỰC HIỆN'], 'Chủ trì, phối hợp'), signer)).toBe(false);
  });
});

describe('isValidCitation', () => {
  const doc = { meta: { id: 'd', title: 'T', sourceFile: 'd.txt' }, text: 'Một hai ba bốn năm', hash: 'h' } satisfies SourceDocument;

  it('requires the quote to be exactly the text at its offsets', () => {
    expect(isValidCitation({ quote: 'hai ba', start: 4, end: 10 }, doc)).toBe(true);
    expect(isValidCitation({ quote: 'hai ba ', start: 4, end: 10 }, doc)).toBe(false);
    expect(isValidCitation({ quote: 'hai ba', start: 5, end: 11 }, doc)).toBe(false);
    expect(isValidCitation({ quote: '', start: 4, end: 4 }, doc)).toBe(false);
    expect(isValidCitation({ quote: 'hai ba', start: 4, end: 10 }, undefined)).toBe(false);
  });
});

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(values, 50)).toBe(5.5);
    expect(percentile(values, 95)).toBeCloseTo(9.55, 10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('abstentionScores', () => {
  it('treats abstention as the positive class', () => {
    const outcomes = [
      { expectAbstain: true, abstained: true },
      { expectAbstain: true, abstained: false },
      { expectAbstain: false, abstained: true },
      { expectAbstain: false, abstained: false },
      { expectAbstain: false, abstained: false },
    ];
    expect(abstentionScores(outcomes)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('leaves precision undefined for a system that never abstains, and scores it F1 0', () => {
    expect(abstentionScores([{ expectAbstain: true, abstained: false }, { expectAbstain: false, abstained: false }])).toEqual({ precision: null, recall: 0, f1: 0 });
  });

  it('is undefined when nothing was expected or done', () => {
    expect(abstentionScores([{ expectAbstain: false, abstained: false }])).toEqual({ precision: null, recall: null, f1: null });
  });
});

describe('summarize', () => {
  const record = (overrides: Partial<QuestionRecord>): QuestionRecord => ({
    id: 'q001',
    set: 'seed',
    question: 'q',
    tags: ['vi', 'task'],
    expect: 'answer',
    standalone: 'q',
    answer: '',
    answered: true,
    facts: [],
    factsFound: true,
    hasGold: true,
    docRank: 1,
    sectionRank: 1,
    citations: [],
    latencyMs: 10,
    ...overrides,
  });

  it('aggregates retrieval, facts, citations, abstention and latency', () => {
    const metrics = summarize([
      record({ docRank: 1, sectionRank: 2, citations: [{ docId: 'a', section: '', fromGold: true, valid: true }], latencyMs: 10 }),
      record({ docRank: 4, sectionRank: null, factsFound: false, citations: [{ docId: 'b', section: '', fromGold: false, valid: false }], latencyMs: 30 }),
      record({ expect: 'abstain', hasGold: false, docRank: null, sectionRank: null, factsFound: null, answered: false, latencyMs: 20 }),
    ]);
    expect(metrics).toMatchObject({
      questions: 3,
      answerable: 2,
      unanswerable: 1,
      docHit1: 0.5,
      docHit5: 1,
      docMrr10: (1 + 0.25) / 2,
      sectionHit1: 0,
      sectionHit5: 0.5,
      sectionMrr10: 0.25,
      factAccuracy: 0.5,
      citationPrecision: 0.5,
      citationValidity: 0.5,
      abstentionPrecision: 1,
      abstentionRecall: 1,
      abstentionF1: 1,
      latencyP50: 20,
    });
  });

  it('gives null rather than a misleading zero for empty slices', () => {
    const metrics = summarize([record({ expect: 'abstain', hasGold: false, factsFound: null, answered: true })]);
    expect(metrics.docHit1).toBeNull();
    expect(metrics.factAccuracy).toBeNull();
    expect(metrics.citationValidity).toBeNull();
    expect(metrics.abstentionRecall).toBe(0);
  });
});
