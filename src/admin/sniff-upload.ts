import { AppError } from '../errors.js';

/** The kinds of file the corpus reads, by the extension the ingest dispatches on (Markdown is read as text). */
export type UploadExtension = '.pdf' | '.docx' | '.txt';

const PDF_MAGIC = Buffer.from('%PDF-');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

const unsupported = (what: string): AppError =>
  new AppError('unsupported_media_type', `${what} Chỉ nhận tệp PDF, Word (.docx) hoặc văn bản UTF-8 (.txt, .md). (Only PDF, .docx or UTF-8 text files.)`);

/** The names in a zip archive's central directory, or null when it has none readable (not a zip, or cut short). */
function zipEntryNames(bytes: Buffer): string[] | null {
  // The end-of-directory record is the last 22 bytes, followed by a comment of at most 65,535 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) !== END_OF_DIRECTORY) continue;
    const count = bytes.readUInt16LE(at + 10);
    let offset = bytes.readUInt32LE(at + 16);
    const names: string[] = [];
    for (let n = 0; n < count; n += 1) {
      if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) return null;
      const nameLength = bytes.readUInt16LE(offset + 28);
      names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
    }
    return names;
  }
  return null;
}

/** Control characters plain text does not hold (tab, line breaks and form feed are fine). */
const BINARY = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F]/u;

/**
 * What an upload is, read from its bytes and never from its name: `%PDF-` opens a PDF; a zip holding
 * `word/document.xml` is a Word document; valid UTF-8 without binary control characters is text (Markdown
 * included). Anything else is refused (415), saying what it looks like when that helps (old .doc, other zips).
 */
export function sniffUpload(bytes: Buffer): UploadExtension {
  if (bytes.length === 0) throw new AppError('invalid_request', 'Tệp tải lên rỗng. (The file is empty.)');
  if (bytes.subarray(0, 5).equals(PDF_MAGIC)) return '.pdf';
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (zipEntryNames(bytes)?.includes('word/document.xml')) return '.docx';
    throw unsupported('Tệp là một tệp nén (zip) nhưng không phải văn bản Word .docx (có thể là Excel, PowerPoint hoặc tệp hỏng).');
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw unsupported('Tệp Word 97-2003 (.doc) chưa được hỗ trợ: hãy lưu lại dưới dạng .docx.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unsupported('Tệp không phải PDF, Word .docx hay văn bản UTF-8 (có thể là ảnh, tệp nén hoặc văn bản mã TCVN3/VNI).');
  }
  if (BINARY.test(text)) throw unsupported('Tệp chứa dữ liệu nhị phân, không phải văn bản thuần.');
  if (text.replace(/^\uFEFF/u, '').trim() === '') throw new AppError('invalid_request', 'Tệp văn bản không có chữ nào. (The text file is blank.)');
  return '.txt';
}
