import { documentPhrase } from '../answer/plan-names.js';
import { matchKey } from '../lang/normalize.js';
import type { DocumentMeta } from '../types.js';
import { bodyKey } from './find-duties.js';
import type { BodyDuties, Deadline, DueDate, Figure, SourceCitation, Target } from './learn-types.js';

// Multiple-choice questions for new staff from what the documents state: the figure of a target, the date of a
// deadline, the body given a task. The wrong options are values of the same kind found in the documents, never
// made up; the same seed gives the same quiz.

export interface QuizItem {
  /** Stable for a document version: kind, document and the quoted offset. */
  id: string;
  kind: 'target' | 'deadline' | 'duty';
  docId: string;
  question: string;
  options: string[];
  /** Index of the right option. */
  correct: number;
  /** The right answer in a sentence, shown after choosing. */
  explanation: string;
  citation: SourceCitation;
}

/** What one document gives the quiz: its targets, deadlines and duties, and the dates it prints. */
export interface QuizSource {
  meta: DocumentMeta;
  targets: readonly Target[];
  deadlines: readonly Deadline[];
  duties: readonly BodyDuties[];
  /** Days and months the document prints ("18/11/2021"), for wrong dates that are not made up. */
  dates: readonly DueDate[];
}

const MIN_OPTIONS = 3;
const MAX_OPTIONS = 4;
/** A quoted target or task is shortened to about this length in a question. */
const MAX_QUOTED = 240;
const MIN_TASK_CHARS = 30;

/** A deterministic generator (mulberry32) seeded from a string (FNV-1a). */
export function seededRandom(seed: string): () => number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619);
  let state = hash >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const shorten = (text: string, max = MAX_QUOTED): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
};

/** A figure as an option reads: "100 %" and "100%" are one value. */
const figureLabel = (figure: Figure): string => (figure.kind === 'percent' ? `${figure.text.replace(/\s+/gu, '')}` : figure.text.replace(/\s+/gu, ' '));
const figureKey = (figure: Figure): string => `${figure.kind}:${figure.value}:${figure.unit ?? ''}`;

const dateKey = (date: DueDate): string => `${date.day}/${date.month}`;
/** "15/12" in a deadline as printed ("trước ngày 15/12 hàng năm", "chậm nhất ngày 20 tháng 12"). */
const DATE_IN_WHEN = /\d{1,2}\s*(?:\/|-|\s+tháng\s+)\s*\d{1,2}(?:\s*(?:\/|-|\s+năm\s+)\s*(?:19|20)\d{2})?/u;

interface Draft {
  kind: QuizItem['kind'];
  meta: DocumentMeta;
  question: string;
  answer: string;
  wrong: string[];
  citation: SourceCitation;
}

/** Up to `count` distinct values from `candidates`, in a seeded order, none equal to an excluded key. */
function pick<T>(candidates: readonly T[], key: (value: T) => string, excluded: ReadonlySet<string>, count: number, random: () => number): T[] {
  const seen = new Set(excluded);
  const chosen: T[] = [];
  if (count <= 0) return chosen;
  for (const candidate of shuffled(candidates, random)) {
    const value = key(candidate);
    if (seen.has(value)) continue;
    seen.add(value);
    chosen.push(candidate);
    if (chosen.length === count) break;
  }
  return chosen;
}

function targetDrafts(subject: QuizSource, pool: readonly QuizSource[], random: () => number): Draft[] {
  const phrase = documentPhrase(subject.meta, 'vi');
  const figures = pool.flatMap((source) => source.targets.flatMap((target) => target.figures));
  return subject.targets.flatMap((target) => {
    const [figure] = target.figures;
    const at = target.text.indexOf(figure.text);
    if (at < 0 || at > MAX_QUOTED - 40) return [];
    // Figures the line itself states are no wrong answer: the learner could not tell which one is blanked.
    const own = new Set(target.figures.map(figureKey));
    const sameKind = figures.filter((other) => other.kind === figure.kind && other.unit === figure.unit);
    const wrong = pick(sameKind, figureKey, own, MAX_OPTIONS - 1, random).map(figureLabel);
    const blanked = `${target.text.slice(0, at)}…${target.text.slice(at + figure.text.length)}`;
    const period = target.period ? ` (giai đoạn ${target.period})` : '';
    return [{ kind: 'target' as const, meta: subject.meta, question: `Theo ${phrase}${period}, con số còn thiếu trong chỉ tiêu sau là bao nhiêu? “${shorten(blanked)}”`, answer: figureLabel(figure), wrong, citation: target.citation }];
  });
}

function deadlineDrafts(subject: QuizSource, pool: readonly QuizSource[], random: () => number): Draft[] {
  const phrase = documentPhrase(subject.meta, 'vi');
  const own = new Set(subject.deadlines.flatMap((deadline) => (deadline.due ? [dateKey(deadline.due)] : [])));
  // Dates of other deadlines first, then other dates the documents print.
  const otherDeadlines = pool.flatMap((source) => source.deadlines.flatMap((deadline) => (deadline.due ? [deadline.due] : [])));
  const printed = pool.flatMap((source) => source.dates);
  return subject.deadlines.flatMap((deadline) => {
    if (!deadline.due || !DATE_IN_WHEN.test(deadline.when)) return [];
    const first = pick(otherDeadlines, dateKey, own, MAX_OPTIONS - 1, random);
    const more = pick(printed, dateKey, new Set([...own, ...first.map(dateKey)]), MAX_OPTIONS - 1 - first.length, random);
    const wrong = [...first, ...more].map((date) => deadline.when.replace(DATE_IN_WHEN, dateKey(date)));
    // "Các cơ sở…" inside a sentence reads "các cơ sở…"; a body's own name keeps its capital.
    const who = deadline.by?.replace(/^(Các|Những)\s/u, (word) => word.toLocaleLowerCase('vi')) ?? 'đơn vị thực hiện';
    const task =
      deadline.kind === 'report'
        ? `${who} phải gửi báo cáo${deadline.what ? ` ${deadline.what}` : ''}${deadline.to ? ` về ${deadline.to}` : ''}`
        : `việc sau phải xong: “${shorten(deadline.what ?? '')}”`;
    return [{ kind: 'deadline' as const, meta: subject.meta, question: `Theo ${phrase}, ${task} — thời hạn là khi nào?`, answer: deadline.when, wrong, citation: deadline.citation }];
  });
}

function dutyDrafts(subject: QuizSource, pool: readonly QuizSource[], random: () => number): Draft[] {
  const phrase = documentPhrase(subject.meta, 'vi');
  // "Các sở, ban, ngành liên quan" covers every body: it is neither a fair answer nor a fair wrong one.
  const named = (duties: readonly BodyDuties[]) => duties.filter((duty) => !/^các\s/iu.test(duty.body));
  const own = named(subject.duties);
  const others = pool.filter((source) => source !== subject).flatMap((source) => named(source.duties));
  return own.flatMap((duty) => {
    const key = bodyKey(duty.body);
    return duty.tasks.flatMap((task) => {
      const taskKey = matchKey(task.text);
      // A task that names its own body gives the answer away.
      if (task.text.length < MIN_TASK_CHARS || ` ${bodyKey(task.text)} `.includes(` ${key} `)) return [];
      const alsoGiven = new Set(own.filter((other) => other.tasks.some((given) => matchKey(given.text) === taskKey)).map((other) => bodyKey(other.body)));
      const excluded = new Set([key, ...alsoGiven]);
      const first = pick(own.filter((other) => other !== duty), (other) => bodyKey(other.body), excluded, MAX_OPTIONS - 1, random);
      const more = pick(others, (other) => bodyKey(other.body), new Set([...excluded, ...first.map((other) => bodyKey(other.body))]), MAX_OPTIONS - 1 - first.length, random);
      return [{ kind: 'duty' as const, meta: subject.meta, question: `Theo ${phrase}, cơ quan nào được giao nhiệm vụ sau? “${shorten(task.text)}”`, answer: duty.body, wrong: [...first, ...more].map((other) => other.body), citation: task.citation }];
    });
  });
}

const EXPLAIN: Record<QuizItem['kind'], string> = { target: 'Con số đúng', deadline: 'Thời hạn đúng', duty: 'Cơ quan được giao' };

/**
 * `n` questions about the subject documents, the kinds taken in turn; `pool` (the subjects and a few other
 * documents) gives the wrong options. A question without at least two wrong options is left out.
 */
export function buildQuiz(subjects: readonly QuizSource[], pool: readonly QuizSource[], n: number, seed: string): QuizItem[] {
  const random = seededRandom(seed);
  const byKind = [targetDrafts, deadlineDrafts, dutyDrafts].map((drafts) =>
    shuffled(
      subjects.flatMap((subject) => drafts(subject, pool, random)).filter((draft) => draft.wrong.length >= MIN_OPTIONS - 1),
      random,
    ),
  );
  const order = shuffled(byKind, random);
  const items: QuizItem[] = [];
  while (items.length < n && order.some((drafts) => drafts.length > 0)) {
    for (const drafts of order) {
      const draft = drafts.shift();
      if (!draft || items.length >= n) continue;
      const options = shuffled([draft.answer, ...draft.wrong], random);
      items.push({
        id: `${draft.kind}:${draft.meta.id}:${draft.citation.start}`,
        kind: draft.kind,
        docId: draft.meta.id,
        question: draft.question,
        options,
        correct: options.indexOf(draft.answer),
        explanation: `${EXPLAIN[draft.kind]}: ${draft.answer}.`,
        citation: draft.citation,
      });
    }
  }
  return items;
}
