import { matchKey } from '../lang/normalize.js';
import { splitSentences } from '../structure/split-sentences.js';
import { findBodySections } from './find-duties.js';
import { clipSpan, plainText, type LearnSource, type Span } from './learn-source.js';
import type { Deadline, DueDate } from './learn-types.js';

// Deadlines: reporting duties ("Định kỳ trước ngày 10/11 hàng năm các đơn vị gửi báo cáo … về UBND thành phố") and
// tasks due by a date ("hoàn thành trước ngày 30/9/2024"), read as what, by whom, to whom and by when. Patterns
// run over folded, lower-cased text (matchKey keeps offsets), so "hằng năm" and "hàng năm" read alike.

/** "trước ngày 15/12 hàng năm", "chậm nhất ngày 20 tháng 12", "trước ngày 31/12/2025". */
const DATE_DUE =
  /\b(?:truoc|cham nhat(?: la)?(?: vao)?|han chot(?: la)?|khong muon hon)\s+(?:ngay\s+)?(\d{1,2})\s*(?:\/|-|\s+thang\s+)\s*(\d{1,2})(?:\s*(?:\/|-|\s+nam\s+)\s*((?:19|20)\d{2}))?(?![\d/])(?:\s+(?:hang|moi)\s+(?:nam|quy|thang))?/gu;
/** "định kỳ hằng năm", "định kỳ 6 tháng", "hàng quý", "định kỳ hằng năm, đột xuất (khi có yêu cầu)". */
const FREQUENCY =
  /\b(?:dinh ky(?:\s+(?:(?:hang|moi)\s+(?:nam|quy|thang|tuan)|(?:6|06|sau|3|03|ba)\s+thang(?:\s+(?:mot|1)\s+lan)?))?|(?:hang|moi)\s+(?:nam|quy|thang|tuan)|(?:6|06|sau)\s+thang\s+(?:mot|1)\s+lan)(?:\s*,\s*dot xuat(?:\s*\([^)]{0,40}\))?)?/gu;
const RECURRING = /\b(hang|moi|dinh ky)\b|\bthang\s+(mot|1)\s+lan\b/u;
const REPORT = /\bbao cao\b/gu;
/**
 * What makes a date a task's deadline rather than a date in passing (a transition rule, "có hiệu lực trước ngày…").
 * Read on the printed words, lower-cased: folded, "trình độ" would read as "trình" (submit).
 */
const ACTION = /(?<![\p{L}\p{M}])(?:hoàn thành|hoàn tất|xong|ban hành|gửi|nộp|phê duyệt|quyết định(?!\s+(?:số|\d))|triển khai|xây dựng|cập nhật)(?![\p{L}\p{M}])/gu;
/** A chunk worth reading closely: it reports or sets a date. */
const CUE = /\bbao cao\b|\btruoc ngay\b|\bcham nhat\b|\bhan chot\b/u;
/** CUE on the printed text, with or without accents: most chunks are passed over without folding them. */
const PRINTED_CUE = /b[aá]o\s+c[aá]o|tr[uư][oơớ]c\s+ng[aà]y|ch[aậ]m\s+nh[aấ]t|h[aạ]n\s+ch[oó]t/iu;
/** An item worth splitting into sentences (the costly step): a date due, or a report and a time. */
const worthSplitting = (folded: string): boolean =>
  /\b(?:truoc|cham nhat|han chot|khong muon hon)\s+(?:ngay\s+)?\d/u.test(folded) || (/\bbao cao\b/u.test(folded) && /\b(?:dinh ky|hang|moi|thang)\b/u.test(folded));
/** How far apart a time and the word "báo cáo" may stand to belong together. */
const NEAR = 200;
/** A sentence longer than this is quoted from the clause its deadline sits in. */
const MAX_QUOTE_CHARS = 500;

/** Words a body's name starts with ("Sở", "UBND", "Ủy ban nhân dân", "Bảo hiểm xã hội"), folded. */
const BODY_HEAD =
  /^(?:uy ban nhan dan|hoi dong nhan dan|uy ban mat tran to quoc|bao hiem xa hoi|thu tuong chinh phu|chinh phu|ubnd|hdnd|bhxh|uy ban|van phong|thuong truc|trung tam|chu tich|thu tuong|tinh uy|thanh uy|huyen uy|so|bo|phong|ban|cuc|chi cuc|tong cuc)(?![\p{L}\d])/u;
/** Heads that are also common words ("số", "bộ", "phòng chống"): a capitalised name must follow. */
const SHORT_HEAD = new Set(['so', 'bo', 'phong', 'ban', 'cuc', 'uy ban']);
/** Read on the printed words: folded, "tỉnh" and "tình hình" look alike. */
const LOCALITY = /^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|tp\.?)(?![\p{L}\p{M}\d])/u;
const WORD = /^[\s*]*([-–&]?)[\s*]*([\p{L}\p{M}\d]+(?:[-.][\p{L}\p{M}\d]+)*)/u;

interface Sentence {
  /** Offset of the sentence in the document. */
  at: number;
  text: string;
  folded: string;
}

/** The end (in the sentence) of a body's name starting at `from`, or -1: "Sở Lao động - Thương binh và Xã hội" stops before "kết quả". */
function bodyEnd(sentence: Sentence, from: number): number {
  const { text, folded } = sentence;
  let at = from + (text.slice(from).length - text.slice(from).replace(/^[\s*]+/u, '').length);
  const head = BODY_HEAD.exec(folded.slice(at));
  if (!head) return -1;
  if (SHORT_HEAD.has(head[0]) && !/^\s+[*]*\p{Lu}/u.test(text.slice(at + head[0].length))) return -1;
  at += head[0].length;
  let end = at;
  // One lower-case syllable may follow a capitalised one ("Lao động", "Xã hội"), a second ends the name.
  let lowerRun = 1;
  for (;;) {
    // "tỉnh", "các huyện" after a name; "Xã hội" and "Thành phố" capitalised are words of the name.
    const printed = text.slice(end);
    const locality = LOCALITY.exec(printed.replace(/^\s+(các\s+)?/u, ''));
    if (locality && /^\s+\p{Ll}/u.test(printed)) {
      const skipped = printed.length - printed.replace(/^\s+(các\s+)?/u, '').length;
      end += skipped + locality[0].length;
      lowerRun = 1;
      continue;
    }
    const word = WORD.exec(text.slice(end));
    if (!word) break;
    const [whole, separator, token] = word;
    const upper = /^\p{Lu}/u.test(token);
    if (upper) lowerRun = 0;
    else if (token === 'và' && /^\s+\p{Lu}/u.test(text.slice(end + whole.length))) lowerRun = 1;
    else if (!separator && lowerRun === 0) lowerRun = 1;
    else break;
    end += whole.length;
  }
  // "…, Sở Lao động - Thương binh và Xã hội": another body after a comma belongs to the list.
  const next = /^\s*(?:,|và)\s*/u.exec(text.slice(end));
  if (next) {
    const more = bodyEnd(sentence, end + next[0].length);
    if (more > 0) return more;
  }
  // "(qua phòng Lao động - Thương binh và Xã hội)", "(thông qua Sở Y tế)".
  const via = /^\s*\(\s*\*?\s*(?:qua|thong qua)\b[^)]*\)/u.exec(folded.slice(end));
  return via ? end + via[0].length : end;
}

const spanText = (sentence: Sentence, start: number, end: number): string | undefined => {
  const text = plainText(sentence.text.slice(start, end)).replace(/^[,;:\s]+|[,;:\s]+$/gu, '');
  return /\p{L}{2}/u.test(text) ? text : undefined;
};

/** Where the words on what is reported end: a purpose ("để tổng hợp"), "theo quy định", another time, a clause end. */
const MATTER_END = /(?:^|\s)(?:để|theo quy định|theo đúng quy định|trước|định kỳ|khi|cho)(?![\p{L}\p{M}])|[.;(]|$/u;

/** "tình hình, kết quả thực hiện Kế hoạch" up to a time, a purpose or another report. */
const MATTER = /(?:tình hình|kết quả)[^.;()]*?(?=\s*,\s*(?:định kỳ|đột xuất|báo cáo)|\s+(?:và\s+)?định kỳ|\s+(?:để|báo cáo)(?![\p{L}\p{M}])|[.;()]|$)/u;

/** What is reported: "kết quả thực hiện của đơn vị", read after the recipient, else a "tình hình / kết quả …" phrase. */
function reportedMatter(sentence: Sentence, from: number): string | undefined {
  const lead = /^\s*(?:ve\s+)?/u.exec(sentence.folded.slice(from))![0].length;
  // Read on the printed words: folded, "để" (so that) and "đề xuất" (propose) look alike.
  const stop = MATTER_END.exec(sentence.text.slice(from + lead).toLocaleLowerCase('vi'))!;
  const direct = spanText(sentence, from + lead, from + lead + stop.index);
  if (direct) return direct;
  const matter = MATTER.exec(sentence.text.toLocaleLowerCase('vi'));
  return matter ? spanText(sentence, matter.index, matter.index + matter[0].length) : undefined;
}

/** Who reports, named before the verb ("… hàng năm các đơn vị gửi báo cáo"); else undefined. */
function subjectBefore(sentence: Sentence, from: number, to: number): string | undefined {
  const region = sentence.folded.slice(from, to);
  // Punctuation, markup and an item's marker ("2.", "a)") come before the words.
  const lead = /^[\s,)*]*(?:(?:\d+(?:\.\d+)*[.)]|[a-z]\))\s+)?/u.exec(region)![0].length;
  const start = from + lead;
  const words = sentence.folded.slice(start, to).trim();
  // "các đơn vị", "mỗi cơ quan", or a body's name — not "mỗi 06 tháng".
  if (words === '' || words.length > 80 || !(/^(?:cac|tung|moi)\s+\p{L}/u.test(words) || bodyEnd(sentence, start) > 0)) return undefined;
  return spanText(sentence, start, to);
}

const dueOf = (match: RegExpExecArray): DueDate | undefined => {
  const day = Number(match[1]);
  const month = Number(match[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  return match[3] ? { day, month, year: Number(match[3]) } : { day, month };
};

/**
 * A task due by a date: what is done, from its verb to the end of its clause ("Hoàn thành khám sàng lọc…",
 * "Trước ngày 10/12 hằng năm, HĐND cấp tỉnh quyết định kế hoạch…"), and who does it when named before the verb.
 */
function readTask(sentence: Sentence, time: RegExpExecArray, read: Pick<Deadline, 'when' | 'due' | 'recurring'>): (Omit<Deadline, 'citation'> & { focus: Span }) | null {
  const { folded } = sentence;
  const timeEnd = time.index + time[0].length;
  const action = [...sentence.text.toLocaleLowerCase('vi').matchAll(ACTION)].filter((match) => Math.abs(match.index - time.index) <= NEAR).sort((a, b) => Math.abs(a.index - time.index) - Math.abs(b.index - time.index))[0];
  if (!action) return null;
  const clauseEnd = /[;.]|$/u.exec(folded.slice(action.index))!.index + action.index;
  const end = time.index > action.index && time.index < clauseEnd ? time.index : clauseEnd;
  const clauseStart = Math.max(folded.lastIndexOf(',', action.index), time.index < action.index ? timeEnd : 0);
  return {
    kind: 'task',
    ...read,
    what: spanText(sentence, action.index, end),
    by: subjectBefore(sentence, Math.max(0, clauseStart + 1), action.index),
    focus: { start: Math.min(time.index, action.index), end: Math.max(timeEnd, end) },
  };
}

/** The deadline a sentence states, or null. */
function readSentence(sentence: Sentence): Omit<Deadline, 'citation' | 'by'> & { by?: string; focus: Span } | null {
  const { folded } = sentence;
  const dated = [...folded.matchAll(DATE_DUE)].find((match) => dueOf(match));
  const periodic = dated ? undefined : [...folded.matchAll(FREQUENCY)][0];
  const time = dated ?? periodic;
  if (!time) return null;
  const timeEnd = time.index + time[0].length;
  const reports = [...folded.matchAll(REPORT)].filter((match) => Math.abs(match.index - time.index) <= NEAR);
  // The report the time belongs to: the first after it, else the last before it.
  const report = reports.find((match) => match.index >= time.index) ?? reports.at(-1);
  if (!report && !dated) return null;
  const when = plainText(sentence.text.slice(time.index, timeEnd));
  const recurring = RECURRING.test(time[0]);
  const due = dated ? dueOf(dated) : undefined;
  if (!report) return readTask(sentence, time, { when, due, recurring });
  const reportEnd = report.index + report[0].length;
  const sent = /\bgui\s+$/u.exec(folded.slice(0, report.index));
  let to: string | undefined;
  let what: string | undefined;
  if (sent) {
    // "gửi báo cáo <what> về <to>"
    const toward = /\s(?:ve|len|den|toi)\s+/u.exec(folded.slice(reportEnd, reportEnd + NEAR));
    if (toward) {
      const recipientStart = reportEnd + toward.index + toward[0].length;
      const recipientEnd = bodyEnd(sentence, recipientStart);
      what = spanText(sentence, reportEnd, reportEnd + toward.index);
      if (recipientEnd > 0) to = spanText(sentence, recipientStart, recipientEnd);
    }
  } else {
    const lead = /^\s*(?:ve|len|cho|toi|den)?\s*/u.exec(folded.slice(reportEnd))![0].length;
    const recipientEnd = bodyEnd(sentence, reportEnd + lead);
    if (recipientEnd > 0) to = spanText(sentence, reportEnd + lead, recipientEnd);
    what = reportedMatter(sentence, recipientEnd > 0 ? recipientEnd : reportEnd);
  }
  // Words that run into the time ("13 tháng): Trước ngày 20 tháng 02") are not what is reported.
  if (what && matchKey(what).includes(folded.slice(time.index, timeEnd).replace(/\s+/gu, ' '))) what = undefined;
  what ??= reportedMatter(sentence, folded.length);
  const verbStart = sent ? sent.index : report.index;
  // Named between the time and the verb ("hàng năm các đơn vị gửi báo cáo"), else before the time ("Bộ Tài chính định kỳ…").
  const by = subjectBefore(sentence, time.index < verbStart ? timeEnd : 0, verbStart) ?? (time.index < verbStart ? subjectBefore(sentence, 0, time.index) : undefined);
  const focus = { start: Math.min(time.index, report.index), end: Math.max(timeEnd, reportEnd) };
  return { kind: 'report', what, by, to, when, due, recurring, focus };
}

/** The sentences of an item, each with its folded text (skipped where folding would move offsets). */
function sentencesIn(text: string, item: Span, fold: (span: Span) => string): Sentence[] {
  const piece = text.slice(item.start, item.end);
  return splitSentences(piece).flatMap((span) => {
    const at = item.start + span.start;
    const sentence = piece.slice(span.start, span.end);
    const folded = fold({ start: at, end: at + sentence.length });
    return folded.length === sentence.length ? [{ at, text: sentence, folded }] : [];
  });
}

/** The quote of a deadline: its sentence, or in a long one the clauses from the one it starts in. */
function quoteSpan(text: string, sentence: Sentence, focus: Span): Span {
  const whole = { start: sentence.at, end: sentence.at + sentence.text.length };
  if (sentence.text.length <= MAX_QUOTE_CHARS) return whole;
  const before = sentence.text.slice(0, focus.start);
  const clause = Math.max(before.lastIndexOf('; '), before.lastIndexOf('. '));
  const start = clause >= 0 ? sentence.at + clause + 2 : sentence.at;
  return clipSpan(text, { start, end: whole.end }, Math.max(MAX_QUOTE_CHARS, focus.end - (start - sentence.at) + 1));
}

/** Every deadline of a document, in document order. */
export function findDeadlines(source: LearnSource): Deadline[] {
  const { text } = source.doc;
  // Folding is the costly step: a chunk is folded only when its printed words show a cue. (Offsets hold only for
  // text in composed form, which folding keeps the length of: sentences in other text are passed over.)
  const fold = (span: Span) => matchKey(text.slice(span.start, span.end));
  const bodies = findBodySections(source);
  const found: Deadline[] = [];
  for (const chunk of source.chunks) {
    if (chunk.kind !== 'body' || !PRINTED_CUE.test(chunk.text) || !CUE.test(fold(chunk))) continue;
    const headings = source.outline.filter((entry) => entry.start >= chunk.start && entry.start < chunk.end);
    for (const item of source.items(chunk.start, chunk.end, headings)) {
      if (!worthSplitting(fold(item))) continue;
      for (const sentence of sentencesIn(text, item, fold)) {
        const read = readSentence(sentence);
        if (!read) continue;
        const { focus, by, ...deadline } = read;
        const section = bodies.find(({ entry }) => entry.start <= sentence.at && sentence.at < entry.end);
        found.push({ ...deadline, by: by ?? section?.body, citation: source.cite(quoteSpan(text, sentence, focus)) });
      }
    }
  }
  return found;
}
