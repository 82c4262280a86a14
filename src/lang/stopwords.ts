// Function words and question words left out of unigram terms. Two-syllable content words that contain one
// ("người có công", "cơ sở") still match through the adjacent-word pairs, which keep every pair with a content word.
import { foldDiacritics, matchKey, normalizeVietnamese } from './normalize.js';

const FUNCTION_WORDS = [
  'của', 'và', 'các', 'những', 'được', 'cho', 'là', 'có', 'trong', 'với', 'theo', 'về', 'này', 'đó', 'kia', 'ấy',
  'thì', 'mà', 'một', 'để', 'đã', 'đang', 'sẽ', 'từ', 'tại', 'trên', 'dưới', 'ra', 'vào', 'như', 'nhưng', 'hoặc',
  'hay', 'cũng', 'đến', 'không', 'nếu', 'thế', 'vậy', 'ở', 'do', 'bởi', 'vì', 'nên', 'rằng', 'lại', 'còn', 'rất',
  'nhiều', 'hơn', 'đều', 'vẫn', 'chỉ', 'mỗi', 'cả', 'bị', 'chưa', 'đây', 'nhé', 'ạ', 'à', 'ư', 'nhỉ', 'hả', 'chứ',
  // question words and what people type around them
  'ai', 'gì', 'nào', 'sao', 'đâu', 'mấy', 'nhiêu', 'khi', 'hãy', 'tôi', 'mình', 'bạn', 'xin', 'vui', 'lòng',
];

/** Pairs that are function words together, though a half may be content elsewhere ("bao" in "bao phủ"). */
const FUNCTION_PAIRS = ['bao nhiêu', 'là gì', 'cho biết', 'như thế', 'thế nào', 'ở đâu', 'tại sao', 'vì sao', 'có phải', 'phải không', 'được không', 'bao giờ', 'khi nào'];

// Unaccented forms that also spell common content words ("the" for "thẻ", "ve" for "bảo vệ", "tai" for "tài chính",
// "van ban" for "văn bản", "chu tri" for "chủ trì"): these stay searchable when typed without diacritics. A word
// written with diacritics is a function word only as written: "văn", "bản", "chủ" are no "vẫn", "bạn", "chứ".
const AMBIGUOUS_FOLDS = new Set([
  'co', 've', 'tai', 'den', 'tu', 'ma', 'nen', 'de', 'da', 'dang', 'nay', 'cung', 'con', 'chi', 'moi', 'thi',
  'nhu', 'vi', 'boi', 'dau', 'may', 'the', 'vay', 'chua', 'trong', 'lai', 'ra', 'ca',
  'van', 'ban', 'chu', 'day', 'ha', 'toi', 'bi', 'se', 'long', 'neu', 'nhe', 'rang',
]);

const folded = (words: readonly string[]) => words.map(foldDiacritics).filter((word) => !AMBIGUOUS_FOLDS.has(word));

/** Lower-case function words and pairs ("bao nhiêu"), accented and (where unambiguous) folded. */
export const STOPWORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...folded(FUNCTION_WORDS), ...FUNCTION_PAIRS, ...FUNCTION_PAIRS.map(foldDiacritics)]);

const FUNCTION_SET = new Set(FUNCTION_WORDS);
const FUNCTION_FOLDS = new Set(FUNCTION_WORDS.map(foldDiacritics));
/** A content word whose unaccented spelling is also a function word's: "đẻ" typed "de" is as likely "để". */
export const foldsToFunctionWord = (word: string): boolean => !FUNCTION_SET.has(word) && FUNCTION_FOLDS.has(foldDiacritics(word));

/**
 * A text's words that are not function words, folded: a word is told a function word by its accents where it has
 * them ("về" is one; "ve", typed without, may be "vé" and is kept).
 */
export const foldedContentWords = (text: string): string[] =>
  (normalizeVietnamese(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOPWORDS.has(word)).map(matchKey).filter((word) => !STOPWORDS.has(word));
