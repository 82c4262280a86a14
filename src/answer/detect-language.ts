// Vietnamese (typed with or without diacritics) vs English, plus the accent-aware phrase matcher that the
// other question-understanding modules share.
import { foldDiacritics, matchKey, normalizeVietnamese } from '../lang/normalize.js';
import { escapeRegExp } from '../lang/escape-reg-exp.js';

export type QuestionLanguage = 'vi' | 'en';

/** A phrase found in a text: offsets into `PreparedText.normalized` (folding keeps NFC lengths). */
export interface PhraseMatch {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The text normalised (case kept), lower-cased, and folded, aligned character by character. */
export interface PreparedText {
  /** The text as given. */
  original: string;
  normalized: string;
  lower: string;
  folded: string;
  /** False when lower-casing or folding changed the length (exotic characters): the accent check is then skipped. */
  aligned: boolean;
}

export function prepareText(text: string): PreparedText {
  const normalized = normalizeVietnamese(text);
  const lower = normalized.toLowerCase();
  const folded = matchKey(text);
  return { original: text, normalized, lower, folded, aligned: folded.length === lower.length && lower.length === normalized.length };
}

/** The text as given when offsets into the normalised form fit it too (NFC input), else the normalised text. */
export const offsetText = (text: PreparedText): string => (text.original.length === text.normalized.length ? text.original : text.normalized);

/** A phrase compiled once: matched on folded text at word boundaries, then checked syllable by syllable. */
export interface CompiledPhrase {
  readonly phrase: string;
  readonly pattern: RegExp;
  /** The phrase's own syllables, lower-case with diacritics. */
  readonly syllables: string[];
}

export function compilePhrase(phrase: string): CompiledPhrase {
  const syllables = normalizeVietnamese(phrase).toLowerCase().match(WORD) ?? [];
  let pattern: RegExp | undefined;
  return {
    phrase,
    syllables,
    // Built on first use: the gazetteer compiles thousands of place phrases, of which a question tries a few.
    get pattern() {
      pattern ??= new RegExp(`(?<![\\p{L}\\p{N}])${syllables.map((s) => escapeRegExp(foldDiacritics(s))).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'gu');
      return pattern;
    },
  };
}

/**
 * Where the phrase occurs. Text typed without diacritics matches through folding, but a syllable typed WITH
 * diacritics must carry the phrase's own ones: "định kỳ" is not "ký", "năm" is not "Nam".
 */
export function findPhrase(text: PreparedText, phrase: CompiledPhrase): PhraseMatch[] {
  if (phrase.syllables.length === 0) return [];
  const found: PhraseMatch[] = [];
  for (const m of text.folded.matchAll(phrase.pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!text.aligned || accentsAgree(text.lower.slice(start, end), phrase.syllables)) found.push({ start, end });
  }
  return found;
}

function accentsAgree(span: string, syllables: readonly string[]): boolean {
  const typed = span.match(WORD) ?? [];
  return typed.every((word, i) => word === foldDiacritics(word) || word === syllables[i]);
}

/** Many phrases indexed by their first folded syllable, found in one pass over a text's words. */
export interface PhraseIndex<T> {
  byFirst: ReadonlyMap<string, readonly { folded: string[]; syllables: string[]; value: T }[]>;
}

export function createPhraseIndex<T>(items: Iterable<readonly [phrase: string, value: T]>): PhraseIndex<T> {
  const byFirst = new Map<string, { folded: string[]; syllables: string[]; value: T }[]>();
  for (const [phrase, value] of items) {
    const syllables = normalizeVietnamese(phrase).toLowerCase().match(WORD) ?? [];
    if (syllables.length === 0) continue;
    const folded = syllables.map(foldDiacritics);
    const list = byFirst.get(folded[0]) ?? [];
    list.push({ folded, syllables, value });
    byFirst.set(folded[0], list);
  }
  return { byFirst };
}

/** Every occurrence of every indexed phrase (overlaps included), with the same accent rule as findPhrase. */
export function findIndexed<T>(text: PreparedText, index: PhraseIndex<T>): (PhraseMatch & { value: T })[] {
  const words = [...text.folded.matchAll(WORD)];
  const found: (PhraseMatch & { value: T })[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const entry of index.byFirst.get(words[i][0]) ?? []) {
      const n = entry.folded.length;
      if (i + n > words.length || !entry.folded.every((f, k) => words[i + k][0] === f)) continue;
      const start = words[i].index;
      const end = words[i + n - 1].index + words[i + n - 1][0].length;
      if (!text.aligned || accentsAgree(text.lower.slice(start, end), entry.syllables)) found.push({ start, end, value: entry.value });
    }
  }
  return found;
}

/** Longest matches first, then earliest; matches overlapping a chosen one are dropped. Returned in text order. */
export function longestFirst<M extends PhraseMatch>(matches: readonly M[]): M[] {
  const chosen: M[] = [];
  for (const m of [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (chosen.every((c) => m.end <= c.start || m.start >= c.end)) chosen.push(m);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export const hasPhrase = (text: PreparedText, phrase: CompiledPhrase): boolean => findPhrase(text, phrase).length > 0;

/** Common Vietnamese syllables as typed without diacritics; ones that are also English words are left out. */
const VI_PLAIN = new Set(
  (
    'ai duoc cap nhung khong bao nhieu nao gi khi thi sao cua cho voi trong theo ve nay la co va cac mot phai cai gui ngay thang nam ' +
    'truoc tre em cao tuoi nguoi khuyet tat tro giup xa hoi hiem y te suc khoe cham soc ke hoach tinh thanh pho huyen quan ' +
    'ky nhiem vu muc tieu chi kinh phi ngan sach nguon von doi tuong cong chinh trinh thuc hien trien khai phong so lao dong ' +
    'thuong binh benh dieu duong phuc hoi chuc nang dinh bac hang tron mo coi dac biet hoan canh dia phuong dau ti ty le phan tram ' +
    'nhu nua vay con roi chua duong sau lam nhiem bien phap giai gom uy ban nhan dan quyet thong tu van ban can cu dua tren ' +
    'kham tham gia hop tai o boi nhieu it lieu neu xin hay biet muon tim hieu moi tung ca'
  ).split(' '),
);

const EN_WORDS = new Set(
  (
    'who what when where which why how is are was were be been does did will would should could must has have had of ' +
    'for in on at by with from about and or not any all each every many much there their they them it its this that these those ' +
    'get gets got receive receives given issued card report reports due deadline signed signer sign plan plans health insurance ' +
    'elderly people disabled disabilities children child older seniors veterans merit social assistance protection funding budget ' +
    'target targets goal goals percentage percent share number list tasks measures department agency body responsible city ' +
    'province district same also please tell me show us you your need needs should submit submitted date year years old care support ' +
    'based decision directive document program programme implement implementation rehabilitation nursing provide provided'
  ).split(' '),
);

const HAS_VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;

/**
 * Votes per word: a word with Vietnamese diacritics or a common unaccented Vietnamese syllable votes 'vi', an
 * English word votes 'en' (weighted up, since place names like "Khánh Hòa" bring accents into English questions).
 * Abbreviations (BHYT) and numbers vote for neither; a tie goes to Vietnamese, the product's language.
 */
export function detectLanguage(text: string): QuestionLanguage {
  let vi = 0;
  let en = 0;
  // A Vietnamese name in brackets or quotes ("the provincial political schools (Trường Chính trị tỉnh)") is the
  // documents' own word inside a question asked in English: the words around it tell the language.
  const outside = text.replace(/\([^()]*\)|“[^”]*”|"[^"]*"/gu, ' ');
  for (const word of normalizeVietnamese(/[\p{L}]{2}/u.test(outside) ? outside : text).toLowerCase().match(WORD) ?? []) {
    if (HAS_VIETNAMESE_LETTER.test(word)) vi += 1;
    else if (EN_WORDS.has(word)) en += 1.5;
    else if (VI_PLAIN.has(word)) vi += 1;
  }
  return en > vi ? 'en' : 'vi';
}
