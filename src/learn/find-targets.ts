import { splitSentences } from '../structure/split-sentences.js';
import { clipSpan, contains, headingKey, headingWords, plainText, type LearnSource, type Span } from './learn-source.js';
import type { Figure, Objective, Target } from './learn-types.js';

// The aims of a document, read off its "Mục tiêu" sections: lines stating a figure are targets, the rest objectives.

/** "Mục tiêu", "Mục tiêu cụ thể", "Các chỉ tiêu chủ yếu", "MỤC TIÊU, CHỈ TIÊU". */
const GOAL_HEADING = /^(cac )?(muc tieu|chi tieu)\b/u;
/** An item longer than this is read sentence by sentence: a paragraph may state several targets. */
const MAX_ITEM_CHARS = 500;
/** An objective is quoted up to this length, cut at a clause. */
const MAX_OBJECTIVE_CHARS = 600;

const PERCENT = /(?<![\d.,])(\d{1,3}(?:,\d+)?)\s?%/gu;
/** What a count of a target counts: people, places, facilities, events. */
const COUNT_UNITS = [
  'lượt người', 'lượt', 'người', 'trẻ em', 'trẻ', 'cơ sở', 'hộ', 'xã', 'phường', 'trường hợp', 'đối tượng', 'cán bộ', 'nhân viên', 'bác sĩ',
  'giường', 'lớp', 'ha', 'km', 'tỷ đồng', 'triệu đồng', 'đồng', 'trung tâm', 'mô hình', 'câu lạc bộ', 'cuộc', 'đợt', 'lần', 'điểm', 'công trình', 'nhà', 'suất', 'thẻ',
];
const COUNT = new RegExp(`(?<![\\d.,/])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?\\s+(${COUNT_UNITS.join('|')})(?![\\p{L}\\p{M}])`, 'giu');
const YEARS = /((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})/u;

/** "MỤC TIÊU" reads "Mục tiêu"; a heading in mixed case stays as printed. */
const sentenceCase = (title: string): string =>
  title === title.toLocaleUpperCase('vi') ? title.charAt(0) + title.slice(1).toLocaleLowerCase('vi') : title;

const numberOf = (printed: string): number => Number(printed.replace(/\./gu, '').replace(',', '.'));

/** The percentages and counts a line states, in the order printed. */
export function figuresIn(text: string): Figure[] {
  const found: (Figure & { at: number })[] = [];
  for (const match of text.matchAll(PERCENT)) found.push({ text: match[0], kind: 'percent', value: numberOf(match[1]), at: match.index });
  for (const match of text.matchAll(COUNT)) {
    const value = numberOf(match[1]);
    // A year is no count ("năm 2025 người cao tuổi…" does not happen, but "2025 đợt" would read as one).
    if (value >= 1900 && value <= 2100 && !match[1].includes('.')) continue;
    found.push({ text: match[0], kind: 'count', value, unit: match[2].toLocaleLowerCase('vi'), at: match.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...figure }) => figure);
}

export interface Goals {
  objectives: Objective[];
  targets: Target[];
}

/** The objectives and targets of every "Mục tiêu" section (the outermost, when they nest), in document order. */
export function findGoals(source: LearnSource): Goals {
  const goals = source.outline.filter((entry) => GOAL_HEADING.test(headingKey(entry.title)));
  const sections = goals.filter((entry) => !goals.some((outer) => contains(outer, entry)));
  const objectives: Objective[] = [];
  const targets: Target[] = [];
  for (const section of sections) {
    const inside = source.outline.filter((entry) => entry === section || contains(section, entry));
    for (const item of source.items(section.start, section.end, inside)) {
      const over = inside.filter((entry) => entry.start <= item.start && item.start < entry.end).sort((a, b) => a.depth - b.depth);
      const heading = sentenceCase(headingWords(over.at(-1)?.title ?? section.title));
      const period = over.map((entry) => YEARS.exec(entry.title)).find(Boolean);
      const text = source.plain(item);
      if (figuresIn(text).length === 0) {
        const clipped = clipSpan(source.doc.text, item, MAX_OBJECTIVE_CHARS);
        objectives.push({ heading, text: `${source.plain(clipped)}${clipped.cut ? '…' : ''}`, citation: source.cite(clipped) });
        continue;
      }
      for (const span of targetSpans(source, item, text)) {
        const line = source.plain(span);
        targets.push({ heading, ...(period ? { period: `${period[1]} - ${period[2]}` } : {}), text: line, figures: figuresIn(line), citation: source.cite(span) });
      }
    }
  }
  return { objectives, targets };
}

/** An item is one target; a long paragraph gives one per sentence that states a figure. */
function targetSpans(source: LearnSource, item: Span, text: string): Span[] {
  if (text.length <= MAX_ITEM_CHARS) return [item];
  const original = source.doc.text.slice(item.start, item.end);
  return splitSentences(original)
    .map((sentence) => ({ start: item.start + sentence.start, end: item.start + sentence.end }))
    .filter((span) => figuresIn(plainText(source.doc.text.slice(span.start, span.end))).length > 0);
}
