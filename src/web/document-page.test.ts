import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, OutlineEntry } from '../types.js';
import { DocumentPage } from './document-page.js';

const meta: DocumentMeta = { id: 'ben-tre-8557-2021', title: 'Kế hoạch 8557/KH-UBND', number: '8557/KH-UBND', sourceFile: 'ben-tre-8557-2021.txt' };
const text = 'KẾ HOẠCH\n\nI. MỤC TIÊU\nNội dung & <mục tiêu>.\n\n[...]\n\nII. NHIỆM VỤ\nHết.\n';
const outline: OutlineEntry[] = [
  { title: 'I. MỤC TIÊU', depth: 0, start: text.indexOf('I.'), end: text.indexOf('II.') },
  { title: 'II. NHIỆM VỤ', depth: 0, start: text.indexOf('II.'), end: text.length },
];

const render = (doc: { meta: DocumentMeta; text: string }) => String(jsx(DocumentPage, { doc: { ...doc, hash: 'h' }, outline, chunks: 3 }));
/** The article's text as the browser sees it: tags dropped, entities read. */
const articleText = (html: string) =>
  /<article[^>]*>([\s\S]*)<\/article>/
    .exec(html)![1]
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('DocumentPage', () => {
  it('says an excerpt is one, and anchors its omission mark without changing the text the quote offsets count', () => {
    const html = render({ meta, text });
    expect(html).toContain('id="excerpt-note"');
    expect(html).toContain('Đây là bản trích, không phải toàn văn.');
    expect(html).toContain('<a href="#luoc-1">đến chỗ lược bỏ</a>');
    expect(html).toContain('<span id="luoc-1" class="omission" role="note" aria-label="Phần bị lược bỏ" title="Phần bị lược bỏ">[...]</span>');
    expect(html).toContain('aria-label="Văn bản (bản trích)"');
    expect(articleText(html)).toBe(text);
  });

  it('says nothing of the kind for a whole document that was not scanned', () => {
    const whole = text.replace('[...]\n\n', '');
    const html = render({ meta, text: whole });
    expect(html).not.toContain('excerpt-note');
    expect(html).not.toContain('ocr-note');
    expect(html).toContain('aria-label="Toàn văn kế hoạch"');
    expect(articleText(html)).toBe(whole);
  });

  it('notes OCR text and points to the original to check it against', () => {
    const html = render({ meta: { ...meta, ocr: true, sourceFile: 'scan.pdf' }, text: 'Văn bản quét.' });
    expect(html).toContain('id="ocr-note"');
    expect(html).toContain('Văn bản được nhận dạng chữ (OCR) từ bản quét.');
    expect(html).toContain('<a href="/api/documents/ben-tre-8557-2021/original">bản gốc</a>');
    expect(html).toContain('Bản quét, đã nhận dạng chữ (OCR)');
  });

  it('offers the original file for download, named by its kind', () => {
    expect(render({ meta, text })).toMatch(/<a id="download-original" class="button button-secondary" href="\/api\/documents\/ben-tre-8557-2021\/original" download="">Tải văn bản gốc \(TXT\)<\/a>/);
    expect(render({ meta: { ...meta, id: 'a b/c', sourceFile: 'x.docx' }, text })).toContain('href="/api/documents/a%20b%2Fc/original" download="">Tải văn bản gốc (DOCX)');
  });
});
