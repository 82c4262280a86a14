import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { isAppError } from '../errors.js';
import type { DocumentMeta, SourceDocument } from '../types.js';
import { extractMetadata } from '../structure/extract-metadata.js';
import { DOCUMENT_TYPES, type DocumentType } from '../structure/grammar.js';
import { loadDocumentText } from './load-document.js';

export interface CorpusFailure {
  file: string;
  reason: string;
}

const MANIFEST = 'manifest.json';
/** Notes and the manifest live next to the documents; they are not documents. */
const IGNORED_EXTENSIONS = ['.json', '.md'];

const manifestSchema = z.object({
  documents: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      number: z.string().optional(),
      issuer: z.string().optional(),
      locality: z.string().optional(),
      type: z.enum(DOCUMENT_TYPES.map((entry) => entry.type) as [DocumentType, ...DocumentType[]]).optional(),
      level: z.enum(['quốc gia', 'tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường']).optional(),
      province: z.string().optional(),
      issuedDate: z.string().optional(),
      signer: z.string().optional(),
      period: z.string().optional(),
      effectiveDate: z.string().optional(),
      relations: z.array(z.object({ kind: z.enum(['căn cứ', 'thực hiện', 'thay thế', 'bãi bỏ', 'sửa đổi, bổ sung']), number: z.string() })).optional(),
      sourceFile: z.string().min(1),
    }),
  ),
});

/** Manifest entries by file name; a missing manifest is fine, a broken one is reported and ignored. */
async function readManifest(dir: string, failures: CorpusFailure[]): Promise<Map<string, DocumentMeta>> {
  let raw: string;
  try {
    raw = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return new Map();
  }
  try {
    const parsed = manifestSchema.parse(JSON.parse(raw));
    return new Map(parsed.documents.map((entry) => [entry.sourceFile, entry]));
  } catch (error) {
    const detail = error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : (error as Error).message;
    failures.push({ file: MANIFEST, reason: `manifest ignored, metadata taken from the documents instead (${detail})` });
    return new Map();
  }
}

/** Loads every .txt/.docx/.pdf in `dir`; files that cannot be read are reported in `failures` and skipped. */
export async function loadCorpus(dir: string): Promise<{ documents: SourceDocument[]; failures: CorpusFailure[] }> {
  const failures: CorpusFailure[] = [];
  const manifest = await readManifest(dir, failures);
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !IGNORED_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort();

  const loaded = await Promise.all(
    files.map(async (file) => {
      try {
        const { text, hash, ocr } = await loadDocumentText(join(dir, file));
        return { file, text, hash, ocr };
      } catch (error) {
        failures.push({ file, reason: isAppError(error) ? error.message : `Cannot read "${file}": ${(error as Error).message}` });
        return undefined;
      }
    }),
  );

  const usedIds = new Set<string>();
  const documents: SourceDocument[] = [];
  for (const item of loaded) {
    if (!item) continue;
    // What the text states, corrected by the manifest entry where there is one: the manifest always wins.
    const meta: DocumentMeta = { ...extractMetadata(item.text, item.file), ...manifest.get(item.file), ...(item.ocr ? { ocr: true } : {}), sourceFile: item.file };
    let id = meta.id;
    for (let n = 2; usedIds.has(id); n += 1) id = `${meta.id}-${n}`;
    usedIds.add(id);
    documents.push({ meta: { ...meta, id }, text: item.text, hash: item.hash });
  }
  documents.sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  failures.sort((a, b) => a.file.localeCompare(b.file));
  return { documents, failures };
}
