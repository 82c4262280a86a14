import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors.js';
import { ocrPdfPages } from './ocr-pdf.js';

// __fixtures__/scanned.pdf is an image-only page: a short HTML page (DejaVu Serif 12pt, 148×105 mm) printed to PDF
// by headless Debian chromium, rasterised with `pdftoppm -r 200 -gray -png`, and the PNG drawn as the only content
// of a pdf-lib page of the same size.
const scanned = fileURLToPath(new URL('./__fixtures__/scanned.pdf', import.meta.url));

/** Lower-case, without diacritics: OCR may miss a mark, the words should still be there. */
const fold = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('đ', 'd').replaceAll('Đ', 'D').toLowerCase();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocr-pdf-test-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(run: Promise<unknown>): Promise<AppError> {
  const error = await run.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('unreadable_document');
  expect((error as AppError).message).toContain('scanned.pdf');
  return error as AppError;
}

describe('ocrPdfPages', () => {
  it('reads Vietnamese text off a scanned page, NFC, reports progress and leaves no temp files', async () => {
    const temp = await mkdtemp(join(dir, 'tmp-'));
    vi.stubEnv('TMPDIR', temp);
    const progress: [number, number, number][] = []; // done, total, temp folders present
    const [text] = await ocrPdfPages(scanned, [1], {
      onOcrPage: (done, total) => {
        progress.push([done, total, readdirSync(temp).length]);
      },
    });
    expect(text.normalize('NFC')).toBe(text);
    expect(text).toMatch(/BẮC NINH|KẾ HOẠCH/u);
    for (const words of ['ủy ban nhân dân tỉnh bắc ninh', '12/kh-ubnd', 'kế hoạch', 'chăm sóc sức khỏe người cao tuổi năm 2025', '1. mục tiêu']) {
      expect(fold(text)).toContain(fold(words));
    }
    expect(progress).toEqual([[1, 1, 1]]);
    expect(await readdir(temp)).toEqual([]);
  });

  it('says which packages to install when a binary is missing', async () => {
    const install = /OCR needs tesseract-ocr, tesseract-ocr-vie and poppler-utils installed/u;
    const noTesseract = await failure(ocrPdfPages(scanned, [1], { tesseract: '/nonexistent/tesseract' }));
    expect(noTesseract.message).toMatch(install);
    expect(noTesseract.message).toContain('"/nonexistent/tesseract" was not found');
    expect((await failure(ocrPdfPages(scanned, [1], { pdftoppm: 'no-such-pdftoppm' }))).message).toMatch(install);
  });

  it('says so when Tesseract has no Vietnamese language data', async () => {
    vi.stubEnv('TESSDATA_PREFIX', dir);
    expect((await failure(ocrPdfPages(scanned, [1]))).message).toMatch(/tesseract-ocr-vie.*no Vietnamese language data/u);
  });

  it('gives up on a page that takes longer than the timeout', async () => {
    expect((await failure(ocrPdfPages(scanned, [1], { pageTimeoutMs: 1 }))).message).toMatch(/OCR of page 1 took longer than/u);
  });
});
