// The design card's two questions — who gets a BHYT card, when the report is due — answered per plan,
// in Vietnamese, without diacritics and in English; follow-ups; abstention. Real pipeline, lexical mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResult } from '../src/types.js';
import { openTestPipeline, type TestPipeline } from './helpers/open-test-pipeline.js';

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openTestPipeline();
});
afterAll(() => pipeline.cleanup());

const ask = (question: string, extra: { history?: { role: 'user' | 'assistant'; content: string }[]; docIds?: string[] } = {}) =>
  pipeline.answerer.ask({ question, ...extra });

/** Invariants every answer must keep. */
function expectGrounded(result: AskResult) {
  for (const citation of result.citations) {
    expect(pipeline.texts.get(citation.docId)!.slice(citation.start, citation.end)).toBe(citation.quote);
  }
  for (const match of result.answer.matchAll(/\[(\d+)\]/g)) {
    expect(result.citations.map((citation) => citation.n)).toContain(Number(match[1]));
  }
  const quotes = result.citations.map((citation) => citation.quote.replace(/\s+/g, ' ')).join(' ');
  for (const figure of result.answer.replace(/\[\d+\]/g, '').match(/\d[\d.,/%]*\d|\d/g) ?? []) {
    expect(quotes).toContain(figure);
  }
}

const citedDocs = (result: AskResult) => new Set(result.citations.map((citation) => citation.docId));

describe('who gets a BHYT card', () => {
  it.each([
    ['Những đối tượng nào được cấp thẻ bảo hiểm y tế theo kế hoạch của thành phố Lạng Sơn?', 'lang-son-thanh-pho-2024'],
    ['doi tuong nao duoc cap the bhyt o thanh pho lang son', 'lang-son-thanh-pho-2024'],
    ['Which groups receive a health insurance card in Huu Lung district?', 'huu-lung-2022'],
  ])('%s', async (question, docId) => {
    const result = await ask(question);
    expect(result.answered).toBe(true);
    expectGrounded(result);
    expect([...citedDocs(result)]).toEqual([docId]);
    expect(result.citations.some((citation) => /thẻ (BHYT|bảo hiểm y tế)/.test(citation.quote))).toBe(true);
  });

  it('answers per plan when no place is named', async () => {
    const result = await ask('Đối tượng nào được cấp thẻ BHYT?');
    expect(result.answered).toBe(true);
    expectGrounded(result);
    expect(citedDocs(result).size).toBeGreaterThan(1);
  });
});

describe('when the report is due', () => {
  it.each([
    ['Hạn gửi báo cáo kết quả thực hiện kế hoạch ở TP Lạng Sơn là ngày nào?', 'lang-son-thanh-pho-2024', '10/11'],
    ['han bao cao ket qua thuc hien ke hoach cua khanh hoa la khi nao', 'khanh-hoa-2618-2022', '15/12'],
    ['By what date must the annual report be sent in Khanh Hoa?', 'khanh-hoa-2618-2022', '15/12'],
  ])('%s', async (question, docId, date) => {
    const result = await ask(question);
    expect(result.answered).toBe(true);
    expectGrounded(result);
    expect(citedDocs(result).has(docId)).toBe(true);
    expect(result.answer).toContain(date);
  });

  it('gives each plan its own deadline when no place is named', async () => {
    const result = await ask('Các đơn vị phải gửi báo cáo kết quả thực hiện trước ngày nào?');
    expectGrounded(result);
    expect(result.answer).toContain('10/11');
    expect(result.answer).toContain('15/12');
  });

  it('answers English questions in English around the Vietnamese quote', async () => {
    const result = await ask('When is the report due in Lang Son city?');
    expect(result.answer).toMatch(/^According to|plan/);
    expect(result.answer).toContain('10/11');
  });
});

describe('follow-ups', () => {
  it('switches the place and keeps the topic', async () => {
    const first = 'Hạn gửi báo cáo ở TP Lạng Sơn là ngày nào?';
    const previous = await ask(first);
    const result = await ask('Còn Khánh Hòa thì sao?', { history: [{ role: 'user', content: first }, { role: 'assistant', content: previous.answer }] });
    expect(result.question).not.toBe('Còn Khánh Hòa thì sao?');
    expect(result.question).toMatch(/Khánh Hòa/);
    expect(result.answer).toContain('15/12');
    expect([...citedDocs(result)]).toEqual(['khanh-hoa-2618-2022']);
  });
});

describe('abstention', () => {
  it.each([
    'Hạn gửi báo cáo ở Đà Nẵng là ngày nào?',
    'Đội tuyển bóng đá Việt Nam thi đấu khi nào?',
    'Mức trợ cấp hàng tháng cho người cao tuổi ở Bến Tre là bao nhiêu đồng?',
    'What is the weather like in Hanoi tomorrow?',
  ])('%s', async (question) => {
    const result = await ask(question);
    expect(result.answered).toBe(false);
    expect(result.citations).toEqual([]);
    expect(result.answer.length).toBeGreaterThan(20);
  });

  it('says which places the collection covers when asked about another', async () => {
    const result = await ask('Kế hoạch chăm sóc người cao tuổi của Cần Thơ có mục tiêu gì?');
    expect(result.answered).toBe(false);
    expect(result.answer).toMatch(/Cần Thơ/);
    expect(result.answer).toMatch(/Khánh Hòa/);
  });
});

describe('signer and legal basis', () => {
  it('finds the signer in the signature block', async () => {
    const result = await ask('Ai là người ký kế hoạch của tỉnh Khánh Hòa?');
    expectGrounded(result);
    expect(result.answer).toContain('Đinh Văn Thiệu');
  });
  it('finds the decision a plan is based on in its legal-basis preamble', async () => {
    const result = await ask('Kế hoạch của Bến Tre được xây dựng căn cứ vào quyết định nào?');
    expectGrounded(result);
    expect(result.answer).toContain('1942/QĐ-TTg');
    expect((await pipeline.knowledge.chunk(result.citations[0].chunkId))!.kind).toBe('preamble');
  });
});
