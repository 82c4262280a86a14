import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors.js';

const run = promisify(execFile);

export interface OcrOptions {
  /** Called after each OCR'd page with the pages done so far and the number to OCR. */
  onOcrPage?: (done: number, total: number) => void;
  /** Binaries to run, by name (looked up on PATH) or path; tests point them at missing files. */
  tesseract?: string;
  pdftoppm?: string;
  /** Bound on rendering one page and, separately, on reading it. */
  pageTimeoutMs?: number;
}

const installHint = 'OCR needs tesseract-ocr, tesseract-ocr-vie and poppler-utils installed (apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils)';
const resolution = 300;

/**
 * Reads the given pages (1-based) of a PDF by rendering each with pdftoppm and OCR'ing it with Tesseract's
 * Vietnamese model; returns their text, NFC, in the order asked. Pages go one at a time: Tesseract already uses
 * both cores of the machine on one page.
 */
export async function ocrPdfPages(pdfPath: string, pages: readonly number[], options: OcrOptions = {}): Promise<string[]> {
  const { onOcrPage, tesseract = 'tesseract', pdftoppm = 'pdftoppm', pageTimeoutMs = 120_000 } = options;
  const failure = (reason: string, cause?: unknown): AppError =>
    new AppError('unreadable_document', `Cannot read "${basename(pdfPath)}": ${reason}`, { cause });
  const attempt = async (binary: string, args: string[], page: number): Promise<string> => {
    try {
      return (await run(binary, args, { timeout: pageTimeoutMs, encoding: 'utf8' })).stdout;
    } catch (error) {
      const { code, killed, stderr } = error as NodeJS.ErrnoException & { killed?: boolean; stderr?: string };
      if (code === 'ENOENT') throw failure(`${installHint}; "${binary}" was not found`, error);
      if (stderr?.includes('Failed loading language')) throw failure(`${installHint}; Tesseract has no Vietnamese language data`, error);
      if (killed) throw failure(`OCR of page ${page} took longer than ${Math.round(pageTimeoutMs / 1000)} s`, error);
      throw failure(`OCR of page ${page} failed (${stderr?.trim().split('\n').at(-1) || (error as Error).message})`, error);
    }
  };

  const dir = await mkdtemp(join(tmpdir(), 'ocr-pdf-'));
  try {
    const texts: string[] = [];
    for (const page of pages) {
      // -singlefile names the image <prefix>.pgm (greyscale with -gray), whatever the page number.
      const prefix = join(dir, 'page');
      const n = String(page);
      await attempt(pdftoppm, ['-r', String(resolution), '-gray', '-f', n, '-l', n, '-singlefile', pdfPath, prefix], page);
      // --dpi tells Tesseract the real resolution instead of letting it guess (and warn) from the image.
      const text = await attempt(tesseract, [`${prefix}.pgm`, 'stdout', '-l', 'vie', '--dpi', String(resolution)], page);
      texts.push(text.normalize('NFC'));
      onOcrPage?.(texts.length, pages.length);
    }
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
