import { matchKey } from '../lang/normalize.js';
import type { Chunk, KnowledgeBase } from '../types.js';

/** Candidate chunks an index lookup returns for a phrase; a pattern then decides. */
const CANDIDATES = 200;

export interface ChunkMatch {
  chunk: Chunk;
  /** Offset of the match in the document text, and its length. */
  start: number;
  length: number;
}

/**
 * The first match of `pattern` in each document whose chunks hold all `words` — with `every`, each of its matches
 * (up to `every` of them) — in document order: the index narrows the search to a few chunks, the pattern (over
 * folded text when `folded`) checks them.
 */
export async function findInChunks(
  knowledge: Pick<KnowledgeBase, 'chunksWithWords'>,
  words: readonly string[],
  pattern: RegExp,
  options: { folded: boolean; docIds?: readonly string[]; every?: number },
): Promise<ChunkMatch[]> {
  const candidates = (await knowledge.chunksWithWords(words, { docIds: options.docIds, limit: CANDIDATES })).sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start));
  const perDocument = options.every ?? 1;
  const all = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const matches: ChunkMatch[] = [];
  for (const chunk of candidates) {
    const found = matches.filter((match) => match.chunk.docId === chunk.docId).length;
    if (found >= perDocument) continue;
    const text = options.folded ? matchKey(chunk.text) : chunk.text;
    // Folding keeps NFC Vietnamese the same length; a text where it does not cannot map offsets back.
    if (text.length !== chunk.text.length) continue;
    for (const match of [...text.matchAll(all)].slice(0, perDocument - found)) matches.push({ chunk, start: chunk.start + match.index, length: match[0].length });
  }
  return matches;
}
