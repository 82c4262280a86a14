// Everything the answerer needs to know about a (standalone) question, by rules and lexicons only.
import { abbreviationKey, lookupAbbreviation } from '../lang/abbreviations.js';
import { toAdministrative } from '../lang/everyday.js';
import { GLOSSARY, alternativesOf, translateToVietnamese } from '../lang/glossary.js';
import { matchKey } from '../lang/normalize.js';
import { STOPWORDS } from '../lang/stopwords.js';
import type { DocumentMeta } from '../types.js';
import { compilePhrase, createPhraseIndex, detectLanguage, findIndexed, hasPhrase, longestFirst, prepareText, type PhraseMatch, type QuestionLanguage } from './detect-language.js';
import { detectLocalities, locateLocalities } from './detect-localities.js';
import { detectQuestionTypes, type QuestionType } from './question-type.js';

export interface AnalyzedQuestion {
  original: string;
  language: QuestionLanguage;
  types: QuestionType[];
  localities: ReturnType<typeof detectLocalities>;
  /**
   * Vietnamese text for retrieval: English translated through the glossary; place names removed (the answerer
   * scopes by `localities.docIds`); question words removed; each abbreviation kept and followed by its expansion.
   * Falls back to the whole question when nothing else is left.
   */
  searchText: string;
  /**
   * Folded (matchKey) phrases an answering sentence should contain, in this order (question order within each):
   * 1. domain phrases of the plans found in the question ("nguoi cao tuoi", "bao hiem y te" — the glossary's
   *    Vietnamese side is the lexicon);
   * 2. for each abbreviation: its expansion, the abbreviation itself, and the expansion after the word before it
   *    ("the bao hiem y te" for "thẻ BHYT");
   * 3. pairs of adjacent content syllables ("cap the", "the bhyt");
   * 4. content syllables and numbers left over ("100", "15/12").
   * Place names and question words are never focus terms.
   */
  focusTerms: string[];
  /** The question asks about every plan or compares them ("các kế hoạch", "mỗi địa phương", "each plan", "compare"). */
  wantsAllPlans: boolean;
  /** Share of an English question's content words the glossary could not put into Vietnamese (0 for Vietnamese). */
  untranslatedShare: number;
  /** Content words of an English question the glossary could not translate. */
  untranslated: string[];
  /** Syllables an English question's common words were put into: the documents may word them otherwise. */
  looseSyllables: string[];
  /** Word pairs where an English question's phrases, translated one by one, meet: no pair it asks about. */
  seams: string[];
  /** The glossary's alternatives for each of an English question's phrases it words in several ways. */
  alternatives: string[][];
}

export interface AnalyzeContext {
  documents: readonly DocumentMeta[];
  /** Abbreviation → expansion (LexicalIndex.abbreviations). */
  abbreviations: ReadonlyMap<string, string>;
}

/** Question words and the politeness around them: dropped from the search text (longest match wins). */
const QUESTION_WORDS = [
  'bao nhiêu phần trăm', 'khi nào phải', 'như thế nào', 'có bao nhiêu', 'cho tôi biết', 'xin cho biết', 'hãy cho biết', 'có phải là', 'là bao nhiêu',
  'bao lâu một lần', 'bao lâu 1 lần', 'định kỳ bao lâu', 'mất bao lâu', 'trong bao lâu', 'bao lâu', 'bao nhiêu', 'là gì', 'là ai', 'những ai', 'khi nào', 'bao giờ', 'lúc nào', 'ngày nào', 'năm nào', 'ở đâu', 'từ đâu', 'thế nào', 'ra sao',
  'thì sao', 'phải không', 'hay không', 'đúng không', 'có phải', 'cho biết', 'vậy', 'hả', 'nhỉ', 'ạ', 'ai', 'gì', 'nào', 'đâu', 'mấy',
  'không', 'chưa', 'vui lòng', 'xin hỏi', 'hỏi', 'trong số đó', 'trong đó', 'so sánh',
  // What a comparison or a source question asks, not what it is about.
  'giống nhau', 'khác nhau', 'có gì khác', 'có gì giống', 'điểm giống', 'điểm khác', 'lấy từ đâu', 'lấy ở đâu',
  // When it is asked, not what about: "hiện nay" is in every plan's account of how things stand.
  'hiện nay', 'hiện tại', 'hôm nay', 'bây giờ', 'lúc này', 'dạo này',
  // Modal and linking words that say nothing of the subject ("phải gửi báo cáo", "dành cho người cao tuổi").
  'phải', 'dành cho',
  // How long something lasts is asked, not what it is about ("kéo dài từ khi nào đến khi nào").
  'kéo dài từ khi nào', 'kéo dài đến khi nào', 'kéo dài đến bao giờ', 'kéo dài bao lâu', 'kéo dài trong bao lâu', 'kéo dài trong thời gian nào',
  'diễn ra từ khi nào', 'diễn ra khi nào', 'đến khi nào',
  // How the answer should be given, not what it is about.
  'liệt kê đầy đủ', 'liệt kê đủ', 'hãy liệt kê', 'liệt kê', 'kể tên', 'nêu đầy đủ', 'nêu rõ',
];
const QUESTION_WORD_INDEX = createPhraseIndex(QUESTION_WORDS.map((w) => [w, w] as const));

const OPENERS = /^\s*(?:(?:thế|vậy|và)\s+)?còn\s+/iu;

const ALL_PLANS = [
  'các kế hoạch', 'mỗi kế hoạch', 'từng kế hoạch', 'tất cả kế hoạch', 'cả năm kế hoạch', 'mỗi địa phương', 'từng địa phương',
  'các địa phương', 'các tỉnh', 'mỗi tỉnh', 'từng tỉnh', 'so sánh', 'khác nhau', 'giống nhau', 'tất cả các', 'ở đâu cũng',
  'each plan', 'every plan', 'all plans', 'all the plans', 'all five', 'each locality', 'each province', 'every province',
  'all localities', 'compare', 'comparison', 'differ', 'difference', 'across', 'in each',
].map(compilePhrase);

/** A word with no content of its own; typed without diacritics it counts only when it can't be a content word ("the" may be "thẻ"). */
const isFunctionWord = (word: string): boolean => STOPWORDS.has(normalizeLower(word));
const normalizeLower = (word: string): string => prepareText(word).lower;

/** Domain phrases of the plans (two syllables or more): the glossary's Vietnamese side. */
const DOMAIN_PHRASES = createPhraseIndex(
  [...new Set(GLOSSARY.flatMap(([, vi]) => alternativesOf(vi.toLowerCase())))]
    .filter((vi) => vi.split(/\s+/).length >= 2 && !isFunctionWord(vi.split(/\s+/)[0]))
    .map((vi) => [vi, vi] as const),
);

// A folded key that reads as one Vietnamese syllable is a word ("te", "tp" is not), so it is expanded only in upper case.
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

function expansionOf(token: string, abbreviations: ReadonlyMap<string, string>): string | undefined {
  const key = abbreviationKey(token);
  if (key.length < 2) return undefined;
  const writtenUpper = /\p{Lu}/u.test(token) && token === token.toUpperCase();
  if (!writtenUpper && (key.length < 3 || SYLLABLE.test(key))) return undefined;
  return lookupAbbreviation(abbreviations, token)?.expansion;
}

/** Folded words joined by single spaces: the form focus terms are compared in. */
const focusKey = (text: string): string => (matchKey(text).match(/[\p{L}\p{N}]+(?:[/.,][\p{N}]+)*/gu) ?? []).join(' ');

const blank = (text: string, spans: readonly { start: number; end: number }[]): string => {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
};

const tidy = (text: string): string =>
  text
    .replace(/[?!;:"“”()[\]{}]+/g, ' ')
    .replace(/\s+([,.])/g, '$1')
    .replace(/^[\s,.\-–]+|[\s,.\-–]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The question without place names, question words and punctuation: what it is about. */
export function stripQuestion(text: string, documents: readonly DocumentMeta[]): string {
  const prepared = prepareText(text.replace(OPENERS, (m) => ' '.repeat(m.length)));
  const places = locateLocalities(prepared.normalized, documents);
  const free = (m: PhraseMatch): boolean => places.every((p) => m.end <= p.start || m.start >= p.end);
  const spans: PhraseMatch[] = [...places, ...longestFirst(findIndexed(prepared, QUESTION_WORD_INDEX).filter(free))];
  // "ở"/"tại"/"in" left dangling before a removed place name go too.
  const kept = blank(prepared.normalized, spans).replace(/(?:^|\s)(?:ở|tại|của|trong|in|at|of|o|tai)\s*(?=[?,.]|\s{2,}|$)/giu, ' ');
  return tidy(kept);
}

function focusTermsOf(text: string, abbreviations: ReadonlyMap<string, string>): string[] {
  const terms: string[] = [];
  const add = (term: string): void => {
    const t = focusKey(term);
    if (t && !terms.includes(t)) terms.push(t);
  };
  const prepared = prepareText(text);
  const covered = longestFirst(findIndexed(prepared, DOMAIN_PHRASES));
  for (const m of covered) add(m.value);
  const inPhrase = (w: RegExpMatchArray): boolean => covered.some((c) => w.index! >= c.start && w.index! < c.end);
  const words = [...prepared.normalized.matchAll(/[\p{L}\p{N}]+(?:[/.,][\p{N}]+)*/gu)];
  const adjacent = (k: number): boolean =>
    k > 0 && /^\s+$/.test(prepared.normalized.slice(words[k - 1].index! + words[k - 1][0].length, words[k].index));
  for (const [k, w] of words.entries()) {
    const expansion = expansionOf(w[0], abbreviations);
    if (!expansion) continue;
    add(expansion);
    add(abbreviationKey(w[0]));
    if (adjacent(k) && !isFunctionWord(words[k - 1][0])) add(`${words[k - 1][0]} ${expansion}`);
  }
  // Adjacent content words within one clause, outside the domain phrases already taken.
  const content = (w: RegExpMatchArray): boolean => !isFunctionWord(w[0]);
  const paired = new Set<number>();
  for (let k = 1; k < words.length; k++) {
    const [a, b] = [words[k - 1], words[k]];
    if (!adjacent(k) || !content(a) || !content(b) || inPhrase(a) || inPhrase(b)) continue;
    add(`${a[0]} ${b[0]}`);
    paired.add(k - 1).add(k);
  }
  for (const [k, w] of words.entries()) {
    if (content(w) && (/\d/.test(w[0]) || (!paired.has(k) && !inPhrase(w)))) add(w[0]);
  }
  return terms;
}

function expandAbbreviations(text: string, lookup: ReadonlyMap<string, string>): string {
  return text.replace(/[\p{L}\p{N}][\p{L}\p{N}&-]*[\p{L}\p{N}]/gu, (token) => {
    const expansion = expansionOf(token, lookup);
    return expansion ? `${token} ${expansion}` : token;
  });
}

export function analyzeQuestion(question: string, context: AnalyzeContext): AnalyzedQuestion {
  const language = detectLanguage(question);
  const lookup = context.abbreviations;
  const localities = detectLocalities(question, context.documents);
  const translation = language === 'en' ? translateToVietnamese(question) : undefined;
  const vietnamese = translation?.text ?? question;
  const stripped = stripQuestion(vietnamese, context.documents);
  const core = stripped || tidy(vietnamese) || tidy(question);
  const prepared = prepareText(question);
  return {
    original: question,
    language,
    types: detectQuestionTypes(question, language),
    localities,
    // Asked as people talk ("người già", "chết đuối"), searched as documents write ("người cao tuổi", "đuối nước").
    searchText: expandAbbreviations(language === 'vi' ? toAdministrative(core) : core, lookup),
    focusTerms: focusTermsOf(stripped, lookup),
    wantsAllPlans: ALL_PLANS.some((cue) => hasPhrase(prepared, cue)),
    untranslatedShare: translation?.untranslatedShare ?? 0,
    untranslated: translation?.unmatched ?? [],
    looseSyllables: (translation?.loose ?? []).flatMap((phrase) => phrase.toLowerCase().split(/\s+/)),
    seams: translation?.seams ?? [],
    alternatives: translation?.alternatives ?? [],
  };
}
