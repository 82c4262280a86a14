import { foldDiacritics } from '../lang/normalize.js';
import { DOCUMENT_TYPES, typeEntry } from '../structure/grammar.js';
import type { DocumentMeta } from '../types.js';
import type { AnalyzedQuestion } from './analyze-question.js';

const folded = (text: string): string => foldDiacritics(text.normalize('NFC').toLowerCase());
const digitsOf = (value: string): string => value.replace(/^0+(?=\d)/, '');

/** Words that name a type of document, folded: its name, its code in numbers and its English name. */
const TYPE_WORDS_OF = new Map(DOCUMENT_TYPES.map((entry) => [entry.type, [folded(entry.type), ...entry.codes.map(folded), entry.english].filter(Boolean)]));
const typeWords = (type: DocumentMeta['type']): string[] => TYPE_WORDS_OF.get(typeEntry(type).type) ?? [];
const ANY_TYPE_WORD = [...new Set(DOCUMENT_TYPES.flatMap((entry) => typeWords(entry.type)))].sort((a, b) => b.length - a.length).join('|');
/** "nghị định 171", "nđ số 09", "decree no. 171", "kế hoạch 8557", "qđ 2639": a type word then a number. */
const TYPE_THEN_NUMBER = new RegExp(`(?<![\\p{L}\\d])(${ANY_TYPE_WORD})\\.?\\s+(?:so\\s+|no\\.?\\s*)?(\\d{1,5})(?![\\d])`, 'gu');
/** "171/2025/nđ-cp", "2618/kh-ubnd", "144/kh": a number with its code. */
const NUMBER_WITH_CODE = /(?<![\d])(\d{1,5})\s*(?:\/\s*(\d{4}))?\s*\/\s*([a-zđ&]+)/gu;

interface NumberMention {
  digits: string;
  /** The type words written beside it ("nghi dinh", "nd"), or the code inside the number. */
  typeWord: string;
  year?: string;
}

/** Documents named by number: "Kế hoạch 2618/KH-UBND", "Nghị định 171", "Thông tư 05/2025/TT-BGDĐT", "KH 2618". */
function numberMentions(question: string): NumberMention[] {
  const text = folded(question);
  return [
    ...[...text.matchAll(TYPE_THEN_NUMBER)].map((match) => ({ digits: digitsOf(match[2]), typeWord: match[1] })),
    ...[...text.matchAll(NUMBER_WITH_CODE)].map((match) => ({ digits: digitsOf(match[1]), typeWord: match[3], year: match[2] })),
  ];
}

const matches = (meta: DocumentMeta, mention: NumberMention): boolean => {
  const number = meta.number ? folded(meta.number) : '';
  const digits = number.match(/^\d+/)?.[0];
  if (!digits || digitsOf(digits) !== mention.digits) return false;
  if (mention.year && !number.includes(`/${mention.year}/`) && !meta.issuedDate?.startsWith(mention.year)) return false;
  // The type word must fit the document: "Nghị định 171" is not "Kế hoạch 171".
  return typeWords(meta.type).includes(mention.typeWord) || number.includes(`/${mention.typeWord}`);
};

/** Documents the question names by number. */
export function documentsByNumber(question: string, metas: readonly DocumentMeta[]): string[] {
  const mentions = numberMentions(question);
  if (mentions.length === 0) return [];
  return metas.filter((meta) => mentions.some((mention) => matches(meta, mention))).map((meta) => meta.id);
}

/**
 * Whether the question is about a document the collection does not hold: one named by a number none of its
 * documents has, or by a type none of them is ("Kế hoạch thực hiện chỉ thị nào, ban hành ngày nào?" in a collection
 * of plans asks about the directive).
 */
export function namesAbsentDocument(question: string, metas: readonly DocumentMeta[]): boolean {
  const mentions = numberMentions(question);
  if (mentions.length > 0) return mentions.some((mention) => !metas.some((meta) => matches(meta, mention)));
  return namedTypes(question).some((type) => !metas.some((meta) => typeEntry(meta.type).type === type));
}

const TYPE_WORDS = DOCUMENT_TYPES.map((entry) => ({ type: entry.type, pattern: new RegExp(`(?<!\\p{L})(${[folded(entry.type), entry.english].join('|')})(?!\\p{L})`, 'u') }));

/** The types of document a question names in words: "kế hoạch", "nghị định", "decree". */
function namedTypes(question: string): DocumentMeta['type'][] {
  const text = folded(question);
  return TYPE_WORDS.filter((entry) => entry.pattern.test(text)).map((entry) => entry.type);
}

const typeMaps = new WeakMap<readonly DocumentMeta[], Map<string, DocumentMeta['type']>>();
/** Each document's type by id, made once per catalogue. */
function typesById(metas: readonly DocumentMeta[]): Map<string, DocumentMeta['type']> {
  let map = typeMaps.get(metas);
  if (!map) typeMaps.set(metas, (map = new Map(metas.map((meta) => [meta.id, typeEntry(meta.type).type]))));
  return map;
}

/** The documents a question is limited to, and what named them. */
export interface Scope {
  docIds: string[];
  by: 'request' | 'number' | 'place';
}

/**
 * The documents a question is limited to: those the request names, else those named by number, else by place;
 * null when it concerns every document.
 */
export function resolveScope(analyzed: AnalyzedQuestion, metas: readonly DocumentMeta[], requested?: readonly string[]): Scope | null {
  if (requested && requested.length > 0) return { docIds: [...requested], by: 'request' };
  const byNumber = documentsByNumber(analyzed.original, metas);
  if (byNumber.length > 0) return { docIds: byNumber, by: 'number' };
  const byPlace = analyzed.localities.docIds;
  if (byPlace.length === 0) return null;
  // "Kế hoạch của thành phố Hà Nội" among Hà Nội's resolutions and decisions: the type named narrows the place.
  const types = namedTypes(analyzed.original);
  const typeOf = types.length > 0 ? typesById(metas) : undefined;
  const typed = typeOf ? byPlace.filter((id) => types.includes(typeOf.get(id))) : [];
  return { docIds: typed.length > 0 ? typed : [...byPlace], by: 'place' };
}

/** The ids of `resolveScope`. */
export const questionScope = (analyzed: AnalyzedQuestion, metas: readonly DocumentMeta[], requested?: readonly string[]): string[] | null =>
  resolveScope(analyzed, metas, requested)?.docIds ?? null;
