// Domain types shared by ingest, retrieval, answering and the adapters.

/** The kinds of administrative document the grammar knows (src/structure/grammar.ts). */
export type DocumentType =
  | 'Kế hoạch'
  | 'Quyết định'
  | 'Nghị định'
  | 'Thông tư'
  | 'Thông tư liên tịch'
  | 'Nghị quyết'
  | 'Chỉ thị'
  | 'Công văn'
  | 'Công điện'
  | 'Luật'
  | 'Pháp lệnh'
  | 'Văn bản hợp nhất'
  | 'Thông báo'
  | 'Chương trình'
  | 'Văn bản';

/** Administrative level of the body that issued a document; 'quốc gia' for the Government, the Prime Minister, ministries. */
export type LocalityLevel = 'quốc gia' | 'tỉnh' | 'thành phố' | 'huyện' | 'quận' | 'thị xã' | 'xã' | 'phường';

/** A relation the text states to another document, by that document's number. */
export interface DocumentRelation {
  kind: 'căn cứ' | 'thực hiện' | 'thay thế' | 'bãi bỏ' | 'sửa đổi, bổ sung';
  number: string;
}

export interface DocumentMeta {
  /** Stable slug, e.g. `ke-hoach-khanh-hoa-2618-2022`. */
  id: string;
  /** Kế hoạch, Quyết định, Nghị định, Thông tư…; absent in manifests written before types were read (then a plan). */
  type?: DocumentType;
  title: string;
  /** Số hiệu, e.g. `2618/KH-UBND`; absent where the text leaves it blank. */
  number?: string;
  issuer?: string;
  locality?: string;
  level?: LocalityLevel;
  /** Province the locality belongs to (itself for a province or a centrally governed city). */
  province?: string;
  /** ISO date `YYYY-MM-DD`, or `YYYY-MM` where the day is blank. */
  issuedDate?: string;
  signer?: string;
  /** e.g. `2021-2030`. */
  period?: string;
  /** ISO date the document takes effect, where it says. */
  effectiveDate?: string;
  relations?: DocumentRelation[];
  /** The text was read by OCR from a scanned PDF. */
  ocr?: boolean;
  /** File name inside the corpus folder. */
  sourceFile: string;
}

/** A loaded document: metadata plus its original text, exactly as quotes are taken from. */
export interface SourceDocument {
  meta: DocumentMeta;
  text: string;
  /** sha256 of the source file's bytes. */
  hash: string;
}

export type ChunkKind = 'header' | 'preamble' | 'body' | 'signature' | 'recipients';

export interface Chunk {
  /** `${docId}#${ordinal}` */
  id: string;
  docId: string;
  /** Headings from the top-level section down, e.g. ['VI. TỔ CHỨC THỰC HIỆN', '1. Phòng Lao động - Thương binh và Xã hội']. */
  section: string[];
  kind: ChunkKind;
  /** Offsets into the document's original text: `text === doc.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** Words that make the chunk understandable but are not part of it: the header row of the table its rows belong to. */
  context?: string;
}

/** Section path as shown to people. */
export const formatSection = (section: readonly string[]): string => section.join(' › ');

/** What a heading is: a level of the document grammar, an appendix, or an instrument attached to a decision. */
export type HeadingKind = 'part' | 'chapter' | 'section' | 'article' | 'roman' | 'clause' | 'subclause' | 'subsubclause' | 'point' | 'appendix' | 'attachment';

export interface OutlineEntry {
  title: string;
  depth: number;
  start: number;
  end: number;
  /** The heading's kind and number as printed ("article", "12"), for citations such as "Điều 12 › khoản 2". */
  kind?: HeadingKind;
  number?: string;
}

export interface SearchOptions {
  topK?: number;
  docIds?: readonly string[];
  kinds?: readonly ChunkKind[];
}

export interface SearchHit {
  chunk: Chunk;
  score: number;
}

export type RetrievalMode = 'hybrid' | 'lexical';

export interface Retriever {
  readonly mode: RetrievalMode;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AskInput {
  question: string;
  history?: readonly ChatTurn[];
  docIds?: readonly string[];
  topK?: number;
}

export interface Citation {
  n: number;
  docId: string;
  docTitle: string;
  /** The document as officials cite it: "Kế hoạch 2618/KH-UBND ngày 24/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa". */
  docName: string;
  /** The place in it as people cite it: "Điều 5 › khoản 2 › điểm a", "VI › 10", "Phụ lục I". */
  label?: string;
  section: string;
  quote: string;
  start: number;
  end: number;
  chunkId: string;
  score: number;
}

/** Which strategy wrote an answer: a language model over the extractive answer's passages, or the extractive answerer. */
export type AnsweredBy = 'llm' | 'extractive';

/** Why a language model's answer was not given (the extractive answer was given instead). */
export type FallbackReason = 'model_error' | 'timeout' | 'empty' | 'declined' | 'no_citation' | 'unknown_citation' | 'unsupported_figure';

export interface AskResult {
  answer: string;
  answered: boolean;
  /** The standalone question actually answered (follow-ups rewritten from the history). */
  question: string;
  citations: Citation[];
  /** Documents that also answer but were not quoted: an answer quotes the best few. */
  otherDocuments?: string[];
  mode: RetrievalMode;
  answeredBy: AnsweredBy;
  /** Set when a language model was asked and its answer was not given. */
  fallbackReason?: FallbackReason;
  /** What the answer's first line gives, as a cited quote words it: a verdict, a date, a figure, the body acting. */
  lead?: { kind: 'yes' | 'date' | 'duration' | 'percent' | 'money' | 'count' | 'body'; value: string };
  timings: { totalMs: number; retrieveMs: number; answerMs: number };
}

/**
 * One answer as it is written: the passages it may cite, text as it comes, the whole text replaced when what was
 * shown is withdrawn (a generated answer that failed its checks), and the final result.
 */
export type AnswerEvent =
  | { type: 'citations'; citations: Citation[] }
  | { type: 'delta'; text: string }
  | { type: 'replace'; text: string; reason: FallbackReason }
  | { type: 'done'; result: AskResult };

export interface Answerer {
  ask(input: AskInput): Promise<AskResult>;
  /** The answer as it is written; an answerer without it is streamed from its finished answer. Aborting `signal` stops the work. */
  askStream?(input: AskInput, signal?: AbortSignal): AsyncIterable<AnswerEvent>;
}

/** A chunk id with a retrieval score; the store resolves ids to chunks. */
export interface ScoredId {
  id: string;
  score: number;
}

/** BM25 ranking over chunks with the Vietnamese analyzer (SQLite FTS5 in the store; MiniSearch in memory for baselines). */
export interface LexicalIndex {
  search(query: string, options?: SearchOptions): Promise<ScoredId[]>;
  /** Abbreviation → expansion pairs known to the index (curated plus found in the documents). */
  readonly abbreviations: ReadonlyMap<string, string>;
}

/** What the answerer may ask about the collection as a whole, without reading it. */
export interface CorpusStats {
  /** Chunks in the collection, or in one document. */
  chunkCount(docId?: string): Promise<number>;
  /** In how many chunks each analyzer term (a syllable or a pair, accented or folded) occurs: a question's terms in one lookup. */
  documentFrequencies(terms: readonly string[]): Promise<ReadonlyMap<string, number>>;
}

/** A sentence-embedding model (transformers.js), with the model's own query/passage prefixes applied. */
export interface EmbeddingModel {
  readonly id: string;
  readonly dimensions: number;
  embedQuery(text: string): Promise<number[]>;
  embedPassages(texts: string[]): Promise<number[][]>;
}

/** HNSW vectors over chunks (src/retrieval/vector-index.ts). */
export interface VectorIndex {
  readonly modelId: string;
  readonly size: number;
  search(queryVector: number[], options?: SearchOptions): Promise<ScoredId[]>;
}

/**
 * The collection as retrieval and answering read it: narrow lookups by id, statistics and index queries. Nothing
 * here reads every document or every chunk; only the catalogue of metadata is whole, and it is small. Lookups are
 * asynchronous, so a store across the network (PostgreSQL) serves them as well as the embedded one; the catalogue
 * and the abbreviations are snapshots a store keeps current, read at every question.
 */
export interface KnowledgeBase {
  /** Metadata of every document, sorted by id. */
  catalogue(): readonly DocumentMeta[];
  document(id: string): Promise<SourceDocument | undefined>;
  chunk(id: string): Promise<Chunk | undefined>;
  chunksOf(docId: string): Promise<readonly Chunk[]>;
  outline(docId: string): Promise<readonly OutlineEntry[]>;
  readonly stats: CorpusStats;
  /** Chunks in which every one of `words` occurs (accented or folded), for definitions and quoted phrases; best first. */
  chunksWithWords(words: readonly string[], options?: { docIds?: readonly string[]; limit?: number }): Promise<Chunk[]>;
  readonly lexical: LexicalIndex;
  readonly vectors: VectorIndex | null;
  readonly embedding: EmbeddingModel | null;
}

/** The store under the collection, as /healthz reports it. */
export interface DatabaseHealth {
  kind: 'sqlite' | 'postgres';
  reachable: boolean;
  /** PostgreSQL: the collection version this server serves, and whether it hears the database's notifications. */
  version?: number;
  listening?: boolean;
  /** Why it cannot be reached. */
  error?: string;
}
