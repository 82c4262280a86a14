import { describe, expect, it } from 'vitest';
import { requestedPage } from '../bot-texts.js';
import { DOCUMENTS, manyDocuments } from '../test-support.js';
import { formatZaloDocumentList, ZALO_MESSAGE_LIMIT } from './format-zalo.js';

const numbers = (text: string) => [...text.matchAll(/^(\d+)\. /gm)].map((match) => Number(match[1]));

describe('formatZaloDocumentList', () => {
  it('pages through 350 plans, one message each, ending with the command for the next page', () => {
    const documents = manyDocuments(350);
    const first = formatZaloDocumentList(documents);
    expect(first).toMatch(/^Các kế hoạch đang có \(350\) — trang 1\/59:/);
    expect(first.endsWith('Gõ “/tailieu 2” để xem trang sau.')).toBe(true);

    const seen: number[] = [];
    for (let page = 1; page <= 59; page += 1) {
      const text = formatZaloDocumentList(documents, page);
      expect(text.length).toBeLessThanOrEqual(ZALO_MESSAGE_LIMIT);
      seen.push(...numbers(text));
    }
    expect(seen).toEqual(Array.from({ length: 350 }, (_, i) => i + 1));

    expect(formatZaloDocumentList(documents, 7).endsWith('Gõ “/tailieu 8” để xem trang sau, “/tailieu 6” để xem trang trước.')).toBe(true);
    const last = formatZaloDocumentList(documents, 59);
    expect(last.endsWith('Gõ “/tailieu 58” để xem trang trước.')).toBe(true);
    expect(formatZaloDocumentList(documents, 400)).toBe(last);
  });

  it('lists a short collection on one page without a hint', () => {
    const text = formatZaloDocumentList(DOCUMENTS);
    expect(text).toMatch(/^Các kế hoạch đang có \(2\):\n\n1\. /);
    expect(text).not.toContain('/tailieu');
    expect(formatZaloDocumentList([])).toBe('Chưa có kế hoạch nào được nạp.');
  });
});

describe('requestedPage', () => {
  it.each([
    ['', 1],
    ['3', 3],
    [' trang 12', 12],
    ['Trang12', 12],
    ['0', 0],
    ['abc', 1],
    ['3abc', 1],
    ['-2', 1],
  ])('reads %j as page %d', (argument, page) => {
    expect(requestedPage(argument)).toBe(page);
  });
});
