import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { makeDocx, makePdf } from './__fixtures__/make-documents.js';
import { loadDocumentText } from './load-document.js';

// An image-only page of Vietnamese text; ocr-pdf.test.ts says how it was made.
const scanned = fileURLToPath(new URL('./__fixtures__/scanned.pdf', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'load-document-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectUnreadable(file: string, reason: RegExp): Promise<void> {
  const error = await loadDocumentText(file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('unreadable_document');
  expect((error as AppError).message).toContain(file.split('/').at(-1));
  expect((error as AppError).message).toMatch(reason);
}

describe('loadDocumentText', () => {
  it('reads UTF-8 text without the BOM and hashes the bytes', async () => {
    const file = join(dir, 'ke-hoach.txt');
    const bytes = Buffer.from('\uFEFFKẾ HOẠCH\nThực hiện Quyết định số 1942/QĐ-TTg', 'utf8');
    await writeFile(file, bytes);
    const { text, hash } = await loadDocumentText(file);
    expect(text).toBe('KẾ HOẠCH\nThực hiện Quyết định số 1942/QĐ-TTg');
    expect(hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reads a Word document with Vietnamese text', async () => {
    const file = join(dir, 'ke-hoach.docx');
    await writeFile(file, await makeDocx(['KẾ HOẠCH', 'Nâng cao chất lượng chăm sóc sức khỏe người cao tuổi', 'I. MỤC TIÊU']));
    const { text, hash } = await loadDocumentText(file);
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Nâng cao chất lượng chăm sóc sức khỏe người cao tuổi');
    expect(text.indexOf('I. MỤC TIÊU')).toBeGreaterThan(text.indexOf('người cao tuổi'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('reads a PDF, pages joined by a blank line', async () => {
    const file = join(dir, 'plan.pdf');
    await writeFile(file, await makePdf([['KE HOACH', 'Page one text.'], ['Page two text.']]));
    const { text, ocr } = await loadDocumentText(file);
    expect(text).toContain('KE HOACH');
    expect(text).toMatch(/Page one text\.\n\nPage two text\./u);
    expect(ocr).toBe(false);
  });

  it('OCRs a scanned PDF', async () => {
    const { text, hash, ocr } = await loadDocumentText(scanned);
    expect(text).toMatch(/BẮC NINH|KẾ HOẠCH/u);
    expect(text).toContain('12/KH-UBND');
    expect(hash).toMatch(/^[0-9a-f]{64}$/u);
    expect(ocr).toBe(true);
  });

  it('OCRs only the pages of a PDF that have no text layer', async () => {
    const mixed = await PDFDocument.load(await makePdf([['Page one text.'], []]));
    const [scan] = await mixed.copyPages(await PDFDocument.load(await readFile(scanned)), [0]);
    mixed.insertPage(1, scan);
    const file = join(dir, 'mixed.pdf');
    await writeFile(file, await mixed.save());
    const progress: [number, number][] = [];
    const { text, ocr } = await loadDocumentText(file, { onOcrPage: (done, total) => progress.push([done, total]) });
    expect(text).toMatch(/^Page one text\.\n\n(.|\n)*(BẮC NINH|KẾ HOẠCH)/u);
    expect(ocr).toBe(true);
    expect(progress).toEqual([[1, 2], [2, 2]]);
  });

  it('says what to install when OCR is needed and a binary is missing', async () => {
    const error = await loadDocumentText(scanned, { tesseract: '/nonexistent/tesseract' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unreadable_document');
    expect((error as AppError).message).toMatch(/scanned\.pdf.*OCR needs tesseract-ocr, tesseract-ocr-vie and poppler-utils installed/u);
  });

  it('rejects empty, damaged and unsupported files with a reason naming the file', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    await expectUnreadable(join(dir, 'empty.txt'), /empty/u);
    await writeFile(join(dir, 'blank.txt'), ' \n\t\n');
    await expectUnreadable(join(dir, 'blank.txt'), /no text/u);
    await writeFile(join(dir, 'broken.docx'), 'this is not a zip archive');
    await expectUnreadable(join(dir, 'broken.docx'), /damaged/u);
    await writeFile(join(dir, 'broken.pdf'), '%PDF-1.7\nnot really a pdf');
    await expectUnreadable(join(dir, 'broken.pdf'), /damaged/u);
    await writeFile(join(dir, 'blank.pdf'), await makePdf([[]]));
    await expectUnreadable(join(dir, 'blank.pdf'), /no text/u);
    await writeFile(join(dir, 'sheet.xlsx'), 'x');
    await expectUnreadable(join(dir, 'sheet.xlsx'), /unsupported file type ".xlsx"/u);
    await expectUnreadable(join(dir, 'missing.txt'), /cannot be opened/u);
  });
});
