// Scoring for the evaluation: retrieval ranks, key facts, citations, abstention and latency.
import { matchKey } from '../lang/normalize.js';
import { formatSection, type AnsweredBy, type Chunk, type Citation, type FallbackReason, type SourceDocument } from '../types.js';
import type { GoldPassage } from './load-eval-set.js';

/** Text as compared for facts, sections and quotes: case, diacritics and spacing ignored; digits and punctuation kept. */
export const matchText = (text: string): string => matchKey(text).replace(/\s+/g, ' ').trim();

export const containsFact = (answer: string, variants: readonly string[]): boolean => {
  const haystack = matchText(answer);
  return variants.some((variant) => haystack.includes(matchText(variant)));
};

export const hasAllFacts = (answer: string, facts: readonly (readonly string[])[]): boolean => facts.every((variants) => containsFact(answer, variants));

/** 1-based rank of the first relevant item among the first `k`, or null. */
export function firstRelevantRank<T>(ranked: readonly T[], isRelevant: (item: T) => boolean, k = ranked.length): number | null {
  const index = ranked.slice(0, k).findIndex(isRelevant);
  return index === -1 ? null : index + 1;
}

export const hitAtK = (rank: number | null, k: number): number => (rank !== null && rank <= k ? 1 : 0);

export const reciprocalRank = (rank: number | null, k: number): number => (rank !== null && rank <= k ? 1 / rank : 0);

export const isGoldDocument = (chunk: Pick<Chunk, 'docId'>, gold: readonly GoldPassage[]): boolean => gold.some((passage) => passage.docId === chunk.docId);

/**
 * A chunk of a gold document whose section path contains the gold section, or whose text contains the gold quote
 * (an empty gold section — front or back matter without a heading — can only match by quote).
 */
export const isGoldSection = (chunk: Pick<Chunk, 'docId' | 'section' | 'text'>, gold: readonly GoldPassage[]): boolean =>
  gold.some(
    (passage) =>
      passage.docId === chunk.docId &&
      ((passage.section !== '' && matchText(formatSection(chunk.section)).includes(matchText(passage.section))) || matchText(chunk.text).includes(matchText(passage.quote))),
  );

/** A citation is valid when its document exists and the quote is exactly the text at its offsets. */
export const isValidCitation = (citation: Pick<Citation, 'quote' | 'start' | 'end'>, document: SourceDocument | undefined): boolean =>
  document !== undefined && citation.start >= 0 && citation.end > citation.start && document.text.slice(citation.start, citation.end) === citation.quote;

/** Linear interpolation between closest ranks (numpy's default); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export interface AbstentionScores {
  /** Share of abstentions that were on unanswerable questions; null when the system never abstained. */
  precision: number | null;
  /** Share of unanswerable questions the system abstained on; null when there were none. */
  recall: number | null;
  /** Harmonic mean of precision and recall; 0 when either is 0 or undefined but the other is defined. */
  f1: number | null;
}

/** Abstention as the positive class: answered=false on a question expected to be abstained on. */
export function abstentionScores(outcomes: readonly { expectAbstain: boolean; abstained: boolean }[]): AbstentionScores {
  const truePositives = outcomes.filter((outcome) => outcome.expectAbstain && outcome.abstained).length;
  const precision = ratio(truePositives, outcomes.filter((outcome) => outcome.abstained).length);
  const recall = ratio(truePositives, outcomes.filter((outcome) => outcome.expectAbstain).length);
  if (precision === null && recall === null) return { precision, recall, f1: null };
  const p = precision ?? 0;
  const r = recall ?? 0;
  return { precision, recall, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export interface CitationRecord {
  docId: string;
  section: string;
  /** From one of the question's gold documents. */
  fromGold: boolean;
  valid: boolean;
}

/** What one system did on one question, already scored. */
export interface QuestionRecord {
  id: string;
  /** The evaluation set (collection) it was asked of. */
  set: string;
  question: string;
  tags: readonly string[];
  expect: 'answer' | 'abstain';
  /** The question actually searched and answered (the follow-up rewrite for the project). */
  standalone: string;
  answer: string;
  answered: boolean;
  facts: readonly (readonly string[])[];
  /** Every key fact found in the answer; null when an abstention is expected. */
  factsFound: boolean | null;
  hasGold: boolean;
  /** Rank (1-based, within the top 10) of the first chunk from a gold document; null if none. */
  docRank: number | null;
  /** Same for a chunk of the gold section (or containing the gold quote). */
  sectionRank: number | null;
  citations: CitationRecord[];
  latencyMs: number;
  /** Which strategy wrote the answer, and why a model's answer was not given (`--llm`). */
  answeredBy?: AnsweredBy;
  fallbackReason?: FallbackReason;
}

export interface SliceMetrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  docHit1: number | null;
  docHit5: number | null;
  docMrr10: number | null;
  sectionHit1: number | null;
  sectionHit5: number | null;
  sectionMrr10: number | null;
  factAccuracy: number | null;
  citationPrecision: number | null;
  citationValidity: number | null;
  abstentionPrecision: number | null;
  abstentionRecall: number | null;
  abstentionF1: number | null;
  /** Answerable questions the system refused. */
  falseRefusals: number | null;
  /** Unanswerable questions the system answered anyway. */
  falseAnswers: number | null;
  latencyP50: number | null;
  latencyP95: number | null;
}

/** Scores the gold passages of one question against a ranked retrieval list. */
export function retrievalRanks(hits: readonly Chunk[], gold: readonly GoldPassage[], k = 10): { docRank: number | null; sectionRank: number | null } {
  return {
    docRank: firstRelevantRank(hits, (chunk) => isGoldDocument(chunk, gold), k),
    sectionRank: firstRelevantRank(hits, (chunk) => isGoldSection(chunk, gold), k),
  };
}

export function summarize(records: readonly QuestionRecord[]): SliceMetrics {
  const withGold = records.filter((record) => record.hasGold);
  const answerable = records.filter((record) => record.expect === 'answer');
  const answerableCitations = answerable.flatMap((record) => record.citations);
  const allCitations = records.flatMap((record) => record.citations);
  const abstention = abstentionScores(records.map((record) => ({ expectAbstain: record.expect === 'abstain', abstained: !record.answered })));
  const latencies = records.map((record) => record.latencyMs);
  return {
    questions: records.length,
    answerable: answerable.length,
    unanswerable: records.length - answerable.length,
    docHit1: mean(withGold.map((record) => hitAtK(record.docRank, 1))),
    docHit5: mean(withGold.map((record) => hitAtK(record.docRank, 5))),
    docMrr10: mean(withGold.map((record) => reciprocalRank(record.docRank, 10))),
    sectionHit1: mean(withGold.map((record) => hitAtK(record.sectionRank, 1))),
    sectionHit5: mean(withGold.map((record) => hitAtK(record.sectionRank, 5))),
    sectionMrr10: mean(withGold.map((record) => reciprocalRank(record.sectionRank, 10))),
    factAccuracy: mean(answerable.map((record) => (record.factsFound ? 1 : 0))),
    citationPrecision: ratio(answerableCitations.filter((citation) => citation.fromGold).length, answerableCitations.length),
    citationValidity: ratio(allCitations.filter((citation) => citation.valid).length, allCitations.length),
    abstentionPrecision: abstention.precision,
    abstentionRecall: abstention.recall,
    abstentionF1: abstention.f1,
    falseRefusals: mean(answerable.map((record) => (record.answered ? 0 : 1))),
    falseAnswers: mean(records.filter((record) => record.expect === 'abstain').map((record) => (record.answered ? 1 : 0))),
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
  };
}
