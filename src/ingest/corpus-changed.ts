import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { SourceDocument } from '../types.js';
import { hashBytes, SUPPORTED_EXTENSIONS } from './load-document.js';

/**
 * Whether the documents in the corpus folder differ from the indexed ones (added, removed or edited), by the
 * sha256 of their bytes, the same hash ingest records. Cheap enough to run at every start.
 */
export async function corpusChanged(corpusDir: string, indexed: readonly SourceDocument[]): Promise<boolean> {
  const entries = await readdir(corpusDir, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.') && SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase()));
  if (files.length !== indexed.length) return true;
  const indexedHash = new Map(indexed.map((doc) => [doc.meta.sourceFile, doc.hash]));
  for (const file of files) {
    const hash = hashBytes(await readFile(join(corpusDir, file.name)));
    if (indexedHash.get(file.name) !== hash) return true;
  }
  return false;
}
