import { isBodyHeading } from '../answer/evidence-cues.js';
import { CURATED_ABBREVIATIONS, abbreviationKey } from '../lang/abbreviations.js';
import { matchKey } from '../lang/normalize.js';
import { splitSentences } from '../structure/split-sentences.js';
import type { OutlineEntry } from '../types.js';
import { contains, headingKey, headingWords, type LearnSource, type Span } from './learn-source.js';
import type { BodyDuties, Task } from './learn-types.js';

// Tasks by agency: the sections of "Tổ chức thực hiện" headed by a body ("2. Sở Y tế", "9. UBND các phường, xã"),
// and articles on a body's responsibilities ("Điều 12. Trách nhiệm của Bộ Y tế").

/** Sections that hand out tasks: "Tổ chức thực hiện", "Trách nhiệm của các cơ quan", "Phân công nhiệm vụ". */
const ORGANISING = /^(to chuc thuc hien|trach nhiem|phan cong)\b/u;
/** "Trách nhiệm của Bộ Y tế": the body follows. */
const RESPONSIBILITY_OF = /^trach nhiem (?:thuc hien )?(?:cua )/u;
const REQUEST = /^đề nghị\s+/iu;
/** A task longer than this is read sentence by sentence. */
const MAX_TASK_CHARS = 600;
const MIN_TASK_CHARS = 8;

type HeadingReader = Pick<LearnSource, 'outline' | 'headingWordsEnd' | 'plain'>;

/** A section that gives a body its tasks, with the body's name as printed. */
export interface BodySection {
  entry: OutlineEntry;
  body: string;
}

/** The body a heading names, or undefined: "8. Đề nghị Bảo hiểm xã hội tỉnh" → "Bảo hiểm xã hội tỉnh". */
function bodyOf(entry: OutlineEntry, underOrganising: boolean, source: HeadingReader): string | undefined {
  // The outline cuts long titles ("…"): the name is then read from the text.
  const title = entry.title.endsWith('…') ? source.plain({ start: entry.start, end: source.headingWordsEnd(entry) }) : entry.title;
  const words = headingWords(title).replace(/[:.]\s*$/u, '');
  const responsibility = RESPONSIBILITY_OF.exec(matchKey(words));
  // matchKey keeps length, so the match's length is the same in the printed words.
  if (responsibility) return words.slice(responsibility[0].length).trim() || undefined;
  if (!underOrganising || !isBodyHeading(entry.title)) return undefined;
  return words.replace(REQUEST, '').trim() || undefined;
}

/** The outermost sections headed by a body, in document order. */
export function findBodySections(source: HeadingReader): BodySection[] {
  const { outline } = source;
  const organising = outline.filter((entry) => ORGANISING.test(headingKey(entry.title)));
  const sections = outline.flatMap((entry) => {
    const body = bodyOf(entry, organising.some((outer) => contains(outer, entry)), source);
    return body ? [{ entry, body }] : [];
  });
  return sections.filter((section) => !sections.some((outer) => contains(outer.entry, section.entry)));
}

/** Every body's tasks, each item of its section a task (long paragraphs sentence by sentence). */
export function findDuties(source: LearnSource): BodyDuties[] {
  const { text } = source.doc;
  return findBodySections(source).map(({ entry, body }) => {
    const tasks: Task[] = source
      .items(entry.start, entry.end, [entry])
      .flatMap((item) => (item.end - item.start <= MAX_TASK_CHARS ? [item] : sentencesOf(text, item)))
      .filter((span) => span.end - span.start >= MIN_TASK_CHARS)
      .map((span) => ({ text: source.plain(span), citation: source.cite(span) }));
    return { body, heading: source.cite({ start: entry.start, end: source.headingWordsEnd(entry) }), tasks };
  });
}

const sentencesOf = (text: string, item: Span): Span[] =>
  splitSentences(text.slice(item.start, item.end)).map((sentence) => ({ start: item.start + sentence.start, end: item.start + sentence.end }));

// Body names compared the way people type them: folded, abbreviations spelt out ("UBND" = "Ủy ban nhân dân",
// "Sở LĐTBXH" = "Sở Lao động - Thương binh và Xã hội"), punctuation and filler words ("các", "Đề nghị") left out.
const EXPANSIONS = new Map([...CURATED_ABBREVIATIONS].map(([abbreviation, expansion]) => [abbreviationKey(abbreviation), matchKey(expansion)]));
const FILLER = new Set(['cac', 'nhung', 'de', 'nghi']);

/** The words of a body's name as compared: "Đề nghị UBND các huyện" → "uy ban nhan dan huyen". */
export function bodyKey(name: string): string {
  return matchKey(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !FILLER.has(word))
    .map((word) => EXPANSIONS.get(word) ?? word)
    .join(' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Place words a name may list between the asked ones: "UBND huyện" is given tasks as "UBND các quận, huyện, thị xã". */
const PLACE_WORDS = new Set(['tinh', 'thanh', 'pho', 'quan', 'huyen', 'thi', 'xa', 'phuong', 'tran']);

/**
 * Whether a body's name holds the asked words in order, whole words, from where one of them starts, with only place
 * words between them: "So Y te" finds "Sở Y tế tỉnh", not "Trung tâm Y tế" nor "Sở Lao động … Y tế".
 */
export function matchesBody(name: string, askedKey: string): boolean {
  const asked = askedKey.split(' ').filter(Boolean);
  const words = bodyKey(name).split(' ');
  if (asked.length === 0) return false;
  return words.some((word, from) => {
    if (word !== asked[0]) return false;
    let next = 1;
    for (let i = from + 1; i < words.length && next < asked.length; i += 1) {
      if (words[i] === asked[next]) next += 1;
      else if (!PLACE_WORDS.has(words[i])) return false;
    }
    return next === asked.length;
  });
}
