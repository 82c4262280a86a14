import { foldDiacritics, matchKey, normalizeVietnamese } from '../lang/normalize.js';
import { GLOSSARY_WORDS, translateToVietnamese } from '../lang/glossary.js';
import { escapeRegExp } from '../lang/escape-reg-exp.js';
import { amountWritings, statedAmount, statesAmount } from '../lang/amount-value.js';
import { STOPWORDS } from '../lang/stopwords.js';
import type { Logger } from '../logger.js';
import type { Answerer, AskInput, AskResult, Chunk, DocumentMeta, KnowledgeBase, Retriever, SearchHit } from '../types.js';
import { analyzeQuestion, type AnalyzedQuestion } from './analyze-question.js';
import { locateLocalities, type LocalityMention } from './detect-localities.js';
import { isDateType, type QuestionType } from './question-type.js';
import { composeAbstention, composeAnswer, quotedDocuments, MAX_DOCUMENTS_PER_ANSWER, type AnswerPart, type MissingFact, type PlanFact } from './compose-answer.js';
import {
  actingBody,
  askedDay,
  asksCurrentState,
  asksDuties,
  asksLedTasks,
  asksWhichBody,
  asksActingBody,
  asksHowMuch,
  saysWhoLeads,
  taskLeadLine,
  asksFunding,
  asksPeriod,
  asksStructure,
  asksWhichPlan,
  datedByOwnEffect,
  documentOfOtherYears,
  foldedLower,
  headingNamesBody,
  opensWithDutyOf,
  namesRoleOf,
  rowInChargeOf,
  isAttachmentCaption,
  isCapitalTitle,
  isBodyHeading,
  isDateline,
  restatesSubject,
  isMoneyUnit,
  listHead,
  MAX_HEAD_WORDS,
  openingWords,
  listsOtherCases,
  figureInOtherClause,
  caseClause,
  articleNumber,
  datesOnlyEnactment,
  asksEnactment,
  statesUnit,
  namesParticularBody,
  particularBodies,
  statesOtherYears,
  statesTarget,
  titleOtherYears,
  typeFit,
  holdsAskedYear,
  asksBeneficiaries,
  yearsIn,
  type CitedAsked,
} from './evidence-cues.js';
import type { AskedSlot } from './lead-line.js';
import { combineParts } from './combine-parts.js';
import { createDirectAnswers, structureWordsAsked, type SectionAsked } from './direct-answers.js';
import { definitionAsked, type DefinitionAsked } from './find-definition.js';
import { askedSectionWords, asksWholeSection, labelWords, listedSyllables, questionWords } from './find-named-section.js';
import { termsAskedAbout } from './find-defined-term.js';
import { quotedPhrases } from './find-quoted-phrase.js';
import { definesTerm, markedTermsDefined } from './find-defined-term.js';
import { detectLanguage } from './detect-language.js';
import { joinNames, planName } from './plan-names.js';
import { askedAmountKinds, askedAttribute, askingPart, figureSubject, askedThing, measuredPhrase, namesAskedAbout, ratePeriodAsked, askedAwards, askedPlanFacts, asksEffect, basisDateAsked, asksChanges, asksEntryIntoForce, asksIssue, asksLiveData, asksPerson, asksBound, toldCase, askedRole, asksSubject, namedArticle, asksWhoSigned, namesPerson } from './question-cues.js';
import { absentDocuments, askedTypeCited, citesNamedNumber, describingWords, factOfAbsentDocument, namesAbsentDocument, otherNamedDocuments, questionScope, resolveScope } from './question-scope.js';
import { rewriteFollowUp, withBodyNamed } from './rewrite-follow-up.js';
import { askedRows, type RowsAsked } from './table-rows-asked.js';
import { askedTime, type TimeAsked } from './timed-items.js';
import { unwrittenAlternatives } from './unwritten-alternatives.js';
import { unnamedWords } from './unnamed-words.js';
import { splitQuestion } from './split-question.js';
import { createPassageShaper, MAX_LIST_ITEMS } from './shape-passages.js';
import { holdsHeaviestTerms, needsTableCaption, timeHeadings, profileQuery, readSlot, selectEvidence, reachableWeight, type SlotAsked, type Evidence, type QueryProfile } from './select-evidence.js';
import { createPopulationWeights } from './population-weights.js';
import { createTermVocabulary, isAccented, type TermModel } from './term-stats.js';
import { createQuestionDocuments, type QuestionDocuments } from './question-documents.js';

export interface AnswererOptions {
  /** Share of the question's weighted terms a passage must contain to answer (set on the development part of the evaluation, never on its test part). */
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
/** Passages of national documents read beside those of the place a question names. */
const NATIONAL_HITS = 4;
/** Chunks mentioning a document the collection lacks that are read for one question. */
const MENTION_CANDIDATES = 200;
/** Another plan is answered beside the best one when its evidence is at least this close. */
const SIBLING_RATIO = 0.55;
/** Words that frame a question rather than name its subject: "kế hoạch nào đề cập …", "X có trách nhiệm gì". */
const META_WORDS = ['đề cập', 'nhắc đến', 'nhắc tới', 'nói về', 'nêu', 'cho biết'];
const DUTY_WORDS = ['nhiệm vụ', 'trách nhiệm', 'chịu', 'làm', 'được giao', 'giao', 'việc', 'vai trò', 'chức năng'];
/** "Số người có công … là bao nhiêu": "số" frames a count. */
const COUNT_WORDS = ['số', 'tổng số', 'số lượng'];
const syllablesOf = (phrases: readonly string[]): string[] => phrases.flatMap((phrase) => phrase.split(' ')).flatMap((syllable) => [syllable, foldDiacritics(syllable)]);
const META_SYLLABLES = syllablesOf(META_WORDS);
const DUTY_SYLLABLES = syllablesOf(DUTY_WORDS);
const COUNT_SYLLABLES = syllablesOf(COUNT_WORDS);
/** A place's proper name after its unit word: up to four capitalised words ("Lạng Giang", "Bến Cát"). */
const PLACE_NAME = String.raw`\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})`;
/** "huyện Lạng Giang", "thị xã Bến Cát": a named administrative unit, to check against the plans' localities. */
const NAMED_UNIT = new RegExp(String.raw`(?<!\p{L})(?:[Tt]ỉnh|[Tt]hành phố|TP\.?|[Hh]uyện|[Tt]hị xã|[Qq]uận|[Tt]hị trấn)` + PLACE_NAME, 'gu');

/** Words before a place that make it what something is given to: "bổ sung cho tỉnh", "allocate to" (typed with or without diacritics). */
const RECIPIENT_BEFORE = /(?:(?<!\p{L})cho|(?<!\p{L})to)\s+(?:(?:tỉnh|tinh|thành phố|thanh pho|thủ đô|thu do|tp\.?|the)\s+)?$/iu;
/**
 * A place receiving: "Lâm Đồng được bổ sung …", "Gia Lai nhận …", "… Khánh Hòa each receive", "… Đắk Lắk mỗi tỉnh
 * được", or one of those asked which receives ("Ninh Bình và Hưng Yên(,) tỉnh nào được bổ sung nhiều hơn").
 */
const RECIPIENT_AFTER =
  /^\s*\)?\s*(?:,?\s*(?:tỉnh|tinh|thành phố|thanh pho|nơi|noi|địa phương|dia phuong|bên|ben)\s+(?:nào|nao)\s+)?(?:(?:each|both|mỗi|moi|cùng|cung)\s+(?:(?:tỉnh|tinh|thành phố|thanh pho|nơi|noi|địa phương|dia phuong)\s+)?)?(?:được|duoc|nhận|nhan|receives?|received|gets?|got)(?!\p{L})/iu;

/** A Vietnamese term in brackets inside an English question: "(viên chức)", "(Trường Chính trị tỉnh, thành phố)". */
const VIETNAMESE_ASIDE = /\(([^()]*[^\x00-\x7F][^()]*)\)/gu;
/** Text as words are compared across punctuation: folded, one space between words. */
const plainWords = (text: string): string => ` ${matchKey(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** A ward, commune or district named ("phường Ninh Kiều"): within a document's place, what its passage must name. */
const NAMED_SUBUNIT = new RegExp(String.raw`(?<!\p{L})(?:[Hh]uyện|[Tt]hị xã|[Qq]uận|[Tt]hị trấn|[Pp]hường|[Xx]ã)` + PLACE_NAME, 'gu');

/**
 * The value a question asks for, for the answer's first line. A yes-no question about one document stating a share
 * or a sum ("… có tỷ lệ trên 60% thì có được hỗ trợ không?") asks a verdict, not a figure (`verdict`): no figure
 * leads its answer. (Across documents, the figures each states lead: they are what is compared.)
 */
const askedSlot = (verdict: boolean, types: readonly string[], profile: QueryProfile, figures: readonly StatedFigure[], question: string, folded: boolean, cited: CitedAsked): AskedSlot | undefined => {
  const { unit, duration } = profile;
  if (verdict && !duration && !types.includes('deadline') && !types.includes('date')) return undefined;
  const conditions = figures.map((figure) => (text: string) => figure.pattern.test(text) || !!figure.within?.(text));
  const cases = { question, termsOf: (clause: string) => profile.model.terms(clause, folded) };
  const bounded = asksBound(question);
  return duration
    ? { kind: 'duration', conditions, cases, bounded }
    : types.includes('deadline') || types.includes('date')
    ? { kind: 'date', cited }
    : // A percentage the question states itself ("thiệt hại trên 70%") is a condition, not the value asked for.
      types.includes('percent') && !figures.some((figure) => figure.value.endsWith('%'))
      ? { kind: 'percent', conditions, cases, bounded }
      : unit
        ? isMoneyUnit(unit)
          ? { kind: 'money', conditions, cases, bounded }
          : { kind: 'count', unit, conditions, cases, bounded }
        : undefined;
};

/** Whether a passage or its headings name a place (folded, as `recipientPlaces` gives it). */
const namesPlace = (item: Evidence, place: string): boolean => matchKey(`${item.section.join(' ')} ${item.text}`).includes(place);
/** A kind of question a sentence answers only by stating a figure or a date. */
const asksFigureOrDate = (type: QuestionType): boolean => type === 'count' || type === 'percent' || isDateType(type);
/** Below this coverage, a passage answering a question about the whole collection must hold its heaviest terms. */
const UNSCOPED_FULL_COVERAGE = 0.5;
/** …and this, when the question asks for no kind of fact (a figure, a date, a body) a passage could be seen to state. */
const UNTYPED_FULL_COVERAGE = 0.6;
/** Share of a passage's words that are its document's title words for it to be a restatement of the title. */
const RESTATED_TITLE_SHARE = 0.7;
/** Share of a yes-no question's words its best passage must hold for the answer to open with "Có". */
const AFFIRMING_COVERAGE = 0.6;
/** Words that turn a statement round: "không", "chưa", "trừ", "cấm", "not", "except". */
const NEGATIONS = /\b(khong|chua|tru|cam|not|except|no)\b/g;
const negations = (text: string): number => foldedLower(text).match(NEGATIONS)?.length ?? 0;
/** The heading of the article putting a legal document in force, folded. */
const IN_FORCE_HEADING = /\b(hieu luc thi hanh|dieu khoan thi hanh|hieu luc va trach nhiem thi hanh)\b/;
/** A question whether two things are the same or differ, folded. */
const SAMENESS = /\b(co cung|cung mot|khac nhau|giong|the same|same as|differ|different)\b/;

/**
 * Whether a yes-no question is answered "Có": one document answers, its best passage holds most of the question's
 * words, and no quote has more negations than the question itself beyond its closing "không" — quotes saying
 * "trừ …" or "không …" of what is asked are given without a verdict.
 */
const affirms = (intent: Pick<Intent, 'types' | 'asks'>, best: Evidence, parts: readonly AnswerPart[]): boolean => {
  if (!intent.types.includes('yes-no') || intent.asks.sameness || parts.length !== 1 || best.coverage < AFFIRMING_COVERAGE) return false;
  const asked = Math.max(0, intent.asks.negations - 1);
  return parts[0].evidence.every((item) => negations(item.text) <= asked);
};

/** Whether a place the question names is that of documents it is limited to (else the place is what to look for in them). */
const placeOfScope = (mention: { docIds: readonly string[] }, scope: readonly string[]): boolean => mention.docIds.some((docId) => scope.includes(docId));

/** A passage giving a share or a count must hold this much of what the question says it is of (by weight). */
const MEASURED_SHARE = 0.6;
/** … and half of what the question says is done for them, when it says so in two terms or more. */
const MEASURED_PREDICATE_SHARE = 0.5;
/** Of the phrases naming the case a figure is asked for, the share a passage stating one must hold: a paraphrase may miss some. */
const MIN_CASE_SHARE = 0.5;
/** Fewer phrases than this say too little of a case to hold a passage to it ("Nhà nước hỗ trợ khoảng bao nhiêu"). */
const MIN_CASE_PHRASES = 2;
/** Phrases of a figure question's subject (folded) that time it or name a document or a part of one: no case of their own. */
const NO_CASE_PHRASES = new Set(['thanh pho', 'phu luc', 'giai doan', 'ke hoach', 'quyet dinh', 'nghi dinh', 'thong tu', 'van ban', 'quy dinh', 'chi tieu', 'ty le', 'ti le', 'hang nam', 'moi nam']);

/**
 * The phrases of the collection naming what a figure is asked of ("tổ trưởng tổ văn phòng", "bí thư đoàn trường"),
 * read off the question's words before the figure (`subject`), as written: phrases of the whole collection, since the
 * case asked may be one the document never writes.
 */
function casePhrasesOf(subject: string, searchText: string, model: TermModel, excluded: (syllable: string) => boolean): string[] {
  const weighed = model.terms(searchText, false);
  return [...model.terms(subject, false)].filter((term) => term.includes(' ') && weighed.has(term) && !term.split(' ').some(excluded) && !NO_CASE_PHRASES.has(foldedLower(term)) && model.isPhrase(term));
}
/** Whether a position in a question lies in the sentences telling a case, before the one asking. */
const inToldCase = (question: string, index: number): boolean => index < toldCase(question).length;

/** The words repeating a named document's title that the question uses only to say what that document is about. */
const describedTopic = (intent: Intent): string[] => {
  const described = new Set(describingWords(intent.standalone).map(foldedLower));
  return intent.topicWords.filter((word) => described.has(foldedLower(word)));
};

/**
 * The search words without those repeating the title of the documents the question is limited to: every passage of
 * a plan "về phòng, chống ma túy" is about drugs, so those words would rank its passages by how often they say so
 * rather than by what is asked of it.
 */
function withoutTopicWords(searchText: string, topicWords: readonly string[]): string {
  if (topicWords.length === 0) return searchText;
  const topic = new Set(topicWords.map(foldedLower));
  const kept = searchText.split(/\s+/u).filter((word) => !topic.has(foldedLower(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))));
  return kept.some((word) => /\p{L}/u.test(word)) ? kept.join(' ') : searchText;
}
/** How many names a text lists first, one by one ("Gia Thuận, Tân Điền, Gò Công Đông và Tân Phú Đông …" → 4), if any. */
const namedOneByOne = (text: string): number => {
  const list = /^[\s:]*((?:\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)(?:\s*(?:,|\bvà\b|\bva\b|\band\b)\s*\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)+)/u.exec(text);
  return list ? list[1].split(/\s*(?:,|\bvà\b|\bva\b|\band\b)\s*/u).length : 0;
};
/** A figure the question gives as a least: "12 months or longer", "từ 12 tháng trở lên". */
const AT_LEAST_AFTER = /^\s*(?:or (?:more|longer|above|over)|and (?:above|over)|trở lên)(?!\p{L})/iu;
/** Words before a figure that make it a bound rather than a value: "hơn 1 năm", "trên 70%", "over 3 months". */
const BOUND_BEFORE = /(?<!\p{L})(hơn|trên|dưới|ít nhất|tối đa|tối thiểu|quá|over|under|more than|less than|at least|at most|above|below)\s+$/iu;

/** A figure the question states, as written, and how a passage states it. */
interface StatedFigure {
  value: string;
  /** The figure itself; documents write small numbers with a leading zero ("Đợt 02", "03 triệu đồng"). */
  pattern: RegExp;
  /** A rate for each of what it counts ("10 phòng" → "…/phòng", "mỗi phòng"). */
  perUnit?: RegExp;
  /** Whether a text sets a band the figure lies in ("30 lớp" in "từ 28 lớp trở lên", "dưới 36 tháng tuổi", "40%" in "từ 30% đến 70%"). */
  within?: (text: string) => boolean;
  /** The sum it states, when it is one: a passage may write it with another magnitude ("30 triệu" as "30.000.000"). */
  amount?: number;
  /** The words the question writes that sum with ("30", "triệu"): a passage writing it otherwise lacks none of them. */
  amountWords: string[];
  /**
   * Told of the asker's own case before the question ("Tôi được cử đi học một lớp bồi dưỡng 3 tháng. Thời gian đó có
   * bị coi là gián đoạn công tác không?"): the rule applied to it need not state it, though it still picks the clause
   * that leads ("bị bão quật đổ khoảng 40% diện tích" → "thiệt hại từ 30% đến 70%").
   */
  told: boolean;
}

/** A figure of what is counted with the words that make it a bound, folded: "tu 28 lop tro len", "duoi 36 thang", "tren 70 tuoi", "den 06 thang tuoi". */
const boundPattern = (of: string): RegExp =>
  new RegExp(`(?:(?<!\\p{L})(tu|tren|hon|qua|duoi|den|toi thieu|it nhat|toi da|khong qua)\\s+)?(\\d+)\\s+${escapeRegExp(of)}(?!\\p{L})(?:\\s+(tro len|tro xuong))?`, 'gu');
/**
 * A range of what is counted, folded: "tu tren 10 ngay den 45 ngay", "tu 01 den 10 ngay", "10 - 45 ngay", "tu 01 thang
 * tro len den duoi 12 thang" (below its upper end).
 */
const rangePattern = (of: string): RegExp =>
  new RegExp(`(?:(?<!\\p{L})tu\\s+(tren\\s+)?)?(\\d+)(?:\\s+${escapeRegExp(of)})?(?:\\s+tro len)?\\s*(?:den|toi|-|–)\\s*(duoi\\s+)?(\\d+)\\s+${escapeRegExp(of)}(?!\\p{L})`, 'gu');

/** Whether `value` lies within a bound its words set ("tren 70", "tu 28 … tro len"); a figure with no bound word sets none. */
const withinBound = (value: number, bound: number, word: string | undefined, after: string | undefined): boolean => {
  if (after === 'tro len' || word === 'toi thieu' || word === 'it nhat') return value >= bound;
  // "Trâu, bò thịt đến 06 tháng tuổi": up to it.
  if (after === 'tro xuong' || word === 'toi da' || word === 'khong qua' || word === 'den') return value <= bound;
  if (word === 'tren' || word === 'hon' || word === 'qua') return value > bound;
  if (word === 'duoi') return value < bound;
  return false;
};

/** Whether `value` lies in a band a folded text sets for what it counts ("20 ngày" in "từ trên 10 ngày đến 45 ngày"). */
const inBand = (value: number, of: string): ((folded: string) => boolean) => {
  const unit = foldedLower(of);
  const [range, bound] = [rangePattern(unit), boundPattern(unit)];
  return (text) => {
    if (!text.includes(unit)) return false;
    let folded = text;
    const ranges = [...folded.matchAll(range)];
    if (ranges.some(([, above, low, below, high]) => (above ? value > Number(low) : value >= Number(low)) && (below ? value < Number(high) : value <= Number(high)))) return true;
    // A range's ends are no bounds of their own: "trên 10 ngày" of "từ trên 10 ngày đến 45 ngày" does not hold 50.
    for (const [found] of ranges) folded = folded.replace(found, ' ');
    return [...folded.matchAll(bound)].some(([, word, figure, after]) => withinBound(value, Number(figure), word, after));
  };
};

/** Days in a unit of time, folded: a length told in one unit lies in a band another sets ("3 tuần tuổi" in "đến 28 ngày tuổi"). */
const DAYS_IN: Readonly<Record<string, number>> = { ngay: 1, tuan: 7, thang: 30, nam: 365 };
/**
 * Whether `value` of `of` lies in a band a text sets for it, in its own unit or, for a length of time, in another;
 * however either is accented.
 */
const withinBand = (value: number, of: string): ((text: string) => boolean) => {
  const own = foldedLower(of);
  const days = DAYS_IN[own];
  const bands = days === undefined ? [inBand(value, own)] : Object.entries(DAYS_IN).map(([unit, size]) => inBand(unit === own ? value : (value * days) / size, unit));
  return (text) => {
    const folded = foldedLower(text);
    return bands.some((band) => band(folded));
  };
};

/** A share with the words that make it a bound, or a range of shares: "trên 70%", "từ 30% đến 70%", "30 - 70%". */
const PERCENT_BAND =
  /(?:(?<!\p{L})(tu|tren|hon|duoi|toi thieu|it nhat|toi da|khong qua)\s+)?(\d+(?:,\d+)?)\s*%?(?:\s*(?:den|toi|-|–)\s*(\d+(?:,\d+)?))?\s*%(?:\s+(tro len|tro xuong))?/gu;
const share = (figure: string): number => Number(figure.replace(',', '.'));

/** Whether a share lies in a band a text sets ("thiệt hại 40%" in "thiệt hại từ 30% đến 70%"). */
const withinShareBand = (value: number) => (text: string): boolean =>
  [...foldedLower(text).matchAll(PERCENT_BAND)].some(([, word, low, high, after]) =>
    high !== undefined ? value >= share(low) && value <= share(high) : withinBound(value, share(low), word, after),
  );

/** What a figure counts, as the documents write it: "classes" of "a school with 20 classes" is "lớp". */
const countedWord = (word: string | undefined, language: 'vi' | 'en'): string | undefined => {
  if (!word || language === 'vi') return word?.toLowerCase();
  const translated = translateToVietnamese(word.toLowerCase());
  return translated.matched.length > 0 ? translated.text.toLowerCase() : undefined;
};

/** An English month's name: after a day ("24 July"), or before it ("July 24"). */
const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december';
const ENGLISH_MONTH = new RegExp(`^(?:${MONTH_NAMES})$`, 'iu');
const MONTH_BEFORE = new RegExp(`(?<!\\p{L})(?:${MONTH_NAMES})\\s+$`, 'iu');
/** The rest of a span of days after its first: "–20 November". */
const DAYS_TO_MONTH = new RegExp(`^\\s*[–-]\\s*\\d{1,2}\\s+(?:${MONTH_NAMES})(?!\\p{L})`, 'iu');
/** A figure written as a date's day or month: "ngày 15", "tháng 12". */
const IN_DATE = /(?<!\p{L})(?:ngày|tháng|day|month)\s+$/iu;

/** A figure the question states, with the word after it when that is what it counts. */
// (A figure the question does not write in a date is not stated by the day or month of one: "12 tháng" is not in
// "ngày 31 tháng 12 năm 2024", nor in "31/12/2024".)
// A figure asked as a least ("12 months or longer") is not stated by a bound below it ("dưới 12 tháng").
const statedFigure = (value: string, of: string | undefined, dated = false, style: 'vi' | 'en' = 'vi', told = false, atLeast = false): StatedFigure => {
  const amount = dated ? undefined : statedAmount(value, of, style);
  return {
    value,
    told,
    pattern: new RegExp(
      `(?<![\\d.,${dated ? '' : '/'}])${dated ? '' : '(?<!(?:ngày|tháng)\\s+)'}${atLeast ? '(?<!(?:dưới|under|below|less than)\\s+)' : ''}${escapeRegExp(value).replace(/\s+/g, '\\s+').replace(/(^|\\s\+)0*(\d)/, '$10*$2')}(?![\\d]|[.,]\\d${dated ? '' : '|\\s*\\/\\s*\\d'})`,
      'iu',
    ),
    perUnit: of ? new RegExp(`(?:/\\s*|(?<!\\p{L})mỗi\\s+)${escapeRegExp(of)}(?!\\p{L})`, 'iu') : undefined,
    within: /^\d+(?:,\d+)?%$/.test(value) ? withinShareBand(share(value.slice(0, -1))) : of && /^\d+$/.test(value) ? withinBand(Number(value), of) : undefined,
    amount,
    amountWords: amount === undefined ? [] : [value, ...(of ? [of, foldDiacritics(of)] : [])],
  };
};

/**
 * The words of a figure told of the asker's case ("Tôi 46 tuổi", "đã công tác 10 năm"): the rule that applies to it
 * states a bound ("không quá 45 tuổi"), not the figure, so the figure weighs nothing in a passage's coverage.
 */
const toldWords = (figure: StatedFigure): string[] => (/^\d+$/.test(figure.value) ? [figure.value, String(Number(figure.value))] : []);

/** Whether a text names a period ("ngày" in "08 giờ hằng ngày", "/ngày"); matched folded when the question was typed so. */
const periodNamer = (period: string, folded: boolean): ((text: string) => boolean) => {
  const pattern = new RegExp(`(?<!\\p{L})${folded ? foldDiacritics(period) : period}(?!\\p{L})`, 'iu');
  return (text) => pattern.test(folded ? foldedLower(text) : text);
};

/** Where a question stands among the parts of the one asked. */
interface PartContext {
  /** The part before it was not answered. */
  afterUnanswered?: boolean;
}

/** A question understood once, read by every later stage; no stage reads the raw question again. */
interface Intent {
  input: AskInput;
  /** The question as answered: a follow-up rewritten from the conversation. */
  standalone: string;
  analyzed: AnalyzedQuestion;
  language: 'vi' | 'en';
  /** The documents it is limited to, or null for the whole collection. */
  scope: string[] | null;
  scopeMetas?: DocumentMeta[];
  types: readonly QuestionType[];
  /** It asks for a period of years / where the money comes from. */
  period: boolean;
  funding: boolean;
  /** What retrieval searches for. */
  searchText: string;
  /** Typed without diacritics (asked in English: translated into words without them), so matched folded. */
  folded: boolean;
  /** The value asked for: its unit, period, day and years. */
  slot: SlotAsked;
  /** Figures the question itself states ("người tròn 100 tuổi"): a passage must state them too. */
  figures: StatedFigure[];
  /** What the share or count asked is of, folded ("doanh nghiep su dung hoa don dien tu"), when one is asked. */
  measured: string | null;
  /** The period a figure is asked for ("mỗi ngày" → "ngày"), as documents write it. */
  ratePeriod: string | null;
  /** The scope comes from a place the question names (not from document numbers or the request). */
  scopedByPlace: boolean;
  /** Each document of the scope is asked about: a document of it that does not answer is said so. */
  eachAsked: boolean;
  /** The scope comes from documents the question names by number. */
  namedByNumber: boolean;
  /** Words that chose one of a place's documents by its title; the scope carries them, so evidence need not repeat them. */
  topicWords: readonly string[];
  /** Words that repeat the number and type of the documents named: they say which documents, not what in them. */
  namingWords: readonly string[];
  /** What a list question asks the items of, folded: "cá nhân" of "những cá nhân nào được khen thưởng". */
  listed: readonly string[];
  /** The words heading the section a list question asks for, folded: "nguyên tắc khen thưởng … gồm những gì". */
  listHead: readonly string[];
  /** What the question asks for beyond its types. */
  asks: {
    /** A body's duties ("Sở Y tế có nhiệm vụ gì?"). */
    duties: boolean;
    /** The groups of people a measure is for ("ai được cấp thẻ BHYT"), a list, not a body. */
    beneficiaries: boolean;
    /** Which body acts ("cơ quan nào chủ trì …"): the answer's first line names it. */
    actingBody: boolean;
    /** A figure, whatever else ("bao nhiêu", "mấy", "how much"): a yes-no question asking none asks a verdict. */
    howMuch: boolean;
    /** How a document is laid out (its parts, its chapters). */
    structure: boolean;
    /** Today's prices, rates or weather, which no document holds. */
    liveData: boolean;
    /** Whether things are the same or differ ("có cùng … không", "the same name"): no one quote says "Có". */
    sameness: boolean;
    /** How many words of negation the question holds ("không", "chưa", "not"). */
    negations: number;
    /** When the document takes effect, what it repeals, who carries it out: what its article on entry into force says. */
    entryIntoForce: boolean;
    /** What the document replaces, repeals or amends ("thay thế những văn bản nào"). */
    changes: boolean;
  };
  /** Documents the question names by number that the collection lacks: a passage must mention them to answer. */
  absent: ReturnType<typeof absentDocuments>;
  /** Whether the date a cited document bears answers: the question names that document and asks when it was issued. */
  citedAsked: CitedAsked;
  /** What a passage must state or sit under to answer, read off the question once (see the rules of `gatherEvidence`). */
  needs: EvidenceNeeds;
  /** What the direct strategies look for, read off the question once (see `strategies`). */
  direct: DirectAsked;
  /** The province of the plans asked about is named, though the collection holds plans of places inside it only. */
  namesScopeProvince: boolean;
  /** A later part of a question, naming no document, after a part the documents do not answer: it asks about what that part is about. */
  leansOnUnanswered: boolean;
}

/** What the question asks that its documents' structure may answer without ranking passages. */
interface DirectAsked {
  /** Places named that the collection holds no documents of, when the question names no document it holds. */
  missingPlaces: string[];
  /** An abbreviation or a name asked about alone ("NCT là gì?"). */
  definition: DefinitionAsked | null;
  /** The terms asked the meaning of, folded ("phản ánh hiện trường"). */
  meanings: readonly string[];
  /** The phrases the question quotes. */
  quoted: readonly string[];
  /** Words a structure question may name the section by whose parts it asks. */
  structureWords: ReadonlySet<string>;
  /** The section of the one document asked about whose items a list or duties question asks for. */
  section: SectionAsked | null;
  /** Facts about the document itself (its signer, dates, number…). */
  planFacts: readonly PlanFact[];
  /** The rows a question asking which of them asks for ("những tỉnh nào được trên 150 tỷ đồng", "… nhiều nhất"). */
  rows: RowsAsked | null;
  /** The year a list question bounds its items' time by ("những nhiệm vụ nào phải hoàn thành trong năm 2025"). */
  time: TimeAsked | null;
  /** The name of a law the document rests on whose date is asked ("căn cứ Luật Cán bộ, công chức ban hành ngày nào"), folded words. */
  basisDate: readonly string[];
}

/** What the question requires of a passage beyond its words and the kind of fact asked. */
interface EvidenceNeeds {
  /** "Sở nào chủ trì …?": the body leading something is asked, so the passage (or its table's header) says who leads. */
  leadAsked: boolean;
  /** Who enacts a document, on whose proposal, on what basis or what it governs is asked: where it restates its subject may answer. */
  subjectAsked: boolean;
  /** An attribute the documents seldom state (phone, address…), as a test on the folded passage. */
  attribute: RegExp | null;
  /** A person's name. */
  person: boolean;
  /** The post the question asks who holds ("truong ban"), folded. */
  role: string | null;
  /** "Sở Y tế có nhiệm vụ gì?": a body's duties, under its heading; the bodies named in the documents' words. */
  bodyDuties: boolean;
  dutyBodies: readonly string[];
  /** The body a Vietnamese question makes the actor ("UBND các huyện phải báo cáo …"). */
  actor: string | null;
  /** "Hiện nay có bao nhiêu …": how things stand, not a target. */
  current: boolean;
  /** Kinds of amount named ("bị phạt bao nhiêu tiền"), each a test on a passage. */
  amountKinds: readonly ((passage: string) => boolean)[];
  /** Within the documents named, "… căn cứ luật nào": a test for a passage citing a document of that type. */
  citedType: ((text: string) => boolean) | null;
  /** Bodies whose rows of a table a list question asks for ("Sở Tài chính chủ trì những nhiệm vụ nào"). */
  tableBodies: readonly string[];
  /** "Công an Thành phố chủ trì nhóm nhiệm vụ nào": the tasks a body is named in charge of are asked. */
  ledTasks: boolean;
  /** Terms the question marks and asks the meaning of, folded: a passage must say what one is. */
  definedTerms: readonly string[];
  /** Wards, communes or districts named within the documents asked about (none of their own places), folded. */
  subunits: readonly string[];
  /** Vietnamese terms an English question gives in brackets ("(viên chức)"), as plain words. */
  asides: readonly string[];
  /** Kinds of honour named ("giấy khen"), folded. */
  awards: readonly string[];
  /** Places a question names as what a document gives to ("bổ sung cho tỉnh Lạng Sơn"), folded: the passage must name one. */
  recipients: readonly string[];
}

/** Whether a passage says what one of the terms a question marks and asks the meaning of is. */
const definesAsked = (needs: Pick<EvidenceNeeds, 'definedTerms'>, text: string): boolean => needs.definedTerms.some((term) => definesTerm(text, term));

/** What a stage decided: the parts of an answer, or an abstention with what to say about it. */
type Outcome =
  | { kind: 'answer'; parts: AnswerPart[]; missing?: MissingFact[]; slot?: AskedSlot; retrieveMs?: number; quotedLimit?: number }
  | { kind: 'abstain'; details: { missingPlaces?: readonly string[]; missingDocuments?: readonly string[]; facts?: readonly PlanFact[] }; retrieveMs?: number };

/** The evidence gathered for a question: every scored sentence, those that may answer, and the query profile. */
interface Gathered {
  scored: Evidence[];
  evidence: Evidence[];
  profile: QueryProfile;
  retrieveMs: number;
}

/** The nearest heading above a passage that names a body ("2. Sở Y tế", "Điều 12. Trách nhiệm của Sở …"). */
const bodyHeadingOf = (item: Pick<Evidence, 'section'>): string | undefined => item.section.findLast(isBodyHeading);

const elapsed = (since: number): number => Math.round((performance.now() - since) * 100) / 100;

export function createExtractiveAnswerer({ knowledge, retriever, logger, options = {} }: AnswererDeps): Answerer {
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const minTypedCoverage = options.minTypedCoverage ?? DEFAULT_MIN_TYPED_COVERAGE;
  const maxUnknownShare = options.maxUnknownShare ?? DEFAULT_MAX_UNKNOWN_SHARE;
  const candidates = options.candidates ?? 16;
  const direct = createDirectAnswers(knowledge);
  const weighAmong = createPopulationWeights(knowledge);
  // The catalogue and what is derived from it, made again whenever an ingest changed the collection: the server
  // answers about a new document without a restart.
  let metas: readonly DocumentMeta[] = [];
  let metaById = new Map<string, DocumentMeta>();
  let abbreviations: ReadonlyMap<string, string> = new Map();
  let vocabulary = createTermVocabulary(knowledge.stats, abbreviations);
  let localityKeys = new Set<string>();
  let planNumbers = new Set<string>();
  const refresh = (): void => {
    const current = knowledge.catalogue();
    if (current !== metas) {
      metas = current;
      metaById = new Map(metas.map((meta) => [meta.id, meta]));
      localityKeys = new Set(metas.flatMap((meta) => [meta.locality, meta.province].filter((name): name is string => !!name).map((name) => matchKey(name.replace(/^(tỉnh|thành phố|huyện)\s+/i, '')))));
      planNumbers = new Set(metas.flatMap((meta) => meta.number?.match(/^\d+/)?.[0] ?? []));
    }
    if (knowledge.lexical.abbreviations !== abbreviations) {
      abbreviations = knowledge.lexical.abbreviations;
      vocabulary = createTermVocabulary(knowledge.stats, abbreviations);
    }
  };
  refresh();

  // A passage that lacks the kind of fact asked for (no figure for "how many", no date for "when") cannot answer;
  // one that states it needs less of the question's wording, but still its subject: a figure of the asked unit
  // about something else ("kinh phí … giáo dục" for a question on health care) is no answer. A figure of the
  // very thing counted, named as the question names it ("2.226 người có công" for "bao nhiêu người có công với
  // cách mạng"), needs less still: long official names are often shortened in the text.
  const supports = (profile: QueryProfile) => (evidence: Evidence): boolean => {
    if (evidence.fit <= 0.1) return false;
    if (evidence.coverage >= minCoverage) return true;
    const namesCounted = profile.counted !== null && evidence.fit >= 1 && foldedLower(evidence.text).includes(profile.counted);
    return evidence.fit >= 0.6 && evidence.coverage >= (namesCounted ? minTypedCoverage * 0.6 : minTypedCoverage);
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
  const ignoredSyllables = (analyzed: AnalyzedQuestion, duties: boolean, scope: readonly string[] | null): Set<string> =>
    new Set([
      // A place counts when the documents asked about are not its own: Đắk Lắk's row in a national decision's table.
      ...analyzed.localities.mentions
        .filter((mention) => !scope || placeOfScope(mention, scope))
        .flatMap((mention) => mention.name.toLowerCase().split(/\s+/).flatMap((syllable) => [syllable, matchKey(syllable)])),
      ...META_SYLLABLES,
      ...(duties ? DUTY_SYLLABLES : []),
      ...(analyzed.types.includes('count') ? COUNT_SYLLABLES : []),
    ]);

  /** The syllables of the glossary's ways of wording an English question's terms that the documents it is limited to never write. */
  const unwrittenIn = async (documents: QuestionDocuments, scope: readonly string[], alternatives: readonly (readonly string[])[]): Promise<string[]> => {
    if (alternatives.length === 0) return [];
    await documents.load(scope);
    return [...unwrittenAlternatives(alternatives, scope.map((docId) => documents.document(docId).text))];
  };

  /** The terms of the scope's own numbers ("110/2025", "tt", "btc"): they say which document, not what in it. */
  const numberTerms = (scopeMetas: readonly DocumentMeta[] | undefined, folded: boolean): string[] =>
    (scopeMetas ?? []).flatMap((meta) => (meta.number ? [...vocabulary.terms(meta.number, folded)].filter((term) => !term.includes(' ')) : []));

  /**
   * A follow-up that names no plan ("Who else is involved?") stays with the plans the conversation was about,
   * unless it asks about every plan. One naming a place the collection has no documents of ("And Gia Lai?") stays
   * only with national documents, which speak of every place (a province's row in a decision's table).
   */
  const previousScope = (input: AskInput, analyzed: AnalyzedQuestion): string[] | null => {
    if (analyzed.wantsAllPlans) return null;
    const previous = [...(input.history ?? [])].reverse().find((turn) => turn.role === 'user');
    if (!previous) return null;
    const scope = questionScope(analyzeQuestion(previous.content, { documents: metas, abbreviations }), metas);
    const national = scope?.every((docId) => metaById.get(docId)?.level === 'quốc gia') ?? false;
    return analyzed.localities.outOfCorpus.length > 0 && !national ? null : scope;
  };

  /**
   * Places named as a recipient beside documents not their own, folded: given to ("bổ sung cho tỉnh Đắk Lắk", "allocate
   * to Ho Chi Minh City"), or receiving ("tỉnh Lâm Đồng được bổ sung", "how much did Gia Lai receive"); with the places
   * joined to one of them ("… cho tỉnh Lạng Sơn và tỉnh Hà Tĩnh", "Quảng Ngãi and Khánh Hòa each receive").
   */
  const recipientPlaces = (question: string, scope: readonly string[]): string[] => {
    const text = normalizeVietnamese(question);
    const mentions = locateLocalities(text, metas);
    const joined = (first: LocalityMention, second: LocalityMention) => /^\s*(?:,|và|va|and)\s*$/iu.test(text.slice(first.end, second.start));
    const recipient = mentions.map((mention) => RECIPIENT_BEFORE.test(text.slice(0, mention.start)) || RECIPIENT_AFTER.test(text.slice(mention.end)));
    // Joined forwards ("cho A và B") and backwards ("A và B được …").
    for (let i = 1; i < mentions.length; i++) recipient[i] ||= recipient[i - 1] && joined(mentions[i - 1], mentions[i]);
    for (let i = mentions.length - 2; i >= 0; i--) recipient[i] ||= recipient[i + 1] && joined(mentions[i], mentions[i + 1]);
    return mentions
      .filter((mention, i) => recipient[i] && !placeOfScope(mention, scope))
      .map((mention) => matchKey(mention.name.replace(/^(tỉnh|thành phố)\s+/iu, '')));
  };

  /** Named administrative units ("huyện Lạng Giang") that are none of the plans' localities. */
  const unlistedPlaces = (question: string): string[] =>
    [...question.matchAll(NAMED_UNIT)].map((match) => match[1]).filter((name) => !localityKeys.has(matchKey(name)));

  /** Whether a question names the province of the plans it is about: "tỉnh Lạng Sơn", "Lang Son province". */
  const namesProvinceOf = (question: string, scoped: readonly DocumentMeta[]): boolean => {
    const province = scoped[0]?.province;
    return !!province && new RegExp(`\\b(tinh ${matchKey(province)}|${matchKey(province)} province)\\b`).test(foldedLower(question));
  };

  /** "tỉnh Lạng Sơn" asked when only plans of places inside that province are in the collection. */
  const provinceNote = (scoped: readonly DocumentMeta[], language: 'vi' | 'en'): string | undefined => {
    const province = scoped[0]?.province;
    if (!province || scoped.some((meta) => meta.level === 'tỉnh') || !scoped.every((meta) => meta.province === province)) return undefined;
    const plans = joinNames(scoped.map((meta) => planName(meta, language)), language);
    return language === 'en'
      ? `The collection has no plan of ${province} province itself; these are the plans of ${plans}, which lie in it:`
      : `Kho tài liệu không có kế hoạch của chính tỉnh ${province}; dưới đây là kế hoạch của ${plans} thuộc tỉnh:`;
  };

  /**
   * Figures the question itself states ("người tròn 110 tuổi", "tỷ lệ 80%") must be in the answer's passage;
   * years and plan numbers are left to the period and scope checks.
   */
  // An ordinal goes with its word ("đợt 1", "lần 2", "phase 1"): "Điều 1" in a passage does not state "đợt 1".
  // (An English figure may be joined to what it counts: "an 8-month-old cow".)
  const askedFigures = (question: string, language: 'vi' | 'en'): StatedFigure[] =>
    [...question.matchAll(/(?:(?<![\p{L}])(đợt|lần|kỳ|giai đoạn|batch|round|phase)\s+)?(?<![\d/])(\d+(?:[.,]\d+)*%?)(?![\d/])(?:(?:\s+|-)(\p{L}+))?/giu)]
      .filter((match) => !/^(19|20)\d{2}$/.test(match[2]) && !planNumbers.has(match[2]))
      // "Bò hơn 1 năm tuổi": a bound the question's case lies within, which a passage states in its own bands.
      .filter((match) => !BOUND_BEFORE.test(question.slice(0, match.index)))
      // "4 xã Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông": a count of what the question then names one by one is
      // said by the names, which a passage may give without it.
      .filter((match) => Number(match[2]) !== namedOneByOne(question.slice(match.index! + match[0].length)))
      .map((match) => {
        // A day or month of a date written in English ("dated 24 July 2025", "on July 24") is read as a date's.
        // (So is the first day of a span of days: "17–20 November 2025".)
        const [before, after] = [question.slice(0, match.index), question.slice(match.index! + match[0].length)];
        const dated = IN_DATE.test(before) || ENGLISH_MONTH.test(match[3] ?? '') || MONTH_BEFORE.test(before) || DAYS_TO_MONTH.test(after);
        return statedFigure(match[1] ? `${match[1]} ${match[2]}` : match[2], match[1] || dated ? undefined : countedWord(match[3], language), dated, language, inToldCase(question, match.index!), AT_LEAST_AFTER.test(after));
      });
  /**
   * Whether a passage states a figure the question states, or sets a rate for each of what it counts: "1.000.000
   * đồng/phòng" answers for a karaoke of 10 phòng.
   */
  // (A document's title speaks for all its passages: "Quyết định … bổ sung kinh phí … (đợt 2)" states "đợt 2" of each row.)
  const statesStated = (figure: StatedFigure, item: Evidence): boolean =>
    figure.pattern.test(`${metaById.get(item.chunk.docId)?.title ?? ''} ${item.section.join(' ')} ${figure.value.includes(' ') ? leadUp(item) : ''}${item.text}`) || !!figure.perUnit?.test(item.text) || !!figure.within?.(item.text) || (figure.amount !== undefined && statesAmount(figure.amount, item.text));
  /**
   * Whether a passage only restates its document's number and title ("Quyết định 53/2025/QĐ-UBND phân cấp cho Sở
   * … Văn bản này chưa cập nhật nội dung Tiếng Anh"): it names its own number, and most of its words are the title's.
   */
  const restatesTitle = (item: Evidence): boolean => {
    const meta = metaById.get(item.chunk.docId);
    if (!meta) return false;
    const wordsOf = (text: string) => foldedLower(text).split(/[^\p{L}]+/u).filter((word) => word.length > 1 && !STOPWORDS.has(word));
    const own = meta.number?.match(/^\d+\s*\/\s*[\p{L}\p{N}]+/u)?.[0];
    if (!own || !foldedLower(item.text).replace(/\s+/g, '').includes(foldedLower(own).replace(/\s+/g, ''))) return false;
    const title = new Set(wordsOf(`${meta.title} ${meta.type} ${meta.number}`));
    const words = wordsOf(item.text);
    return words.length >= 6 && words.filter((word) => title.has(word)).length >= RESTATED_TITLE_SHARE * words.length;
  };
  /** The line of the chunk up to where a quote starts: the item it is cut from. */
  const leadUp = (item: Evidence): string => {
    const before = item.chunk.text.slice(0, item.start - item.chunk.start);
    return before.slice(before.search(/[^\n]*(?:\n[^\n-]*){0,2}$/u));
  };

  /**
   * The documents a question that names none is about: all of a small collection, else those of the best
   * passages, so an answer about a whole collection never reads thousands of documents.
   */
  const likelyDocuments = async (question: string): Promise<string[]> => {
    if (metas.length <= MAX_DOCUMENTS_PER_ANSWER) return metas.map((meta) => meta.id);
    const hits = await retriever.search(question, { topK: 4 * MAX_DOCUMENTS_PER_ANSWER });
    return [...new Set(hits.map((hit) => hit.chunk.docId))].slice(0, MAX_DOCUMENTS_PER_ANSWER);
  };

  /**
   * The section of the one document asked about whose every item a question asks for: "Kế hoạch 308 đặt ra những yêu
   * cầu gì?" the section headed by what is listed; "Sở Nội vụ có vai trò gì?" the one headed by that body.
   */
  const sectionAsked = (standalone: string, analyzed: AnalyzedQuestion, scopeMetas: readonly DocumentMeta[] | undefined, types: readonly QuestionType[], needs: EvidenceNeeds, head: readonly string[]): SectionAsked | null => {
    if (!scopeMetas || scopeMetas.length === 0 || scopeMetas.length > MAX_DOCUMENTS_PER_ANSWER) return null;
    const naming = scopeMetas.map((meta) => [meta.type, meta.title, meta.number, meta.locality, meta.issuer].join(' ')).join(' ');
    const question = analyzed.language === 'en' ? analyzed.searchText : standalone;
    // "So sánh nhiệm vụ của Sở Xây dựng trong KH 144 và KH 597": the body's section in each of the documents named.
    if (needs.bodyDuties && needs.dutyBodies.length > 0) {
      // "Trong dịch Covid-19, Sở LĐTBXH đã chỉ đạo … làm gì?" asks part of what the body does, which retrieval finds.
      const asked = [...foldedLower(needs.dutyBodies.join(' ')).split(/[^a-z0-9]+/), ...DUTY_SYLLABLES];
      return asksWholeSection(question, asked, naming) ? { bodies: needs.dutyBodies, questionWords: questionWords(question) } : null;
    }
    if (scopeMetas.length > 1 || !types.includes('list') || needs.tableBodies.length > 0) return null;
    const named = askedSectionWords(standalone, analyzed.language, head, (english) => translateToVietnamese(english).text).filter((words) => asksWholeSection(question, words, naming));
    const wordings = named.length > 0 || head.length > 0 || analyzed.language === 'en' ? named : firstWordings(openingWords(standalone)).filter((words) => asksWholeSection(question, words, naming));
    return wordings.length > 0 ? { wordings, questionWords: questionWords(question) } : null;
  };

  /**
   * A long opening may name a section by its first words ("phương án triển khai | phong trào thi đua … gồm những bước
   * nào"): each run of its first words, longest first, down to two.
   */
  const firstWordings = (opening: readonly string[]): (readonly string[])[] => {
    const longest = Math.min(opening.length, MAX_HEAD_WORDS);
    return Array.from({ length: longest - 1 }, (_, i) => opening.slice(0, longest - i));
  };

  /** "Kế hoạch nào…" asks which of the plans: answered per plan from their content, not from legal bases. */
  const asWhichPlan = (analyzed: AnalyzedQuestion, question: string): AnalyzedQuestion =>
    asksWhichPlan(question)
      ? { ...analyzed, types: analyzed.types.filter((type) => type !== 'document' && type !== 'legal-basis'), wantsAllPlans: true }
      : analyzed;

  // ---- The stages of one question: prepare → direct strategies → gather evidence → shape → compose. ----------

  /** Stage 1: the question understood once — its standalone form, analysis, scope and the value it asks for. */
  const prepare = (input: AskInput, context: PartContext = {}): Intent => {
    refresh();
    const standalone = rewriteFollowUp(input.question, input.history ?? [], metas);
    const analyzed = asWhichPlan(analyzeQuestion(standalone, { documents: metas, abbreviations }), standalone);
    const resolved = resolveScope(analyzed, metas, input.docIds);
    // A follow-up whose place only the rewrite carried over from the conversation ("còn dự án 2 là gì?" after "KH 153
    // của Cần Thơ …") stays on the conversation's documents, not on every document of that place.
    // (Only read where it may serve: with no scope of its own, or one by place.)
    const previous = !resolved || resolved.by === 'place' ? previousScope(input, analyzed) : null;
    const carried =
      resolved?.by === 'place' && standalone !== input.question && previous !== null && previous.every((docId) => resolved.docIds.includes(docId)) && previous.length < resolved.docIds.length &&
      analyzeQuestion(input.question, { documents: metas, abbreviations }).localities.mentions.length === 0;
    const named = carried ? null : resolved;
    const scope = named?.docIds ?? previous;
    // Plans state their period under "Thời gian thực hiện" and their money under "Kinh phí", whatever words the question used.
    const period = asksPeriod(standalone);
    const funding = asksFunding(standalone);
    // A place named beside documents that are not its own (Đắk Lắk in a national decision) is what to look for in them.
    const places = scope ? analyzed.localities.mentions.filter((mention) => !placeOfScope(mention, scope)).map((mention) => ` ${mention.name}`) : [];
    const asks = {
      duties: asksDuties(standalone),
      beneficiaries: asksBeneficiaries(standalone),
      actingBody: asksActingBody(standalone),
      howMuch: asksHowMuch(standalone),
      structure: asksStructure(standalone),
      liveData: asksLiveData(standalone),
      sameness: SAMENESS.test(foldedLower(standalone)),
      negations: negations(standalone),
      entryIntoForce: asksEntryIntoForce(standalone),
      changes: asksChanges(standalone),
    };
    const bodyDuties = asks.duties && namesParticularBody(analyzed.searchText);
    // "Ai được cấp thẻ BHYT" asks for groups of people, not for a body: no passage need name a department; nor does
    // "Sở LĐTBXH được giao chủ trì những hoạt động nào", which names the body and asks what it leads.
    const ledTasks = asksLedTasks(standalone) && namesParticularBody(analyzed.searchText) && !asksWhichBody(standalone);
    const asked = asks.beneficiaries || ledTasks ? analyzed.types.filter((type) => type !== 'who') : analyzed.types;
    const types: readonly QuestionType[] = funding && !asked.includes('funding') ? [...asked, 'funding'] : asked;
    const bodies = particularBodies(analyzed.searchText);
    // The document a fact is asked of, when the collection lacks it, though the question names one it holds too.
    const namedAbsent = absentDocuments(standalone, metas);
    const absentAsked = factOfAbsentDocument(standalone, metas);
    const absent = namedAbsent.length > 0 ? namedAbsent : [absentAsked ?? []].flat();
    const issueAsked = asksIssue(standalone);
    const needs: EvidenceNeeds = {
      attribute: askedAttribute(standalone),
      person: asksPerson(standalone) || asksWhoSigned(standalone, types),
      role: askedRole(standalone),
      bodyDuties,
      // A duties question naming a body only in English takes any body's heading.
      dutyBodies: bodyDuties ? bodies : [],
      // (Asked in English, the body's name is a translation, too loose to tell one body's heading from another's. The
      // body a told case names is who asks — "Chúng tôi là UBND một phường. … đơn vị phải ban hành … trong bao lâu?" —
      // which may be one of a class a heading names: the actor is read in the sentence asking.)
      actor: types.includes('who') || analyzed.language === 'en' ? null : actingBody(askingPart(standalone)),
      current: asksCurrentState(standalone) && !types.includes('target'),
      amountKinds: askedAmountKinds(analyzed.language === 'en' ? analyzed.searchText : standalone),
      citedType: scope && (types.includes('legal-basis') || types.includes('document')) ? askedTypeCited(standalone) : null,
      tableBodies: bodies,
      ledTasks,
      leadAsked: types.includes('who') && /\bchu tri\b/.test(foldedLower(analyzed.language === 'en' ? analyzed.searchText : standalone)),
      subjectAsked: asksSubject(`${standalone} ${analyzed.searchText}`),
      definedTerms: markedTermsDefined(standalone),
      awards: askedAwards(standalone),
      recipients: scope ? recipientPlaces(standalone, scope) : [],
      // (An aside holding a number or an abbreviation names a document or is written another way in the text.)
      asides: analyzed.language === 'en' ? [...standalone.matchAll(VIETNAMESE_ASIDE)].map((match) => match[1]).filter((aside) => !/\d|\p{Lu}{2}/u.test(aside)).map(plainWords) : [],
      subunits: scope ? [...standalone.matchAll(NAMED_SUBUNIT)].map((match) => matchKey(match[1])).filter((name) => !localityKeys.has(name)) : [],
    };
    const searchText = `${analyzed.searchText}${places.join('')}${period ? ' thời gian thực hiện' : ''}${funding ? ' kinh phí' : ''}`;
    const scopeMetas = scope?.flatMap((id) => metaById.get(id) ?? []);
    const head = listHead(standalone);
    const askedAbout = scopeMetas ?? (metas.length <= MAX_DOCUMENTS_PER_ANSWER ? metas : []);
    const titles = askedAbout.map((meta) => meta.title);
    const direct: DirectAsked = {
      missingPlaces: scope ? [] : [...new Map([...analyzed.localities.outOfCorpus, ...unlistedPlaces(standalone)].map((name) => [matchKey(name), name])).values()],
      definition: definitionAsked(standalone, abbreviations),
      meanings: termsAskedAbout(standalone),
      quoted: quotedPhrases(standalone),
      structureWords: structureWordsAsked(analyzed.searchText),
      section: sectionAsked(standalone, analyzed, scopeMetas, types, needs, head),
      planFacts: askedPlanFacts(standalone, analyzed, { otherDocument: namesAbsentDocument(standalone, metas) || absentAsked !== null, titles, types: askedAbout.flatMap((meta) => meta.type ?? []), byNumber: named?.by === 'number' }),
      // (Places of no document asked about are rows of its tables: "Lạng Sơn hay Cao Bằng được bổ sung nhiều hơn".)
      rows: askedRows(standalone, [...analyzed.localities.mentions.filter((mention) => !scope || !placeOfScope(mention, scope)).map((mention) => mention.name), ...analyzed.localities.outOfCorpus]),
      time: askedTime(standalone),
      basisDate: basisDateAsked(standalone),
    };
    return {
      input,
      standalone,
      analyzed,
      language: analyzed.language,
      scope,
      scopeMetas,
      types,
      period,
      funding,
      searchText,
      // Typed without diacritics, the question is matched folded, whatever its expanded abbreviations are written in;
      // an English question, by the Vietnamese it was translated into.
      folded: !isAccented(analyzed.language === 'en' ? searchText : standalone),
      slot: readSlot(standalone, searchText, abbreviations),
      figures: askedFigures(standalone, analyzed.language),
      measured: types.includes('percent') || types.includes('count') ? measuredPhrase(standalone, analyzed.language, (english) => translateToVietnamese(english).text) : null,
      ratePeriod: ratePeriodAsked(analyzed.language === 'en' ? searchText : standalone),
      // Only a place this question names (not one carried from the conversation), no document named by number.
      scopedByPlace: named?.by === 'place',
      eachAsked: named?.by !== 'place' || !!named.eachAsked,
      namedByNumber: named?.by === 'number',
      topicWords: named?.topicWords ?? [],
      namingWords: named?.namingWords ?? [],
      listed: askedSectionWords(standalone, analyzed.language, [], (english) => translateToVietnamese(english).text)[0] ?? [],
      listHead: head,
      asks,
      absent,
      // A citation's date is the day that document was issued: no answer to when it takes or ceases to take effect.
      // ("What is that decision's number and date?" asks a cited document's number, and the date it bears with it.)
      // Nor is a deadline ("… phải trình dự thảo thay thế Quyết định 15/2021 trước ngày nào?") the date a document bears.
      // Asked when a document the collection lacks was issued, the date another citation beside it bears is not it.
      // "Sở Nội vụ phải ban hành tiêu chí … trước ngày nào?" asks a time limit, whatever is issued by then.
      citedAsked: asksEffect(standalone) || askedDay(standalone) === 'day' ? () => false : issueAsked && absent.length > 0 ? citesNamedNumber(standalone) : issueAsked || types.includes('document') ? () => true : types.includes('deadline') ? () => false : citesNamedNumber(standalone),
      needs,
      direct,
      namesScopeProvince: !!scopeMetas && namesProvinceOf(standalone, scopeMetas),
      leansOnUnanswered: !!context.afterUnanswered && !scope,
    };
  };

  /** Stage 2: answers that need no retrieval, tried in order; the first that applies decides. */
  const strategies: readonly { name: string; run: (intent: Intent, documents: QuestionDocuments) => Promise<Outcome | null> | Outcome | null }[] = [
    {
      name: 'places not in the collection',
      run: ({ direct: { missingPlaces } }) => (missingPlaces.length > 0 ? { kind: 'abstain', details: { missingPlaces } } : null),
    },
    {
      // "Thủ tục sang tên sổ đỏ gồm những giấy tờ gì? Mất bao lâu?", "Chỉ số BMI tính thế nào và bao nhiêu thì bị coi là
      // thừa cân?": a later part is about what the first is about, which no document speaks of; a passage sharing the
      // later part's own few words ("bị coi là") would be about something else.
      name: 'a part leaning on one the documents do not answer',
      run: ({ leansOnUnanswered }) => (leansOnUnanswered ? { kind: 'abstain', details: {} } : null),
    },
    {
      name: "today's prices, rates or weather",
      run: ({ asks }) => (asks.liveData ? { kind: 'abstain', details: {} } : null),
    },
    {
      // "Theo Quyết định 46/2022 …, …?": what a document the collection lacks says is in no document it holds,
      // however many of them cite it.
      name: 'what a document the collection lacks says',
      run: ({ absent }) => (absent.some((document) => document.framed) ? { kind: 'abstain', details: { missingDocuments: absent.map((document) => document.written) } } : null),
    },
    {
      name: 'definition',
      run: async ({ direct: asked, scope }, documents) => {
        const definition = (asked.definition && (await direct.definition(documents, asked.definition))) ?? (await direct.definedTerm(documents, asked.meanings, scope));
        return definition ? { kind: 'answer', parts: [definition] } : null;
      },
    },
    {
      name: 'quoted phrase',
      run: async ({ direct: asked, scope, needs, types }, documents) => {
        // Asked for a list, every place the phrase stands is an item ("những nhiệm vụ nào … “thực hiện thường xuyên”").
        const found = await direct.quotedPhrase(documents, asked.quoted, scope, types.includes('list') ? MAX_LIST_ITEMS : undefined);
        // "Thế nào là “giảng viên kiêm nhiệm”?" is not answered by a sentence that only uses the phrase, nor "… “cá thể
        // hóa” phải đạt bao nhiêu phần trăm?" by one stating no share: a figure or a date asked must be in it too.
        const typed = types.filter(asksFigureOrDate);
        const fills = (item: Evidence) => (needs.definedTerms.length === 0 || definesAsked(needs, item.text)) && typed.every((type) => typeFit(type, item.text, item.section.join(' ')) >= 0.6);
        const parts = found.map((part) => ({ ...part, evidence: part.evidence.filter(fills) })).filter((part) => part.evidence.length > 0);
        return parts.length > 0 ? { kind: 'answer', parts } : null;
      },
    },
    {
      name: 'structure',
      run: async ({ standalone, scope, asks, direct: asked }, documents) => {
        if (!asks.structure) return null;
        const docIds = scope ?? (await likelyDocuments(standalone));
        const parts = (await Promise.all(docIds.map((docId) => direct.structure(documents, docId, asked.structureWords)))).filter((part) => part !== null);
        return parts.length > 0 ? { kind: 'answer', parts } : null;
      },
    },
    {
      // "Kế hoạch 308 đặt ra những yêu cầu gì?": every item of the section headed by what is listed; "Sở Nội vụ có vai
      // trò gì?": of the section headed by that body.
      name: 'section the question names',
      run: async ({ scopeMetas, direct: asked }, documents) => {
        const { section } = asked;
        if (!section) return null;
        // Each document named has the section, or retrieval answers (and says which has nothing).
        const parts = await Promise.all(scopeMetas!.map((meta) => direct.namedSection(documents, meta.id, section)));
        return parts.every((part) => part !== null) ? { kind: 'answer', parts } : null;
      },
    },
    {
      // "Theo QĐ 2639, những địa phương nào được bổ sung trên 150 tỷ đồng?", "… tỉnh nào được nhiều nhất?": the rows of
      // the named documents' tables whose figure passes the bound, read in the tables' unit, or is the highest.
      name: 'table rows asked for',
      run: async ({ scope, direct: { rows } }, documents) => {
        if (!rows || !scope) return null;
        const parts = (await Promise.all(scope.map((docId) => direct.tableRows(documents, docId, rows)))).filter((part) => part !== null);
        return parts.length > 0 ? { kind: 'answer', parts } : null;
      },
    },
    {
      // "KH 308 có những nhiệm vụ nào phải hoàn thành trong năm 2025?": the items of the named documents whose stated
      // time reads that year.
      name: 'items of the time asked',
      run: async ({ scope, direct: { time } }, documents) => {
        if (!time || !scope) return null;
        const parts = (await Promise.all(scope.map((docId) => direct.timedItems(documents, docId, time)))).filter((part) => part !== null);
        return parts.length > 0 ? { kind: 'answer', parts } : null;
      },
    },
    {
      name: 'facts about the document itself',
      run: async ({ standalone, scope, slot, needs, direct: { planFacts: facts, basisDate } }, documents) => {
        if (facts.length === 0) return null;
        const parts: AnswerPart[] = [];
        const missing: MissingFact[] = [];
        // "Kế hoạch … năm 2020 số mấy?" asks about another document than one of other years: one it may cite, which
        // retrieval looks for. (A document takes effect in a later year than it is issued in: that year names no other.)
        const candidates = scope ?? (await likelyDocuments(standalone));
        const docIds = facts.includes('effective-date') ? candidates : candidates.filter((docId) => {
          const meta = metaById.get(docId);
          return !meta || !documentOfOtherYears(slot.years, meta.title, meta.issuedDate);
        });
        if (docIds.length === 0) return null;
        for (const docId of docIds) {
          for (const fact of facts) {
            const part = await direct.planFact(documents, docId, fact);
            if (part) parts.push(part);
            else if (scope) missing.push({ docId, fact });
          }
        }
        if (parts.length === 0) return { kind: 'abstain', details: { facts } };
        // "… căn cứ nghị quyết nào của Chính phủ?": the legal bases citing a document of the type asked; when none
        // does, the document may cite one elsewhere (its aims, its tasks), which retrieval finds.
        const { citedType } = needs;
        // "… căn cứ Luật Cán bộ, công chức ban hành ngày nào": the legal basis naming that law gives its date; with none
        // naming it, the document does not rest on it.
        if (basisDate.length > 0 && facts.every((fact) => fact === 'legal-basis')) {
          const name = ` ${basisDate.join(' ')} `;
          const naming = parts.flatMap((part) => (part.kind === 'passages' ? [{ ...part, evidence: part.evidence.filter((item) => plainWords(item.text).includes(name)) }] : [])).filter((part) => part.evidence.length > 0);
          return naming.length > 0 ? { kind: 'answer', parts: naming, slot: { kind: 'date', cited: () => true } } : { kind: 'abstain', details: {} };
        }
        if (citedType && facts.every((fact) => fact === 'legal-basis')) {
          const citing = parts.flatMap((part) => (part.kind === 'passages' ? [{ ...part, evidence: part.evidence.filter((item) => citedType(item.text)) }] : [])).filter((part) => part.evidence.length > 0);
          return citing.length > 0 ? { kind: 'answer', parts: citing, missing } : null;
        }
        const dates = facts.every((fact) => fact === 'issue-date' || fact === 'effective-date');
        return { kind: 'answer', parts, missing, slot: dates ? { kind: 'date', cited: () => true } : undefined };
      },
    },
  ];

  /** The chunks mentioning every one of the documents the collection lacks, found by the first one's number. */
  const mentioning = async (absent: Intent['absent'], scope: readonly string[] | null): Promise<SearchHit[]> => {
    const [{ numberWords }] = absent;
    const find = (words: readonly string[]) => knowledge.chunksWithWords(words, { docIds: scope ?? undefined, limit: MENTION_CANDIDATES });
    // A passage may write the number without the code the question gives it ("Quyết định số 1942 ngày …").
    let chunks = await find(numberWords);
    if (chunks.length === 0 && numberWords.length > 1) chunks = await find(numberWords.slice(0, 1));
    return chunks.filter((chunk) => absent.every((document) => document.mentionedIn(chunk.text))).map((chunk) => ({ chunk, score: 0 }));
  };

  /**
   * Stage 3: retrieval, every sentence scored, and the passages that fill the asked slot. Each filter is a rule
   * about what cannot answer, named for the debug log.
   */
  const gatherEvidence = async (intent: Intent, documents: QuestionDocuments): Promise<Gathered | Outcome> => {
    const { input, standalone, analyzed, scope, types, searchText, figures } = intent;
    const retrieveStarted = performance.now();
    // topK, when given, is how many passages to read; otherwise more for questions spanning several plans.
    const topK = input.topK ?? candidates * (scope && scope.length === 1 ? 1 : 2);
    // Only a passage mentioning a document the collection lacks answers about it (the rule below); over thousands of
    // documents its number is a common word ranking need not reach, so the index finds those passages instead.
    // A sum the question states is searched for however a document writes it ("30 triệu" as "30.000.000").
    const amounts = figures.flatMap((figure) => (figure.amount === undefined ? [] : amountWritings(figure.amount)));
    // The words saying which of the named documents is asked about: searched for by none, weighed in no passage.
    const described = scope ? describedTopic(intent) : [];
    const hits = intent.absent.length > 0 ? await mentioning(intent.absent, scope) : await retriever.search([withoutTopicWords(searchText, described), ...amounts].join(' '), { topK, docIds: scope ?? undefined });
    const { folded } = intent;
    const [collectionModel] = await Promise.all([vocabulary.weigh(searchText, folded), documents.loadOutlines(hits.map((hit) => hit.chunk.docId))]);
    const model = intent.scopeMetas ? await weighAmong(collectionModel, intent.scopeMetas, metas, folded) : collectionModel;
    // Asked in English of named documents: the ways of wording a term they never write weigh nothing.
    const unwritten = intent.language === 'en' && scope ? await unwrittenIn(documents, scope, analyzed.alternatives) : [];
    const retrieveMs = elapsed(retrieveStarted);
    const asked = intent.language === 'en' ? searchText : standalone;
    // The thing a list question asks the items of ("cần những giấy tờ gì") is the slot, not what it is about: it counts half.
    const profileArgs = { searchText, slot: intent.slot, asked, folded, types, model, citedAsked: intent.citedAsked, ignore: new Set([...ignoredSyllables(analyzed, intent.asks.duties, scope), ...unwritten, ...intent.namingWords, ...described, ...numberTerms(intent.scopeMetas, folded), ...figures.flatMap((figure) => [...figure.amountWords, ...(figure.told ? toldWords(figure) : [])])]), carried: new Set([...intent.topicWords, ...analyzed.looseSyllables, ...listedSyllables(asked, intent.listed)]), abbreviations, untranslated: analyzed.untranslated, seams: new Set(analyzed.seams) };
    const profile = profileQuery(profileArgs);
    const hasContent = [...profile.terms.keys()].some((term) => /\p{L}/u.test(term));
    // A question whose words the collection never uses, or (asked in English) the glossary cannot translate, is off-topic.
    if (!hasContent || Math.max(profile.unknownShare, analyzed.untranslatedShare) >= maxUnknownShare) {
      logger?.debug({ terms: Object.fromEntries(profile.terms), unknownShare: profile.unknownShare, untranslatedShare: analyzed.untranslatedShare }, 'off-topic');
      return { kind: 'abstain', details: {}, retrieveMs };
    }
    // A name no document uses ("London", "MoMo"): whatever else the question shares with a passage, nothing in the
    // collection is about what it names.
    const names = namesAskedAbout(standalone, analyzed.language === 'en' ? analyzed.untranslated : null);
    if (names.length > 0) {
      const named = await vocabulary.weigh(names.join(' '), true);
      const unknown = (name: string) => {
        const terms = [...named.terms(name, true)];
        return terms.length > 0 && terms.every((term) => !named.known(term));
      };
      if (names.some(unknown)) return { kind: 'abstain', details: {}, retrieveMs };
    }
    const { needs } = intent;
    const { attribute, person, bodyDuties, dutyBodies, actor, current, citedType, subunits, awards, recipients, asides } = needs;
    const figureSlot = types.some((type) => type === 'count' || type === 'percent' || type === 'target');
    const dateSlot = types.some(isDateType) || profile.duration;
    // "Bị phạt bao nhiêu tiền" is not answered by a fee, nor "phí dịch vụ bao nhiêu phần trăm" by a share of people.
    const amountKinds = figureSlot || (profile.unit !== null && isMoneyUnit(profile.unit)) ? intent.needs.amountKinds : [];
    const namesRecipient = (item: Evidence) => recipients.some((place) => namesPlace(item, place));
    // A place's row in a national document's table ("22 | LÂM ĐỒNG | 135.200") answers for that place when the document
    // speaks of what is asked (its article on what it allocates covers the question): the row itself says only the
    // place and the figure.
    // (`select` sets it for the passages it reads, before the rules run on them.)
    let documentsAbout = new Set<string>();
    // Asked of several documents at once, each is judged on those of the question's words it uses at all: the words
    // one document gives the shared subject in ("thử nghiệm có kiểm soát") say nothing against another ("Sandbox").
    // (Only documents each asked about: one place's documents are searched as one, and can be dozens. Read only for
    // the documents passages were found in.)
    const found = scope && scope.length > 1 && intent.eachAsked ? [...new Set(hits.map((hit) => hit.chunk.docId))] : [];
    await documents.load(found);
    const reachable = new Map(found.map((docId) => [docId, reachableWeight(profile, documents.document(docId).text, asked)]));
    const supported = supports(profile);
    const fills = (item: Evidence): boolean => {
      const used = reachable.get(item.chunk.docId);
      return supported(used ? { ...item, coverage: Math.min(1, (item.coverage * profile.totalWeight) / used) } : item);
    };
    const rowOfRecipient = (item: Evidence) => recipients.length > 0 && item.fit >= 0.6 && documentsAbout.has(item.chunk.docId) && namesRecipient(item);
    // The question's two-word phrases ("đường bộ" of "tuyến đường bộ"): a passage listing other cases of their first word names others.
    const askedPhrases = [...profile.terms.keys()].filter((term) => term.split(' ').length === 2 && term.split(' ').every((syllable) => /\p{L}/u.test(syllable) && !STOPWORDS.has(syllable)));
    const clauseTerms = (clause: string): ReadonlySet<string> => profile.model.terms(clause, folded);
    const statesAskedFigure = (clause: string): boolean => (profile.unit ? statesUnit(profile.unit, clause) : typeFit(types.includes('percent') ? 'percent' : 'count', clause, '') >= 1);
    // The question's terms among some words, with their weights, and the share of that weight a passage holds.
    const weighted = (words: string) => {
      const terms = [...profile.model.terms(words, true)];
      const weights = [...profile.terms].filter(([term]) => terms.includes(folded ? term : foldedLower(term)));
      const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
      return { count: weights.length, share: (held: ReadonlySet<string>) => weights.reduce((sum, [term, weight]) => sum + (held.has(term) ? weight : 0), 0) / total };
    };
    const measured = weighted(intent.measured ?? '');
    // What is done for those measured ("người sau cai nghiện [được] hỗ trợ tạo việc làm"): the words after "được".
    const measuredPredicate = weighted(intent.measured?.split(' duoc ')[1] ?? '');
    const namesPeriod = intent.ratePeriod ? periodNamer(intent.ratePeriod, folded) : null;
    const namesMeasured = (held: ReadonlySet<string>) => measured.share(held) >= MEASURED_SHARE && (measuredPredicate.count < 2 || measuredPredicate.share(held) >= MEASURED_PREDICATE_SHARE);
    const enactmentAsked = asksEnactment(standalone);
    // The case a figure is asked of: no word naming the document or of the scope's titles, no place ("tỉnh Lạng Sơn"
    // is the row "LẠNG SƠN"). (Typed without diacritics, neighbouring syllables read as too many phrases to require
    // any; with them, words are compared as the index reads them, accents kept: "bí" of "bí thư" is no "bị" of "dự bị
    // đại học".)
    const placeWords = new Set(analyzed.localities.mentions.flatMap((mention) => [...collectionModel.terms(mention.name, false)]));
    const scopeTitles = new Set((intent.scopeMetas ?? []).flatMap((meta) => [...collectionModel.terms(meta.title, false)]));
    const noCase = (syllable: string) => !/\p{L}/u.test(syllable) || STOPWORDS.has(syllable) || scopeTitles.has(syllable) || profileArgs.ignore.has(syllable) || placeWords.has(syllable);
    const casePhrases = intent.language === 'vi' && !folded && (figureSlot || profile.unit !== null) ? casePhrasesOf(figureSubject(standalone), searchText, collectionModel, noCase) : [];
    // The words of the language among a text's that no document writes. (Typed without diacritics, the question's
    // terms are weighed folded, and folded syllables make too many words.)
    const unnamedIn = (text: string): string[] => (folded ? [] : unnamedWords(text, collectionModel.terms(searchText, false), collectionModel, GLOSSARY_WORDS, noCase));
    // A figure asked of what no document has a word for ("giáo viên mầm non" where none says "mầm non") is not in the
    // collection: the figures its passages give are for other cases.
    const unnamed = intent.language === 'vi' ? unnamedIn(figureSubject(standalone)) : [];
    if (unnamed.length > 0) {
      logger?.debug({ unnamed }, 'unnamed');
      return { kind: 'abstain', details: {}, retrieveMs };
    }
    // (A phrase of the passage's document's title names that document, not a case of it.)
    const titleTerms = new Map<string, ReadonlySet<string>>();
    const titleOf = (docId: string): ReadonlySet<string> => {
      if (!titleTerms.has(docId)) titleTerms.set(docId, profile.model.terms(metaById.get(docId)?.title ?? '', folded));
      return titleTerms.get(docId)!;
    };
    // (Read with the clauses a passage names its cases by: "các trường hợp quy định tại khoản 1, khoản 2 Điều 6".)
    const namesCase = (item: Evidence): boolean => {
      const held = profile.model.terms(`${item.section.join('\n')}\n${item.text}\n${documents.referred(item.chunk.docId, item.text)}`, folded);
      return casePhrases.filter((term) => held.has(term) || titleOf(item.chunk.docId).has(term)).length >= casePhrases.length * MIN_CASE_SHARE;
    };
    const rules: readonly [string, (item: Evidence) => boolean][] = [
      // Title, number, date and signer come from the document facts; header and recipients lines answer nothing else.
      ['not a header or recipients line', (item) => item.chunk.kind !== 'header' && item.chunk.kind !== 'recipients'],
      ['not the caption of an attached instrument', (item) => !isAttachmentCaption(item.text)],
      // "QUY CHẾ / TIẾP NHẬN, XỬ LÝ PHẢN ÁNH KIẾN NGHỊ …": a title says what a text is called, which the document facts answer.
      ['not a title set in capitals', (item) => !isCapitalTitle(item.text)],
      ['not the document\'s dateline', (item) => !isDateline(item.text)],
      // "… phải ban hành kế hoạch trước ngày nào?" is not answered by the day the law it carries out was passed.
      ['not the day an act was passed or takes effect, unless that is asked', (item) => !types.some(isDateType) || enactmentAsked || !datesOnlyEnactment(item.text)],
      // "Điều 29. Hiệu lực thi hành" names the acts it repeals, whatever they are about: it answers only what it is for.
      ['not the article putting the document in force, unless that is asked', (item) => intent.asks.entryIntoForce || !IN_FORCE_HEADING.test(foldedLower(item.section.at(-1) ?? ''))],
      ['mentions the document asked about when the collection lacks it', (item) => intent.absent.every((document) => document.mentionedIn(item.text))],
      ['fills the asked slot with enough of the question', (item) => fills(item) || rowOfRecipient(item)],
      // An ordinal ("đợt 2") may open the item the quote is cut from ("- Đợt 02 dự kiến: … trong 03 ngày …").
      // "UBND các huyện phải gửi báo cáo trước ngày nào?": a passage under another body's heading sets that body's rule.
      ['not under another body\'s heading than the one the question is about', (item) => !actor || !isBodyHeading(item.section.at(-1) ?? '') || headingNamesBody(item.section.at(-1)!, [actor]) || particularBodies(item.text).includes(actor)],
      ['names the kind of amount asked (fine, fee, salary…)', (item) => amountKinds.length === 0 || amountKinds.some((names) => names(`${item.section.join(' ')} ${item.text}`))],
      ['states the figures the question states', (item) => figures.every((figure) => figure.told || statesStated(figure, item))],
      // "Giáo viên kiêm bí thư đoàn trường được giảm bao nhiêu tiết" is not answered by what a party secretary is given.
      // (A place's row in a national document's table answers for that place: the row says only the place and the figure.)
      ['names the case a figure is asked for', (item) => casePhrases.length < MIN_CASE_PHRASES || recipients.length > 0 || namesCase(item)],
      ['states the attribute asked (phone, address…)', (item) => !attribute || attribute.test(foldedLower(item.text))],
      ['not where a document restates its subject, unless who enacts it or what it governs is asked', (item) => needs.subjectAsked || !restatesSubject(item.text)],
      ['says who leads, when that is asked', (item) => !needs.leadAsked || saysWhoLeads(`${item.section.join(' ')} ${item.text} ${item.chunk.context ?? ''}`) || taskLeadLine(item) !== null],
      ['cites a document of the type asked', (item) => !citedType || citedType(item.text)],
      ['names a person when one is asked', (item) => !person || namesPerson(item.text)],
      // "… do ai làm Trưởng ban?" is not answered by a passage naming no such post.
      ['names the post asked who holds', (item) => !needs.role || foldedLower(`${item.section.join(' ')} ${item.text}`).includes(needs.role)],
      ['says what the term asked about is', (item) => needs.definedTerms.length === 0 || definesAsked(needs, item.text)],
      // "QĐ 2639 bổ sung cho TP Hồ Chí Minh bao nhiêu?" is not answered by the total for every province.
      ['names the place the document gives to', (item) => recipients.length === 0 || namesRecipient(item)],
      ['names the kind of honour asked (Giấy khen, Bằng khen…)', (item) => awards.length === 0 || awards.some((award) => foldedLower(`${item.section.join(' ')} ${item.text}`).includes(award))],
      // "… to public employees (viên chức)": the documents' own word an English question gives is what it is about.
      ['holds the Vietnamese term the question gives in brackets', (item) => asides.length === 0 || asides.some((aside) => plainWords(`${item.section.join(' ')} ${item.text}`).includes(aside))],
      // "Theo KH 157 của Cần Thơ, phường Ninh Kiều có bao nhiêu …": the city's figure is not the ward's.
      ['names the ward, commune or district asked about', (item) => subunits.every((name) => matchKey(`${item.section.join(' ')} ${item.text}`).includes(name))],
      // "Sở Y tế có nhiệm vụ gì?" is answered from a section headed by that body, not from any line saying "y tế".
      // (The nearest heading naming a body: "Điều 12. Trách nhiệm của Sở Khoa học và Công nghệ" over "1. Trách nhiệm trong việc quản lý Ứng dụng".)
      ['under the heading of the body asked about, opening with its duty, saying its role, or in charge of a table row', (item) => !bodyDuties || (dutyBodies.length === 0 ? bodyHeadingOf(item) !== undefined : headingNamesBody(bodyHeadingOf(item) ?? '', dutyBodies)) || opensWithDutyOf(item.text, dutyBodies) || namesRoleOf(item.text, dutyBodies) || rowInChargeOf(item.text, item.chunk.context, dutyBodies)],
      // "Kế hoạch … năm 2018 số mấy": a document of that year is named with it, not within a span that holds it.
      ['names the year of the document asked about', (item) => !types.includes('document') || profile.years.length === 0 || yearsIn(item.text).some((year) => profile.years.includes(year))],
      // A figure or a target is for a time: one stated for other years than those asked does not answer.
      ['for the years asked', (item) => !figureSlot || !statesOtherYears(item.text, timeHeadings(item), profile.years)],
      ['a figure of a document for the years asked', (item) => !figureSlot || !titleOtherYears(item.text, timeHeadings(item), metaById.get(item.chunk.docId)?.title ?? '', profile.years, types.includes('target'))],
      // A date or a figure in a line restating the document's own title (a converted page's banner) is its own.
      ['not the document restating its title, when a date or figure is asked', (item) => !(figureSlot || dateSlot) || !restatesTitle(item)],
      // "… trên tuyến đường bộ tăng bao nhiêu phần trăm" is not answered by the rise set for "tuyến đường biển, đường hàng không".
      ['not a figure or date listed for other cases than the one asked', (item) => !(figureSlot || dateSlot || profile.unit !== null) || !listsOtherCases(askedPhrases, profile.model.terms(`${item.section.join('\n')}\n${item.text}`, folded), item.text)],
      // "… bao nhiêu phần trăm … cai nghiện tự nguyện tại gia đình" is not answered by the share in the clause before it.
      ['states the figure in the clause saying what is asked', (item) => !figureSlot || !figureInOtherClause(item.text, clauseTerms, profile.terms, statesAskedFigure)],
      // "… tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử …" is not answered by the share of businesses using digital technology.
      // … nor the share of the same people for something else done for them ("trợ giúp pháp lý" for "hỗ trợ tạo việc làm").
      ['names what the share or count asked is of', (item) => measured.count === 0 || namesMeasured(profile.model.terms(`${item.section.join('\n')}\n${item.text}`, folded))],
      // "Dạy tối đa bao nhiêu tiết mỗi ngày" is not answered by a figure for no day at all (a conversion rate, a week's load).
      ['states the period a figure is asked for', (item) => !namesPeriod || !(figureSlot || profile.unit !== null) || namesPeriod(`${item.section.join('\n')}\n${item.text}`)],
      // "Trường dân tộc nội trú cấp tiểu học … bao nhiêu tiết" is not answered by a sentence setting the load of each
      // other kind of school ("… bán trú tiểu học là 21 tiết, … nội trú trung học cơ sở là 17 tiết").
      ['gives the figure of the case asked, where a sentence sets one per case', (item) => !(figureSlot || profile.unit !== null) || analyzed.wantsAllPlans || intent.asks.sameness || types.includes('list') || caseClause(item.text, clauseTerms, asked, statesAskedFigure) !== null],
      // "Hiện nay có bao nhiêu …" is not answered by a target.
      ['how things stand, when asked', (item) => !current || !(statesTarget(item.text) || statesTarget(item.section.join(' › ')))],
    ];
    // A table chunk's figures are read in its caption's unit, and, when the question names years, its rows for the
    // time of the group row above them ("II | Giai đoạn 2028-2030"): both may lie before the chunk, so the documents
    // of those table chunks are read whole.
    const captionShaper = createPassageShaper(documents);
    const periodsAsked = profile.years.length > 0;
    const loadTables = (found: readonly SearchHit[]) => documents.load(found.filter((hit) => needsTableCaption(hit.chunk) || (periodsAsked && hit.chunk.context !== undefined)).map((hit) => hit.chunk.docId));
    const select = (found: readonly SearchHit[], by: QueryProfile = profile) => {
      const all = selectEvidence(found, by, { kindBonus: kindBonus(analyzed), outline: documents.outline, referred: documents.referred, caption: captionShaper.tableCaption, tablePeriod: periodsAsked ? captionShaper.tablePeriod : undefined });
      documentsAbout = new Set(all.filter((item) => item.coverage >= minCoverage && item.fit >= 0.6).map((item) => item.chunk.docId));
      const passing = all.filter((item) => rules.every(([, keep]) => keep(item)));
      // A figure of the asker's own case counts where a passage passing the rules states it ("karaoke 7 phòng": "…/phòng").
      const told = figures.filter((figure) => figure.told && passing.some((item) => statesStated(figure, item)));
      return { scored: all, evidence: passing.filter((item) => told.every((figure) => statesStated(figure, item))) };
    };
    await Promise.all([documents.loadReferred(hits.map((hit) => hit.chunk)), loadTables(hits)]);
    let { scored, evidence } = select(hits);
    // "Theo khoản 1 Điều 2 Nghị định …", "Under Article 21 …": the article named answers, when one of its passages does.
    const article = scope?.length === 1 ? namedArticle(standalone) : null;
    if (article !== null) {
      const inArticle = evidence.filter((item) => item.section.some((heading) => articleNumber(heading) === article));
      if (inArticle.length > 0) evidence = inArticle;
    }
    // Over the whole collection, a passage sharing little of the question must share what it most particularly asks:
    // "sau bao lâu được bổ nhiệm lại" is not answered by another time limit of the same decree.
    // Asking for no kind of fact a passage could be seen to state, it must share more: "Núi cao nhất Việt Nam là núi
    // nào?" is not answered by a passage on raising awareness ("nâng cao") in Việt Nam; nor, when it names what the
    // collection never uses ("núi", "căn cước", or a word of the language none writes, "hộ chiếu" of "passport"), by
    // any passage.
    const untyped = types.every((type) => type === 'general' || type === 'definition') && !profile.duration && profile.unit === null;
    if (!scope) evidence = evidence.filter((item) => item.coverage >= (untyped ? UNTYPED_FULL_COVERAGE : UNSCOPED_FULL_COVERAGE) || holdsHeaviestTerms(profile, item));
    if (!scope && untyped && (profile.unknownShare > 0 || unnamedIn(searchText).length > 0)) evidence = [];
    // "Sông nào dài nhất thế giới?" is answered only by a passage naming a river.
    const thing = !scope && untyped ? askedThing(intent.standalone) : null;
    if (thing) evidence = evidence.filter((item) => foldedLower(`${item.section.join(' ')} ${item.text}`).split(/[^\p{L}]+/u).includes(thing));
    // A year the question names is part of what it asks, when no document named carries it.
    if (!scope && profile.years.length > 0) {
      evidence = evidence.filter((item) => {
        const meta = metaById.get(item.chunk.docId);
        return holdsAskedYear(item.text, [...item.section, ...(item.lead ? [item.lead] : [])], meta?.title ?? '', meta?.issuedDate, profile.years);
      });
    }
    if (evidence.length === 0 && intent.scopedByPlace && !attribute) {
      // National documents (Chính phủ, Thủ tướng, Bộ) apply in every place: when the place's own documents do not
      // answer, naming the place does not rule them out.
      const national = (await retriever.search(searchText, { topK }))
        .filter((hit) => !scope!.includes(hit.chunk.docId) && metaById.get(hit.chunk.docId)?.level === 'quốc gia')
        .slice(0, NATIONAL_HITS);
      await Promise.all([documents.loadOutlines(national.map((hit) => hit.chunk.docId)), loadTables(national)]);
      if (national.length > 0) {
        // Weighed as in the whole collection: what the place's documents are all about (counted light among them)
        // is what must tie another document's passage to the question.
        // (The thing a list question asks the items of still counts half: "cần giấy tờ gì" is no subject.)
        const nationalProfile = profileQuery({ ...profileArgs, model: collectionModel, carried: new Set(listedSyllables(asked, intent.listed)) });
        const found = select(national, nationalProfile);
        // The place's own candidates stay in the scored list, for the debug log.
        scored = [...scored, ...found.scored].sort((a, b) => b.score - a.score);
        evidence = found.evidence.filter((item) => holdsHeaviestTerms(nationalProfile, item));
      }
    }
    // Why a question was answered or refused, for whoever tunes this on development questions (LOG_LEVEL=debug);
    // built only when it is written, since every rule runs again on the top passages.
    if (logger?.isLevelEnabled('debug')) {
      logger.debug(
        {
          terms: Object.fromEntries([...profile.terms].map(([term, weight]) => [term, Math.round(weight * 10) / 10])),
          unit: profile.unit,
          types,
          unknownShare: Math.round(profile.unknownShare * 100) / 100,
          top: scored.slice(0, 5).map((item) => ({
            coverage: +item.coverage.toFixed(2),
            fit: +item.fit.toFixed(2),
            failed: rules.filter(([, keep]) => !keep(item)).map(([name]) => name),
            text: item.text.slice(0, 80),
          })),
        },
        'evidence',
      );
    }
    return { scored, evidence, profile, retrieveMs };
  };

  /** Stage 4: which documents answer and which of their passages are quoted. */
  const shape = async (intent: Intent, documents: QuestionDocuments, { scored, evidence, profile, retrieveMs }: Gathered): Promise<Outcome> => {
    const { analyzed, scope, scopeMetas, period, funding, types, figures } = intent;
    const best = evidence[0];
    // A named plan whose passages do not state its period (a plan cut short, a plan for one year) may state it in its title.
    const titlePeriods = async (docIds: readonly string[]) => (period ? (await Promise.all(docIds.map((docId) => direct.planFact(documents, docId, 'period')))).filter((part) => part !== null) : []);
    if (!best) {
      // Asked what a document replaces in other words than its own ("thay thế" for "… hết hiệu lực thi hành: a) Nghị
      // định số …"), the clause saying what it ends answers.
      // (One naming the document it asks about, "… bãi bỏ những điều khoản nào của Nghị định 62/2019", only from a
      // clause naming its number.)
      const changed = intent.asks.changes && scopeMetas?.length === 1 ? await direct.planFact(documents, scopeMetas[0].id, 'changes') : null;
      const others = changed ? otherNamedDocuments(intent.standalone, scopeMetas![0]) : [];
      if (changed && others.every((other) => changed.evidence.some((item) => other.mentionedIn(item.text)))) return { kind: 'answer', parts: [changed], retrieveMs };
      const titleParts = await titlePeriods(scope ?? []);
      const missingDocuments = intent.absent.map((document) => document.written);
      return titleParts.length > 0 ? { kind: 'answer', parts: titleParts, retrieveMs } : { kind: 'abstain', details: { missingDocuments }, retrieveMs };
    }
    const shaper = createPassageShaper(documents);
    // Targets are listed whole when asked broadly ("mục tiêu giai đoạn 2026 - 2030?"), not when one figure is sought.
    const broadTargets = analyzed.types.includes('target') && !profile.unit && !analyzed.types.includes('percent');
    // ("How much did X receive from the central budget" asks an amount, not the list of funding sources.)
    const listLike = analyzed.types.includes('list') || broadTargets || intent.asks.duties || intent.asks.beneficiaries || (funding && profile.unit === null);
    // "Nguyên tắc khen thưởng … gồm những gì": the section headed by what is listed comes first.
    const head = listLike ? intent.listHead : [];
    // "Những cá nhân nào được khen thưởng": the item labelled with what is listed ("- Cá nhân: Là thành viên …") too.
    const listed = listLike ? intent.listed : [];
    const headed = (item: Evidence) =>
      (head.length > 0 && head.every((word) => foldedLower(item.section.at(-1) ?? '').split(/[^a-z0-9]+/).includes(word))) || (listed.length > 0 && labelWords(item.text).join(' ') === listed.join(' '));
    const ranked = (head.length > 0 || listed.length > 0) && evidence.some(headed) ? evidence.map((item) => (headed(item) ? { ...item, score: item.score + 1 } : item)).sort((a, b) => b.score - a.score) : evidence;
    const groups = shaper.groupByDocument(ranked);
    const limit = listLike ? 3 : analyzed.types.includes('legal-basis') ? 4 : 2;
    const multiPlan = (scope ?? metas).length > 1;
    const floor = best.score * (analyzed.wantsAllPlans ? SIBLING_RATIO * 0.8 : SIBLING_RATIO);
    // Plans the question names are each answered from whatever evidence they have; otherwise only plans close to the best.
    const answeringDocs = !multiPlan ? [best.chunk.docId] : scope ? [...groups.keys()] : [...groups.keys()].filter((docId) => groups.get(docId)![0].score >= floor);
    // Only the best few documents are quoted; the others are named, from their best passage as it stands. Asked about
    // a document the collection lacks, and not what given documents say of it, the best passage citing it is quoted.
    const quotedLimit = intent.absent.length > 0 && !scope ? 1 : MAX_DOCUMENTS_PER_ANSWER;
    const quoted = answeringDocs.slice(0, quotedLimit);
    await documents.load(quoted);
    const withHeadings = analyzed.types.includes('who')
      ? (items: Evidence[]) => shaper.merged(items.flatMap(shaper.withBodyHeading).flatMap(intent.needs.leadAsked ? shaper.withLeadLine : (item) => [item]))
      : (items: Evidence[]) => items;
    // "… cho tỉnh Sơn La và tỉnh Điện Biên mỗi tỉnh bao nhiêu?": each place given to is quoted, however its name weighs.
    const { recipients } = intent.needs;
    const perRecipient = (docId: string, picked: Evidence[]): Evidence[] => {
      const missed = recipients.filter((place) => !picked.some((item) => namesPlace(item, place)));
      const added = missed.flatMap((place) => groups.get(docId)!.find((item) => namesPlace(item, place)) ?? []);
      return added.length === 0 ? picked : [...picked, ...added].sort((a, b) => a.start - b.start);
    };
    const passagesOf = (docId: string) => {
      const picked = perRecipient(docId, shaper.pickPassages(groups.get(docId)!, limit));
      // "Sở Tài chính được giao chủ trì những nhiệm vụ nào": the rows of a table giving that body in charge.
      const listed = listLike ? shaper.withLedTasks(shaper.withTableRows(shaper.withSectionItems(picked, scored), scored, intent.needs.tableBodies), intent.needs.tableBodies, intent.needs.ledTasks) : intent.needs.ledTasks ? shaper.withLedTasks(picked, intent.needs.tableBodies, true) : picked;
      return shaper.merged(listed.map(shaper.withClauseOpening).map(shaper.withIntroduced).map((item) => shaper.withSentenceAfter(item, scored)).flatMap(shaper.withIntroducer).flatMap(shaper.withCaption));
    };
    // A list answer quoting an enumeration that runs on past its passage is quoted item by item.
    const partOf = (docId: string): AnswerPart => {
      if (!quoted.includes(docId)) return { docId, kind: 'passages', evidence: groups.get(docId)!.slice(0, 1) };
      const evidence = withHeadings(passagesOf(docId));
      // (Asked for a list, a passage leaving its details to an appendix is quoted with the appendix's rows.)
      const items = listLike ? evidence.map((item) => shaper.itemized(item) ?? (analyzed.types.includes('list') ? shaper.withAppendixItems(item) : null)) : [];
      return items.some((found) => found !== null) ? { docId, kind: 'passages', evidence: evidence.flatMap((item, index) => items[index] ?? [item]), layout: 'list' } : { docId, kind: 'passages', evidence, items: listLike };
    };
    const shaped: AnswerPart[] = answeringDocs.map(partOf);
    // "… hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành": the date asked is the one the document takes
    // effect, quoted after it.
    const dateAsked = types.some(isDateType);
    const withOwnEffect = async (part: AnswerPart): Promise<AnswerPart> => {
      if (!dateAsked || part.kind !== 'passages' || !quoted.includes(part.docId) || !part.evidence.some((item) => datedByOwnEffect(item.text))) return part;
      const effect = await direct.planFact(documents, part.docId, 'effective-date');
      const added = (effect?.evidence ?? []).filter((item) => !part.evidence.some((quote) => quote.start === item.start));
      return { ...part, evidence: [...part.evidence, ...added] };
    };
    const passageParts = await Promise.all(shaped.map(withOwnEffect));
    const silent = (scope ?? []).filter((docId) => !answeringDocs.includes(docId));
    const titleParts = await titlePeriods(silent);
    const parts = [...passageParts, ...titleParts];
    return {
      kind: 'answer',
      parts,
      // ("Bắc Ninh triển khai chương trình gì …" is not about each of the province's documents: one that does not answer goes unsaid.)
      missing: intent.eachAsked ? silent.filter((docId) => !titleParts.some((part) => part.docId === docId)).map((docId) => ({ docId })) : [],
      slot: affirms(intent, best, parts) ? { kind: 'yes' } : (askedSlot(types.includes('yes-no') && !intent.asks.howMuch && answeringDocs.length === 1, types, profile, figures, intent.language === 'en' ? intent.searchText : intent.standalone, intent.folded, intent.citedAsked) ?? (intent.asks.actingBody ? { kind: 'body' } : undefined)),
      retrieveMs,
      quotedLimit,
    };
  };

  /** Stage 5: the answer text with its citations, or the abstention. */
  const compose = async (intent: Intent, documents: QuestionDocuments, outcome: Outcome, started: number, answerStarted: number): Promise<AskResult> => {
    const { language, scopeMetas, standalone } = intent;
    const retrieveMs = outcome.retrieveMs ?? 0;
    const timings = { totalMs: elapsed(started), retrieveMs, answerMs: elapsed(answerStarted) };
    const base = { question: standalone, mode: retriever.mode, answeredBy: 'extractive' as const, timings };
    if (outcome.kind === 'abstain') return { ...base, answer: composeAbstention({ language, metas, scopeMetas, ...outcome.details }), answered: false, citations: [] };
    const preface = scopeMetas && intent.namesScopeProvince ? provinceNote(scopeMetas, language) : undefined;
    await documents.load(quotedDocuments(outcome.parts, outcome.quotedLimit));
    const metaOf = (docId: string): DocumentMeta => metaById.get(docId) ?? documents.document(docId).meta;
    const { answer, citations, otherDocuments, lead } = composeAnswer({ parts: outcome.parts, language, documents, metaOf, missing: outcome.missing, slot: outcome.slot, preface, quotedLimit: outcome.quotedLimit });
    return { ...base, answer, answered: true, citations, ...(otherDocuments.length > 0 ? { otherDocuments } : {}), ...(lead ? { lead } : {}) };
  };

  /** One question, one slot: the stages in order. */
  const askOne = async (input: AskInput, context: PartContext = {}): Promise<AskResult> => {
    const started = performance.now();
    const intent = prepare(input, context);
    const documents = createQuestionDocuments(knowledge);
    for (const strategy of strategies) {
      const answerStarted = performance.now();
      const outcome = await strategy.run(intent, documents);
      if (!outcome) continue;
      logger?.debug({ strategy: strategy.name, kind: outcome.kind }, 'direct strategy');
      return compose(intent, documents, outcome, started, answerStarted);
    }
    const gathered = await gatherEvidence(intent, documents);
    const answerStarted = performance.now();
    return compose(intent, documents, 'kind' in gathered ? gathered : await shape(intent, documents, gathered), started, answerStarted);
  };

  /** Whether a question names documents of its own, by number or by place. */
  const namesDocuments = (question: string): boolean => {
    refresh();
    return resolveScope(analyzeQuestion(question, { documents: metas, abbreviations }), metas) !== null;
  };

  return {
    /** A question of several parts is answered part by part; each later part follows on from the ones before. */
    async ask(input: AskInput): Promise<AskResult> {
      const pieces = splitQuestion(input.question);
      if (pieces.length === 1) return askOne(input);
      const first = await askOne({ ...input, question: pieces[0] });
      const cited = [...new Set(first.citations.map((citation) => citation.docId))];
      const parts = [{ question: pieces[0], result: first }];
      for (const piece of pieces.slice(1)) {
        // "…, và cơ quan đó còn phải đề xuất gì?": the body an earlier part was answered with.
        const body = parts.map((part) => part.result.lead).find((lead) => lead?.kind === 'body')?.value;
        const result = await askOne({
          ...input,
          question: body ? withBodyNamed(piece, body) : piece,
          history: [...(input.history ?? []), ...parts.map((part) => ({ role: 'user' as const, content: part.result.question }))],
          // A later part is about the document the first was answered from ("… and when was it issued?"), unless
          // it names its own ("…, and which is the focal point for Decision 2629/QĐ-TTg?").
          docIds: input.docIds ?? (first.answered && cited.length === 1 && !namesDocuments(piece) ? cited : undefined),
        }, { afterUnanswered: !parts.at(-1)!.result.answered });
        parts.push({ question: piece, result });
      }
      return combineParts(
        parts,
        detectLanguage(input.question),
      );
    },
  };
}