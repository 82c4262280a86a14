// The answer first: one line that gives what was asked — the date, the figure with its unit, the share — taken
// word for word from the best quote, so the line only restates what a cited passage says.
import { foldDiacritics } from '../lang/normalize.js';
import { STOPWORDS } from '../lang/stopwords.js';
import { A_UNIT_CAPTION, BOUND_WORDS, caseClause, namedBody, numberAtEnd, type CitedAsked } from './evidence-cues.js';

/**
 * The kind of value a question asks for, when it asks for one: a verdict, a date, a length of time, a share, a sum, a
 * count, the body that acts. A date slot says which cited documents' dates may answer (those the question asks the
 * issue of). `conditions` are the cases the question states ("thiệt hại 40%", "rừng 5 năm tuổi"): of a quote setting a value
 * for each band ("thiệt hại trên 70%, hỗ trợ 15.000.000 đồng/ha; thiệt hại từ 30% đến 70%, hỗ trợ 7.500.000
 * đồng/ha"), the value is read from the band they fall in. `cases` are the question and how a text's terms are read:
 * of a sentence setting a value per case ("… bán trú tiểu học là 21 tiết, … nội trú trung học cơ sở là 17 tiết"), the
 * value is read from the case the question names.
 */
export type AskedSlot = (
  | { kind: 'yes' }
  | { kind: 'date'; cited?: CitedAsked }
  | { kind: 'duration' }
  | { kind: 'percent' }
  | { kind: 'money' }
  | { kind: 'count'; unit: string }
  | { kind: 'body' }
) & {
  conditions?: readonly ((text: string) => boolean)[];
  cases?: { question: string; termsOf: (clause: string) => ReadonlySet<string> };
  /** The question asks a bound ("tối đa bao nhiêu", "at least how many"): the figure a passage gives as one. */
  bounded?: boolean;
};

/** Where a passage sets a bound: the figure after it is the most or the least ("01 tiết … quy đổi tối đa 02 tiết"). */
const BOUND = new RegExp(`(?<!\\p{L})(?:${BOUND_WORDS.join('|')})(?!\\p{L})`, 'iu');

const DATE =
  /(?:(?:trước|chậm nhất|từ|kể từ|đến|trong)\s+)?(?:ngày|hạn)\s+\d{1,2}(?:\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)(?:\s+(?:hằng|hàng)\s+(?:năm|tháng|quý))?|\b\d{1,2}\/\d{1,2}\/\d{4}\b/iu;
const DURATION = /(?:(?:trong|tối đa|không quá|chậm nhất)\s+(?:(?:thời hạn|vòng)\s+)?)?\d+\s*(?:ngày làm việc|ngày|tháng|năm|giờ|tuần)(?![\p{L}])/iu;
const PERCENT = /(?:(?:ít nhất|tối thiểu|trên|dưới|khoảng|đạt)\s+)?\d+(?:[.,]\d+)?\s*%/iu;
/** A sum, per what it is paid for when it says ("1.000.000 đồng/phòng", "đồng/Giấy phép"); "từ … đến …" both ends. */
const AMOUNT = String.raw`\d+(?:[.,]\d{3})*(?:,\d+)?\s*(?:(?:triệu|tỷ|nghìn|ngàn)\s+)?(?:đồng|đ)(?:\s*\/\s*\p{L}+(?:\s+(?!(?:đến|tới|và|hoặc|cho|nhưng|để|của|tại|theo|trong|khi|thì|là|được|với)(?!\p{L}))\p{L}+)?)?(?!\p{L})`;
const MONEY = new RegExp(`(?:(?<!\\p{L})từ\\s+)?${AMOUNT}(?:\\s+(?:đến|tới)\\s+${AMOUNT})?`, 'iu');

/**
 * The clauses of a quote the question's conditions hold in most, with the head they share ("b) Diện tích …: " before
 * clauses parted by ";"); none when the quote has one clause or the conditions tell none apart.
 */
function clausesMatching(line: string, conditions: readonly ((text: string) => boolean)[]): string[] {
  const colon = line.indexOf(':');
  const semicolon = line.indexOf(';');
  if (semicolon < 0 || conditions.length === 0) return [];
  const head = colon >= 0 && colon < semicolon ? line.slice(0, colon + 1) : '';
  const clauses = line.slice(head.length).split(';');
  const held = clauses.map((clause) => conditions.filter((holds) => holds(`${head} ${clause}`)).length);
  const most = Math.max(...held);
  return most > 0 && held.some((count) => count < most) ? clauses.filter((_, i) => held[i] === most) : [];
}

/** The span of `text` that gives the asked value, or null. Folding keeps offsets: one letter per letter. */
export function askedValue(text: string, slot: AskedSlot): string | null {
  const line = text.replace(/\s+/g, ' ');
  if (slot.kind === 'body') return namedBody(text);
  if (slot.kind !== 'yes' && slot.kind !== 'date') {
    const bound = slot.bounded ? BOUND.exec(line) : null;
    if (bound) {
      const value = askedValue(line.slice(bound.index), { ...slot, bounded: false });
      if (value !== null) return value;
    }
    if (slot.cases) {
      const bare = { ...slot, cases: undefined };
      const clause = caseClause(line, slot.cases.termsOf, slot.cases.question, (part) => askedValue(part, bare) !== null);
      if (clause) return askedValue(clause, bare);
    }
    for (const clause of clausesMatching(line, slot.conditions ?? [])) {
      const value = askedValue(clause, { ...slot, conditions: undefined });
      if (value !== null) return value;
    }
  }
  // A yes-no question answered by a passage that says what was asked: its verdict is the passage itself.
  if (slot.kind === 'yes') return line.length > 0 ? '' : null;
  if (slot.kind !== 'date') return valueOutsideCase(withoutCase(line, slot.conditions ?? []), slot);
  // A date a cited document bears ("Quyết định số 118/2008/QĐ-TTg ngày 27/8/2008") only when the quote has no other
  // and the question asks when that document was issued.
  const dates = [...line.matchAll(new RegExp(DATE.source, 'giu'))].map((date) => ({ value: date[0], cited: numberAtEnd(line.slice(0, date.index)) }));
  return (dates.find((date) => date.cited === null) ?? dates.find((date) => slot.cited?.(date.cited!)))?.value ?? null;
}

/**
 * A figure or a band the question's own case lies in ("từ 01 tháng trở lên đến dưới 12 tháng" for a course of 6
 * months): it says which case, not the value asked, and is blanked out, its length kept.
 */
const BAND = /(?<![\p{L}\d])(?:từ\s+)?(?:trên\s+|dưới\s+)?\d+(?:[.,]\d+)*(?:\s*%)?(?:\s+\p{L}+)?(?:\s+trở (?:lên|xuống))?(?:\s+(?:đến|tới)\s+(?:dưới\s+)?\d+(?:[.,]\d+)*(?:\s*%)?(?:\s+\p{L}+)?)?/giu;
const withoutCase = (line: string, conditions: readonly ((text: string) => boolean)[]): string =>
  conditions.length === 0 ? line : line.replace(BAND, (span) => (conditions.some((holds) => holds(span)) ? ' '.repeat(span.length) : span));

/** The value of the slot's kind a line states, first found. */
function valueOutsideCase(line: string, slot: Exclude<AskedSlot, { kind: 'yes' | 'date' | 'body' }>): string | null {
  if (slot.kind === 'duration') return DURATION.exec(line)?.[0] ?? null;
  if (slot.kind === 'percent') return PERCENT.exec(line)?.[0] ?? null;
  if (slot.kind === 'money') return MONEY.exec(line)?.[0] ?? null;
  const folded = foldDiacritics(line.normalize('NFC')).toLowerCase();
  // The unit as a word: "16 tuổi trên …" holds no "trẻ"; "23.000 lượt người" counts visits, not people.
  const between = slot.unit === 'luot' ? '[a-z]+' : '(?!luot\\s)[a-z]+';
  const match = new RegExp(`(?<![\\d.,])\\d+(?:[.,]\\d+)*\\s+(?:${between}\\s+){0,2}?${slot.unit}(?![a-z])((?:\\s+[a-z]+){0,2})`).exec(folded);
  if (!match || folded.length !== line.length) return null;
  // Up to two words after the unit say what it counts ("2.226 người có công"), not a function word they end on, which
  // belongs to what follows ("266 lượt người được …"), nor the start of "đối với", "so với" ("21 tiết đối với …").
  const tailStart = match.index + match[0].length - match[1].length;
  const tail = line.slice(tailStart, match.index + match[0].length).split(/\s+/u).filter(Boolean);
  const next = folded.slice(match.index + match[0].length).trimStart().split(/\s+/u)[0] ?? '';
  const joined = tail.findIndex((word, i) => ['doi', 'so'].includes(foldDiacritics(word).toLowerCase()) && foldDiacritics(tail[i + 1] ?? next).toLowerCase() === 'voi');
  const words = tail.slice(0, joined === -1 ? tail.length : joined);
  while (words.length > 0 && STOPWORDS.has(words.at(-1)!.toLowerCase())) words.pop();
  return [line.slice(match.index, tailStart), ...words].join(' ').replace(/[\s,;:.]+$/u, '');
}

/**
 * The sum a table row gives in the unit of its caption, quoted beside it ("22 | LÂM ĐỒNG | 135.200" under "Đơn vị:
 * Triệu đồng" → "135.200 triệu đồng"): the row's last cell, when it is a figure and the caption names money.
 */
export function rowSum(row: string, captions: readonly string[]): string | null {
  if (!row.includes('|')) return null;
  const unit = captions.map((caption) => A_UNIT_CAPTION.exec(`${caption}\n`)?.[1]).find((found) => found !== undefined && /đồng/iu.test(found));
  const figure = /(?<![\d.,])\d{1,3}(?:\.\d{3})*(?:,\d+)?$/u.exec(row.trim())?.[0];
  return unit && figure ? `${figure} ${unit.toLocaleLowerCase('vi')}` : null;
}

/** "Trước ngày 20/11 hằng năm [1]." — the value of the best quote with its citation marker. */
export function leadLine(value: string, marker: string, language: 'vi' | 'en'): string {
  if (value === '') return language === 'en' ? `In short: Yes ${marker}.` : `Trả lời: Có ${marker}.`;
  const text = value.charAt(0).toLocaleUpperCase('vi') + value.slice(1);
  return language === 'en' ? `In short: ${text} ${marker}.` : `Trả lời: ${text} ${marker}.`;
}

const MULTIPLIERS: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9 };
/** Comparing words: more, most, least. */
const WORDS = {
  amount: { vi: ['cao hơn', 'cao nhất', 'thấp nhất'], en: ['higher', 'highest', 'lowest'] },
  duration: { vi: ['dài hơn', 'dài nhất', 'ngắn nhất'], en: ['longer', 'longest', 'shortest'] },
} as const;
const DAYS: Record<string, number> = { gio: 1 / 24, ngay: 1, tuan: 7, thang: 30, nam: 365 };

/** A value as a number to compare: a date as yyyymmdd, money in đồng, a length of time in days, a share or a count as written; null when it cannot be read so. */
export function comparableValue(value: string, slot: AskedSlot): number | null {
  if (slot.kind === 'body') return null;
  const folded = foldDiacritics(value.normalize('NFC')).toLowerCase();
  if (slot.kind === 'date') {
    const date = /(\d{1,2})(?:\s*\/\s*|\s+thang\s+)(\d{1,2})(?:\s*\/\s*|\s+nam\s+)(\d{4})/.exec(folded);
    return date ? Number(date[3]) * 10_000 + Number(date[2]) * 100 + Number(date[1]) : null;
  }
  const number = /\d+(?:[.,]\d+)*/.exec(folded)?.[0];
  if (!number) return null;
  if (slot.kind === 'duration') {
    // In days, so that "12 tháng" and "24 giờ" compare.
    const unit = /\b(gio|ngay|tuan|thang|nam)\b/.exec(folded)?.[1];
    return unit ? Number(number) * DAYS[unit] : null;
  }
  // Vietnamese writes thousands with "." and decimals with ",": "12.805", "10,35".
  const parsed = Number(number.replace(/\.(?=\d{3}(?!\d))/g, '').replace(',', '.'));
  if (!Number.isFinite(parsed)) return null;
  if (slot.kind !== 'money') return parsed;
  const multiplier = /\b(nghin|ngan|trieu|ty)\b/.exec(folded)?.[1];
  return parsed * (multiplier ? MULTIPLIERS[multiplier] : 1);
}

/**
 * One line comparing the values documents state side by side, when they can be read as numbers of the asked
 * kind: which comes first or is higher. It only orders what the summary line already quotes.
 */
export function comparisonLine(values: readonly { name: string; value: string }[], slot: AskedSlot, language: 'vi' | 'en'): string | null {
  const read = values.map((entry) => ({ ...entry, number: comparableValue(entry.value, slot) }));
  if (read.length < 2 || read.some((entry) => entry.number === null)) return null;
  const sorted = [...read].sort((a, b) => a.number! - b.number!);
  const [low, high] = [sorted[0], sorted.at(-1)!];
  const named = (entry: (typeof read)[number]) => `${entry.name} (${entry.value})`;
  const dates = slot.kind === 'date';
  if (low.number === high.number) {
    return language === 'en' ? `Comparison: the same for all (${low.value}).` : `So sánh: như nhau (${low.value}).`;
  }
  const [more, most, least] = slot.kind === 'duration' ? WORDS.duration[language] : WORDS.amount[language];
  if (read.length === 2) {
    if (language === 'en') return dates ? `Comparison: ${named(low)} comes before ${named(high)}.` : `Comparison: ${named(high)} is ${more} than ${named(low)}.`;
    return dates ? `So sánh: ${named(low)} trước ${named(high)}.` : `So sánh: ${named(high)} ${more} ${named(low)}.`;
  }
  if (language === 'en') return dates ? `Comparison: earliest ${named(low)}, latest ${named(high)}.` : `Comparison: ${most} ${named(high)}, ${least} ${named(low)}.`;
  return dates ? `So sánh: sớm nhất là ${named(low)}, muộn nhất là ${named(high)}.` : `So sánh: ${most} là ${named(high)}, ${least} là ${named(low)}.`;
}
