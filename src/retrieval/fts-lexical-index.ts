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
/** At most this many of the rarest terms go to FTS5 in a large collection, and at least this many. */
const MAX_TERMS = 12;
const MIN_TERMS = 3;
/** Folded forms of words typed with diacritics only break ties: a large collection leaves them out of the query. */
const TIE_BREAKER_WEIGHT = 0.5;

export function createFtsLexicalIndex(store: CollectionStore): LexicalIndex {
  /**
   * The terms that decide a ranking in a large collection: the typed forms (syllables and pairs) found in under
   * COMMON_SHARE of the chunks, rarest first; when a question has too few of those, its few rarest terms.
   */
  const rarest = (terms: readonly string[], weights: ReadonlyMap<string, number>, total: number): string[] => {
    const typed = terms.filter((term) => (weights.get(term) ?? 1) >= TIE_BREAKER_WEIGHT);
    const byRarity = [...new Map((typed.length > 0 ? typed : terms).map((term) => [term, store.documentFrequency(term)]))]
      .filter(([, frequency]) => frequency > 0)
      .sort((a, b) => a[1] - b[1]);
    const uncommon = byRarity.filter(([, frequency]) => frequency < total * COMMON_SHARE);
    return (uncommon.length >= MIN_TERMS ? uncommon : byRarity.slice(0, MIN_TERMS)).slice(0, MAX_TERMS).map(([term]) => term);
  };

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
    async search(query: string, options: SearchOptions = {}): Promise<ScoredId[]> {
      const { terms, weights } = analyzeQuery(query, abbreviations());
      if (terms.length === 0) return [];
      const total = store.chunkCount();
      const selective = total < LARGE_COLLECTION ? terms : rarest(terms, weights, total);
      return store.search(selective.length > 0 ? selective : terms, {
        docIds: options.docIds,
        kinds: options.kinds,
        limit: options.topK ?? DEFAULT_TOP_K,
        weights: FIELD_WEIGHTS,
      });
    },
  };
}
