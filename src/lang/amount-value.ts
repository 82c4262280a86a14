import { foldDiacritics } from './normalize.js';

/** What a word of magnitude multiplies by, folded: "30 triệu" is 30,000,000; "1.5 billion" 1,500,000,000. */
const MAGNITUDES: Readonly<Record<string, number>> = { nghin: 1e3, ngan: 1e3, thousand: 1e3, trieu: 1e6, million: 1e6, ty: 1e9, ti: 1e9, billion: 1e9 };

/** A magnitude word, folded and lower-cased, or undefined: "Triệu" → "trieu". */
const magnitudeOf = (word: string | undefined): number | undefined => (word ? MAGNITUDES[foldDiacritics(word).toLowerCase()] : undefined);

/** Thousands grouped by one separator throughout: "30.000", "1,500,000". */
const GROUPED = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/;

/**
 * The value of a figure as written: Vietnamese groups thousands with dots and writes decimals with a comma
 * ("1.500.000", "1,5"); English the other way round ("1,500,000", "1.5"). A lone separator before exactly three
 * digits groups thousands either way ("30.000", "30,000").
 */
export const figureValue = (figure: string, style: 'vi' | 'en'): number => {
  const [group, decimal] = style === 'vi' ? ['.', ','] : [',', '.'];
  if (GROUPED.test(figure)) return Number(figure.replace(/[.,]/g, ''));
  return Number(figure.split(group).join('').replace(decimal, '.'));
};

/**
 * The sum a figure states with the word after it: a magnitude ("30 triệu", "2 billion"), or thousands grouped
 * ("30.000.000"); else undefined (a count, a share, a small number).
 */
export const statedAmount = (figure: string, word: string | undefined, style: 'vi' | 'en'): number | undefined => {
  const magnitude = magnitudeOf(word);
  if (magnitude !== undefined) return figureValue(figure, style) * magnitude;
  return GROUPED.test(figure) ? figureValue(figure, style) : undefined;
};

const AMOUNTS = /(?<![\d.,])(\d+(?:[.,]\d+)*)(?:\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L}))?/giu;

/**
 * Whether a Vietnamese text states a sum, however it writes its magnitude: 30,000,000 is stated by
 * "30.000.000 đồng" and by "30 triệu đồng"; 1,500,000,000 by "1,5 tỷ" and "1.500 triệu".
 */
export const statesAmount = (amount: number, text: string): boolean =>
  [...text.matchAll(AMOUNTS)].some(([, figure, word]) => {
    const value = figureValue(figure, 'vi') * (magnitudeOf(word) ?? 1);
    return Math.abs(value - amount) < 1e-6 * amount;
  });

const VIETNAMESE_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });

/**
 * The ways a Vietnamese document writes a sum, for a search to find it whichever one it uses: 30,000,000 as
 * "30.000.000" and "30 triệu"; 1,500,000,000 also as "1,5 tỷ" and "1.500 triệu".
 */
export const amountWritings = (amount: number): string[] => [
  VIETNAMESE_NUMBER.format(amount),
  ...Object.entries({ 'triệu': 1e6, 'tỷ': 1e9 }).filter(([, magnitude]) => amount >= magnitude).map(([word, magnitude]) => `${VIETNAMESE_NUMBER.format(amount / magnitude)} ${word}`),
];
