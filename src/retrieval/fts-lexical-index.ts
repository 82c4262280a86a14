// BM25 over the collection database's FTS5 table, with the same Vietnamese analyzer as ingest: the question's
// terms (accented and folded syllables, word pairs, abbreviations and their expansions) OR-ed together, ranked by
// BM25 with the section path counting more than body text because headings name the topic.
import { CURATED_ABBREVIATIONS } from '../lang/abbreviations.js';
import type { CollectionStore } from '../store/sqlite-store.js';
import type { LexicalIndex, ScoredId, SearchOptions } from '../types.js';
import { analyzeQuery } from './vietnamese-analyzer.js';

/** Field weights for text, section path and source (the document's place and number). */
export const FIELD_WEIGHTS = [1, 1.2, 1] as const;
const DEFAULT_TOP_K = 10;
/**
 * In a large collection, OR-ing every term of a question makes FTS5 score most of the collection. Word pairs and
 * syllables found in under this share of the chunks decide the ranking anyway; common syllables are left out.
 */
const COMMON_SHARE = 0.05;
const LARGE_COLLECTION = 5_000;

export function createFtsLexicalIndex(store: CollectionStore): LexicalIndex {
  // One table object per state of the documents' own definitions, so the analyzer's memo holds across questions.
  let defined: ReadonlyMap<string, string> | undefined;
  let table: ReadonlyMap<string, string> = CURATED_ABBREVIATIONS;
  const abbreviations = (): ReadonlyMap<string, string> => {
    const current = store.definedAbbreviations();
    if (current !== defined) {
      defined = current;
      table = new Map([...CURATED_ABBREVIATIONS, ...current]);
    }
    return table;
  };

  return {
    get abbreviations() {
      return abbreviations();
    },
    search(query: string, options: SearchOptions = {}): ScoredId[] {
      const { terms } = analyzeQuery(query, abbreviations());
      if (terms.length === 0) return [];
      const total = store.chunkCounts().chunks;
      const selective =
        total < LARGE_COLLECTION ? terms : terms.filter((term) => term.includes(' ') || store.documentFrequency(term) < total * COMMON_SHARE);
      return store.search(selective.length > 0 ? selective : terms, {
        docIds: options.docIds,
        kinds: options.kinds,
        limit: options.topK ?? DEFAULT_TOP_K,
        weights: FIELD_WEIGHTS,
      });
    },
  };
}
