import { describe, expect, it } from 'vitest';
import { askResult, citation, DOCUMENTS } from '../test-support.js';
import { escapeHtml, formatCitationMessage, formatTelegramAnswer, TELEGRAM_MESSAGE_LIMIT } from './format-telegram.js';

const options = { documents: DOCUMENTS, publicUrl: 'https://x.gov.vn' };

describe('formatTelegramAnswer', () => {
  it('escapes &, <, > and quotes', () => {
    expect(escapeHtml('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; &quot;d&quot;');
  });

  it('keeps a long answer apart from its citations so paging edits only the citation message', () => {
    const answer = 'Nội dung dài của câu trả lời. '.repeat(150);
    const result = askResult({ answer, citations: Array.from({ length: 5 }, (_, i) => citation(i + 1)) });
    const reply = formatTelegramAnswer(result, options);
    expect(reply.pages).toBe(2);
    expect(reply.answerInLast).toBe(false);
    expect(reply.texts).toHaveLength(3);
    for (const text of reply.texts) expect(text.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(reply.texts[2]).toMatch(/^<b>Nguồn trích dẫn \(1–3\/5\):<\/b>/);
    const secondPage = formatCitationMessage(result, 1, reply.answerInLast, options);
    expect(secondPage).toMatch(/^<b>Nguồn trích dẫn \(4–5\/5\):<\/b>/);
    expect(secondPage).toContain('#q-500-560');
  });

  it('shortens quotes to about 200 characters', () => {
    const result = askResult({ citations: [citation(1, { quote: 'Đoạn văn rất dài. '.repeat(40) })] });
    const [text] = formatTelegramAnswer(result, options).texts;
    const quote = /<i>“(.*)”<\/i>/.exec(text)![1];
    expect(quote.length).toBeLessThanOrEqual(200);
    expect(quote.endsWith('…')).toBe(true);
  });
});
