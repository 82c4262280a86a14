// Turns a follow-up ("Còn Khánh Hòa thì sao?", "Trong đó bao nhiêu người tròn 100 tuổi?", "what about Hanoi?")
// into a standalone question, using the place and topic of the earlier user turns.
import { translateToVietnamese } from '../lang/glossary.js';
import { STOPWORDS } from '../lang/stopwords.js';
import type { ChatTurn, DocumentMeta } from '../types.js';
import { stripQuestion } from './analyze-question.js';
import { compilePhrase, detectLanguage, findPhrase, offsetText, prepareText, type CompiledPhrase, type PhraseMatch, type PreparedText, type QuestionLanguage } from './detect-language.js';
import { locateLocalities, type LocalityMention } from './detect-localities.js';

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
  'children in special circumstances', 'people with disabilities', 'persons with disabilities', 'disabled people', 'elderly people',
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
function withPlace(question: string, place: string, language: QuestionLanguage): string {
  const core = trimQuestion(question);
  if (language === 'en') return `${core} in ${place}?`;
  const prepared = prepareText(core);
  const end = prepared.folded.length;
  const closer = CLOSERS.flatMap((p) => findPhrase(prepared, p)).find((m) => m.end === end);
  if (closer) return `${offsetText(prepared).slice(0, closer.start).trimEnd()} ở ${place} ${span(prepared, closer)}?`;
  return `${core} ở ${place}?`;
}

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

/** So short once its question words are gone ("Mục tiêu là gì?", "Ai ký?") that it leans on the conversation. */
const elliptical = (question: string, documents: readonly DocumentMeta[]): boolean =>
  wordsOf(stripQuestion(question, documents).toLowerCase()).split(' ').filter((w) => w && !STOPWORDS.has(w)).length <= 2;

/** Rewrites `question` against one earlier standalone question. */
function rewriteAgainst(question: string, previous: string, documents: readonly DocumentMeta[]): string {
  const current = prepareText(question);
  const language = detectLanguage(question);
  const places = locateLocalities(current.normalized, documents);
  const previousText = prepareText(previous);
  const previousPlaces = locateLocalities(previousText.normalized, documents);
  const rest = remainder(current, places);

  // "Còn Khánh Hòa thì sao?", "what about Hanoi?": the previous question, asked about the new place.
  if (places.length > 0) {
    return rest === '' ? switchPlace(previous, previousPlaces, placeText(current, places, language), language) : question;
  }
  const opener = OPENERS.flatMap((p) => findPhrase(current, p)).some((m) => m.start === current.folded.search(/[\p{L}\p{N}]/u));

  // "Còn người khuyết tật thì sao?", "what about children?": the previous question about the new group.
  if (opener && rest !== '') {
    // Read the new group in the previous question's language.
    const topic = prepareText(language === 'en' && detectLanguage(previous) === 'vi' ? translateToVietnamese(rest).text : rest);
    const newGroup = firstOf(topic, GROUPS);
    const oldGroup = firstOf(previousText, GROUPS);
    if (newGroup && oldGroup && wordsOf(topic.folded) === wordsOf(topic.folded.slice(newGroup.start, newGroup.end))) {
      return replaceSpan(offsetText(previousText), oldGroup, span(topic, newGroup));
    }
  }
  if (previousPlaces.length === 0) return question;
  const place = placeText(previousText, previousPlaces, language);

  // "ở đó", "kế hoạch đó", "there", "that plan": name the place.
  const here = firstOf(current, HERE);
  if (here) return replaceSpan(offsetText(current), here, language === 'en' ? `in ${place}` : `ở ${place}`);
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
  const pronoun = PRONOUNS.some((p) => findPhrase(current, p).length > 0);
  const mentionsPlan = MENTIONS_PLAN.some((p) => findPhrase(current, p).length > 0);
  if (opener || pronoun || mentionsPlan || elliptical(question, documents)) return withPlace(question, place, language);
  return question;
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
