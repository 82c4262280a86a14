// Vietnamese text normalisation for indexing and matching (never for quoting).

/**
 * Old-style ("hòa", "khỏe", "thủy") and new-style ("hoà", "khoẻ", "thuỷ") tone placement both occur in
 * official documents. Indexing maps every variant to the new-style form so either spelling matches.
 */
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
// After NFD: a tone mark on the first vowel of oa/oe/uy (not followed by a final consonant) moves to the second.
const OLD_STYLE_TONE = new RegExp(`([oO])([${TONE_MARKS}])([aAeE])(?![a-zA-Z\\u0300-\\u036f])|([uU])([${TONE_MARKS}])([yY])(?![a-zA-Z\\u0300-\\u036f])`, 'g');

/** NFC, one tone-placement convention, one spelling of "hằng/hàng ngày", typographic dashes/quotes unified. */
export function normalizeVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(OLD_STYLE_TONE, (_match, o, toneO, a, u, toneU, y) => (o ? `${o}${a}${toneO}` : `${u}${y}${toneU}`))
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\u00A0/g, ' ')
    // "hằng ngày" and "hàng ngày" are one word spelt two ways (every day, month, year…): written the first way, which
    // no other word shares ("ngân hàng năm 2025" is a bank, "cửa hàng" a shop).
    .replace(/(?<!(?:\p{L}|(?:ngân|cửa|mặt|khách|đơn|kho|lô|món|giao|chở|bán|mua)\s))([Hh])àng(?=\s+(?:ngày|tuần|tháng|quý|năm|kỳ)(?!\p{L})(?!\s*\d))/gu, '$1ằng');
}

/** Removes diacritics (đ → d included), keeping letters and case. Length-preserving for NFC Vietnamese. */
export function foldDiacritics(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Lower-case, normalised and folded: the key used to compare words typed with or without diacritics. */
export const matchKey = (input: string): string => foldDiacritics(normalizeVietnamese(input).toLowerCase());
