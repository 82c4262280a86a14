// Checks a generated answer against the passages it was given, before anyone is told it is final: a model that
// cites a passage it was not given, or states a figure or a date no cited passage states, is not believed.
import { matchKey } from '../../lang/normalize.js';
import type { FallbackReason } from '../../types.js';

/** One numbered passage as the model saw it: the document's name, the place in it and the verbatim quote. */
export interface GivenPassage {
  n: number;
  text: string;
}

export type VerificationFailure = Exclude<FallbackReason, 'model_error' | 'timeout'>;

export type Verification = { ok: true; cited: number[] } | { ok: false; reason: VerificationFailure; detail?: string };

/** "[2]", "[1, 3]": as the web chat reads them (src/web/client/answer-parts.ts). */
const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;
/** "1." or "a)" opening a line of a list the model wrote: numbering, not a figure. */
const LIST_MARKER = /^[ \t]*(?:\d{1,2}[.)]|[-*•+])[ \t]+/gm;
/** "Các đoạn trích không trả lời câu hỏi này." and the like, folded: what the prompt asks for when nothing answers. */
const DECLINE = /khong (?:tra loi|co thong tin|de cap|neu)|do(?:es)? not (?:answer|say|state|mention)/;

/** Dates as d/m/y, d/m or m/y keys; "ngày 15 tháng 12 năm 2025" and "15/12/2025" are the same date. */
const DATE_PATTERNS: readonly [RegExp, (match: RegExpMatchArray) => string][] = [
  [/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu, (m) => dateKey(m[1], m[2], m[3])],
  [/tháng\s+(\d{1,2})\s*(?:năm\s+|\/\s*)(\d{4})/giu, (m) => `${Number(m[1])}/${m[2]}`],
  [/(?<![\d/.,])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])/g, (m) => dateKey(m[1], m[2], m[3])],
  [/(?<![\d/.,])(\d{1,2})\/(\d{4})(?![\d/])/g, (m) => `${Number(m[1])}/${m[2]}`],
];
const NUMBER = /(?<![\d])\d+(?:[.,]\d+)*/g;

const dateKey = (day: string, month: string, year?: string): string => `${Number(day)}/${Number(month)}${year ? `/${year}` : ''}`;

/**
 * What a written number may mean: "1.234" is a thousand and more in Vietnamese and a fraction in English, "1,5"
 * one and a half in Vietnamese; either reading may match.
 */
function numberReadings(raw: string): string[] {
  const readings = new Set([String(Number(raw.replace(/[.,]/g, '')))]);
  const lastSeparator = raw.match(/[.,](?=\d+$)/)?.[0];
  if (lastSeparator === ',') readings.add(String(Number(raw.replace(/\./g, '').replace(',', '.'))));
  if (lastSeparator === '.') readings.add(String(Number(raw.replace(/,/g, ''))));
  return [...readings];
}

interface Figures {
  /** Every date's key, one per date written. */
  dates: string[][];
  /** Every other number's readings, one entry per number written. */
  numbers: string[][];
}

/** The dates and numbers a text states; a date's day, month and year are not numbers of their own. */
function figuresIn(text: string): Figures {
  const dates: string[][] = [];
  let rest = text;
  for (const [pattern, key] of DATE_PATTERNS) {
    for (const match of rest.matchAll(pattern)) {
      const full = key(match);
      const [first, second, year] = full.split('/');
      // A passage's "15/12/2025" also answers "15/12" and "12/2025".
      dates.push(year ? [full, `${first}/${second}`, `${second}/${year}`] : [full]);
    }
    rest = rest.replace(pattern, ' ');
  }
  return { dates, numbers: [...rest.matchAll(NUMBER)].map((match) => numberReadings(match[0])) };
}

/** Everything a set of passages states, as readings: a date counts also by its parts. */
function statedIn(texts: readonly string[]): Set<string> {
  const stated = new Set<string>();
  for (const text of texts) {
    const { dates, numbers } = figuresIn(text);
    for (const keys of dates) {
      for (const key of keys) stated.add(`date:${key}`);
      for (const part of keys[0].split('/')) stated.add(String(Number(part)));
    }
    for (const readings of numbers) for (const reading of readings) stated.add(reading);
  }
  return stated;
}

/**
 * Every `[n]` names a passage that was given, at least one is cited, and every number and date in the text occurs
 * in a cited passage. A reply saying the passages do not answer is told apart, so that it falls back quietly.
 */
export function verifyAnswer(text: string, passages: readonly GivenPassage[]): Verification {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  const given = new Map(passages.map((passage) => [passage.n, passage.text]));
  const cited = [...new Set([...text.matchAll(MARKER)].flatMap((match) => match[1].split(/\s*[,;]\s*/).map(Number)))];
  const unknown = cited.filter((n) => !given.has(n));
  if (unknown.length > 0) return { ok: false, reason: 'unknown_citation', detail: unknown.map((n) => `[${n}]`).join(' ') };
  if (cited.length === 0) return DECLINE.test(matchKey(text)) ? { ok: false, reason: 'declined' } : { ok: false, reason: 'no_citation' };
  const stated = statedIn(cited.map((n) => given.get(n)!));
  const { dates, numbers } = figuresIn(text.replace(MARKER, ' ').replace(LIST_MARKER, ''));
  const unsupported = [
    ...dates.filter((keys) => !stated.has(`date:${keys[0]}`)).map((keys) => keys[0]),
    ...numbers.filter((readings) => !readings.some((reading) => stated.has(reading))).map((readings) => readings[0]),
  ];
  if (unsupported.length > 0) return { ok: false, reason: 'unsupported_figure', detail: unsupported.join(', ') };
  return { ok: true, cited: cited.sort((a, b) => a - b) };
}
