import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../errors.js';

/** File extensions the loader understands (lower-case, with the dot). */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.docx', '.pdf'];

const unreadable = (filePath: string, reason: string, cause?: unknown): AppError =>
  new AppError('unreadable_document', `Cannot read "${basename(filePath)}": ${reason}`, { cause });

async function textOf(filePath: string, extension: string, bytes: Buffer): Promise<string> {
  if (extension === '.txt') {
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  }
  if (extension === '.docx') {
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (error) {
      throw unreadable(filePath, 'the Word file is damaged or is not a .docx document', error);
    }
  }
  try {
    // pdf.js takes ownership of (and detaches) the buffer it is given, so hand it a copy; verbosity 0 keeps its
    // warnings about damaged files off the console (the error says what happened).
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    const { text } = await extractText(pdf, { mergePages: false });
    await pdf.destroy();
    return text.map((page) => page.trim()).filter((page) => page !== '').join('\n\n');
  } catch (error) {
    throw unreadable(filePath, 'the PDF file is damaged or encrypted', error);
  }
}

/** The content hash ingest records for a document file: sha256 of its bytes, hex. */
export const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads a .txt, .docx or .pdf file as text; `hash` is the sha256 of the file's bytes (for re-ingest). */
export async function loadDocumentText(filePath: string): Promise<{ text: string; hash: string }> {
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
  const text = await textOf(filePath, extension, bytes);
  if (text.trim() === '') throw unreadable(filePath, 'the file contains no text (a scanned PDF needs OCR first)');
  return { text, hash: hashBytes(bytes) };
}
