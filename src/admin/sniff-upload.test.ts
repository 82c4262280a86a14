import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { makeDocx, makePdf } from '../ingest/__fixtures__/make-documents.js';
import { sniffUpload } from './sniff-upload.js';

const refusal = (bytes: Buffer): AppError => {
  try {
    sniffUpload(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('accepted');
};

describe('sniffUpload', () => {
  it('reads the type from the content: PDF, Word, UTF-8 text and Markdown', async () => {
    expect(sniffUpload(Buffer.from(await makePdf([['KE HOACH']])))).toBe('.pdf');
    expect(sniffUpload(await readFile(new URL('../ingest/__fixtures__/scanned.pdf', import.meta.url)))).toBe('.pdf');
    expect(sniffUpload(await makeDocx(['KẾ HOẠCH', 'Thực hiện năm 2024']))).toBe('.docx');
    expect(sniffUpload(Buffer.from('\uFEFFKẾ HOẠCH\r\nThực hiện năm 2024\f\n'))).toBe('.txt');
    expect(sniffUpload(Buffer.from('# Kế hoạch\n\n| Chỉ tiêu | 2025 |\n|---|---|\n'))).toBe('.txt');
  });

  it('refuses what the corpus cannot read, saying what it looks like', () => {
    const zip = refusal(Buffer.from('504b0304140000000000', 'hex'));
    expect(zip.status).toBe(415);
    expect(zip.message).toMatch(/zip.*không phải văn bản Word/u);
    expect(refusal(Buffer.from('d0cf11e0a1b11ae1000000', 'hex')).message).toMatch(/\.doc\)/u);
    // An image, and text in a legacy Vietnamese encoding (not UTF-8).
    expect(refusal(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')).status).toBe(415);
    expect(refusal(Buffer.from([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68])).message).toMatch(/UTF-8/u);
    expect(refusal(Buffer.from('KẾ HOẠCH\u0000\u0001\u0002')).status).toBe(415);
    expect(refusal(Buffer.alloc(0)).status).toBe(400);
    expect(refusal(Buffer.from(' \n\t\n')).status).toBe(400);
  });

  it('does not take a PDF named .docx, or a zip named .docx, for what its name says', async () => {
    expect(sniffUpload(Buffer.from(await makePdf([['X']])))).toBe('.pdf');
    // A well-formed zip whose directory has no word/document.xml (renamed in place, same length).
    const docx = await makeDocx(['x']);
    const renamed = Buffer.from(docx.toString('latin1').replaceAll('word/document.xml', 'word/documenx.xml'), 'latin1');
    expect(refusal(renamed).message).toMatch(/zip.*không phải văn bản Word/u);
  });
});
