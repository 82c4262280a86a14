import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../ingest/chunk-document.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import type { Chunk, DocumentMeta, LexicalIndex } from '../types.js';
import { buildLexicalIndex } from './lexical-index.js';

let documents: DocumentMeta[];
let chunks: Chunk[];
let chunkById: Map<string, Chunk>;
let index: LexicalIndex;
const texts = (ids: { id: string }[]) => ids.map(({ id }) => chunkById.get(id)!.text.replace(/\s+/g, ' '));

beforeAll(async () => {
  const corpus = await loadCorpus(fileURLToPath(new URL('../../corpus/', import.meta.url)));
  documents = corpus.documents.map((doc) => doc.meta);
  chunks = corpus.documents.flatMap((doc) => chunkDocument(doc));
  chunkById = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  index = buildLexicalIndex(chunks, { documents });
});

describe('buildLexicalIndex over the five plans', () => {
  const healthCard = /thẻ (BHYT|bảo hiểm y tế)/;

  it.each(['ai được cấp thẻ bhyt', 'ai duoc cap the bhyt', 'cấp thẻ BHYT'])('"%s" finds the health-insurance-card passages first', async (query) => {
    const top = texts(await index.search(query, { topK: 3 }));
    expect(top[0]).toMatch(healthCard);
    expect(top.filter((text) => healthCard.test(text)).length).toBeGreaterThanOrEqual(2);
  });

  it('finds passages that only say "NKT" when asked about "người khuyết tật"', async () => {
    const onlyAbbreviated = chunks.filter((chunk) => /\bNKT\b/.test(chunk.text) && !/khuyết tật/i.test(chunk.text)).map((chunk) => chunk.id);
    expect(onlyAbbreviated.length).toBeGreaterThan(0);
    const hits = (await index.search('người khuyết tật', { topK: 10, docIds: ['huu-lung-2022'] })).map((hit) => hit.id);
    expect(hits.some((id) => onlyAbbreviated.includes(id))).toBe(true);
  });

  it('matches a place typed with or without diacritics', async () => {
    for (const query of ['Khánh Hòa', 'Khánh Hoà', 'Khanh Hoa', 'khanh hoa']) {
      const hits = (await index.search(query, { topK: 3 }));
      expect(hits.map((hit) => chunkById.get(hit.id)!.docId), query).toEqual(['khanh-hoa-2618-2022', 'khanh-hoa-2618-2022', 'khanh-hoa-2618-2022']);
    }
  });

  it('prefers exact accented matches when the query has diacritics', async () => {
    // "báo cáo" (report) must beat passages that merely contain "bảo" (protect) / "bao" words
    const top = texts(await index.search('báo cáo', { topK: 5 }));
    expect(top.every((text) => /báo cáo/i.test(text))).toBe(true);
  });

  it('finds the report deadlines', async () => {
    const top = texts(await index.search('báo cáo trước ngày', { topK: 3 }));
    expect(top.some((text) => text.includes('trước ngày 10/11'))).toBe(true);
    expect(top.some((text) => text.includes('trước ngày 15/12'))).toBe(true);
    expect(texts(await index.search('15/12', { topK: 1 }))[0]).toContain('trước ngày 15/12');
  });

  it('finds a statistic by its number, typed either way', async () => {
    expect(texts(await index.search('12.805', { topK: 1 }))[0]).toContain('12.805 người');
    expect(texts(await index.search('12805 người cao tuổi', { topK: 1 }))[0]).toContain('12.805 người');
  });

  it('filters by document and by chunk kind', async () => {
    const inBenTre = (await index.search('người cao tuổi', { topK: 20, docIds: ['ben-tre-8557-2021'] }));
    expect(inBenTre.length).toBeGreaterThan(3);
    expect(inBenTre.every((hit) => chunkById.get(hit.id)!.docId === 'ben-tre-8557-2021')).toBe(true);
    const headers = (await index.search('kế hoạch', { topK: 20, kinds: ['header'] }));
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.every((hit) => chunkById.get(hit.id)!.kind === 'header')).toBe(true);
    expect(await index.search('người cao tuổi', { docIds: [] })).toEqual([]);
  });

  it('returns scores in descending order, at most topK, and nothing for a query of function words', async () => {
    const hits = (await index.search('chăm sóc sức khỏe người cao tuổi', { topK: 7 }));
    expect(hits).toHaveLength(7);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
    expect(await index.search('là gì vậy?')).toEqual([]);
  });

  it('exposes the curated abbreviations merged with the documents\' own', async () => {
    expect(index.abbreviations.get('NKT')).toBe('người khuyết tật');
    expect(index.abbreviations.get('BVCSGDTE')).toBe('bảo vệ chăm sóc và giáo dục trẻ em');
    expect(index.abbreviations.get('MTTQ')).toBe('Mặt trận Tổ quốc');
    const custom = buildLexicalIndex(chunks.slice(0, 5), { abbreviations: new Map([['NKT', 'người khuyết tật nặng']]) });
    expect(custom.abbreviations.get('NKT')).toBe('người khuyết tật nặng');
  });


  it('is fast enough to build and query on a shared machine', async () => {
    let started = performance.now();
    buildLexicalIndex(chunks);
    expect(performance.now() - started).toBeLessThan(3000);
    const queries = ['ai được cấp thẻ bhyt', 'kinh phí thực hiện', 'bao nhieu nguoi cao tuoi o Ben Tre', 'Sở Y tế có nhiệm vụ gì', 'trước ngày 15/12'];
    started = performance.now();
    for (let i = 0; i < 100; i++) (await index.search(queries[i % queries.length]));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
