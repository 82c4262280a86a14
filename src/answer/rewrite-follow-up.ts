// Turns a follow-up ("Còn Khánh Hòa thì sao?", "Trong đó bao nhiêu người tròn 100 tuổi?", "what about Hanoi?")
// into a standalone question, using the place and topic of the earlier user turns.
import { translateToVietnamese } from '../lang/glossary.js';
import { STOPWORDS } from '../lang/stopwords.js';
import type { ChatTurn, DocumentMeta } from '../types.js';
import { stripQuestion } from './analyze-question.js';
import {
  compilePhrase,
  detectLanguage,
  findPhrase,
  longestFirst,
  offsetText,
  prepareText,
  type CompiledPhrase,
  type PhraseMatch,
  type PreparedText,
  type QuestionLanguage,
} from './detect-language.js';
import { locateLocalities, type LocalityMention } from './detect-localities.js';
import { detectQuestionTypes } from './question-type.js';

/** Words that frame a follow-up around a new place or topic; what is left after them is the new part. */
const FRAME_WORDS = [
  'thế còn', 'vậy còn', 'còn', 'thì sao', 'thì thế nào', 'thì như thế nào', 'như thế nào', 'thế nào', 'ra sao', 'nữa', 'thì', 'vậy', 'thế',
  'nhé', 'ạ', 'đối với', 'về', 'ở', 'tại', 'của', 'và', 'với', 'cũng vậy', 'cũng thế', 'tương tự',
  'what about', 'how about', 'and in', 'and for', 'and at', 'and', 'same for', 'same in', 'the same for', 'same question for', 'same',
  'in', 'for', 'at', 'of', 'then', 'too', 'also', 'the', 'please',
]
  .sort((a, b) => b.length - a.length)
  .map(compilePhrase);

/** A follow-up opener: with no place of its own the question continues the previous one. */
const OPENERS = ['thế còn', 'vậy còn', 'còn', 'vậy', 'thế', 'và', 'thì', 'what about', 'how about', 'and', 'also', 'same for', 'then'].map(compilePhrase);

const HERE = ['ở đó', 'tại đó', 'ở nơi đó', 'tại nơi đó', 'ở địa phương đó', 'ở địa phương này', 'tại địa phương đó', 'there', 'in that place', 'in that locality'].map(compilePhrase);
/** "Tỉnh này được bổ sung bao nhiêu?": the place itself, named. */
const THIS_PLACE = ['tỉnh', 'thành phố', 'huyện', 'xã', 'phường', 'địa phương']
  .flatMap((unit) => ['này', 'đó', 'ấy', 'trên'].map((d) => `${unit} ${d}`))
  .concat(['this province', 'that province', 'this city', 'that city', 'this locality', 'that locality', 'the province', 'the city'])
  .map(compilePhrase);
const THAT_PLAN = ['kế hoạch đó', 'kế hoạch này', 'kế hoạch trên', 'văn bản đó', 'văn bản này', 'that plan', 'this plan', 'the same plan', 'that document', 'this document'].map(compilePhrase);
const AMONG = ['trong số đó', 'trong số này', 'trong đó', 'trong số họ', 'among them', 'among those', 'of them', 'of those', 'of these', 'among these'].map(compilePhrase);
const PRONOUNS = ['nó', 'họ', 'ở đấy', 'it', 'they', 'them', 'its', 'their', 'there'].map(compilePhrase);
const MENTIONS_PLAN = ['kế hoạch', 'the plan', 'văn bản'].map(compilePhrase);
/** Closing particles a place goes before ("Mục tiêu ở Bến Tre là gì?"). */
const CLOSERS = ['là gì', 'là bao nhiêu', 'là ai', 'là khi nào', 'là ngày nào', 'thì sao', 'như thế nào', 'thế nào', 'ra sao', 'không', 'chưa'].map(compilePhrase);

/** Groups the plans serve: a follow-up naming one swaps it for the group the previous question asked about. */
const GROUPS = [
  'trẻ em có hoàn cảnh đặc biệt', 'đối tượng bảo trợ xã hội', 'đối tượng cần trợ giúp xã hội', 'người có công với cách mạng', 'người khuyết tật',
  'người cao tuổi', 'người có công', 'trẻ em mồ côi', 'trẻ em khuyết tật', 'người tâm thần', 'người nghiện ma túy', 'thương binh', 'bệnh binh',
  'trẻ em', 'NKT', 'NCT', 'NCC',
  'children in special circumstances', 'beneficiaries', 'people with disabilities', 'persons with disabilities', 'disabled people', 'elderly people',
  'older people', 'the elderly', 'elderly', 'seniors', 'people with merit', 'veterans', 'orphans', 'war invalids', 'children',
].map(compilePhrase);

const span = (text: PreparedText, m: PhraseMatch): string => offsetText(text).slice(m.start, m.end);
const firstOf = (text: PreparedText, phrases: readonly CompiledPhrase[]): PhraseMatch | undefined =>
  phrases.flatMap((p) => findPhrase(text, p)).sort((a, b) => a.start - b.start || b.end - a.end)[0];

const wordsOf = (text: string): string => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
const trimQuestion = (text: string): string => text.trim().replace(/[\s?!.]+$/u, '');
const replaceSpan = (text: string, m: PhraseMatch, by: string): string => text.slice(0, m.start) + by + text.slice(m.end);

/** The question with the frame words, places and punctuation taken out: what is new in a follow-up. */
function remainder(text: PreparedText, places: readonly LocalityMention[]): string {
  let masked = text.folded;
  const blank = (m: PhraseMatch): void => {
    masked = masked.slice(0, m.start) + ' '.repeat(m.end - m.start) + masked.slice(m.end);
  };
  places.forEach(blank);
  for (const frame of FRAME_WORDS) findPhrase({ ...text, folded: masked }, frame).forEach(blank);
  const kept = [...masked].map((c, i) => (c === ' ' ? ' ' : offsetText(text)[i])).join('');
  return kept.replace(/[?!.,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const placeText = (text: PreparedText, places: readonly LocalityMention[], language: QuestionLanguage): string =>
  places.map((m) => span(text, m)).join(language === 'en' ? ' and ' : ' và ');

/** Puts "ở X" / "in X" into a question: before a closing particle, else at the end. */
/** Previous question with its places replaced by the new ones (or the new ones added). */
function switchPlace(previous: string, previousPlaces: readonly LocalityMention[], place: string, language: QuestionLanguage): string {
  if (previousPlaces.length === 0) return withPlace(previous, place, language);
  const prepared = prepareText(previous);
  let text = offsetText(prepared);
  // Right to left so earlier offsets stay valid; extra places go with the "và"/"and"/"," that joined them.
  for (const [k, m] of [...previousPlaces.entries()].reverse()) {
    if (k === 0) {
      text = replaceSpan(text, m, place);
      continue;
    }
    const joiner = /\s*(?:,|và|and|or|hoặc)\s*$/iu.exec(text.slice(previousPlaces[k - 1].end, m.start));
    const start = joiner ? m.start - joiner[0].length : m.start;
    text = replaceSpan(text, { start, end: m.end }, '');
  }
  return text;
}

/**
 * Whether a follow-up says no more than the kind of fact the previous question asked for ("hạn là khi nào" after
 * "khi nào phải gửi báo cáo"): it then asks that question again.
 */
function asksSameKind(question: string, previous: string, documents: readonly DocumentMeta[], language: QuestionLanguage): boolean {
  if (!elliptical(question, documents)) return false;
  const kinds = (text: string) => detectQuestionTypes(text, language).filter((type) => type !== 'general' && type !== 'list' && type !== 'yes-no');
  const before = kinds(previous);
  return kinds(question).some((type) => before.includes(type));
}

/** So short once its question words are gone ("Mục tiêu là gì?", "Ai ký?") that it leans on the conversation. */
export const elliptical = (question: string, documents: readonly DocumentMeta[]): boolean =>
  wordsOf(stripQuestion(question, documents).toLowerCase()).split(' ').filter((w) => w && !STOPWORDS.has(w)).length <= 2;

/** Puts a phrase into a question: before a closing particle in Vietnamese, else at the end. */
function appendPhrase(question: string, phrase: string, language: QuestionLanguage): string {
  const core = trimQuestion(question);
  if (language === 'en') return `${core} ${phrase}?`;
  const prepared = prepareText(core);
  const end = prepared.folded.length;
  const closer = CLOSERS.flatMap((p) => findPhrase(prepared, p)).find((m) => m.end === end);
  if (closer) return `${offsetText(prepared).slice(0, closer.start).trimEnd()} ${phrase} ${span(prepared, closer)}?`;
  return `${core} ${phrase}?`;
}

/** Puts "ở X" / "in X" into a question. */
const withPlace = (question: string, place: string, language: QuestionLanguage): string =>
  appendPhrase(question, language === 'en' ? `in ${place}` : `ở ${place}`, language);

// ── Periods ("giai đoạn 2026-2030", "by 2025", "the second phase", "giai đoạn sau") ─────────────────────────

type PeriodKind = 'range' | 'year' | 'by';
interface Period {
  start: number;
  end: number;
  kind: PeriodKind;
}
type Relative = 'first' | 'second' | 'next' | 'previous';
interface PeriodMention extends PhraseMatch {
  period?: Period;
  relative?: Relative;
}

const RELATIVE: Readonly<Record<string, Relative>> = {
  ...Object.fromEntries('1 i mot dau thu nhat first 1st initial one'.split(' ').map((w) => [w, 'first'])),
  ...Object.fromEntries('2 ii hai cuoi second 2nd two last final latter'.split(' ').map((w) => [w, 'second'])),
  ...Object.fromEntries('sau next later following subsequent'.split(' ').map((w) => [w, 'next'])),
  ...Object.fromEntries('truoc earlier previous former'.split(' ').map((w) => [w, 'previous'])),
  'thu nhat': 'first',
  'thu hai': 'second',
  'tiep theo': 'next',
  'ke tiep': 'next',
};

// Matched on folded text (lower case, no diacritics); a year inside a date or a document number is not a period.
const B = '(?<![\\p{L}\\p{N}/.-])';
const E = '(?![\\p{L}\\p{N}/-])';
const RANGE = new RegExp(
  `${B}(?:(?:in|for|during|over|from)\\s+)?(?:the\\s+)?(?:(?:giai doan|thoi ky|period|phase|stage|tu nam|tu)\\s+)?(20\\d\\d)\\s*(?:-|\\s(?:den|toi|to|until)\\s)\\s*(?:nam\\s+)?(20\\d\\d)(?:\\s+(?:period|phase|stage))?${E}`,
  'gu',
);
const RELATIVE_PERIOD = new RegExp(
  `${B}(?:(?:in|for|during)\\s+)?(?:the\\s+)?(?:(?:giai doan|thoi ky|dot)\\s+(thu nhat|thu hai|tiep theo|ke tiep|1|2|i|ii|mot|hai|dau|sau|cuoi|truoc)|` +
    `(first|1st|initial|second|2nd|next|later|latter|following|subsequent|last|final|earlier|previous|former)\\s+(?:phase|period|stage)|` +
    `(?:phase|period|stage)\\s+(1|2|one|two|i|ii))${E}`,
  'gu',
);
const YEAR = new RegExp(`${B}(?:(den|toi|by|until|till|through|vao|in|for|trong)\\s+)?(?:(?:the\\s+)?(?:year|nam)\\s+)?(20\\d\\d)${E}`, 'gu');
const BY_WORDS = new Set(['den', 'toi', 'by', 'until', 'till', 'through']);

/** Every period named in the text, in text order. */
function findPeriods(text: PreparedText): PeriodMention[] {
  let masked = text.folded;
  const found: PeriodMention[] = [];
  const take = (pattern: RegExp, read: (m: RegExpMatchArray) => Omit<PeriodMention, 'start' | 'end'>): void => {
    for (const m of masked.matchAll(pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      found.push({ start, end, ...read(m) });
      masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
    }
  };
  take(RANGE, (m) => ({ period: { start: Number(m[1]), end: Number(m[2]), kind: 'range' } }));
  take(RELATIVE_PERIOD, (m) => ({ relative: RELATIVE[m[1] ?? m[2] ?? m[3]] }));
  take(YEAR, (m) => ({ period: { start: Number(m[2]), end: Number(m[2]), kind: BY_WORDS.has(m[1]) ? 'by' : 'year' } }));
  return found.sort((a, b) => a.start - b.start);
}

/** The five-year term a year falls in (2021-2025, 2026-2030: the terms Vietnamese plans are phased by). */
const termOf = (year: number): Period => {
  const start = year - ((((year - 1) % 5) + 5) % 5);
  return { start, end: start + 4, kind: 'range' };
};
const shift = (term: Period, by: number): Period => ({ start: term.start + by, end: term.end + by, kind: 'range' });

/** The first year of the plans a question is about (all plans when it names none). */
function planStart(docIds: readonly string[], documents: readonly DocumentMeta[]): number | undefined {
  const years = documents
    .filter((d) => docIds.length === 0 || docIds.includes(d.id))
    .map((d) => Number(/20\d\d/.exec(d.period ?? '')?.[0]))
    .filter((y) => Number.isFinite(y) && y > 0);
  return years.length > 0 ? Math.min(...years) : undefined;
}

/** A period as the plans date it: "the second phase" counts from the plan's first term, "the next" from the one asked before. */
function resolvePeriod(mention: PeriodMention, before: Period | undefined, start: number | undefined): Period | undefined {
  if (mention.period) {
    // "Còn năm 2030?" after "đến năm 2025" keeps the "by".
    const kind = mention.period.kind === 'year' && before?.kind === 'by' ? 'by' : mention.period.kind;
    return { ...mention.period, kind };
  }
  const first = start === undefined ? undefined : termOf(start);
  switch (mention.relative) {
    case 'first':
      return first;
    case 'second':
      return first && shift(first, 5);
    case 'next':
      return before ? shift(termOf(before.end), 5) : first && shift(first, 5);
    case 'previous':
      return before ? shift(termOf(before.start), -5) : first;
    default:
      return undefined;
  }
}

function renderPeriod(period: Period, language: QuestionLanguage): string {
  const en = language === 'en';
  if (period.kind === 'range') return en ? `in the ${period.start}-${period.end} period` : `giai đoạn ${period.start}-${period.end}`;
  if (period.kind === 'by') return en ? `by ${period.end}` : `đến năm ${period.end}`;
  return en ? `in ${period.end}` : `năm ${period.end}`;
}

// ── Modifiers: a follow-up that only names a period and/or a group changes just that part ─────────────────

interface Modifiers {
  text: PreparedText;
  periods: PeriodMention[];
  groups: PhraseMatch[];
}

/** The periods and groups `rest` consists of, or null when it says anything else too. */
function modifiersOf(rest: string): Modifiers | null {
  if (rest === '') return null;
  const text = prepareText(rest);
  const periods = findPeriods(text);
  const groups = longestFirst(GROUPS.flatMap((g) => findPhrase(text, g))).filter((g) => periods.every((p) => g.end <= p.start || g.start >= p.end));
  if (periods.length + groups.length === 0) return null;
  let masked = text.folded;
  for (const m of [...periods, ...groups]) masked = masked.slice(0, m.start) + ' '.repeat(m.end - m.start) + masked.slice(m.end);
  return /[\p{L}\p{N}]/u.test(masked) ? null : { text, periods, groups };
}

/** A phrase in the language of the question it goes into (English groups are put into Vietnamese via the glossary). */
function inLanguage(phrase: string, language: QuestionLanguage): string {
  if (language === 'en') return phrase;
  const translation = translateToVietnamese(phrase);
  return translation.matched.length > 0 && translation.unmatched.length === 0 ? translation.text : phrase;
}

/** `base` with its group and period swapped for (or, when it had none, joined by) the ones in `modifiers`. */
function applyModifiers(base: string, modifiers: Modifiers, documents: readonly DocumentMeta[]): string {
  const language = detectLanguage(base);
  let out = base;
  if (modifiers.groups.length > 0) {
    // Lower-cased unless an abbreviation: "Người khuyết tật thì sao?" is capitalised only as the question's first word.
    const lower = (phrase: string): string => (/^\p{Lu}\p{Ll}/u.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase);
    const group = modifiers.groups.map((g) => inLanguage(lower(span(modifiers.text, g)), language)).join(language === 'en' ? ' and ' : ' và ');
    const prepared = prepareText(out);
    const old = firstOf(prepared, GROUPS);
    out = old ? replaceSpan(offsetText(prepared), old, group) : appendPhrase(out, language === 'en' ? `for ${group}` : `đối với ${group}`, language);
  }
  const mention = modifiers.periods[0];
  if (mention) {
    const prepared = prepareText(out);
    const old = findPeriods(prepared)[0];
    const docIds = locateLocalities(prepared.normalized, documents).flatMap((m) => m.docIds);
    const period = resolvePeriod(mention, old?.period, planStart(docIds, documents));
    // Without plan dates to count phases from, the period goes in as typed ("in the second phase").
    const typed = span(modifiers.text, mention);
    const phrase = period ? renderPeriod(period, language) : language === 'en' && !/^(?:in|for|during|by)\s/iu.test(typed) ? `in the ${typed}` : typed;
    out = old ? replaceSpan(offsetText(prepared), old, phrase) : appendPhrase(out, phrase, language);
  }
  return out;
}

// ── Referents: "cơ quan đó", "đơn vị này", "họ", "that department", "they" ─────────────────────────────────

interface Referent extends PhraseMatch {
  kind: 'body' | 'group';
}

/** Heads of a body's name. Short ones ("sở" is also "số", "phòng" also "phòng chống") need a known field after them. */
const BODY_HEADS = [
  'ủy ban nhân dân', 'uỷ ban nhân dân', 'ubnd', 'ủy ban mặt trận tổ quốc', 'uỷ ban mặt trận tổ quốc', 'ủy ban mttq', 'mặt trận tổ quốc', 'mttq',
  'hội đồng nhân dân', 'hđnd', 'trung tâm', 'văn phòng', 'đoàn thanh niên', 'tỉnh đoàn', 'huyện đoàn', 'liên đoàn lao động', 'bệnh viện',
  'trạm y tế', 'công an', 'ban chỉ đạo', 'ban quản lý', 'bảo hiểm xã hội', 'bhxh', 'ubmttq',
].map(compilePhrase);
const SHORT_HEADS = ['sở', 'phòng', 'bộ', 'hội'].map(compilePhrase);
const FIELDS = [
  'y tế', 'lao động', 'lđtbxh', 'lđ-tb&xh', 'tài chính', 'kế hoạch', 'giáo dục', 'nội vụ', 'văn hóa', 'văn hoá', 'thông tin', 'tư pháp', 'xây dựng',
  'giao thông', 'nông nghiệp', 'tài nguyên', 'công thương', 'khoa học', 'ngoại vụ', 'dân tộc', 'quốc phòng', 'công an', 'gd&đt', 'gdđt',
  'người cao tuổi', 'nct', 'liên hiệp phụ nữ', 'lhpn', 'phụ nữ', 'cựu chiến binh', 'ccb', 'nông dân', 'chữ thập đỏ', 'bảo trợ', 'người mù',
  'người khuyết tật', 'nạn nhân chất độc da cam', 'cựu thanh niên xung phong', 'khuyến học', 'đông y', 'luật gia',
].map(compilePhrase);
/** The insurance itself ("tham gia bảo hiểm xã hội") is no body: the agency is the subject or has a level or place. */
const INSURANCE = ['bảo hiểm xã hội', 'bhxh'].map(compilePhrase);
const LEVELS = /^\s*(?:tinh|huyen|thanh pho|tp|quan|thi xa|viet nam|vn|cap)(?![\p{L}\p{N}])/u;
/** Where a body's name ends: the verb or question word after it. */
const NAME_ENDS = [
  'được', 'có', 'là', 'phải', 'cần', 'sẽ', 'đã', 'đang', 'nên', 'làm', 'giao', 'nhận', 'chịu', 'gì', 'ai', 'nào', 'đâu', 'sao', 'thì', 'trong',
  'với', 'cho', 'như', 'những', 'các', 'mà', 'cũng', 'còn', 'hay', 'hoặc', 'không', 'chưa', 'bao nhiêu', 'khi', 'lúc', 'theo', 'thực hiện',
  'triển khai', 'chủ trì', 'phối hợp', 'tham mưu', 'hướng dẫn', 'báo cáo', 'trách nhiệm', 'nhiệm vụ', 'kiểm tra', 'tổ chức', 'đảm bảo',
  'bảo đảm', 'hỗ trợ', 'chỉ đạo', 'bố trí', 'rà soát', 'ban hành', 'giám sát', 'tuyên truyền', 'đề xuất', 'quản lý', 'tham gia', 'cấp thẻ',
].map(compilePhrase);
const MERIT = compilePhrase('người có công');
const ABBREVIATED = new Set(['ubnd', 'bhxh', 'mttq', 'hdnd', 'ubmttq']);

const EN_HEADS = /(?<![\p{L}\p{N}])(?:department|ministry|office|committee|centre|center|union|front|association|agency|council|fund|hospital|police|cross|society)s?(?![\p{L}\p{N}])/gu;
const EN_NAME_STOPS = new Set(
  (
    'the a an do does did is are was were be has have had should must will would can could may might need needs what who whom which when ' +
    'where why how that this these those in at on to with by from into for about it its they them their else also coordinate coordinates ' +
    'lead leads play plays take takes handle handles responsible report reports get gets receive receives provide provides'
  ).split(' '),
);

const wordsAt = (folded: string): RegExpMatchArray[] => [...folded.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'&]*/gu)];

/** Widens a body's name over the place right after it ("Sở Y tế tỉnh Bến Tre", "Department of Health in Hanoi"). */
function withItsPlace(text: PreparedText, end: number, places: readonly LocalityMention[]): number {
  const place = places.find((p) => p.start >= end && /^[\s,]*(?:(?:in|of|at|o|tai|cua|tinh|huyen|thanh pho|tp)[\s.]+)*$/u.test(text.folded.slice(end, p.start)));
  return place ? place.end : end;
}

function vietnameseBody(text: PreparedText, places: readonly LocalityMention[]): PhraseMatch | undefined {
  // "có" ends a name ("Sở Y tế có nhiệm vụ gì") except in "người có công" ("Trung tâm Điều dưỡng người có công").
  const merit = findPhrase(text, MERIT);
  const ends = new Set(NAME_ENDS.flatMap((p) => findPhrase(text, p)).map((m) => m.start).filter((start) => !merit.some((m) => start > m.start && start < m.end)));
  const fields = new Set(FIELDS.flatMap((p) => findPhrase(text, p)).map((m) => m.start));
  const heads = [
    ...BODY_HEADS.flatMap((p) => findPhrase(text, p)),
    ...SHORT_HEADS.flatMap((p) => findPhrase(text, p)).filter((m) => fields.has(text.folded.slice(m.end).search(/\S/u) + m.end)),
  ].filter((m) => {
    if (!INSURANCE.some((p) => findPhrase(text, p).some((i) => i.start === m.start))) return true;
    const before = text.folded.slice(0, m.start).match(/[\p{L}\p{N}]+/gu) ?? [];
    return before.every((w) => STOPWORDS.has(w)) || LEVELS.test(text.folded.slice(m.end)) || places.some((p) => /^\s*$/u.test(text.folded.slice(m.end, p.start)));
  });
  const head = longestFirst(heads)[0];
  if (!head) return undefined;
  let end = head.end;
  for (const w of wordsAt(text.folded).filter((w) => w.index! >= head.end)) {
    // Within a name only spaces and dashes join words ("Lao động - Thương binh và Xã hội").
    if (ends.has(w.index!) || !/^[\s\-&]*$/u.test(text.folded.slice(end, w.index))) break;
    end = w.index! + w[0].length;
  }
  end = withItsPlace(text, end, places);
  const words = text.folded.slice(head.start, end).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= 2 || ABBREVIATED.has(words[0] ?? '') ? { start: head.start, end } : undefined;
}

function englishBody(text: PreparedText, places: readonly LocalityMention[]): PhraseMatch | undefined {
  const words = wordsAt(text.folded);
  for (const head of text.folded.matchAll(EN_HEADS)) {
    const k = words.findIndex((w) => w.index === head.index);
    let first = k;
    while (first > 0 && k - first < 3 && !EN_NAME_STOPS.has(words[first - 1][0]) && /^\s*$/u.test(text.folded.slice(words[first - 1].index! + words[first - 1][0].length, words[first].index))) first -= 1;
    let last = k;
    if (words[k + 1] && (words[k + 1][0] === 'of' || words[k + 1][0] === 'for')) {
      for (let j = k + 2; j < words.length && !EN_NAME_STOPS.has(words[j][0]); j++) last = j;
    }
    if (first === k && last === k) continue;
    const start = words[first].index!;
    const end = withItsPlace(text, words[last].index! + words[last][0].length, places);
    return { start, end };
  }
  return undefined;
}

/** The body the question names, if any. */
function bodyIn(text: PreparedText, places: readonly LocalityMention[], language: QuestionLanguage): PhraseMatch | undefined {
  return language === 'en' ? (englishBody(text, places) ?? vietnameseBody(text, places)) : vietnameseBody(text, places);
}

const ANAPHORS = ['cơ quan', 'đơn vị', 'sở', 'phòng', 'trung tâm', 'ủy ban', 'uỷ ban', 'tổ chức', 'bộ', 'hội', 'ngành', 'ban', 'văn phòng']
  .flatMap((noun) => ['đó', 'này', 'ấy', 'trên', 'nói trên', 'kia'].map((d) => `${noun} ${d}`))
  .concat(
    ['that', 'this', 'the same', 'the said', 'said'].flatMap((d) =>
      ['department', 'agency', 'body', 'office', 'unit', 'organisation', 'organization', 'committee', 'centre', 'center', 'union', 'authority',
        'ministry', 'institution', 'association', 'front', 'fund', 'council', 'hospital'].map((noun) => `${d} ${noun}`),
    ),
  )
  .map(compilePhrase);
const PERSONAL = ['họ', 'they', 'them', 'their'].map(compilePhrase);
/** "Họ" is no pronoun in "họ và tên"; unaccented "ho" is only read as one opening a question, and not as "hỗ trợ", "hộ nghèo"… */
const NOT_HO = /^ho\s+(?:va\s+ten|ten)(?![\p{L}\p{N}])/u;
const NOT_HO_PLAIN = /^ho\s+(?:tro|ngheo|can|gia|so|khau|va|dan|tich|chieu|ly|hang|kinh)(?![\p{L}\p{N}])/u;

/** "Cơ quan đó", "that department" (a body), or "họ", "they" (a body or group), in the question. */
function anaphorIn(text: PreparedText): (PhraseMatch & { personal: boolean }) | undefined {
  const among = AMONG.flatMap((p) => findPhrase(text, p));
  const outside = (m: PhraseMatch): boolean => among.every((a) => m.end <= a.start || m.start >= a.end);
  const named = longestFirst(ANAPHORS.flatMap((p) => findPhrase(text, p))).find(outside);
  if (named) return { ...named, personal: false };
  const firstWord = text.folded.search(/[\p{L}\p{N}]/u);
  const personal = PERSONAL.flatMap((p) => findPhrase(text, p)).find((m) => {
    if (!outside(m)) return false;
    if (text.folded.slice(m.start, m.end) !== 'ho') return true;
    if (NOT_HO.test(text.folded.slice(m.start))) return false;
    return text.lower.slice(m.start, m.end) === 'họ' || (m.start === firstWord && !NOT_HO_PLAIN.test(text.folded.slice(m.start)));
  });
  return personal && { ...personal, personal: true };
}

/** What an anaphor points back to in the previous question: a body, or for "họ"/"they" whichever of body and group comes first. */
function referentIn(previous: PreparedText, places: readonly LocalityMention[], personal: boolean): Referent | undefined {
  const body = bodyIn(previous, places, detectLanguage(previous.original));
  const group = personal ? firstOf(previous, GROUPS) : undefined;
  if (body && (!group || body.start <= group.start)) return { ...body, kind: 'body' };
  return group && { ...group, kind: 'group' };
}

/** The question with its anaphor replaced by what it refers to (and the previous place added when that lacks it). */
function resolveAnaphor(
  current: PreparedText,
  anaphor: PhraseMatch,
  previous: PreparedText,
  referent: Referent,
  previousPlaces: readonly LocalityMention[],
  language: QuestionLanguage,
): string {
  const original = offsetText(current);
  let name = span(previous, referent);
  if (language === 'vi' && detectLanguage(previous.original) === 'en') name = inLanguage(name, 'vi');
  let start = anaphor.start;
  let by = name;
  const anaphorText = current.folded.slice(anaphor.start, anaphor.end);
  if (language === 'en' && referent.kind === 'body') {
    // "the" unless the name has it or a possessive ("Khanh Hoa's People's Committee").
    const named = /^the\s|'s\s/iu.test(name) ? name : `the ${name}`;
    by = anaphorText === 'their' ? `${named}'s` : named;
    // "What do they do?" → "What does the Department of Health do?"
    const auxiliary = /(?<![\p{L}\p{N}])do\s+$/u.exec(current.folded.slice(0, anaphor.start));
    if (auxiliary && anaphorText === 'they') {
      start = auxiliary.index;
      by = `does ${by}`;
    }
  } else if (language === 'en' && anaphorText === 'their') by = `${name}'s`;
  let rewritten = original.slice(0, start) + by + original.slice(anaphor.end);
  const first = current.folded.search(/[\p{L}\p{N}]/u);
  if (start === first && /\p{Lu}/u.test(original.charAt(first))) rewritten = rewritten.charAt(0).toUpperCase() + rewritten.slice(1);
  const placed = previousPlaces.some((p) => p.start >= referent.start && p.end <= referent.end);
  if (previousPlaces.length === 0 || placed) return rewritten;
  return withPlace(rewritten, placeText(previous, previousPlaces, language), language);
}

// ── Topic anaphors: "chỉ tiêu đó", "nhiệm vụ này", "that target" ───────────────────────────────────────────

/** A thing the previous question asked about, pointed back to: it stands for what that question said of it. */
const TOPIC_ANAPHORS = [
  'chỉ tiêu', 'mục tiêu', 'nhiệm vụ', 'việc', 'nội dung', 'hoạt động', 'chương trình', 'chính sách', 'quy định', 'thủ tục', 'tiêu chí',
  'dự án', 'đề án', 'khoản', 'mức', 'phí', 'khoản chi', 'hồ sơ', 'giải pháp', 'biện pháp', 'thời hạn', 'con số', 'số liệu',
  // Acts and benefits a document provides for: "quyết định đó", "khoản hỗ trợ này", "giấy phép đó".
  'quyết định', 'khoản hỗ trợ', 'hỗ trợ', 'trợ cấp', 'chế độ', 'khóa học', 'khóa bồi dưỡng', 'giấy phép', 'hội đồng', 'hình thức', 'phong trào',
  'khoản tiền', 'số tiền', 'kinh phí', 'nền tảng', 'hệ thống', 'mô hình',
]
  .flatMap((noun) => ['đó', 'này', 'ấy', 'trên', 'nói trên'].map((d) => `${noun} ${d}`))
  .concat(
    ['that', 'this', 'the same', 'the said', 'said'].flatMap((d) =>
      ['target', 'goal', 'task', 'duty', 'activity', 'programme', 'program', 'policy', 'rule', 'provision', 'procedure', 'criterion', 'project',
        'scheme', 'fee', 'rate', 'amount', 'figure', 'deadline', 'dossier', 'measure', 'solution', 'decision', 'payment', 'allowance', 'benefit',
        'support', 'course', 'council', 'licence', 'license', 'campaign', 'platform', 'system', 'model'].map((noun) => `${d} ${noun}`),
    ),
    ['those', 'these'].flatMap((d) =>
      ['targets', 'goals', 'tasks', 'duties', 'activities', 'programmes', 'programs', 'policies', 'rules', 'provisions', 'procedures', 'criteria',
        'projects', 'fees', 'rates', 'amounts', 'figures', 'deadlines', 'dossiers', 'measures', 'solutions', 'decisions', 'payments', 'allowances',
        'benefits', 'courses', 'licences', 'licenses', 'platforms', 'systems', 'models'].map((noun) => `${d} ${noun}`),
    ),
  )
  .map(compilePhrase);

/**
 * "Chỉ tiêu đó do cơ quan nào chủ trì?" after "Bắc Ninh đặt mục tiêu … tỷ lệ hồ sơ trực tuyến đạt bao nhiêu?": the
 * anaphor is followed by what the previous question said (its question words and places left out), and the place
 * goes in as for any follow-up.
 */
function resolveTopic(current: PreparedText, anaphor: PhraseMatch, previous: string, documents: readonly DocumentMeta[], place: string | undefined, language: QuestionLanguage): string {
  const original = offsetText(current);
  const named = original.slice(anaphor.start, anaphor.end);
  const english = /^(that|this|those|these|the same|the said|said)\s+/iu;
  const noun = english.test(named) ? named.replace(english, 'the ') : named.replace(/\s+\S+$/u, '');
  // (Without the document it opened with, "Theo NĐ 171/2025/NĐ-CP, …": the scope carries that.)
  const topic = trimQuestion(stripQuestion(previous, documents)).replace(/^(?:theo|under|according to|in)\s[^,]{3,80},\s*/iu, '');
  const rewritten = `${original.slice(0, anaphor.start)}${noun} (${topic})${original.slice(anaphor.end)}`;
  return place ? withPlace(rewritten, place, language) : rewritten;
}

/** Rewrites `question` against one earlier standalone question. */
function rewriteAgainst(question: string, previous: string, documents: readonly DocumentMeta[]): string {
  const current = prepareText(question);
  const language = detectLanguage(question);
  const places = locateLocalities(current.normalized, documents);
  const previousText = prepareText(previous);
  const previousPlaces = locateLocalities(previousText.normalized, documents);
  const rest = remainder(current, places);
  const modifiers = modifiersOf(rest);

  // "Còn Khánh Hòa thì sao?", "what about Hanoi in the next phase?": the previous question, asked about the new place.
  if (places.length > 0) {
    // ("Thế ở Bến Tre thì thời hạn là khi nào?" after a question on the reporting deadline asks the same at the new place.)
    if (rest !== '' && !modifiers && !asksSameKind(question, previous, documents, language)) return question;
    const moved = switchPlace(previous, previousPlaces, placeText(current, places, language), language);
    return modifiers ? applyModifiers(moved, modifiers, documents) : moved;
  }
  // "Còn người khuyết tật thì sao?", "Giai đoạn sau thì sao?", "And in the second phase?": the previous question
  // (its topic kept) with just that group or period changed.
  if (modifiers) return applyModifiers(previous, modifiers, documents);

  // "Cơ quan đó phối hợp với ai?", "Họ làm gì?", "What do they do?": the body (or group) the previous question named.
  const anaphor = anaphorIn(current);
  const referent = anaphor && referentIn(previousText, previousPlaces, anaphor.personal);
  if (anaphor && referent) return resolveAnaphor(current, anaphor, previousText, referent, previousPlaces, language);
  const place = previousPlaces.length > 0 ? placeText(previousText, previousPlaces, language) : undefined;
  const topic = firstOf(current, TOPIC_ANAPHORS);
  if (topic) return resolveTopic(current, topic, previous, documents, place, language);

  if (!place) return question;

  // "ở đó", "kế hoạch đó", "there", "that plan": name the place.
  const here = firstOf(current, HERE);
  if (here) return replaceSpan(offsetText(current), here, language === 'en' ? `in ${place}` : `ở ${place}`);
  const thisPlace = firstOf(current, THIS_PLACE);
  if (thisPlace) return replaceSpan(offsetText(current), thisPlace, place);
  const thatPlan = firstOf(current, THAT_PLAN);
  if (thatPlan) return replaceSpan(offsetText(current), thatPlan, language === 'en' ? `the ${place} plan` : `kế hoạch của ${place}`);

  // "Trong đó bao nhiêu người tròn 100 tuổi?": among the previous question's group, at its place.
  const among = firstOf(current, AMONG);
  if (among) {
    const group = firstOf(previousText, GROUPS);
    const after = offsetText(current).slice(among.end).replace(/^[\s,]+/u, '');
    if (group && language === 'vi') return `Trong số ${span(previousText, group)} ở ${place}, ${after}`;
    if (group) return `Among ${span(previousText, group)} in ${place}, ${after}`;
    return withPlace(question, place, language);
  }

  // Other follow-ups ("Ai ký kế hoạch?", "Còn kinh phí thì sao?", "Does it cover children?") keep the place.
  const opener = OPENERS.flatMap((p) => findPhrase(current, p)).some((m) => m.start === current.folded.search(/[\p{L}\p{N}]/u));
  const pronoun = PRONOUNS.some((p) => findPhrase(current, p).length > 0);
  const mentionsPlan = MENTIONS_PLAN.some((p) => findPhrase(current, p).length > 0);
  if (opener || pronoun || mentionsPlan || elliptical(question, documents)) return withPlace(question, place, language);
  return question;
}

/**
 * A later part of a question naming the body an earlier part was answered with ("… cơ quan nào tham mưu sơ kết, và
 * cơ quan đó còn phải đề xuất gì?" after "Công an tỉnh"): its "cơ quan đó", "that body" replaced by the body's name.
 */
export function withBodyNamed(question: string, body: string): string {
  const current = prepareText(question);
  const anaphor = anaphorIn(current);
  if (!anaphor || anaphor.personal) return question;
  const original = offsetText(current);
  return original.slice(0, anaphor.start) + body + original.slice(anaphor.end);
}

/**
 * A standalone form of `question`: follow-ups are read against the earlier user turns (each resolved in turn,
 * so a chain of follow-ups keeps its place and topic); a question that names its own place is left as it is.
 */
export function rewriteFollowUp(question: string, history: readonly ChatTurn[], documents: readonly DocumentMeta[]): string {
  const turns = history.filter((turn) => turn.role === 'user').map((turn) => turn.content.trim()).filter(Boolean);
  // Clients may already have appended the current question to the history.
  if (turns.at(-1) === question.trim()) turns.pop();
  if (turns.length === 0) return question;
  const previous = turns.slice(1).reduce((standalone, turn) => rewriteAgainst(turn, standalone, documents), turns[0]);
  return rewriteAgainst(question, previous, documents);
}
