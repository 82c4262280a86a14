import { abbreviationKey } from '../lang/abbreviations.js';
import { foldDiacritics, matchKey } from '../lang/normalize.js';
import type { Logger } from '../logger.js';
import { formatSection, type Answerer, type AskInput, type AskResult, type Chunk, type Citation, type DocumentMeta, type KnowledgeBase, type OutlineEntry, type Retriever } from '../types.js';
import { analyzeQuestion, type AnalyzedQuestion } from './analyze-question.js';
import { composeAbstention, composeAnswer, type AnswerPart, type MissingFact, type PlanFact } from './compose-answer.js';
import { asksDuties, asksFunding, asksPeriod, asksStructure, asksWhichPlan, foldedLower, isBodyHeading, namesParticularBody } from './evidence-cues.js';
import { headingEnd } from './heading-span.js';
import { abbreviationAskedAbout, findDefinition, findNamedTerm, termAskedAbout, type DefinitionSpan } from './find-definition.js';
import { findQuotedPhrase, quotedPhrases } from './find-quoted-phrase.js';
import { findSigner } from './find-signer.js';
import { planName } from './plan-names.js';
import { findIssueDate, findLegalBases, findPeriodInTitle, findPlanNumber, type PlanFactSpan } from './plan-facts.js';
import { aboutAnotherDocument, askedAttribute, askedPlanFacts, asksPerson, namesPerson } from './question-cues.js';
import { questionScope } from './question-scope.js';
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
const MAX_HEADING_GAP = 400;
/** A section longer than this is not quoted item by item. */
const MAX_LIST_SECTION_CHARS = 1600;
const MAX_LIST_ITEMS = 6;
const MAX_STRUCTURE_ITEMS = 12;
/** Words of a structure question that say nothing about which section: "kế hoạch gồm những phần nào". */
const STRUCTURE_WORDS = new Set('ke hoach nay cua gom co nhung cac may bao nhieu phan muc nhom noi dung chinh nao la gi what are were the main key parts sections chapters components groups of structure outline plan this does cover contain and'.split(' '));
/** "NCT là gì?", "BHYT viết tắt của gì", "what does NKT stand for": a question about an abbreviation alone. */
const DEFINITION_CUE = /\b(la gi|nghia la gi|co nghia la gi|viet tat|stand for|stands for|mean|means|meaning)\b|^\s*what is\b/;
const DEFINITION_WORDS = new Set(['la', 'gi', 'nghia', 'co', 'viet', 'tat', 'cua', 'chu', 'tu', 'what', 'is', 'does', 'do', 'stand', 'stands', 'for', 'mean', 'means', 'meaning', 'the', 'of', 'abbreviation', 'in', 'these', 'plans', 'plan', 'trong', 'cac', 'ke', 'hoach']);
/** Words that frame a question rather than name its subject: "kế hoạch nào đề cập …", "X có trách nhiệm gì". */
const META_WORDS = ['đề cập', 'nhắc đến', 'nhắc tới', 'nói về', 'nêu', 'cho biết'];
const DUTY_WORDS = ['nhiệm vụ', 'trách nhiệm', 'chịu', 'làm', 'được giao', 'giao', 'việc', 'vai trò', 'chức năng'];
/** "Số người có công … là bao nhiêu": "số" frames a count. */
const COUNT_WORDS = ['số', 'tổng số', 'số lượng'];
const syllablesOf = (phrases: readonly string[]): string[] => phrases.flatMap((phrase) => phrase.split(' ')).flatMap((syllable) => [syllable, foldDiacritics(syllable)]);
const META_SYLLABLES = syllablesOf(META_WORDS);
const DUTY_SYLLABLES = syllablesOf(DUTY_WORDS);
const COUNT_SYLLABLES = syllablesOf(COUNT_WORDS);
/** "huyện Lạng Giang", "thị xã Bến Cát": a named administrative unit, to check against the plans' localities. */
const NAMED_UNIT = /(?<!\p{L})(?:[Tt]ỉnh|[Tt]hành phố|TP\.?|[Hh]uyện|[Tt]hị xã|[Qq]uận|[Tt]hị trấn)\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})/gu;

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
  const localityKeys = new Set(metas.flatMap((meta) => [meta.locality, meta.province].filter((name): name is string => !!name).map((name) => matchKey(name.replace(/^(tỉnh|thành phố|huyện)\s+/i, '')))));

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
    if (chunk.kind === 'preamble') return types.includes('legal-basis') || types.includes('document') ? 0.25 : -0.1; // it restates the title
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
      ...(analyzed.types.includes('count') ? COUNT_SYLLABLES : []),
    ]);

  /** Named administrative units ("huyện Lạng Giang") that are none of the plans' localities. */
  const unlistedPlaces = (question: string): string[] =>
    [...question.matchAll(NAMED_UNIT)].map((match) => match[1]).filter((name) => !localityKeys.has(matchKey(name)));

  /** "tỉnh Lạng Sơn" when only plans of places inside that province are in the collection. */
  const provinceNote = (question: string, scope: readonly string[], language: 'vi' | 'en'): string | undefined => {
    const folded = foldedLower(question);
    const scoped = scope.map((id) => knowledge.document(id)!.meta);
    const province = scoped[0]?.province;
    if (!province || scoped.some((meta) => meta.level === 'tỉnh') || !scoped.every((meta) => meta.province === province)) return undefined;
    if (!new RegExp(`\\b(tinh ${matchKey(province)}|${matchKey(province)} province)\\b`).test(folded)) return undefined;
    const plans = scoped.map((meta) => planName(meta, language)).join(language === 'en' ? ' and ' : ' và ');
    return language === 'en'
      ? `The collection has no plan of ${province} province itself; these are the plans of ${plans}, which lie in it:`
      : `Kho tài liệu không có kế hoạch của chính tỉnh ${province}; dưới đây là kế hoạch của ${plans} thuộc tỉnh:`;
  };

  const evidenceAt = (span: PlanFactSpan): Evidence => ({
    chunk: span.chunk,
    start: span.start,
    end: span.end,
    text: knowledge.document(span.chunk.docId)!.text.slice(span.start, span.end),
    section: [...span.chunk.section],
    headingStart: null,
    coverage: 1,
    fit: 1,
    score: 1,
  });

  /** One plan fact read off a plan's header, preamble or signature; null when the plan does not state it. */
  const planFactPart = (docId: string, fact: PlanFact): AnswerPart | null => {
    const chunks = knowledge.chunksOf(docId);
    switch (fact) {
      case 'signer': {
        const signer = findSigner(chunks);
        return signer ? { docId, kind: 'signer', evidence: [evidenceAt(signer)], signer } : null;
      }
      case 'issue-date': {
        const span = findIssueDate(chunks);
        return span ? { docId, kind: 'passages', evidence: [evidenceAt(span)] } : null;
      }
      case 'number': {
        const span = findPlanNumber(chunks);
        if (!span) return null;
        return { docId, kind: 'passages', evidence: [evidenceAt(span)], note: span.blank ? { vi: 'số hiệu để trống', en: 'the number is left blank' } : undefined };
      }
      case 'legal-basis': {
        const spans = findLegalBases(chunks);
        return spans.length > 0 ? { docId, kind: 'passages', evidence: spans.map(evidenceAt) } : null;
      }
      case 'period': {
        const span = findPeriodInTitle(chunks);
        return span ? { docId, kind: 'passages', evidence: [evidenceAt(span)] } : null;
      }
    }
  };

  /**
   * The headings that answer a structure question for one plan: the children of the section the question names
   * ("nhiệm vụ, giải pháp" → "IV. NHIỆM VỤ VÀ GIẢI PHÁP"), or the plan's top-level parts.
   */
  const structurePart = (docId: string, question: string): AnswerPart | null => {
    const outline = knowledge.outline(docId);
    if (outline.length === 0) return null;
    const asked = new Set(foldedLower(question).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1 && !STRUCTURE_WORDS.has(word)));
    const overlap = (entry: OutlineEntry) => foldedLower(entry.title).split(/[^\p{L}\p{N}]+/u).filter((word) => asked.has(word)).length;
    const named = outline.filter((entry) => entry.depth <= 1 && overlap(entry) >= 2).sort((a, b) => overlap(b) - overlap(a) || a.depth - b.depth)[0];
    const top = Math.min(...outline.map((entry) => entry.depth));
    const topLevel = outline.filter((entry) => entry.depth === top);
    // A plan split into "Phần thứ nhất / thứ hai" lists the sections of each part too.
    const listed = named
      ? outline.filter((entry) => entry.depth === named.depth + 1 && entry.start >= named.start && entry.start < named.end)
      : topLevel.length <= 2
        ? outline.filter((entry) => entry.depth <= top + 1)
        : topLevel;
    if (listed.length === 0) return null;
    const text = knowledge.document(docId)!.text;
    const evidence = listed.slice(0, MAX_STRUCTURE_ITEMS).map((entry): Evidence => {
      const end = headingEnd(text, entry);
      const chunk = knowledge.chunksOf(docId).find((candidate) => candidate.start <= entry.start && entry.start < candidate.end)!;
      return { chunk, start: entry.start, end, text: text.slice(entry.start, end), section: named ? [named.title] : [], headingStart: entry.start, coverage: 1, fit: 1, score: 1 };
    });
    return { docId, kind: 'passages', evidence, layout: 'list' };
  };

  /**
   * Figures the question itself states ("người tròn 110 tuổi", "tỷ lệ 80%") must be in the answer's passage;
   * years and plan numbers are left to the period and scope checks.
   */
  const planNumbers = new Set(metas.flatMap((meta) => meta.number?.match(/^\d+/)?.[0] ?? []));
  const askedFigures = (question: string): string[] =>
    (question.match(/(?<![\d/])\d+(?:[.,]\d+)*%?(?![\d/])/g) ?? []).filter((figure) => !/^(19|20)\d{2}$/.test(figure) && !planNumbers.has(figure));
  const statesFigure = (figure: string, text: string): boolean => new RegExp(`(?<![\\d.,])${figure.replace(/[.%]/g, '\\$&')}(?![\\d]|[.,]\\d)`).test(text);

  /** "Kế hoạch nào…" asks which of the plans: answered per plan from their content, not from legal bases. */
  const asWhichPlan = (analyzed: AnalyzedQuestion, question: string): AnalyzedQuestion =>
    asksWhichPlan(question)
      ? { ...analyzed, types: analyzed.types.filter((type) => type !== 'document' && type !== 'legal-basis'), wantsAllPlans: true }
      : analyzed;

  /**
   * A question about an abbreviation or a name alone ("NCT là gì?", "cơ sở chăm sóc sức khỏe lao động - xã hội
   * là gì?"), answered from where a plan defines or names it.
   */
  const definitionOf = (question: string): DefinitionSpan | null => {
    const folded = foldedLower(question);
    if (!DEFINITION_CUE.test(folded)) return null;
    const asked = abbreviationAskedAbout(question, abbreviations);
    if (!asked) return findNamedTerm(knowledge, termAskedAbout(question));
    const otherWords = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word && word !== abbreviationKey(asked.abbreviation) && !DEFINITION_WORDS.has(word));
    return otherWords.length <= 2 ? findDefinition(knowledge, asked.abbreviation, asked.expansion) : null;
  };

  /**
   * "Which body…" is often answered by the heading above the passage ("1. Phòng Lao động - Thương binh và Xã hội",
   * then "- Chủ trì…"): the quote then starts at that heading so the name is in it, or, when the heading is
   * far above, the heading is quoted and cited on its own.
   */
  const withBodyHeading = (item: Evidence): Evidence[] => {
    if (item.headingStart === null || item.headingStart >= item.start || !isBodyHeading(item.section.at(-1) ?? '')) return [item];
    const text = knowledge.document(item.chunk.docId)!.text;
    const end = Math.min(headingEnd(text, { start: item.headingStart, title: item.section.at(-1)! }), item.start);
    if (item.start - item.headingStart <= MAX_HEADING_GAP) return [{ ...item, start: item.headingStart, text: text.slice(item.headingStart, item.end), headingLength: end - item.headingStart }];
    const chunk = knowledge.chunksOf(item.chunk.docId).find((candidate) => candidate.start <= item.headingStart! && item.headingStart! < candidate.end) ?? item.chunk;
    return [{ ...item, chunk, start: item.headingStart, end, text: text.slice(item.headingStart, end).trimEnd() }, item];
  };

  /**
   * A list question ("mục tiêu giai đoạn 2026 - 2030", "Sở Y tế có nhiệm vụ gì") is answered by every item of the
   * small section its best passage sits in, not just the items that repeat the question's words.
   */
  const withSectionItems = (picked: readonly Evidence[], scored: readonly Evidence[]): Evidence[] => {
    const best = picked[0];
    const heading = best.headingStart === null ? undefined : knowledge.outline(best.chunk.docId).find((entry) => entry.start === best.headingStart);
    if (!heading || heading.end - heading.start > MAX_LIST_SECTION_CHARS) return [...picked];
    const siblings = scored.filter((item) => item.chunk.docId === best.chunk.docId && item.headingStart === best.headingStart && item.fit > 0.1);
    const items = [...picked];
    for (const item of siblings.sort((a, b) => a.start - b.start)) {
      if (items.length >= MAX_LIST_ITEMS) break;
      if (!items.some((chosen) => item.start < chosen.end && chosen.start < item.end)) items.push(item);
    }
    return items.sort((a, b) => a.start - b.start);
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
  const pickPassages = (ranked: readonly Evidence[], limit: number): Evidence[] => {
    const [best, ...rest] = ranked;
    const picked = [best];
    const ratio = limit > 2 ? 0.8 : 0.9;
    for (const candidate of rest) {
      if (picked.length >= limit) break;
      const overlaps = picked.some((chosen) => (candidate.start < chosen.end && chosen.start < candidate.end) || chosen.text.trim() === candidate.text.trim());
      const closeEnough = candidate.score >= best.score * ratio && candidate.coverage >= best.coverage * 0.8;
      if (!overlaps && closeEnough && candidate.fit >= best.fit) picked.push(candidate);
    }
    return picked.sort((a, b) => a.start - b.start);
  };

  return {
    async ask(input: AskInput): Promise<AskResult> {
      const started = performance.now();
      const standalone = rewriteFollowUp(input.question, input.history ?? [], metas);
      const analyzed = asWhichPlan(analyzeQuestion(standalone, { documents: metas, abbreviations }), standalone);
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
      const abstain = (retrieveMs: number, answerStarted: number, details: { missingPlaces?: readonly string[]; facts?: readonly PlanFact[] } = {}) =>
        result(composeAbstention({ language, metas, scopeMetas, ...details }), false, [], retrieveMs, answerStarted);
      const answerWith = (parts: AnswerPart[], missing: MissingFact[], retrieveMs: number, answerStarted: number) => {
        const { answer, citations } = composeAnswer({ parts, language, knowledge, missing, preface: scope ? provinceNote(standalone, scope, language) : undefined });
        return result(answer, true, citations, retrieveMs, answerStarted);
      };

      const missingPlaces = scope ? [] : [...new Map([...analyzed.localities.outOfCorpus, ...unlistedPlaces(standalone)].map((name) => [matchKey(name), name])).values()];
      if (missingPlaces.length > 0) return abstain(0, performance.now(), { missingPlaces });

      const definition = definitionOf(standalone);
      if (definition) {
        const part: AnswerPart = { docId: definition.chunk.docId, kind: 'definition', evidence: [evidenceAt(definition)], definition };
        return answerWith([part], [], 0, performance.now());
      }

      const phrases = quotedPhrases(standalone);
      if (phrases.length > 0) {
        const now = performance.now();
        const spans = phrases.flatMap((phrase) => findQuotedPhrase(knowledge, phrase, scope ?? undefined));
        if (spans.length > 0) {
          const byDoc = new Map<string, PlanFactSpan[]>();
          for (const span of spans) byDoc.set(span.chunk.docId, [...(byDoc.get(span.chunk.docId) ?? []), span]);
          return answerWith([...byDoc].map(([docId, docSpans]) => ({ docId, kind: 'passages', evidence: docSpans.map(evidenceAt) })), [], 0, now);
        }
      }

      if (asksStructure(standalone)) {
        const now = performance.now();
        const parts = (scope ?? metas.map((meta) => meta.id)).flatMap((docId) => structurePart(docId, analyzed.searchText) ?? []);
        if (parts.length > 0) return answerWith(parts, [], 0, now);
      }

      const facts = askedPlanFacts(standalone, analyzed, aboutAnotherDocument(standalone, metas));
      if (facts.length > 0) {
        const now = performance.now();
        const docIds = scope ?? metas.map((meta) => meta.id);
        const parts: AnswerPart[] = [];
        const missing: MissingFact[] = [];
        for (const docId of docIds) {
          for (const fact of facts) {
            const part = planFactPart(docId, fact);
            if (part) parts.push(part);
            else if (scope) missing.push({ docId, fact });
          }
        }
        if (parts.length === 0) return abstain(0, now, { facts });
        return answerWith(parts, missing, 0, now);
      }

      const retrieveStarted = performance.now();
      // topK, when given, is how many passages to read; otherwise more for questions spanning several plans.
      const topK = input.topK ?? candidates * (scope && scope.length === 1 ? 1 : 2);
      // Plans state their period under "Thời gian thực hiện" and their money under "Kinh phí", whatever words the question used.
      const period = asksPeriod(standalone);
      const funding = asksFunding(standalone);
      const types = funding && !analyzed.types.includes('funding') ? [...analyzed.types, 'funding' as const] : analyzed.types;
      const searchText = `${analyzed.searchText}${period ? ' thời gian thực hiện' : ''}${funding ? ' kinh phí' : ''}`;
      const hits = await retriever.search(searchText, { topK, docIds: scope ?? undefined });
      const retrieveMs = elapsed(retrieveStarted);
      const answerStarted = performance.now();

      const profile = profileQuery({ searchText, question: standalone, types, model: termModel, ignore: ignoredSyllables(analyzed, standalone), abbreviations });
      const hasContent = [...profile.terms.keys()].some((term) => /\p{L}/u.test(term));
      if (!hasContent || profile.unknownShare >= maxUnknownShare) return abstain(retrieveMs, answerStarted);
      const attribute = askedAttribute(standalone);
      const person = asksPerson(standalone);
      // "Sở Y tế có nhiệm vụ gì?" is answered from a section headed by a body, not from any line saying "y tế".
      const bodyDuties = asksDuties(standalone) && namesParticularBody(analyzed.searchText);
      const scored = selectEvidence(hits, profile, { kindBonus: kindBonus(analyzed), outline: knowledge.outline });
      const figures = askedFigures(standalone);
      const evidence = scored
        .filter(supports(profile))
        .filter((item) => figures.every((figure) => statesFigure(figure, `${item.section.join(' ')} ${item.text}`)))
        .filter((item) => (!attribute || attribute.test(foldedLower(item.text))) && (!person || namesPerson(item.text)))
        .filter((item) => !bodyDuties || isBodyHeading(item.section.at(-1) ?? ''));
      const best = evidence[0];
      if (!best) {
        // A plan cut short may state its period only in its title.
        const titleParts = period ? (scope ?? []).flatMap((docId) => planFactPart(docId, 'period') ?? []) : [];
        return titleParts.length > 0 ? answerWith(titleParts, [], retrieveMs, answerStarted) : abstain(retrieveMs, answerStarted);
      }

      const groups = groupByDocument(evidence);
      // Targets are listed whole when asked broadly ("mục tiêu giai đoạn 2026 - 2030?"), not when one figure is sought.
      const broadTargets = analyzed.types.includes('target') && !profile.unit && !analyzed.types.includes('percent');
      const listLike = analyzed.types.includes('list') || broadTargets || asksDuties(standalone) || funding;
      const limit = listLike ? 3 : analyzed.types.includes('legal-basis') ? 4 : 2;
      const multiPlan = (scope ?? metas).length > 1;
      const floor = best.score * (analyzed.wantsAllPlans ? SIBLING_RATIO * 0.8 : SIBLING_RATIO);
      // Plans the question names are each answered from whatever evidence they have; otherwise only plans close to the best.
      const answeringDocs = !multiPlan ? [best.chunk.docId] : scope ? [...groups.keys()] : [...groups.keys()].filter((docId) => groups.get(docId)![0].score >= floor);
      const withHeadings = analyzed.types.includes('who') ? (items: Evidence[]) => items.flatMap(withBodyHeading) : (items: Evidence[]) => items;
      const passagesOf = (docId: string) => {
        const picked = pickPassages(groups.get(docId)!, limit);
        return listLike ? withSectionItems(picked, scored) : picked;
      };
      const parts: AnswerPart[] = answeringDocs.map((docId) => ({ docId, kind: 'passages', evidence: withHeadings(passagesOf(docId)) }));
      const missing = (scope ?? []).filter((docId) => !answeringDocs.includes(docId)).map((docId) => ({ docId }));
      return answerWith(parts, missing, retrieveMs, answerStarted);
    },
  };
}
