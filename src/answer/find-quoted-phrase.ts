import { matchKey } from '../lang/normalize.js';
import type { Chunk, KnowledgeBase } from '../types.js';
import type { QuestionDocuments } from './question-documents.js';
import { findInChunks } from './find-in-chunks.js';
import { chunkSpans } from './select-evidence.js';
import { escapeRegExp } from '../lang/escape-reg-exp.js';

export interface PhraseSpan {
  chunk: Chunk;
  /** Offsets of the sentence holding the phrase, in the document text. */
  start: number;
  end: number;
}

const MAX_QUOTE_CHARS = 400;
const QUOTED = /[“"«]([^”"»]{6,200})[”"»]/gu;

/** Phrases the question quotes: `Câu "ông bà mẫu mực, con cháu thảo hiền" nằm trong kế hoạch nào?`. */
export const quotedPhrases = (question: string): string[] =>
  [...question.matchAll(QUOTED)].map((match) => match[1].trim()).filter((phrase) => phrase.split(/\s+/).length >= 2);

/**
 * The sentence holding a quoted phrase in each plan that has it (or each such sentence, with `every`), matched with or
 * without diacritics and across line wraps: the phrase itself is the evidence, whatever the rest of the question says.
 */
export async function findQuotedPhrase(
  knowledge: Pick<KnowledgeBase, 'chunksWithWords'>,
  documents: QuestionDocuments,
  phrase: string,
  docIds?: readonly string[],
  /** Asked for a list ("những nhiệm vụ nào … “thực hiện thường xuyên”?"): each place a document has it, up to this many. */
  every?: number,
): Promise<PhraseSpan[]> {
  const words = matchKey(phrase).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length < 2) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u');
  const matches = await findInChunks(knowledge, words, pattern, { folded: true, docIds, every });
  await documents.load(matches.map((match) => match.chunk.docId));
  return matches.flatMap(({ chunk, start, length }) => {
    const doc = documents.document(chunk.docId);
    const sentence = chunkSpans(chunk).find((span) => chunk.start + span.start <= start && start < chunk.start + span.end);
    if (!sentence) return [{ chunk, start: start, end: start + length }];
    const from = chunk.start + sentence.start;
    const to = chunk.start + sentence.end;
    if (to - from <= MAX_QUOTE_CHARS) return [{ chunk, start: from, end: to }];
    // A long sentence is quoted from the clause holding the phrase to the end of that clause.
    const before = doc.text.slice(from, start);
    const clauseStart = Math.max(before.lastIndexOf('; '), before.lastIndexOf(': '));
    const after = doc.text.slice(start + length, to);
    const clauseEnd = after.search(/[;.]\s/);
    return [{ chunk, start: clauseStart < 0 ? from : from + clauseStart + 2, end: clauseEnd < 0 ? to : start + length + clauseEnd + 1 }];
  });
}
