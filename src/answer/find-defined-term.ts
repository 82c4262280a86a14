// Where a legal document defines a term in its own words: "Điều 3. Giải thích từ ngữ … 1. Phản ánh hiện trường là
// phản ánh kiến nghị có hình ảnh …". People ask "X là gì?" or "what counts as X" of exactly these clauses.
import { escapeRegExp } from '../lang/escape-reg-exp.js';
import { matchKey } from '../lang/normalize.js';
import { STOPWORDS } from '../lang/stopwords.js';
import type { Chunk, KnowledgeBase } from '../types.js';
import { findInChunks } from './find-in-chunks.js';
import { asksMeaning, termAskedAbout } from './find-definition.js';
import { quotedPhrases } from './find-quoted-phrase.js';

export interface DefinedTermSpan {
  chunk: Chunk;
  /** Offsets of the defining clause in the document text. */
  start: number;
  end: number;
}

/** A defining clause runs to its paragraph's end, at most this long. */
const MAX_CLAUSE_CHARS = 700;
const MAX_TERM_WORDS = 8;
/** A section that explains terms: "Điều 3. Giải thích từ ngữ", "… được hiểu như sau", "Khái niệm", "Định nghĩa". */
const DEFINITIONS_SECTION = /\b(giai thich tu ngu|duoc hieu nhu sau|khai niem|dinh nghia|thuat ngu)\b/;
/** Where an article's heading opens a line (folded): "\n**Điều 5. …". */
const ARTICLE_OPENING = /(?:^|\n)[\s*_#]*dieu \d+/g;
/** How far back the opening of the clause's article is looked for. */
const LOOK_BACK_CHARS = 3_000;

/** What a defining clause may say a term is for before "là": "Thời hạn xử lý kỷ luật đối với cán bộ, công chức là …". */
const QUALIFIER = '(?:\\s+(?:doi voi|cua|trong|tai)\\s[^.;:()\\n]{1,50}?)?';

/** A term (folded) as a text writes it: its words apart by spaces, markup, commas or dashes. */
const termPattern = (term: string): string => term.split(' ').map(escapeRegExp).join('[\\s*_,\\-–]+');

/** A phrase as a term is matched: folded, punctuation out, spaces single. */
const termWords = (text: string): string => matchKey(text).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();

/** A bracket naming the document asked about ("(QĐ 2629/QĐ-TTg)", "(Decree 09/2025)"), not a term. */
const DOCUMENT_NUMBER = /\d+\s*\/\s*(?:\d{4}|\p{L})/u;

/** The phrases a question quotes or puts in brackets ("(phản ánh hiện trường)"), folded, of two words or more. */
const markedTerms = (question: string): string[] =>
  [...quotedPhrases(question), ...[...question.matchAll(/\(([^()]{4,80})\)/gu)].map((match) => match[1]).filter((bracket) => !DOCUMENT_NUMBER.test(bracket))]
    .map(termWords)
    .filter((term) => term.split(' ').length >= 2);

/** Where the question says which document it asks of, not what: "Theo NĐ 172/2025/NĐ-CP, …", "… theo Thông tư 05". */
const LEADING_SCOPE = /^(?:theo|trong|tai|under|in|according to)\s[^,]*,\s*/;
const TRAILING_SCOPE = /\s(?:theo|trong|tai|under|in)\s[^,]*\d[^,]*$/;

/**
 * The terms a question asks the meaning of, folded: the phrases it marks, else all its words but the asking ones when
 * they are few.
 */
export function termsAskedAbout(question: string): string[] {
  if (!asksMeaning(question)) return [];
  const rest = termWords(termAskedAbout(question).replace(LEADING_SCOPE, '').replace(TRAILING_SCOPE, ''));
  const whole = rest.split(' ').length <= MAX_TERM_WORDS && rest.split(' ').length >= 2 ? [rest] : [];
  return [...new Set([...markedTerms(question), ...whole])];
}

/** "What is the fee for quail (chim cút)?" asks no meaning, though it opens like "what is X?". */
const ONLY_WHAT_IS = /^\s*what is\b/;

/**
 * The terms a question marks and asks the meaning of ("thế nào là “giảng viên kiêm nhiệm”", "how does … define the
 * 'data exchange' (Sàn dữ liệu)"), folded: a passage that only uses them does not answer.
 */
export function markedTermsDefined(question: string): string[] {
  const key = matchKey(question);
  return asksMeaning(question) && !(ONLY_WHAT_IS.test(key) && !asksMeaning(key.replace(ONLY_WHAT_IS, ''))) ? markedTerms(question) : [];
}

/** Whether a passage says what `term` (folded, from `markedTermsDefined`) is: "<term> là …", "<term> gồm …", "<term>: …". */
export function definesTerm(passage: string, term: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${termPattern(term)}${QUALIFIER}[\\s*_”"']*(?:\\([^)]*\\)[\\s*_]*)?(?:la|duoc hieu la|gom|bao gom|:)(?![\\p{L}])`, 'u').test(matchKey(passage));
}

/** Whether an article's title holds every word of a term: "Điều 5. Thời hiệu, thời hạn xử lý kỷ luật" is about "thời hiệu xử lý kỷ luật". */
const titleNames = (title: string, words: readonly string[]): boolean => {
  const held = new Set(title.split(/[^\p{L}\p{N}]+/u));
  return words.length > 0 && words.every((word) => held.has(word));
};

/**
 * The clause where a document defines `term` (folded): a numbered clause or a paragraph opening "<term> là …", in an
 * article that explains terms or whose title names the term ("Điều 5. Thời hiệu, thời hạn xử lý kỷ luật: 1. Thời hiệu
 * xử lý kỷ luật là thời hạn …").
 */
export async function findDefinedTerm(
  knowledge: Pick<KnowledgeBase, 'chunksWithWords'>,
  textOf: (docId: string) => Promise<string>,
  term: string,
  docIds?: readonly string[],
): Promise<DefinedTermSpan | null> {
  const words = term.split(' ');
  const pattern = new RegExp(`(?:^|\\n)[\\s*_#]*(?:\\d{1,2}[*_]*\\s*[.)]|[a-z]\\))?[\\s*_]*(${termPattern(term)})${QUALIFIER}[\\s*_]*(?:\\([^)]*\\)[\\s*_]*)?\\s+(?:la|duoc hieu la)\\s`, 'u');
  // Function words are not indexed: the index is asked for the others, the pattern checks them all.
  const indexed = words.filter((word) => !STOPWORDS.has(word));
  // Only where the document says it explains its terms, or is about the term, in the article or section the clause
  // sits in: "Công chức là nữ, …" elsewhere is no definition.
  let found: Awaited<ReturnType<typeof findInChunks>>[number] | undefined;
  for (const match of await findInChunks(knowledge, indexed.length > 0 ? indexed : words, pattern, { folded: true, docIds })) {
    const before = matchKey((await textOf(match.chunk.docId)).slice(Math.max(0, match.start - LOOK_BACK_CHARS), match.start));
    // The article's heading opens a line: "… quy định tại Điều 2 …" in a clause above is no opening.
    const article = [...before.matchAll(ARTICLE_OPENING)].at(-1);
    const opening = Math.max(article ? article.index + article[0].lastIndexOf('dieu') : -1, before.lastIndexOf('\n#'));
    const section = before.slice(Math.max(0, opening));
    if (DEFINITIONS_SECTION.test(section) || titleNames(section.split('\n')[0], indexed)) {
      found = match;
      break;
    }
  }
  if (!found) return null;
  const text = found.chunk.text;
  const from = found.start - found.chunk.start;
  // The clause starts at the term's number, or at the term; it ends where its paragraph does.
  const start = from + (/^[\s*_#]*/u.exec(text.slice(from))?.[0].length ?? 0);
  const paragraphEnd = text.slice(start).search(/\n\s*\n|\n[\s*_]*(?:\d{1,2}\s*[.)]|[a-z]\))\s/u);
  const clause = text.slice(start, start + Math.min(paragraphEnd < 0 ? text.length - start : paragraphEnd, MAX_CLAUSE_CHARS)).trimEnd();
  return { chunk: found.chunk, start: found.chunk.start + start, end: found.chunk.start + start + clause.length };
}
