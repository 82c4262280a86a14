import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppError } from '../errors.js';
import { docxToText } from './docx-to-text.js';
import { ocrPdfPages, type OcrOptions } from './ocr-pdf.js';

/** File extensions the loader understands (lower-case, with the dot). */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.docx', '.pdf'];

const unreadable = (filePath: string, reason: string, cause?: unknown): AppError =>
  new AppError('unreadable_document', `Cannot read "${basename(filePath)}": ${reason}`, { cause });

// A page whose text layer has no letter at all (none, or only stray marks) is taken to be a scan.
const hasTextLayer = (page: string): boolean => /\p{L}/u.test(page);

async function pdfText(filePath: string, bytes: Buffer, options: OcrOptions): Promise<{ text: string; ocr: boolean }> {
  let pages: string[];
  try {
    // pdf.js takes ownership of (and detaches) the buffer it is given, so hand it a copy; verbosity 0 keeps its
    // warnings about damaged files off the console (the error says what happened).
    // pdf.js is large: loaded with the first PDF, not with every process that might read one.
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
    await pdf.destroy();
  } catch (error) {
    throw unreadable(filePath, 'the PDF file is damaged or encrypted', error);
  }
  const scanned = pages.flatMap((page, i) => (hasTextLayer(page) ? [] : [i + 1]));
  if (scanned.length > 0) {
    const read = await ocrPdfPages(filePath, scanned, options);
    scanned.forEach((page, i) => (pages[page - 1] = read[i]));
  }
  const text = pages.map((page) => page.trim()).filter((page) => page !== '').join('\n\n');
  return { text, ocr: scanned.length > 0 };
}

async function textOf(filePath: string, extension: string, bytes: Buffer, options: OcrOptions): Promise<{ text: string; ocr: boolean }> {
  if (extension === '.txt') {
    return { text: bytes.toString('utf8').replace(/^\uFEFF/, ''), ocr: false };
  }
  if (extension === '.docx') {
    try {
      return { text: await docxToText(bytes), ocr: false };
    } catch (error) {
      throw unreadable(filePath, 'the Word file is damaged or is not a .docx document', error);
    }
  }
  return pdfText(filePath, bytes, options);
}

/** The content hash ingest records for a document file: sha256 of its bytes, hex. */
export const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads a .txt, .docx or .pdf file as text; `hash` is the sha256 of the file's bytes (for re-ingest). PDF pages
 * without a text layer are OCR'd (`ocr` is then true) and their OCR text is the document's text.
 */
export async function loadDocumentText(
  filePath: string,
  options: OcrOptions = {},
): Promise<{ text: string; hash: string; ocr: boolean }> {
  const extension = extname(filePath).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(extension)) {
    throw unreadable(filePath, `unsupported file type "${extension || '(none)'}"; use .txt, .docx or .pdf`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    throw unreadable(filePath, `the file cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`, error);
  }
  if (bytes.length === 0) throw unreadable(filePath, 'the file is empty');
  const { text, ocr } = await textOf(filePath, extension, bytes, options);
  if (text.trim() === '') throw unreadable(filePath, ocr ? 'the file contains no text, not even by OCR' : 'the file contains no text');
  return { text, hash: hashBytes(bytes), ocr };
}
