import { foldDiacritics } from '../lang/normalize.js';
import { tokenize } from '../lang/tokenize.js';
import { DOCUMENT_TYPES, typeEntry } from '../structure/grammar.js';
import type { DocumentMeta } from '../types.js';
import type { AnalyzedQuestion } from './analyze-question.js';
import { prepareText } from './detect-language.js';
import { locateLocalities } from './detect-localities.js';
import { toldCase } from './question-cues.js';

const folded = (text: string): string => foldDiacritics(text.normalize('NFC').toLowerCase());
const digitsOf = (value: string): string => value.replace(/^0+(?=\d)/, '');

/** Words that name a type of document, folded: its name, its code in numbers and its English name. */
const TYPE_WORDS_OF = new Map(DOCUMENT_TYPES.map((entry) => [entry.type, [folded(entry.type), ...entry.codes.map(folded), entry.english].filter(Boolean)]));
const typeWords = (type: DocumentMeta['type']): string[] => TYPE_WORDS_OF.get(typeEntry(type).type) ?? [];
const ANY_TYPE_WORD = [...new Set(DOCUMENT_TYPES.flatMap((entry) => typeWords(entry.type)))].sort((a, b) => b.length - a.length).join('|');
/** "nghị định 171", "nđ số 09", "decree no. 171", "kế hoạch 8557", "qđ 2639": a type word then a number. */
const TYPE_THEN_NUMBER = new RegExp(`(?<![\\p{L}\\d])(${ANY_TYPE_WORD})s?\\.?\\s+(?:so\\s+|no\\.?\\s*)?(\\d{1,5})(?![\\d])`, 'gu');
/** "… 552 (đổi mới công nghệ) và 556", "171 and 172", "75, 78": more numbers of the same type, an aside between. */
const AND_NUMBER = /^(?:\s*\([^()]*\))?\s*(?:,|;|&|\bva\b|\band\b|\bor\b|\bhoac\b)\s*(?:so\s+|no\.?\s*)?(\d{1,5})(?![\d/])/u;
/**
 * "kế hoạch thi đua bầu cử 0125 của Đắk Lắk", "kế hoạch phòng, chống ma túy 153 của Cần Thơ": a type word, a few words
 * of its title, then the number, ending the name (before "của", a place, a bracket or the end of the clause); not
 * a year ("kế hoạch năm 2024 của TP Lạng Sơn").
 */
const TYPE_TITLE_NUMBER = new RegExp(`(?<![\\p{L}\\d])(${ANY_TYPE_WORD})\\s+(?:[a-z]+,?\\s+){1,8}?(?<!\\b(?:nam|year|den|tu|doan)\\s+)(\\d{2,5})(?=\\s+(?:cua|o|tai|va|and)\\b|\\s*[),?.;]|\\s*$)`, 'gu');
/**
 * "… kế hoạch kinh tế số 144 của Bắc Ninh và lộ trình đổi mới công nghệ 552 của Đồng Tháp": after a document named by
 * type and number, "và" a few words of another's title and its number, before "của" and its place: one of the same type.
 */
const AND_TITLE_NUMBER = /(?<!\p{L})(?:va|and)\s+(?:[a-z]+,?\s+){1,8}?(?<!\b(?:nam|year|den|tu|doan)\s+)(?!(?:19|20)\d{2}\b)(\d{2,5})(?=\s+(?:cua|o|tai)\b)/gu;
/** "171/2025/nđ-cp", "2618/kh-ubnd", "144/kh": a number with its code. */
const NUMBER_WITH_CODE = /(?<![\d])(\d{1,5})\s*(?:\/\s*(\d{4}))?\s*\/\s*([a-zđ&]+)/gu;

interface NumberMention {
  /** Where it starts in the question. */
  start: number;
  digits: string;
  /** The type words written beside it ("nghi dinh", "nd"), or the code inside the number. */
  typeWord: string;
  year?: string;
}

/** Documents named by number: "Kế hoạch 2618/KH-UBND", "Nghị định 171", "Thông tư 05/2025/TT-BGDĐT", "KH 2618". */
function numberMentions(question: string): NumberMention[] {
  const text = folded(question);
  const typed = [...text.matchAll(TYPE_THEN_NUMBER)].flatMap((match) => {
    const mentions = [{ start: match.index!, digits: digitsOf(match[2]), typeWord: match[1] }];
    for (let end = match.index! + match[0].length, more = AND_NUMBER.exec(text.slice(end)); more; end += more[0].length, more = AND_NUMBER.exec(text.slice(end))) {
      mentions.push({ start: end + more[0].length - more[1].length, digits: digitsOf(more[1]), typeWord: match[1] });
    }
    return mentions;
  });
  const titled = [...text.matchAll(TYPE_TITLE_NUMBER)].map((match) => ({ start: match.index! + match[0].length - match[2].length, digits: digitsOf(match[2]), typeWord: match[1] }));
  const first = [...typed, ...titled].sort((a, b) => a.start - b.start)[0];
  const joined = first ? [...text.matchAll(AND_TITLE_NUMBER)].filter((match) => match.index! > first.start).map((match) => ({ start: match.index! + match[0].length - match[1].length, digits: digitsOf(match[1]), typeWord: first.typeWord })) : [];
  return [
    ...typed,
    ...titled,
    ...joined.filter((mention) => ![...typed, ...titled].some((other) => other.start === mention.start)),
    ...[...text.matchAll(NUMBER_WITH_CODE)].map((match) => ({ start: match.index!, digits: digitsOf(match[1]), typeWord: match[3], year: match[2] })),
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
  // Named by number: absent unless it also names one the collection holds (the rule of `absentDocuments`).
  if (namesNumber(question)) return absentDocuments(question, metas).length > 0;
  // "Văn bản" (a document) names no type of its own: every document is one.
  const absent = (type: DocumentMeta['type']) => type !== GENERIC_TYPE && !metas.some((meta) => typeEntry(meta.type).type === type);
  const subject = namedTypes(question, true);
  const asked = namedTypes(question).filter((type) => !subject.includes(type));
  // A type the question asks for ("… thực hiện chỉ thị nào") is what it is about; one that only describes a
  // document it holds ("Can Tho's plan on the national programme") is not.
  return asked.some(absent) || (subject.some(absent) && !subject.some((type) => type !== GENERIC_TYPE && !absent(type)));
}

const GENERIC_TYPE: DocumentMeta['type'] = 'Văn bản';

/** Where a question asks a document's own date, signer or number ("ban hành", "ký", "hiệu lực", "số hiệu", "issued"). */
const FACT_CUE = /\b(ban hanh|ky|hieu luc|so hieu|so may|issued|signed|take effect|takes effect|effective)\b/;

/**
 * The document a question asks a fact of, when the collection lacks it: the first named by number in the sentence
 * asking it, the subject ("KH 552 căn cứ Kế hoạch số 283/KH-UBND. Kế hoạch 283 đó ban hành ngày nào?" asks of 283;
 * "When did Decree 148/2024, which amends the decree Circular 110 cites, take effect?" of 148).
 */
export function factOfAbsentDocument(question: string, metas: readonly DocumentMeta[]): AbsentDocument | null {
  const text = folded(question);
  const cue = FACT_CUE.exec(text)?.index;
  if (cue === undefined) return null;
  const sentence = Math.max(0, ...[...text.slice(0, cue).matchAll(/[.?!]\s/g)].map((match) => match.index! + 1));
  const mentions = numberMentions(question).sort((a, b) => a.start - b.start);
  const before = mentions.filter((mention) => mention.start < cue);
  // ("Who signed Circular 55/2023, which Circular 112 amends?", "Ai ký Thông tư 55/2023?": the object of the verb.)
  const subject = before.find((mention) => mention.start >= sentence) ?? before.at(-1) ?? objectOf(text, cue, mentions);
  return subject && !metas.some((meta) => matches(meta, subject)) ? describeAbsent(question, [subject], () => false) : null;
}

/** The document named right after a fact's verb, in its sentence ("signed Circular 55/2023", "ký Thông tư 55/2023"). */
function objectOf(text: string, cue: number, mentions: readonly NumberMention[]): NumberMention | undefined {
  const after = mentions.find((mention) => mention.start > cue);
  return after && /^[^\s.?!]+(?:\s+[^\s.?!]+){0,2}\s+$/u.test(text.slice(cue, after.start)) ? after : undefined;
}

/**
 * Whether a citation in a passage ("84/2020/nd-cp ngay 17 thang 7 nam 2020", folded) is of a document the question
 * names by number: the date it bears then says when that document was issued.
 */
export function citesNamedNumber(question: string): (citation: string) => boolean {
  const mentions = numberMentions(question);
  if (mentions.length === 0) return () => false;
  return (citation) => {
    const [, digits, year] = /^(\d+)(?:\/(\d{4}))?/.exec(citation) ?? [];
    // A number written twice ("Nghị định 84 … 84/2020/NĐ-CP") is one mention: any year given for it holds.
    const same = mentions.filter((mention) => mention.digits === digitsOf(digits ?? ''));
    const years = same.flatMap((mention) => mention.year ?? []);
    return same.length > 0 && (!year || years.length === 0 || years.includes(year));
  };
}

/** Whether the question names a document by number ("Quyết định 1942/QĐ-TTg", "KH 8557"). */
const namesNumber = (question: string): boolean => numberMentions(question).length > 0;

/** A document the question names by number that the collection lacks. */
export interface AbsentDocument {
  /** As the question writes it: "Thông tư 111/2025/TT-BTC". */
  written: string;
  /** The question asks what it says ("theo Thông tư …"). */
  framed: boolean;
  mentionedIn: (text: string) => boolean;
  /** The index's words for its number as written ("111/2025", "tt", "btc"): what a passage mentioning it holds. */
  numberWords: readonly string[];
}

/**
 * Documents the question names by number that the collection does not hold, as written ("Thông tư 111/2025/TT-BTC"),
 * each with a test for a passage that mentions it, and whether the question asks what it says ("theo Thông tư …");
 * none when it also names a document the collection holds, unless it asks what the other says.
 */
export function absentDocuments(question: string, metas: readonly DocumentMeta[]): AbsentDocument[] {
  const all = numberMentions(question);
  const held = (mention: NumberMention) => metas.some((meta) => matches(meta, mention));
  const mentions = all.filter((mention) => !held(mention));
  // Documents it holds named beside one it does not ("KH 980 thực hiện Quyết định 1899 …") are what it asks about,
  // unless the question asks what the other one says ("… theo Thông tư 01/2021/TT-BTC là bao nhiêu?").
  const text = folded(question);
  // (Asked in English, a document that is the subject of the question's verb — "what did Decision 942 set" — too.)
  const framed = (mention: NumberMention) => /(?:^|[\s,])(theo|under|according to|per|in|did|does|do|has|have|will)\s+$/u.test(text.slice(0, mention.start));
  // Named beside one it holds, a document framed only in the case told before the question ("Tôi được cử đi học theo
  // Nghị định 101/2017. Nay Nghị định 171/2025 …?"), or beside a held one framed too ("… theo NĐ 178/2024 …, theo NĐ
  // 171/2025 tôi có phải …?"), is the case's background: the question asks what the held one says.
  const told = toldCase(question).length;
  const asked = (mention: NumberMention) => framed(mention) && mention.start >= told;
  if (mentions.length < all.length && (!mentions.some(asked) || all.some((mention) => held(mention) && framed(mention)))) return [];
  return [...new Set(mentions.map((mention) => mention.digits))].map((digits) => describeAbsent(question, mentions.filter((mention) => mention.digits === digits), framed));
}

/**
 * The documents a question names by number besides `meta` (held or not), each with a test for a passage that mentions
 * it: "Nghị định 09/2025 bãi bỏ điều nào của Nghị định 62/2019" names 62/2019 besides 09/2025.
 */
export function otherNamedDocuments(question: string, meta: DocumentMeta): AbsentDocument[] {
  const others = numberMentions(question).filter((mention) => !matches(meta, mention));
  return [...new Set(others.map((mention) => mention.digits))].map((digits) => describeAbsent(question, others.filter((mention) => mention.digits === digits), () => false));
}

/** One absent document from its mentions (one number, written once or more): as written, and how a passage names it. */
function describeAbsent(question: string, same: readonly NumberMention[], framed: (mention: NumberMention) => boolean): AbsentDocument {
  // Folding keeps each precomposed letter one character, so offsets in the folded text are offsets in `original`.
  const original = question.normalize('NFC');
  const { digits } = same[0];
  const year = same.find((mention) => mention.year)?.year;
  // From the type word to the end of the number's code: "Thông tư 111/2025/TT-BTC".
  const start = Math.min(...same.map((mention) => mention.start));
  const written = /^\D*\d+(?:\s*\/\s*[\p{L}\p{N}&-]+)*/u.exec(original.slice(start))?.[0] ?? digits;
  // (A Party document's code follows a hyphen: "Chỉ thị 20-CT/TW".)
  const pattern = new RegExp(`(?<!\\d)0*${digits}\\s*${year ? `/\\s*${year}\\s*/` : '(?:/|-(?=\\p{L}))'}`, 'u');
  const words = tokenize(written);
  const numberWords = words.slice(Math.max(0, words.findIndex((word) => /^\d/.test(word))));
  return { written: written.trim(), framed: same.some(framed), mentionedIn: (text: string) => pattern.test(text), numberWords };
}

/** Before a word naming a type of document, folded: a word starts there, and "kỷ luật" (discipline) and "pháp luật" (the law in general) name no law. */
const TYPE_WORD_START = String.raw`(?<!\p{L})(?<!(?:ky|phap) )`;
const TYPE_WORDS = DOCUMENT_TYPES.map((entry) => ({ type: entry.type, pattern: new RegExp(`${TYPE_WORD_START}(${[folded(entry.type), entry.english].join('|')})(?!\\p{L})`, 'u') }));

/** "… căn cứ nghị quyết nào", "which decree …": a type the question asks about, not one it is about. */
const ASKED_AFTER = /^\s+(?:nao|gi)(?!\p{L})/u;
// ("Which Government resolution", "what ministry's decision": an issuer may come between.)
const ASKED_BEFORE = /(?<!\p{L})(?:which|what)\s+(?:(?:government|prime minister'?s?|ministry'?s?|national assembly|provincial|city|people'?s committee'?s?|[a-z]+'s)\s+)?$/u;

/**
 * The types of document a question names in words: "kế hoạch", "nghị định", "decree". With `subjectOnly`, only
 * those it is about, not a type it asks for ("Kế hoạch … căn cứ nghị quyết nào?" is about a plan).
 */
function namedTypes(question: string, subjectOnly = false): DocumentMeta['type'][] {
  return typesWhere(question, (text, match) => !subjectOnly || !askedAt(text, match));
}

/** The types a question asks for: "… căn cứ nghị quyết nào …", though it names "Nghị quyết 163/2024/QH15" too. */
const askedTypes = (question: string): DocumentMeta['type'][] => typesWhere(question, askedAt);

/** The types of which some mention in the (folded) question passes `keep`. */
function typesWhere(question: string, keep: (text: string, match: RegExpExecArray) => boolean): DocumentMeta['type'][] {
  const text = folded(question);
  return TYPE_WORDS.filter((entry) => [...text.matchAll(new RegExp(entry.pattern.source, 'gu'))].some((match) => keep(text, match))).map((entry) => entry.type);
}

/** Whether a type word is what the question asks for ("nghị quyết nào", "which decree"), not a document it names. */
const askedAt = (text: string, match: RegExpExecArray): boolean =>
  ASKED_AFTER.test(text.slice(match.index + match[0].length)) || ASKED_BEFORE.test(text.slice(0, match.index));

/**
 * A test for passages that cite a document of the type a question asks for ("… căn cứ luật nào", "which decree"), or
 * null: a plan's other legal bases do not answer which law it rests on.
 */
export function askedTypeCited(question: string): ((text: string) => boolean) | null {
  const asked = askedTypes(question).filter((type) => type !== GENERIC_TYPE);
  if (asked.length === 0) return null;
  const patterns = asked.map((type) => {
    const entry = typeEntry(type);
    const code = entry.codes[0] ? `|/${folded(entry.codes[0])}(?![a-z])` : '';
    return new RegExp(`${TYPE_WORD_START}${folded(entry.type)}(?!\\p{L})${code}`, 'u');
  });
  return (text) => patterns.some((pattern) => pattern.test(folded(text)));
}

const metaMaps = new WeakMap<readonly DocumentMeta[], Map<string, DocumentMeta>>();
/** Each document by id, made once per catalogue (the catalogue may hold thousands). */
function metasById(metas: readonly DocumentMeta[]): Map<string, DocumentMeta> {
  let map = metaMaps.get(metas);
  if (!map) metaMaps.set(metas, (map = new Map(metas.map((meta) => [meta.id, meta]))));
  return map;
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
  by: 'request' | 'number' | 'place' | 'topic';
  /** The question's words, as typed and folded, that repeat the title of the documents named: the scope carries them. */
  topicWords?: string[];
  /** The question's words, as typed and folded, that repeat the number and type of the documents it names (by number, or the one document of a place). */
  namingWords?: string[];
  /**
   * Of a place's documents: whether the question asks about each of them (several places named, "các kế hoạch",
   * "cả hai kế hoạch"), not only about whichever of the place's documents answers.
   */
  eachAsked?: boolean;
}

/**
 * The documents a question is limited to: those the request names, else those named by number, else by place;
 * null when it concerns every document.
 */
export function resolveScope(analyzed: AnalyzedQuestion, metas: readonly DocumentMeta[], requested?: readonly string[]): Scope | null {
  if (requested && requested.length > 0) return { docIds: [...requested], by: 'request' };
  const byNumber = documentsByNumber(analyzed.original, metas);
  // Asked in English, the words naming the document are those of its translation ("Circular" → "Thông tư").
  const naming = analyzed.language === 'en' ? `${analyzed.original} ${analyzed.searchText}` : analyzed.original;
  if (byNumber.length > 0) return ownTopics({ docIds: byNumber, by: 'number', ...namingOf(naming, byNumber, metas) }, analyzed.original, metas);
  const byPlace = analyzed.localities.docIds;
  const types = namedTypes(analyzed.original, true);
  const typeOf = types.length > 0 ? typesById(metas) : undefined;
  // Asked in English, a title is named in the words' translation, whose order follows English ("post-flood plan on
  // environmental clean-up"): all of it may name the title.
  // (A question naming two documents of a type, "… plan on X or its plan on Y", names no one title.)
  const titled = analyzed.language === 'en' && typeMentions(analyzed.original) === 1 ? wordsOf(analyzed.searchText) : titledWords(analyzed.original);
  if (byPlace.length === 0) {
    // "Nghị định quy định về đào tạo, bồi dưỡng công chức …": a type and the topic of its title name one document.
    // A place named but not held ("kế hoạch của tỉnh Nghệ An …") is no topic of the documents held, nor are the words
    // around a number naming a document the collection lacks ("Quyết định 1942/QĐ-TTg ban hành ngày nào").
    if (!typeOf || analyzed.localities.mentions.length > 0 || analyzed.wantsAllPlans || SEVERAL_DOCUMENTS.test(folded(analyzed.original)) || namesNumber(analyzed.original)) return null;
    const topical = byTopic(titled, metas.filter((meta) => ofTypes(meta, types, typeOf)).map((meta) => meta.id), metas);
    return topical.topicWords ? { ...topical, by: 'topic' } : null;
  }
  // "Kế hoạch của thành phố Hà Nội" among Hà Nội's resolutions and decisions: the type named narrows the place.
  const typed = typeOf ? byPlace.filter((id) => ofTypes(metasById(metas).get(id)!, types, typeOf)) : [];
  const placed = typed.length > 0 ? typed : [...byPlace];
  const onePlace = new Set(analyzed.localities.mentions.map((mention) => folded(mention.name))).size === 1;
  const topical = !analyzed.wantsAllPlans && !SEVERAL_DOCUMENTS.test(folded(analyzed.original));
  const byTitle = onePlace && topical ? byTopic(titled, placed, metas) : { docIds: placed };
  const chosen = !topical || byTitle.topicWords ? byTitle : placeByPlace(analyzed.original, placed, metas);
  // One document of the place: the question's words for its type ("kế hoạch … của TP Lạng Sơn") name it.
  // The one document a place's words chose is named by all the words describing it ("kế hoạch phòng chống dịch sau lũ
  // của Đắk Lắk"), however they word its title ("… sau lụt bão"): the scope carries them too.
  const described = chosen.docIds.length === 1 && chosen.topicWords?.length ? describedWords(analyzed.original) : [];
  const topicWords = described.length > 0 ? { topicWords: [...new Set([...chosen.topicWords!, ...described])] } : {};
  return { ...chosen, ...topicWords, by: 'place', eachAsked: !topical || !onePlace, ...(chosen.docIds.length === 1 ? { namingWords: namingOf(naming, chosen.docIds, metas).namingWords } : {}) };
}

/**
 * With several documents named by number, a title word between a type word and the number ("kế hoạch phòng, chống ma
 * túy 153 … và kế hoạch thi đua bầu cử 0125 …") that only some of their titles hold says which document, not what in
 * it: no passage needs it (a passage of the other document could never hold it). Words every title holds, and words
 * asked outside the names ("… mỗi quyết định bãi bỏ văn bản nào"), stay carried.
 */
function ownTopics(scope: Scope, question: string, metas: readonly DocumentMeta[]): Scope {
  if (scope.docIds.length < 2 || !scope.topicWords?.length) return scope;
  const named = scope.docIds.map((id) => metasById(metas).get(id));
  const naming = namingSpans(question, new Set(named.map((meta) => digitsOf(meta?.number?.match(/^\d+/)?.[0] ?? ''))));
  const titles = named.map((meta) => new Set(wordsOf(meta?.title ?? '').map(folded)));
  const names = (word: string) => naming.has(folded(word)) && !titles.every((title) => title.has(folded(word)));
  return { ...scope, topicWords: scope.topicWords.filter((word) => !names(word)), namingWords: [...(scope.namingWords ?? []), ...scope.topicWords.filter(names)] };
}

/** The folded words between a word naming a type of document and one of `numbers` after it ("kế hoạch … 153"). */
function namingSpans(question: string, numbers: ReadonlySet<string>): Set<string> {
  const words = wordsOf(question).map(folded);
  const spans = new Set<string>();
  words.forEach((_, i) => {
    if (!typeWordAt(words, i)) return;
    const end = words.slice(i + 1, i + 1 + TITLE_WINDOW).findIndex((word) => numbers.has(digitsOf(word)));
    if (end > 0) for (const word of words.slice(i + 1, i + 1 + end)) spans.add(word);
  });
  return spans;
}

/**
 * Whether a document is of one of the types a question names, or issues one: "Quyết định ban hành Kế hoạch triển khai
 * thi hành Luật Bảo vệ dữ liệu cá nhân" is the plan a question about "kế hoạch triển khai Luật …" means.
 */
function ofTypes(meta: DocumentMeta, types: readonly DocumentMeta['type'][], typeOf: Map<string, DocumentMeta['type']>): boolean {
  const type = typeOf.get(meta.id);
  return (type !== undefined && types.includes(type)) || issuedTypes(meta).some((issued) => types.includes(issued));
}

const issuedCache = new WeakMap<DocumentMeta, DocumentMeta['type'][]>();
/** The types a document's title says it issues, read once per document (the catalogue may hold thousands). */
function issuedTypes(meta: DocumentMeta): DocumentMeta['type'][] {
  let issued = issuedCache.get(meta);
  if (!issued) {
    const title = folded(meta.title);
    issued = title.includes('ban hanh ') ? DOCUMENT_TYPES.filter((entry) => entry.type !== GENERIC_TYPE && title.includes(`ban hanh ${folded(entry.type)}`)).map((entry) => entry.type) : [];
    issuedCache.set(meta, issued);
  }
  return issued;
}

/** The type words, to be found wherever they occur. */
const TYPE_WORDS_EVERYWHERE = TYPE_WORDS.map((entry) => new RegExp(entry.pattern.source, 'gu'));
/** How many words naming a type of document the question holds ("plan", "Kế hoạch", "decree"). */
const typeMentions = (question: string): number => {
  const text = folded(question);
  return TYPE_WORDS_EVERYWHERE.reduce((sum, pattern) => sum + [...text.matchAll(pattern)].length, 0);
};

/** "Hai kế hoạch của Đắk Lắk", "both plans": the question is about several of the place's documents. */
const SEVERAL_DOCUMENTS = /(?<!\p{L})(?:hai|ca hai|cac|nhung|both|two|all)\s+(?:ke hoach|van ban|quyet dinh|nghi quyet|nghi dinh|thong tu|plans?|documents?|decisions?|decrees?|circulars?)(?!\p{L})/u;

/** Words of a text, lower-cased as typed. */
const wordsOf = (text: string): string[] => text.normalize('NFC').toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean);
/** Word pairs of folded words: "ha tang giao thong" → "ha tang", "tang giao", "giao thong". */
const pairsOf = (words: readonly string[]): string[] => words.slice(1).map((word, i) => `${words[i]} ${word}`);

const titlePairCache = new WeakMap<DocumentMeta, Set<string>>();
/** A title's folded word pairs, made once per document (the national path compares thousands of titles). */
function titlePairs(meta: DocumentMeta): Set<string> {
  let pairs = titlePairCache.get(meta);
  if (!pairs) titlePairCache.set(meta, (pairs = new Set(pairsOf(wordsOf(meta.title).map(folded)))));
  return pairs;
}

/** Words after a type word may be a title ("Kế hoạch chuyển đổi số hạ tầng giao thông…"), this many at most. */
const TITLE_WINDOW = 12;

/** Whether a word naming a type of document ("kế hoạch", "nđ", "decree") starts at word `i`. */
const typeWordAt = (words: readonly string[], i: number): boolean => {
  const text = folded(words.slice(i, i + 2).join(' '));
  return TYPE_WORDS.some((entry) => entry.pattern.exec(text)?.index === 0);
};

/** The question's words that may name a document by its title: those just after a word naming a type of document. */
function titledWords(question: string): string[] {
  const words = wordsOf(question);
  const start = words.findIndex((_, i) => typeWordAt(words, i));
  return start < 0 ? [] : words.slice(start, start + TITLE_WINDOW);
}

/**
 * Several documents of one place told apart by topic: "kế hoạch chuyển đổi số hạ tầng giao thông của Đồng Tháp"
 * is the one whose title shares most word pairs with the words that follow the type word ("Kế hoạch …"), when it
 * shares at least two and more than the others. Pairs every title has (the place, "kế hoạch thực hiện") decide
 * nothing; a question that names no type of document names no title. The words that chose
 * the document are returned: the scope carries them, as it carries a place's name.
 */
function byTopic(typed: readonly string[], docIds: string[], metas: readonly DocumentMeta[]): { docIds: string[]; topicWords?: string[] } {
  if (docIds.length < 2) return { docIds };
  const asked = pairsOf(typed.map(folded));
  if (asked.length < 2) return { docIds };
  const wanted = new Set(docIds);
  const titles = new Map(metas.filter((meta) => wanted.has(meta.id)).map((meta) => [meta.id, titlePairs(meta)]));
  const everywhere = (pair: string) => docIds.every((id) => titles.get(id)?.has(pair));
  const shared = docIds.map((id) => asked.filter((pair) => titles.get(id)?.has(pair) && !everywhere(pair)));
  const best = Math.max(...shared.map((pairs) => new Set(pairs).size));
  const chosen = docIds.filter((_, i) => new Set(shared[i]).size === best);
  if (best < 2 || chosen.length === docIds.length) return { docIds };
  const topic = new Set(shared[docIds.indexOf(chosen[0])].flatMap((pair) => pair.split(' ')));
  return { docIds: chosen, topicWords: [...new Set(typed.filter((word) => topic.has(folded(word))).flatMap((word) => [word, folded(word)]))] };
}

/**
 * Several places, each with its own topic: "phong trào thi đua bầu cử của Đắk Lắk và phong trào chi trả không dùng tiền
 * mặt của Cần Thơ" is about one document of each, told apart by the words before its place's name (after the place
 * named before it); a place whose words name none of its documents over the others keeps them all.
 */
function placeByPlace(question: string, docIds: string[], metas: readonly DocumentMeta[]): { docIds: string[]; topicWords?: string[] } {
  const text = prepareText(question).normalized;
  const places = locateLocalities(text, metas).filter((place) => place.docIds.some((id) => docIds.includes(id)));
  const chosen: string[] = [];
  const topicWords: string[] = [];
  places.forEach((place, i) => {
    const own = docIds.filter((id) => place.docIds.includes(id) && !chosen.includes(id));
    const found = byTopic(wordsOf(text.slice(i > 0 ? places[i - 1].end : 0, place.start)), own, metas);
    chosen.push(...found.docIds);
    topicWords.push(...(found.topicWords ?? []));
  });
  const covered = docIds.filter((id) => chosen.includes(id) || !places.some((place) => place.docIds.includes(id)));
  return topicWords.length > 0 ? { docIds: covered, topicWords: [...new Set(topicWords)] } : { docIds };
}

/** The question's words naming documents: those of their number and type (ignored), those of their title (carried). */
function namingOf(question: string, docIds: readonly string[], metas: readonly DocumentMeta[]): { namingWords: string[]; topicWords: string[] } {
  const named = metas.filter((meta) => docIds.includes(meta.id));
  const naming = (of: (meta: DocumentMeta) => string) => wordsIn(question, named.map(of).join(' '));
  return { namingWords: naming((meta) => `${meta.number ?? ''} ${typeWords(meta.type).join(' ')} ${meta.type}`), topicWords: naming((meta) => meta.title) };
}

/**
 * "kế hoạch <what it is about> của <place>", folded: what a question says a document is about, before its place, or
 * before the comma ending the phrase naming it ("Trong kế hoạch khắc phục môi trường sau đợt lụt bão tháng 11/2025, …").
 */
const DESCRIBED = /\b(?:ke hoach|quyet dinh|nghi dinh|thong tu|chuong trinh|de an)\s+(?:so\s+\S+\s+)?(?:ve\s+)?((?:[a-z]+\s+){1,12}?)(?:(?:cua|tai|o)\s|(?:thang|nam)\s+\d[\d/]*\s*,|,)/;
/** The words of what a question says a document is about, as typed and folded. */
const describedSpan = (question: string): string => DESCRIBED.exec(folded(question))?.[1] ?? '';
const describedWords = (question: string): string[] => wordsIn(question, describedSpan(question));

/** "KH 153 về phòng, chống ma túy của Cần Thơ", folded: what a document named by type and number is said to be about. */
const DESCRIBED_BY_NUMBER = new RegExp(`(?<![a-z])(?:${ANY_TYPE_WORD})\\s+(?:so\\s+)?[\\w./-]*\\d[\\w./-]*\\s+ve\\s+((?:[a-z]+,?\\s+){0,11}?[a-z]+)(?=\\s+(?:cua|tai|o|va|thi|co|la|phai|duoc)\\s|\\s*[?.;:!]|\\s*$)`, 'gu');

/**
 * The question's words, as typed and folded, that say what the documents it names are about ("… theo KH 153 về
 * phòng, chống ma túy của Cần Thơ", "kế hoạch phòng chống dịch sau lũ của Đắk Lắk"): they tell which document, not
 * what in it is asked.
 */
export const describingWords = (question: string): string[] =>
  wordsIn(question, [...[...folded(question).matchAll(DESCRIBED_BY_NUMBER)].map((match) => match[1]), describedSpan(question)].join(' '));

/** The words of a question that occur in `text`, as typed and folded. */
function wordsIn(question: string, text: string): string[] {
  const found = new Set(wordsOf(text).map(folded));
  return [...new Set(wordsOf(question).filter((word) => found.has(folded(word))).flatMap((word) => [word, folded(word)]))];
}

/** The ids of `resolveScope`. */
export const questionScope = (analyzed: AnalyzedQuestion, metas: readonly DocumentMeta[], requested?: readonly string[]): string[] | null =>
  resolveScope(analyzed, metas, requested)?.docIds ?? null;
