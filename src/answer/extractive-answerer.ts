import { abbreviationKey } from '../lang/abbreviations.js';
import type { Logger } from '../logger.js';
import { foldDiacritics, matchKey } from '../lang/normalize.js';
import { formatSection, type Answerer, type AskInput, type AskResult, type Chunk, type Citation, type DocumentMeta, type KnowledgeBase, type Retriever } from '../types.js';
import { analyzeQuestion, type AnalyzedQuestion } from './analyze-question.js';
import { composeAbstention, composeAnswer, type AnswerPart } from './compose-answer.js';
import { asksDuties, asksPeriod, namesBody } from './evidence-cues.js';
import { abbreviationAskedAbout, findDefinition, type DefinitionSpan } from './find-definition.js';
import { findIssueDate } from './find-issue-date.js';
import { findSigner } from './find-signer.js';
import { plansByNumber, questionScope } from './question-scope.js';
import { rewriteFollowUp } from './rewrite-follow-up.js';
import { profileQuery, selectEvidence, type Evidence, type QueryProfile } from './select-evidence.js';
import { createTermModel } from './term-stats.js';

export interface AnswererOptions {
  /** Share of the question's weighted terms a passage must contain to answer (calibrated on the evaluation set). */
  minCoverage?: number;
  /** The lower coverage accepted when the passage clearly states the kind of fact asked for (a date, a figure…). */
  minTypedCoverage?: number;
  /** A question whose weight lies this much in words the corpus never uses is off-topic. */
  maxUnknownShare?: number;
  /** Chunks retrieved per question when the request gives no topK. */
  candidates?: number;
}

export interface AnswererDeps {
  knowledge: KnowledgeBase;
  /** Searches chunks for Vietnamese search text (the hybrid retriever). */
  retriever: Retriever;
  logger?: Logger;
  options?: AnswererOptions;
}

const DEFAULT_MIN_COVERAGE = 0.4;
const DEFAULT_MIN_TYPED_COVERAGE = 0.25;
const DEFAULT_MAX_UNKNOWN_SHARE = 0.45;
/** Another plan is answered beside the best one when its evidence is at least this close. */
const SIBLING_RATIO = 0.55;
/** "When was it issued / signed" asks for the header's date line, not for dates inside the plan. */
const ISSUE_DATE_CUE = /\bban hanh\b|\bky ngay\b|\bngay ky\b|\bissued\b|\bdated\b|\bsigned on\b|\bdate of (the|this) plan\b/;
const WHEN_CUE = /\b(thang|ngay|nam) (may|nao)\b|\bkhi nao\b|\bbao gio\b|\bluc nao\b|\bwhen\b|\bwhat date\b/;
/** A question about another document ("Quyết định 1942/QĐ-TTg ban hành ngày nào?") is not about the plan's own header. */
const OTHER_DOCUMENT = /\d+\s*\/\s*\d{0,4}\s*\/?\s*(qd|ct|nq|nd|tt|ld|ctr|kh)|\b(quyet dinh|chi thi|nghi quyet|nghi dinh|thong tu|cong van|decision|directive|resolution|decree|circular)\b/;

const MAX_HEADING_GAP = 400;
/** Words that frame a question rather than name its subject: "kế hoạch nào đề cập …", "X có trách nhiệm gì". */
const META_WORDS = ['đề cập', 'nhắc đến', 'nhắc tới', 'nói về', 'nêu', 'cho biết'];
const DUTY_WORDS = ['nhiệm vụ', 'trách nhiệm', 'chịu', 'làm', 'được giao', 'giao', 'việc', 'vai trò', 'chức năng'];
const syllablesOf = (phrases: readonly string[]): string[] => phrases.flatMap((phrase) => phrase.split(' ')).flatMap((syllable) => [syllable, foldDiacritics(syllable)]);
const META_SYLLABLES = syllablesOf(META_WORDS);
const DUTY_SYLLABLES = syllablesOf(DUTY_WORDS);
/** "NCT là gì?", "BHYT viết tắt của gì", "what does NKT stand for": a question about an abbreviation alone. */
const DEFINITION_CUE = /\b(la gi|nghia la gi|co nghia la gi|viet tat|stand for|stands for|mean|means|meaning)\b|^\s*what is\b/;
const DEFINITION_WORDS = new Set(['la', 'gi', 'nghia', 'co', 'viet', 'tat', 'cua', 'chu', 'tu', 'what', 'is', 'does', 'do', 'stand', 'stands', 'for', 'mean', 'means', 'meaning', 'the', 'of', 'abbreviation']);

const elapsed = (since: number): number => Math.round((performance.now() - since) * 100) / 100;

export function createExtractiveAnswerer({ knowledge, retriever, options = {} }: AnswererDeps): Answerer {
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const minTypedCoverage = options.minTypedCoverage ?? DEFAULT_MIN_TYPED_COVERAGE;
  const maxUnknownShare = options.maxUnknownShare ?? DEFAULT_MAX_UNKNOWN_SHARE;
  const candidates = options.candidates ?? 16;
  const metas: DocumentMeta[] = knowledge.documents.map((doc) => doc.meta);
  const abbreviations = knowledge.lexical.abbreviations;
  const termModel = createTermModel(
    knowledge.chunks.map((chunk) => `${formatSection(chunk.section)}\n${chunk.text}`),
    abbreviations,
  );

  // Build what is otherwise made on first use (place and phrase indexes, outlines) now, so the first person to ask doesn't wait.
  for (const meta of metas) knowledge.outline(meta.id);
  analyzeQuestion(metas.map((meta) => meta.title).join(' '), { documents: metas, abbreviations });

  // A passage that lacks the kind of fact asked for (no figure for "how many", no date for "when") cannot answer.
  // A figure followed by the very unit asked about ("2.226 người" for "bao nhiêu người") is specific enough to
  // need less of the question's wording: long official names ("… với cách mạng") are often shortened in the text.
  const supports = (profile: QueryProfile) => (evidence: Evidence): boolean => {
    if (evidence.fit <= 0.1) return false;
    if (evidence.coverage >= minCoverage) return true;
    const typedMinimum = profile.unit && evidence.fit >= 1 ? minTypedCoverage * 0.6 : minTypedCoverage;
    return evidence.fit >= 0.6 && evidence.coverage >= typedMinimum;
  };

  const kindBonus = (analyzed: AnalyzedQuestion) => (chunk: Chunk): number => {
    const types = analyzed.types;
    if ((types.includes('legal-basis') || types.includes('document')) && chunk.kind === 'preamble') return 0.25;
    if (chunk.kind === 'recipients' || chunk.kind === 'header') return -0.1;
    return 0;
  };

  /**
   * Query words that must not count as evidence: place names (the scope carries them), meta-verbs, and for
   * "what does X do" the duty words, so the section named after X wins over any sentence saying "trách nhiệm".
   */
  const ignoredSyllables = (analyzed: AnalyzedQuestion, question: string): Set<string> =>
    new Set([
      ...analyzed.localities.mentions.flatMap((mention) => mention.name.toLowerCase().split(/\s+/).flatMap((syllable) => [syllable, matchKey(syllable)])),
      ...META_SYLLABLES,
      ...(asksDuties(question) ? DUTY_SYLLABLES : []),
    ]);

  /** Answers read straight off a plan's signature block or header, for every plan in scope that has one. */
  const headerParts = (docIds: readonly string[], kind: 'signer' | 'issue-date'): AnswerPart[] =>
    docIds.flatMap((docId): AnswerPart[] => {
      const chunks = knowledge.chunksOf(docId);
      const signer = kind === 'signer' ? findSigner(chunks) : null;
      const found = signer ?? (kind === 'issue-date' ? findIssueDate(chunks) : null);
      if (!found) return [];
      const text = knowledge.document(docId)!.text.slice(found.start, found.end);
      const evidence: Evidence = { chunk: found.chunk, start: found.start, end: found.end, text, section: [...found.chunk.section], headingStart: null, coverage: 1, fit: 1, score: 1 };
      return [signer ? { docId, kind: 'signer', evidence: [evidence], signer } : { docId, kind: 'passages', evidence: [evidence] }];
    });

  /**
   * "Which body…" is often answered by the heading above the passage ("1. Phòng Lao động - Thương binh và Xã hội",
   * then "- Chủ trì…"): the quote then starts at that heading so the name is in it.
   */
  const withBodyHeading = (item: Evidence): Evidence => {
    if (item.headingStart === null || item.headingStart >= item.start || item.start - item.headingStart > MAX_HEADING_GAP) return item;
    if (!namesBody(item.section.at(-1) ?? '')) return item;
    const text = knowledge.document(item.chunk.docId)!.text.slice(item.headingStart, item.end);
    return { ...item, start: item.headingStart, text };
  };

  /** A question about an abbreviation alone, answered from the passage where a plan defines it. */
  const definitionOf = (question: string): DefinitionSpan | null => {
    const folded = foldDiacritics(question.toLowerCase());
    if (!DEFINITION_CUE.test(folded)) return null;
    const asked = abbreviationAskedAbout(question, abbreviations);
    if (!asked) return null;
    const otherWords = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word && word !== abbreviationKey(asked.abbreviation) && !DEFINITION_WORDS.has(word));
    return otherWords.length <= 1 ? findDefinition(knowledge, asked.abbreviation, asked.expansion) : null;
  };

  const groupByDocument = (evidence: readonly Evidence[]): Map<string, Evidence[]> => {
    const groups = new Map<string, Evidence[]>();
    for (const item of evidence) {
      const list = groups.get(item.chunk.docId) ?? [];
      list.push(item);
      groups.set(item.chunk.docId, list);
    }
    return groups;
  };

  /** The passages to quote for one document: the best, plus close seconds that add something. */
  const pickPassages = (ranked: readonly Evidence[], wantsList: boolean): Evidence[] => {
    const [best, ...rest] = ranked;
    const picked = [best];
    const limit = wantsList ? 3 : 2;
    for (const candidate of rest) {
      if (picked.length >= limit) break;
      const overlaps = picked.some((chosen) => (candidate.start < chosen.end && chosen.start < candidate.end) || chosen.text.trim() === candidate.text.trim());
      const closeEnough = candidate.score >= best.score * (wantsList ? 0.8 : 0.9) && candidate.coverage >= best.coverage * 0.8;
      if (!overlaps && closeEnough && candidate.fit >= best.fit) picked.push(candidate);
    }
    return picked.sort((a, b) => a.start - b.start);
  };

  return {
    async ask(input: AskInput): Promise<AskResult> {
      const started = performance.now();
      const standalone = rewriteFollowUp(input.question, input.history ?? [], metas);
      const analyzed = analyzeQuestion(standalone, { documents: metas, abbreviations });
      const language = analyzed.language;
      const scope = questionScope(analyzed, metas, input.docIds);
      const scopeMetas = scope?.map((id) => knowledge.document(id)!.meta);
      const result = (answer: string, answered: boolean, citations: Citation[], retrieveMs: number, answerStarted: number): AskResult => ({
        answer,
        answered,
        question: standalone,
        citations,
        mode: retriever.mode,
        timings: { totalMs: elapsed(started), retrieveMs, answerMs: elapsed(answerStarted) },
      });
      const abstain = (retrieveMs: number, answerStarted: number, missingPlaces?: readonly string[]) =>
        result(composeAbstention({ language, metas, missingPlaces, scopeMetas }), false, [], retrieveMs, answerStarted);

      if (!scope && analyzed.localities.outOfCorpus.length > 0) return abstain(0, performance.now(), analyzed.localities.outOfCorpus);

      const definition = definitionOf(standalone);
      if (definition) {
        const now = performance.now();
        const evidence: Evidence = { chunk: definition.chunk, start: definition.start, end: definition.end, text: knowledge.document(definition.chunk.docId)!.text.slice(definition.start, definition.end), section: [...definition.chunk.section], headingStart: null, coverage: 1, fit: 1, score: 1 };
        const { answer, citations } = composeAnswer({ parts: [{ docId: definition.chunk.docId, kind: 'definition', evidence: [evidence], definition }], language, knowledge, question: analyzed });
        return result(answer, true, citations, 0, now);
      }

      const folded = foldDiacritics(standalone.toLowerCase());
      const aboutOtherDocument = OTHER_DOCUMENT.test(folded) && plansByNumber(standalone, metas).length === 0;
      const lookup = analyzed.types.includes('signer') && !aboutOtherDocument
        ? 'signer'
        : ISSUE_DATE_CUE.test(folded) && (analyzed.types.includes('date') || WHEN_CUE.test(folded)) && !aboutOtherDocument
          ? 'issue-date'
          : null;
      if (lookup) {
        const now = performance.now();
        const parts = headerParts(scope ?? metas.map((meta) => meta.id), lookup);
        if (parts.length > 0) {
          const silentDocs = (scope ?? []).filter((docId) => !parts.some((part) => part.docId === docId));
          const { answer, citations } = composeAnswer({ parts, language, knowledge, question: analyzed, silentDocs });
          return result(answer, true, citations, 0, now);
        }
      }

      const retrieveStarted = performance.now();
      const topK = Math.max(input.topK ?? 0, candidates) * (scope && scope.length === 1 ? 1 : 2);
      // Plans state their period under "Thời gian thực hiện", whatever words the question used for it.
      const searchText = asksPeriod(standalone) ? `${analyzed.searchText} thời gian thực hiện` : analyzed.searchText;
      const hits = await retriever.search(searchText, { topK, docIds: scope ?? undefined });
      const retrieveMs = elapsed(retrieveStarted);
      const answerStarted = performance.now();

      const profile = profileQuery({ searchText, question: standalone, types: analyzed.types, model: termModel, ignore: ignoredSyllables(analyzed, standalone), abbreviations });
      const hasContent = [...profile.terms.keys()].some((term) => /\p{L}/u.test(term));
      if (!hasContent || profile.unknownShare >= maxUnknownShare) return abstain(retrieveMs, answerStarted);
      const evidence = selectEvidence(hits, profile, { kindBonus: kindBonus(analyzed), outline: knowledge.outline }).filter(supports(profile));
      const best = evidence[0];
      if (!best) return abstain(retrieveMs, answerStarted);

      const groups = groupByDocument(evidence);
      const wantsList = analyzed.types.includes('list') || asksDuties(standalone);
      const multiPlan = (scope ?? metas).length > 1;
      const floor = best.score * (analyzed.wantsAllPlans ? SIBLING_RATIO * 0.8 : SIBLING_RATIO);
      const answeringDocs = multiPlan ? [...groups.keys()].filter((docId) => groups.get(docId)![0].score >= floor) : [best.chunk.docId];
      const withHeading = analyzed.types.includes('who') ? (item: Evidence) => withBodyHeading(item) : (item: Evidence) => item;
      const parts: AnswerPart[] = answeringDocs.map((docId) => ({ docId, kind: 'passages', evidence: pickPassages(groups.get(docId)!, wantsList).map(withHeading) }));
      const silentDocs = (scope ?? []).filter((docId) => !answeringDocs.includes(docId));
      const { answer, citations } = composeAnswer({ parts, language, knowledge, question: analyzed, silentDocs });
      return result(answer, true, citations, retrieveMs, answerStarted);
    },
  };
}
