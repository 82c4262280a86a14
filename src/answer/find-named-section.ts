import { foldedContentWords } from '../lang/stopwords.js';
import type { OutlineEntry } from '../types.js';
import { foldedLower } from './evidence-cues.js';
import { englishListedNoun } from './question-type.js';

/** The numbering before a heading's words: "I.", "1.2.", "a)", "Điều 5.". */
const NUMBERING = /^(?:(?:dieu|chuong|muc|phan)\s+[0-9ivxlc]+\.?|[ivxlc]+\.|\d+(?:\.\d+)*\.?|[a-z]\))\s*/;
/** Words a heading joins its parts with: "Mục đích, yêu cầu", "Nhiệm vụ và giải pháp". */
const JOINERS = new Set(['va', 'cac']);
/** A heading naming this many words more than the question ("Đối tượng áp dụng" for "đối tượng nào") still names it. */
const MAX_EXTRA_WORDS = 1;
/** Words of a list question that ask, not say what: "kế hoạch đặt ra những yêu cầu gì", "liệt kê", "cụ thể". */
const FRAME_WORDS = new Set('gom bao gi nao neu dat ra liet ke ten cu the chinh chu yeu do duoc toan bo day du nhu sau'.split(' '));
/** Words of the question beyond the asked thing and its document's name that still leave it "what are the X of D". */
const MAX_OTHER_WORDS = 2;

const wordsOf = (text: string): string[] => foldedLower(text.replace(/[*_]/g, ' ')).split(/[^a-z0-9]+/).filter(Boolean);

/** A question's words as headings are matched against them: folded, markup out. */
export const questionWords = (question: string): ReadonlySet<string> => new Set(wordsOf(question));

/** A heading's own words, without its numbering and joiners: "**I. MỤC ĐÍCH, YÊU CẦU**" → muc, dich, yeu, cau. */
export const headingWords = (title: string): string[] =>
  wordsOf(foldedLower(title.replace(/[*_]/g, ' ')).trim().replace(NUMBERING, '')).filter((word) => !JOINERS.has(word));

/**
 * The section a list question names by its heading ("những đối tượng nào được hỗ trợ" → "Điều 4. Đối tượng hỗ
 * trợ"): the heading holding every word of the asked thing and at most one the question lacks, the one naming least
 * else first, then the one sharing most of the question's words, then the shortest, then the deepest.
 */
export function findNamedSection(outline: readonly OutlineEntry[], asked: readonly string[], inQuestion: ReadonlySet<string>): OutlineEntry | null {
  if (asked.length === 0) return null;
  const candidates = outline
    .map((entry) => {
      const words = headingWords(entry.title);
      const extra = words.filter((word) => !inQuestion.has(word)).length;
      return { entry, words, extra, shared: words.length - extra };
    })
    .filter(({ words, extra }) => asked.every((word) => words.includes(word)) && extra <= MAX_EXTRA_WORDS)
    .sort((a, b) => a.extra - b.extra || b.shared - a.shared || a.words.length - b.words.length || b.entry.depth - a.entry.depth || a.entry.start - b.entry.start);
  return candidates[0]?.entry ?? null;
}

/**
 * Whether the question asks for nothing but the listed thing of a document ("What are the purposes of the plan
 * issued with Decision 2623?"): its other content words all name the document. A question that narrows the list
 * ("những nhiệm vụ nào về chuyển đổi số") asks for part of the section, which retrieval finds.
 */
export function asksWholeSection(question: string, asked: readonly string[], naming: string): boolean {
  const known = new Set([...asked, ...wordsOf(naming)]);
  const others = foldedContentWords(question).filter((word) => !known.has(word) && !FRAME_WORDS.has(word) && !/^\d/.test(word));
  return new Set(others).size <= MAX_OTHER_WORDS;
}

/**
 * "Kế hoạch đặt ra những yêu cầu gì", "các giải pháp nào", "cần giấy tờ gì": the words between "những/các" (or a
 * verb of needing or handing in) and "nào/gì".
 */
const LISTED_BETWEEN = /\b(?:nhung|cac|can|nop)\s+(?:(?:nhung|cac)\s+)?([a-z]+(?:\s+[a-z]+){0,2}?)\s+(?:nao|gi)\b/;
/** "What are the (three) requirements set out in …": the thing after "what are the". */
const ENGLISH_LISTED = /\bwhat (?:are|were) (?:all )?the (?:(?:\d+|two|three|four|five|six|seven|main|key|specific|stated)\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:of|in|for|set|under|that|does|do|laid|listed|stated|to|with|\(|\?)/;

/**
 * The words of the thing a list question may ask the items of, as a Vietnamese heading would write them, likeliest
 * first: the question's opening ("mục đích của kế hoạch là gì"), what "những … nào" encloses, or in English what
 * follows "what are the".
 */
export function askedSectionWords(question: string, language: 'vi' | 'en', opening: readonly string[], translate: (english: string) => string): (readonly string[])[] {
  if (language === 'en') {
    const thing = ENGLISH_LISTED.exec(question.toLowerCase())?.[1] ?? englishListedNoun(question);
    return thing ? [wordsOf(translate(thing))] : [];
  }
  const between = LISTED_BETWEEN.exec(foldedLower(question))?.[1]?.split(' ');
  return [opening, between ?? []].filter((words) => words.length > 0);
}

/** The syllables of `text`, as written and folded, that spell the thing a list question asks the items of. */
export function listedSyllables(text: string, listed: readonly string[]): string[] {
  const syllables = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return syllables.filter((syllable) => listed.includes(foldedLower(syllable))).flatMap((syllable) => [syllable, foldedLower(syllable)]);
}

/** An item's label, folded: "- Cá nhân: Là thành viên …" → ca, nhan; "b) Tập thể: …" → tap, the; none without one. */
export function labelWords(text: string): string[] {
  const label = /^[\s*_]*(?:(?:[-+•–]|[a-zđ]\)|\d+[.)])\s*)?([^:\n.;]{2,40}):/u.exec(text)?.[1];
  return label ? wordsOf(label).filter((word) => !JOINERS.has(word)) : [];
}
