import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../ingest/load-corpus.js';
import { createBaselines, splitNaively } from './baselines.js';
import { isValidCitation } from './metrics.js';

const corpusDir = path.resolve(import.meta.dirname, '../../corpus');

describe('baselines over the real corpus', async () => {
  const { documents } = await loadCorpus(corpusDir);
  const byId = new Map(documents.map((doc) => [doc.meta.id, doc]));

  it('splits every plan into ≤1000-character chunks located exactly in the raw text', async () => {
    const chunks = await splitNaively(documents);
    expect(new Set(chunks.map((chunk) => chunk.docId))).toEqual(new Set(byId.keys()));
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(1000);
      expect(byId.get(chunk.docId)!.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
    // Overlap: consecutive chunks of a long document share text.
    const khanhHoa = chunks.filter((chunk) => chunk.docId === 'khanh-hoa-2618-2022');
    expect(khanhHoa.length).toBeGreaterThan(10);
    expect(khanhHoa.some((chunk, i) => i > 0 && chunk.start < khanhHoa[i - 1].end)).toBe(true);
  });

  it('answers with the top chunk’s first two sentences, four valid citations and never abstains', async () => {
    const systems = await createBaselines({ documents, embedding: null });
    expect(systems.map((system) => [system.name, system.retriever.mode])).toEqual([
      ['naive-langchain', 'lexical'],
      ['plain-bm25', 'lexical'],
    ]);
    for (const system of systems) {
      const result = await system.answerer.ask({ question: 'số người cao tuổi tỉnh Bến Tre, 176.367 cụ' });
      expect(result.answered).toBe(true);
      expect(result.citations).toHaveLength(4);
      expect(result.citations.map((citation) => citation.n)).toEqual([1, 2, 3, 4]);
      for (const citation of result.citations) expect(isValidCitation(citation, byId.get(citation.docId))).toBe(true);
      const top = result.citations[0];
      expect(top.docId).toBe('ben-tre-8557-2021');
      expect(result.answer.endsWith(' [1]')).toBe(true);
      expect(top.quote.startsWith(result.answer.slice(0, -4))).toBe(true);

      const offTopic = await system.answerer.ask({ question: 'Who won the football match yesterday?' });
      expect(offTopic.answered).toBe(true);
    }
  });

  it('retrieves with the search interface used for the retrieval metrics', async () => {
    const [, bm25] = await createBaselines({ documents, embedding: null });
    const hits = await bm25.retriever.search('Đinh Văn Thiệu', { topK: 10 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(10);
    expect(hits[0].chunk.docId).toBe('khanh-hoa-2618-2022');
    const filtered = await bm25.retriever.search('người cao tuổi', { topK: 10, docIds: ['huu-lung-2022'] });
    expect(filtered.every((hit) => hit.chunk.docId === 'huu-lung-2022')).toBe(true);
  });
});
