// "Những địa phương nào được bổ sung trên 150 tỷ đồng?", "tỉnh nào được bổ sung nhiều nhất?": the rows of a
// document's tables whose figure passes the bound the question sets, read in the table's unit ("Đơn vị: Triệu đồng"),
// or whose figure is the highest or lowest, or the rows of the places it compares — not the rows that repeat the
// question's words.
import { escapeRegExp } from '../lang/escape-reg-exp.js';
import { tableRows } from '../structure/grammar.js';
import { MAX_CAPTION_DISTANCE, UNIT_CAPTION, foldedLower } from './evidence-cues.js';
import { comparableValue } from './lead-line.js';

/** A bound on a figure: "trên 150 tỷ đồng" is more than 150e9 đồng; "dưới 50%" less than 50. */
export interface Threshold {
  op: '>' | '>=' | '<' | '<=';
  value: number;
  kind: 'money' | 'percent';
}

const VI_OPS: Record<string, Threshold['op']> = {
  'khong vuot qua': '<=',
  'khong qua': '<=',
  'toi da': '<=',
  'nhieu hon': '>',
  'lon hon': '>',
  'cao hon': '>',
  'vuot qua': '>',
  tren: '>',
  hon: '>',
  'it nhat': '>=',
  'toi thieu': '>=',
  tu: '>=',
  'it hon': '<',
  'thap hon': '<',
  'nho hon': '<',
  duoi: '<',
};
const EN_OPS: Record<string, Threshold['op']> = {
  'more than': '>',
  'greater than': '>',
  'higher than': '>',
  over: '>',
  above: '>',
  exceeding: '>',
  'at least': '>=',
  'less than': '<',
  'lower than': '<',
  under: '<',
  below: '<',
  'at most': '<=',
  'no more than': '<=',
  'up to': '<=',
};
const alternatives = (ops: Record<string, unknown>) => Object.keys(ops).sort((a, b) => b.length - a.length).join('|');
const VI_BOUND = new RegExp(String.raw`\b(${alternatives(VI_OPS)}) (\d[\d.,]*) ?(?:(ty|trieu|nghin|ngan) ?)?(dong|%|phan tram)?( tro len)?`);
const EN_BOUND = new RegExp(String.raw`\b(${alternatives(EN_OPS)}) (?:vnd ?)?(\d[\d.,]*) ?(?:(billion|million|thousand) ?)?(vnd|dong|%|percent)?`);
const EN_MULTIPLIERS: Record<string, string> = { billion: 'ty', million: 'trieu', thousand: 'nghin' };

/**
 * The bound a question asking which rows ("những tỉnh nào", "which provinces") sets on a sum of money or a share;
 * null for any other ("từ năm 2021", "hơn 10 người").
 */
export function askedThreshold(question: string): Threshold | null {
  const folded = foldedLower(question);
  if (!/\bnao\b|\bwhich\b/.test(folded)) return null;
  const vi = VI_BOUND.exec(folded);
  const en = vi ? null : EN_BOUND.exec(folded);
  const match = vi ?? en;
  if (!match) return null;
  const [, word, digits, multiplier, unit, upwards] = match;
  // "từ" bounds only with "trở lên" ("từ 100 tỷ đồng trở lên"): otherwise it starts a range or a period.
  if (vi && word === 'tu' && !upwards) return null;
  const op = vi ? VI_OPS[word] : EN_OPS[word];
  if (unit === '%' || unit === 'phan tram' || unit === 'percent') {
    const value = comparableValue(digits, { kind: 'percent' });
    return value === null ? null : { op, value, kind: 'percent' };
  }
  if (!unit && !multiplier) return null;
  // English writes thousands with ",": "1,500 billion".
  const number = en ? digits.replace(/,/g, '') : digits;
  const value = comparableValue(`${number} ${en && multiplier ? EN_MULTIPLIERS[multiplier] : (multiplier ?? '')} dong`, { kind: 'money' });
  return value === null ? null : { op, value, kind: 'money' };
}

/** Which rows a question asks for: those past a bound, those of the highest or lowest figure, or those of the places it names. */
export type RowsAsked = { bound: Threshold } | { extreme: 'max' | 'min'; rank: number } | { places: string[] };

const MOST = /\b(?:nhieu nhat|cao nhat|lon nhat)\b|\b(?:the )?(?:most|highest|largest|biggest)\b/;
// ("ít nhất 80%" is a bound, "at least 5" too: a superlative asked ends the question or is followed by no figure.)
const LEAST = /\b(?:it nhat|thap nhat|nho nhat)\b(?! \d)|\b(?:the )?(?:fewest|lowest|smallest)\b|\bthe least\b/;

/** Ordinals a rank is asked with: "thứ hai", "second". */
const RANKS: Readonly<Record<string, number>> = { hai: 2, nhi: 2, ba: 3, second: 2, third: 3 };
const RANKED = /\b(?:nhieu|cao|lon|it|thap|nho)(?: [a-z]+){0,2} thu (hai|nhi|ba)\b|\b(?:the )?((second|third)[- ](?:most|highest|largest|biggest|fewest|lowest|smallest|least))\b/;
/** "… nhiều hơn", "mỗi tỉnh bao nhiêu", "which got the larger", "how much did each": the figures of several compared. */
const COMPARED = /\b(?:nhieu|it|lon|cao|thap|nho) hon\b|\b(?:moi|tung) (?:tinh|dia phuong|noi|thanh pho)\b|\b(?:larger|largest|more|less|smaller|higher|lower|bigger)\b|\beach\b/;

/**
 * The rows a question asking which rows ("tỉnh nào", "which province") asks for, or the rows of the places it names
 * and compares ("Lạng Sơn hay Cao Bằng được bổ sung nhiều hơn", `places`: named rows of no document of their own);
 * null for any other.
 */
export function askedRows(question: string, places: readonly string[] = []): RowsAsked | null {
  const bound = askedThreshold(question);
  if (bound) return { bound };
  const folded = foldedLower(question);
  if (places.length >= 2 && COMPARED.test(folded)) return { places: [...places] };
  if (!/\bnao\b|\bwhich\b/.test(folded)) return null;
  // "nhiều thứ hai", "second highest": the figure ranked so, counted from the top or the bottom.
  const ranked = RANKED.exec(folded);
  const rank = ranked ? RANKS[ranked[1] ?? ranked[3]] : 1;
  const most = MOST.test(folded) || (ranked !== null && /\b(?:nhieu|cao|lon|most|highest|largest|biggest)\b/.test(ranked[0]));
  const least = LEAST.test(folded) || (ranked !== null && /\b(?:it|thap|nho|fewest|lowest|smallest|least)\b/.test(ranked[0]));
  return most ? { extreme: 'max', rank } : least ? { extreme: 'min', rank } : null;
}

const passes = (value: number, { op, value: bound }: Threshold): boolean =>
  op === '>' ? value > bound : op === '>=' ? value >= bound : op === '<' ? value < bound : value <= bound;

/** A cell that is a figure alone: "152.100", "**2.615.000**", "12,5%". */
const FIGURE_CELL = /^[*_\s]*\d{1,3}(?:[.,]\d{3})*(?:,\d+)?\s*%?[*_\s]*$/u;
/** A cell after a row's figure longer than this is prose the table runs into, not a cell of the row. */
const MAX_CELL_AFTER_FIGURE = 120;
/** A row of totals ("TỔNG", "Cộng") is no row of its own. */
const TOTAL = /^[*_\s]*(?:tong|cong|total)\b/;

export interface RowSpan {
  start: number;
  end: number;
}

/**
 * The rows of the tables of `text` that state one figure of the kind asked, each with its value and the unit caption
 * above it: a row's figure is its only figure cell after its first (the order number) — a row of several figures
 * does not say which one is meant; rows of totals are left out. Without a kind, figures are read as written, to be
 * compared within one table.
 */
function figureRows(text: string, kind: Threshold['kind'] | null): { span: RowSpan; caption: RowSpan | null; value: number }[] {
  return tableRows(text).flatMap(({ span, cells }) => {
    if (cells.length < 2) return [];
    const values = cells.slice(1).filter((cell) => FIGURE_CELL.test(text.slice(cell.start, cell.end)));
    if (values.length !== 1 || cells.some((cell) => TOTAL.test(foldedLower(text.slice(cell.start, cell.end))))) return [];
    const bound = Math.max(0, span.start - MAX_CAPTION_DISTANCE);
    const found = [...text.slice(bound, span.start).matchAll(UNIT_CAPTION)].at(-1);
    const unit = found?.[1] ?? '';
    const cell = text.slice(values[0].start, values[0].end).replace(/[*_\s]/gu, '');
    const value =
      kind === null
        ? comparableValue(cell, { kind: 'percent' })
        : kind === 'percent'
          ? cell.endsWith('%') || /phan tram|%/.test(foldedLower(unit)) ? comparableValue(cell, { kind: 'percent' }) : null
          : /dong/.test(foldedLower(unit)) && !cell.endsWith('%') ? comparableValue(`${cell} ${unit}`, { kind: 'money' }) : null;
    if (value === null) return [];
    const at = found ? bound + found.index! : -1;
    const caption = found ? { start: at + found[0].search(/\S/u), end: at + found[0].replace(/[\s*_)]+$/u, '').length } : null;
    // The prose after a document's last table ("… | 71.500 | Quyết định 2639/QĐ-TTg năm 2025 bổ sung …") is read as one
    // more cell of its last row: the row ends before a cell that long.
    const prose = cells.find((other) => other.start > values[0].start && other.end - other.start > MAX_CELL_AFTER_FIGURE);
    return [{ span: { start: span.start, end: prose ? text.slice(0, prose.start).replace(/[\s|*_]+$/u, '').length : span.end }, caption, value }];
  });
}

/** The rows asked for, grouped under the unit caption above them; none when no table answers. */
export function tableRowsAsked(text: string, asked: RowsAsked): { caption: RowSpan | null; rows: RowSpan[] }[] {
  const rows = figureRows(text, 'bound' in asked ? asked.bound.kind : null);
  let kept: typeof rows;
  if ('bound' in asked) kept = rows.filter((row) => passes(row.value, asked.bound));
  else if ('places' in asked) {
    // A row names its place in capitals or not ("LẠNG SƠN", "Lạng Sơn"): each place asked, by its own row.
    const named = asked.places.map((place) => new RegExp(`(?<![a-z])${escapeRegExp(foldedLower(place))}(?![a-z])`));
    kept = rows.filter((row) => {
      const folded = foldedLower(text.slice(row.span.start, row.span.end));
      return named.some((place) => place.test(folded));
    });
    if (new Set(kept.map((row) => row.caption?.start ?? -1)).size !== 1) return [];
  } else {
    // The highest or lowest of one table: figures of several tables (several captions) need not compare.
    if (new Set(rows.map((row) => row.caption?.start ?? -1)).size !== 1) return [];
    const values = [...new Set(rows.map((row) => row.value))].sort((a, b) => (asked.extreme === 'max' ? b - a : a - b));
    kept = rows.filter((row) => row.value === values[asked.rank - 1]);
  }
  const groups = new Map<number, { caption: RowSpan | null; rows: RowSpan[] }>();
  for (const row of kept) {
    const key = row.caption?.start ?? -1;
    const group = groups.get(key) ?? { caption: row.caption, rows: [] };
    group.rows.push(row.span);
    groups.set(key, group);
  }
  return [...groups.values()];
}
