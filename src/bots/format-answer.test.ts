import { describe, expect, it } from 'vitest';
import { describeIssue, packMessages, passageLink, shorten, splitBlock, viewCitation } from './format-answer.js';
import { parsePassageHash } from '../web/passage-link.js';
import { citation, DOCUMENTS } from './test-support.js';

describe('shorten', () => {
  it('collapses whitespace and leaves short text alone', () => {
    expect(shorten('  Cấp thẻ\n  BHYT  ', 200)).toBe('Cấp thẻ BHYT');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const quote = 'Hỗ trợ kinh phí mua thẻ bảo hiểm y tế cho người cao tuổi, '.repeat(10);
    const short = shorten(quote, 200);
    expect(short.length).toBeLessThanOrEqual(200);
    expect(short.endsWith('…')).toBe(true);
    expect(quote.startsWith(short.slice(0, -1))).toBe(true);
    expect(quote[short.length - 1]).toMatch(/[ ,]/);
  });
});

describe('citation views', () => {
  it('names the cited document in the full form the web uses, then the headings over the quote', () => {
    expect(viewCitation(citation(1), DOCUMENTS)).toMatchObject({
      source: 'Kế hoạch số 8557/KH-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh Bến Tre, mục III › 2',
      section: 'III. NHIỆM VỤ › 2. Chăm sóc sức khỏe',
    });
    // Without a label the full form ends with the section path, which is then not repeated.
    expect(viewCitation(citation(1, { label: undefined }), DOCUMENTS)).toMatchObject({
      source: 'Kế hoạch số 8557/KH-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh Bến Tre, III. NHIỆM VỤ › 2. Chăm sóc sức khỏe',
      section: '',
    });
  });

  it('describes a plan by number and date, naming the month when the day is blank', () => {
    expect(describeIssue(DOCUMENTS[0])).toBe('Số 8557/KH-UBND, ngày 24/12/2021');
    expect(describeIssue(DOCUMENTS[1])).toBe('tháng 03/2024');
    expect(describeIssue({ ...DOCUMENTS[1], issuedDate: '2024' })).toBe('năm 2024');
    expect(describeIssue({ ...DOCUMENTS[1], issuedDate: undefined })).toBeUndefined();
  });

  it('links to the passage in the web document view, in the fragment the document page reads', () => {
    const link = passageLink('https://x.gov.vn/', { docId: 'ben-tre-8557-2021', start: 10, end: 42 });
    expect(link).toBe('https://x.gov.vn/docs/ben-tre-8557-2021#q-10-42');
    // The page highlights what parsePassageHash reads from location.hash (src/web/client/document.ts).
    expect(parsePassageHash(new URL(link).hash)).toEqual({ start: 10, end: 42 });
    expect(new URL(passageLink('https://x.gov.vn/hoidap', { docId: 'kế hoạch/1', start: 0, end: 5 })).pathname).toBe('/hoidap/docs/k%E1%BA%BF%20ho%E1%BA%A1ch%2F1');
  });

  it('falls back to the name the answer gave for a document not in the list, and omits the link without PUBLIC_URL', () => {
    const view = viewCitation(citation(2, { docId: 'unknown', docName: 'Kế hoạch 12/KH-UBND ngày 1/2/2023 của Ủy ban nhân dân huyện X' }), DOCUMENTS);
    expect(view).toMatchObject({ n: 2, source: 'Kế hoạch 12/KH-UBND ngày 1/2/2023 của Ủy ban nhân dân huyện X, mục III › 2', link: undefined });
  });
});

describe('packMessages', () => {
  it('puts whole blocks together up to the limit and never splits a block that fits', () => {
    const blocks = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)];
    expect(packMessages(blocks, 100)).toEqual([`${'a'.repeat(40)}\n\n${'b'.repeat(40)}`, 'c'.repeat(40)]);
  });

  it('cuts an over-long block at paragraph, then line, then word boundaries', () => {
    const text = `${'một hai ba '.repeat(8).trim()}\n\n${'bốn năm sáu '.repeat(8).trim()}`;
    expect(splitBlock(text, 100)).toEqual(['một hai ba '.repeat(8).trim(), 'bốn năm sáu '.repeat(8).trim()]);
    const words = 'chữ '.repeat(60).trim();
    const pieces = splitBlock(words, 50);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(50);
      expect(piece).toMatch(/^chữ( chữ)*$/);
    }
    expect(pieces.join(' ')).toBe(words);
  });

  it('does not cut an HTML entity in half when a word is longer than a message', () => {
    const pieces = splitBlock(`${'x'.repeat(95)}&amp;${'y'.repeat(20)}`, 98);
    expect(pieces[0]).toBe('x'.repeat(95));
    expect(pieces[1].startsWith('&amp;')).toBe(true);
  });
});
