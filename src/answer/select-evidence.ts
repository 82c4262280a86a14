import { splitSentences } from '../ingest/split-sentences.js';
import { formatSection, type Chunk, type SearchHit } from '../types.js';
import { askedUnit, statesUnit, typeFit } from './evidence-cues.js';
import type { QuestionType } from './question-type.js';
import { isAccented, type TermModel } from './term-stats.js';

export interface Evidence {
  chunk: Chunk;
  /** Offsets into the document text. */
  start: number;
  end: number;
  text: string;
  /** Share of the question's weighted terms the passage (or its section heading) contains. */
  coverage: number;
  /** How well the passage carries the kind of fact asked for (0–1). */
  fit: number;
  score: number;
}

export interface QueryProfile {
  /** Content terms with their weights, folded when the question was typed without diacritics. */
  terms: Map<string, number>;
  folded: boolean;
  model: TermModel;
  types: readonly QuestionType[];
  /** "bao nhiêu người" → "nguoi": a count answer must state this unit. */
  unit: string | null;
  totalWeight: number;
  /** Share of the weight carried by words the corpus never uses: high for off-topic questions. */
  unknownShare: number;
}

const MAX_QUOTE_CHARS = 420;
const BIGRAM_BOOST = 1.5;

/**
 * The weighted terms a passage should contain. Bigrams the corpus never uses are dropped: they straddle
 * two words ("báo cáo | là") and would only dilute coverage. Unknown single syllables stay, so a question
 * about something the plans never mention cannot reach a high coverage.
 */
export function profileQuery(args: { searchText: string; question: string; types: readonly QuestionType[]; model: TermModel; ignore: ReadonlySet<string> }): QueryProfile {
  const { searchText, model, ignore } = args;
  const folded = !isAccented(searchText);
  const terms = new Map<string, number>();
  for (const term of model.terms(searchText, folded)) {
    const isBigram = term.includes(' ');
    if (term.split(' ').every((syllable) => ignore.has(syllable))) continue;
    if (isBigram && !model.known(term)) continue;
    terms.set(term, model.idf(term) * (isBigram ? BIGRAM_BOOST : 1));
  }
  const totalWeight = [...terms.values()].reduce((sum, weight) => sum + weight, 0);
  const unknownWeight = [...terms].reduce((sum, [term, weight]) => sum + (model.known(term) ? 0 : weight), 0);
  return { terms, folded, model, types: args.types, unit: askedUnit(args.question), totalWeight, unknownShare: totalWeight > 0 ? unknownWeight / totalWeight : 1 };
}

/** Weighted share of query terms found in the passage, half credit for terms only in its section heading. */
function coverageOf(profile: QueryProfile, passageTerms: ReadonlySet<string>, sectionTerms: ReadonlySet<string>): number {
  if (profile.totalWeight === 0) return 0;
  let covered = 0;
  for (const [term, weight] of profile.terms) {
    if (passageTerms.has(term)) covered += weight;
    else if (sectionTerms.has(term)) covered += weight * 0.5;
  }
  return covered / profile.totalWeight;
}

const fitOf = (profile: QueryProfile, text: string, section: string): number => {
  const primary = profile.types.find((type) => type !== 'general' && type !== 'list' && type !== 'yes-no');
  if (!primary) return 0.5;
  const fit = typeFit(primary, text, section);
  if (primary === 'count' && profile.unit && !statesUnit(profile.unit, text)) return Math.min(fit, 0.05);
  return fit;
};

/** A long sentence is narrowed to its best run of clauses so the quote stays short and on point. */
function narrow(text: string, score: (candidate: string) => number): { offset: number; length: number } {
  if (text.length <= MAX_QUOTE_CHARS) return { offset: 0, length: text.length };
  const boundaries = [0];
  for (const match of text.matchAll(/[;:]\s+|,\s+(?=\S)/g)) boundaries.push((match.index ?? 0) + match[0].length);
  boundaries.push(text.length);
  let best = { offset: 0, length: Math.min(text.length, MAX_QUOTE_CHARS), value: -Infinity };
  for (let i = 0; i < boundaries.length - 1; i++) {
    for (let j = i + 1; j < boundaries.length; j++) {
      const length = boundaries[j] - boundaries[i];
      if (length > MAX_QUOTE_CHARS) break;
      const candidate = text.slice(boundaries[i], boundaries[j]);
      const value = score(candidate) - length / 6_000;
      if (value > best.value) best = { offset: boundaries[i], length: candidate.trimEnd().length, value };
    }
  }
  return best;
}

export interface SelectOptions {
  /** Extra score for chunk kinds the question type points at (signature, preamble, header). */
  kindBonus?: (chunk: Chunk) => number;
}

/** Scores every sentence of the retrieved chunks against the question profile, best first. */
export function selectEvidence(hits: readonly SearchHit[], profile: QueryProfile, options: SelectOptions = {}): Evidence[] {
  const evidence: Evidence[] = [];
  hits.forEach(({ chunk }, rank) => {
    const section = formatSection(chunk.section);
    const sectionTerms = profile.model.terms(section, profile.folded);
    const prior = 0.08 / (1 + rank) + (options.kindBonus?.(chunk) ?? 0);
    for (const span of splitSentences(chunk.text)) {
      const sentence = chunk.text.slice(span.start, span.end);
      if (!/\p{L}{2}/u.test(sentence)) continue;
      const scoreText = (text: string) => {
        const coverage = coverageOf(profile, profile.model.terms(text, profile.folded), sectionTerms);
        const fit = fitOf(profile, text, section);
        return { coverage, fit, score: coverage * (0.5 + 0.5 * fit) + prior };
      };
      const window = narrow(sentence, (text) => scoreText(text).score);
      const text = sentence.slice(window.offset, window.offset + window.length);
      const start = chunk.start + span.start + window.offset;
      evidence.push({ chunk, start, end: start + text.length, text, ...scoreText(text) });
    }
  });
  return evidence.sort((a, b) => b.score - a.score);
}
