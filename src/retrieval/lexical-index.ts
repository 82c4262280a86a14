// BM25+ over chunks held in memory (MiniSearch) with the Vietnamese analyzer, for the evaluation's baselines and
// small test collections; the served collection is searched in the database (fts-lexical-index.ts). The section
// path counts more than body text because headings name the topic.
import MiniSearch, { type SearchResult } from 'minisearch';
import { buildAbbreviationTable, CURATED_ABBREVIATIONS } from '../lang/abbreviations.js';
import type { Chunk, DocumentMeta, LexicalIndex, ScoredId, SearchOptions } from '../types.js';
import { analyzeForIndex, analyzeQuery } from './vietnamese-analyzer.js';

export interface LexicalIndexOptions {
  /** Extra abbreviations; they win over the curated list and the documents' own definitions. */
  abbreviations?: ReadonlyMap<string, string>;
  /** Metadata of the chunks' documents: locality, province and number become a low-weight field of every chunk. */
  documents?: readonly DocumentMeta[];
}

const FIELDS = ['text', 'section', 'source'];
const BOOST = { text: 1, section: 1.2, source: 1 };
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DEFAULT_TOP_K = 10;
// Query terms contain spaces (word pairs), so they travel to MiniSearch joined by a character text never holds.
const TERM_SEPARATOR = '\u0000';

interface IndexedChunk {
  id: string;
  text: string;
  section: string;
  source: string;
}

const miniSearchOptions = (abbreviations: ReadonlyMap<string, string>) => ({
  fields: FIELDS,
  storeFields: [],
  tokenize: (text: string) => analyzeForIndex(text, abbreviations),
  processTerm: (term: string) => term,
  searchOptions: { bm25: BM25 },
});

// Not the title: titles share long programme names, which would only add noise and work to every query.
const describeDocument = (meta: DocumentMeta | undefined): string => (meta ? [meta.type, meta.locality, meta.province, meta.number].filter(Boolean).join('\n\n') : '');

/** The fields a chunk is indexed under, in the store's FTS5 table and in MiniSearch alike. */
export const indexFields = (chunk: Chunk, meta: DocumentMeta | undefined): { text: string; section: string; source: string } => ({
  text: chunk.text,
  // Blank lines keep word pairs from joining one heading's last word to the next heading's first.
  section: [...chunk.section, ...(chunk.context ? [chunk.context] : [])].join('\n\n'),
  source: describeDocument(meta),
});

function createIndex(miniSearch: MiniSearch<IndexedChunk>, abbreviations: ReadonlyMap<string, string>, chunks: readonly Chunk[]): LexicalIndex {
  const chunkById = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  return {
    abbreviations,
    async search(query: string, options: SearchOptions = {}): Promise<ScoredId[]> {
      const { terms, weights } = analyzeQuery(query, abbreviations);
      if (terms.length === 0) return [];
      const docIds = options.docIds && new Set(options.docIds);
      const kinds = options.kinds && new Set(options.kinds);
      const filter = (result: SearchResult) => {
        const chunk = chunkById.get(result.id);
        return chunk !== undefined && (!docIds || docIds.has(chunk.docId)) && (!kinds || kinds.has(chunk.kind));
      };
      const results = miniSearch.search(terms.join(TERM_SEPARATOR), {
        tokenize: (text) => text.split(TERM_SEPARATOR),
        processTerm: (term) => term,
        boostTerm: (term) => weights.get(term) ?? 1,
        boost: BOOST,
        bm25: BM25,
        combineWith: 'OR',
        prefix: false,
        fuzzy: false,
        filter,
      });
      return results.slice(0, options.topK ?? DEFAULT_TOP_K).map((result) => ({ id: result.id as string, score: result.score }));
    },
  };
}

/** Indexes `chunks`; abbreviations = curated, then the documents' own definitions, then `options.abbreviations`. */
export function buildLexicalIndex(chunks: readonly Chunk[], options: LexicalIndexOptions = {}): LexicalIndex {
  const abbreviations: ReadonlyMap<string, string> = new Map([
    ...CURATED_ABBREVIATIONS,
    ...buildAbbreviationTable(chunks.map((chunk) => chunk.text)),
    ...(options.abbreviations ?? []),
  ]);
  const metas = new Map((options.documents ?? []).map((meta) => [meta.id, meta]));
  const miniSearch = new MiniSearch<IndexedChunk>(miniSearchOptions(abbreviations));
  miniSearch.addAll(chunks.map((chunk) => ({ id: chunk.id, ...indexFields(chunk, metas.get(chunk.docId)) })));
  return createIndex(miniSearch, abbreviations, chunks);
}
