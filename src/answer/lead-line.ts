// The answer first: one line that gives what was asked — the date, the figure with its unit, the share — taken
// word for word from the best quote, so the line only restates what a cited passage says.
import { foldDiacritics } from '../lang/normalize.js';

/** The kind of value a question asks for, when it asks for one. */
export type AskedSlot = { kind: 'date' } | { kind: 'percent' } | { kind: 'money' } | { kind: 'count'; unit: string };

const DATE =
  /(?:(?:trước|chậm nhất|từ|kể từ|đến|trong)\s+)?(?:ngày|hạn)\s+\d{1,2}(?:\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)(?:\s+(?:hằng|hàng)\s+(?:năm|tháng|quý))?|\b\d{1,2}\/\d{1,2}\/\d{4}\b/iu;
const PERCENT = /(?:(?:ít nhất|tối thiểu|trên|dưới|khoảng|đạt)\s+)?\d+(?:[.,]\d+)?\s*%/iu;
const MONEY = /\d+(?:[.,]\d{3})*(?:,\d+)?\s*(?:(?:triệu|tỷ|nghìn|ngàn)\s+)?(?:đồng|đ)(?:\s*\/\s*[\p{L}]+(?:\s+[\p{L}]+)?)?(?![\p{L}])/iu;

/** The span of `text` that gives the asked value, or null. Folding keeps offsets: one letter per letter. */
export function askedValue(text: string, slot: AskedSlot): string | null {
  const line = text.replace(/\s+/g, ' ');
  if (slot.kind === 'date') return DATE.exec(line)?.[0] ?? null;
  if (slot.kind === 'percent') return PERCENT.exec(line)?.[0] ?? null;
  if (slot.kind === 'money') return MONEY.exec(line)?.[0] ?? null;
  const folded = foldDiacritics(line.normalize('NFC')).toLowerCase();
  const match = new RegExp(`(?<![\\d.,])\\d[\\d.,]*\\s+(?:[a-z]+\\s+){0,2}?${slot.unit}(?:\\s+[a-z]+){0,2}`).exec(folded);
  if (!match || folded.length !== line.length) return null;
  return line.slice(match.index, match.index + match[0].length).replace(/[\s,;:.]+$/u, '');
}

/** "Trước ngày 20/11 hằng năm [1]." — the value of the best quote with its citation marker. */
export function leadLine(value: string, marker: string, language: 'vi' | 'en'): string {
  const text = value.charAt(0).toLocaleUpperCase('vi') + value.slice(1);
  return language === 'en' ? `In short: ${text} ${marker}.` : `Trả lời: ${text} ${marker}.`;
}
