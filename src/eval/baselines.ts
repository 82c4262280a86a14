// Two reference systems the project must beat, both over the same naive fixed-size chunks:
// (a) a LangChain-style pipeline retrieving in the project's own mode, (b) plain BM25 with MiniSearch's defaults.
// Both answer with the top chunk's first two sentences and cite their top four chunks; neither ever abstains.
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import MiniSearch from 'minisearch';
import { AppError } from '../errors.js';
import { splitSentences } from '../structure/split-sentences.js';
import { createHybridRetriever } from '../retrieval/hybrid-retriever.js';
import { buildVectorIndex } from '../retrieval/vector-index.js';
import { createMemoryKnowledgeBase } from '../retrieval/memory-knowledge-base.js';
import type { Answerer, AskInput, AskResult, Chunk, EmbeddingModel, Retriever, SearchHit, SearchOptions, SourceDocument } from '../types.js';
import type { EvalSystem } from './evaluate-system.js';

const CHUNK_SIZE = 1000;
const CHUNK_OVERLAP = 200;
const ANSWER_TOP_K = 4;

/** RecursiveCharacterTextSplitter chunks, located in the raw text so citations carry real offsets. */
export async function splitNaively(documents: readonly SourceDocument[]): Promise<Chunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP });
  const chunks: Chunk[] = [];
  for (const doc of documents) {
    const pieces = await splitter.splitText(doc.text);
    let from = 0;
    pieces.forEach((piece, ordinal) => {
      // Overlapping pieces start after the previous one's start, so search from there.
      const start = doc.text.indexOf(piece, from);
      if (start === -1) throw new AppError('internal', `naive chunk ${ordinal} of ${doc.meta.id} is not a substring of the document`);
      from = start + 1;
      chunks.push({ id: `${doc.meta.id}#${ordinal}`, docId: doc.meta.id, section: [], kind: 'body', start, end: start + piece.length, text: piece });
    });
  }
  return chunks;
}

function naiveAnswerer(retriever: Retriever, documents: readonly SourceDocument[]): Answerer {
  const titles = new Map(documents.map((doc) => [doc.meta.id, doc.meta.title]));
  return {
    async ask(input: AskInput): Promise<AskResult> {
      const started = performance.now();
      const hits = await retriever.search(input.question, { topK: ANSWER_TOP_K, docIds: input.docIds });
      const retrieveMs = performance.now() - started;
      const top = hits[0]?.chunk;
      const sentences = top ? splitSentences(top.text).slice(0, 2) : [];
      const lead = sentences.length > 0 ? top!.text.slice(sentences[0].start, sentences[sentences.length - 1].end) : '';
      const totalMs = performance.now() - started;
      return {
        answer: lead ? `${lead} [1]` : '',
        answered: true,
        question: input.question,
        citations: hits.map(({ chunk, score }, index) => ({
          n: index + 1,
          docId: chunk.docId,
          docTitle: titles.get(chunk.docId) ?? chunk.docId,
          docName: titles.get(chunk.docId) ?? chunk.docId,
          section: '',
          quote: chunk.text,
          start: chunk.start,
          end: chunk.end,
          chunkId: chunk.id,
          score,
        })),
        mode: retriever.mode,
        answeredBy: 'extractive',
        timings: { totalMs, retrieveMs, answerMs: totalMs - retrieveMs },
      };
    },
  };
}

function bm25Retriever(chunks: readonly Chunk[]): Retriever {
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const miniSearch = new MiniSearch<Chunk>({ fields: ['text'] });
  miniSearch.addAll(chunks);
  return {
    mode: 'lexical',
    async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
      const docIds = options.docIds;
      const results = miniSearch.search(query, docIds ? { filter: (result) => docIds.includes(byId.get(result.id)!.docId) } : {});
      return results.slice(0, options.topK ?? 10).map((result) => ({ chunk: byId.get(result.id)!, score: result.score }));
    },
  };
}

export interface BaselineOptions {
  documents: readonly SourceDocument[];
  /** The project's embedding model; null means the project runs lexical-only, and so does baseline (a). */
  embedding: EmbeddingModel | null;
}

export async function createBaselines({ documents, embedding }: BaselineOptions): Promise<EvalSystem[]> {
  const chunks = await splitNaively(documents);
  const vectors = embedding ? (await buildVectorIndex(chunks, embedding)).index : null;
  const langchainRetriever = createHybridRetriever(createMemoryKnowledgeBase({ documents, chunks, vectors, embedding }));
  const bm25 = bm25Retriever(chunks);
  return [
    { name: 'naive-langchain', retriever: langchainRetriever, answerer: naiveAnswerer(langchainRetriever, documents) },
    { name: 'plain-bm25', retriever: bm25, answerer: naiveAnswerer(bm25, documents) },
  ];
}
