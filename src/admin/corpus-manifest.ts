import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { manifestEntrySchema } from '../ingest/load-corpus.js';
import { replaceDurably } from '../store/durable-files.js';

export const MANIFEST_FILE = 'manifest.json';

/** The fields the admin page corrects; the others (relations) are left to the manifest's editors. */
export const metadataOverridesSchema = manifestEntrySchema
  .pick({ title: true, type: true, number: true, issuedDate: true, effectiveDate: true, issuer: true, locality: true, level: true, province: true, signer: true, period: true })
  .extend({
    issuedDate: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/u, { message: 'must be YYYY-MM-DD or YYYY-MM' }).optional(),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, { message: 'must be YYYY-MM-DD' }).optional(),
  })
  .strict();
export type MetadataOverrides = z.infer<typeof metadataOverridesSchema>;
export const OVERRIDABLE_FIELDS = Object.keys(metadataOverridesSchema.shape) as (keyof MetadataOverrides)[];

/** The manifest as written: entries kept as they are (fields this version does not know included). */
interface RawManifest {
  documents: Record<string, unknown>[];
  [key: string]: unknown;
}

/** The corpus folder's manifest; none is an empty one. A broken one is refused: writing it would lose what it says. */
export async function readManifest(corpusDir: string): Promise<RawManifest> {
  let raw: string;
  try {
    raw = await readFile(join(corpusDir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { documents: [] };
    throw error;
  }
  try {
    const manifest = JSON.parse(raw) as RawManifest;
    z.object({ documents: z.array(manifestEntrySchema) }).parse(manifest);
    return manifest;
  } catch (error) {
    throw new AppError('unreadable_document', `Tệp ${MANIFEST_FILE} trong thư mục văn bản bị hỏng, cần sửa trước khi đổi thông tin văn bản. (${MANIFEST_FILE} is broken: ${(error as Error).message.slice(0, 300)})`, { cause: error });
  }
}

type RawEntry = Record<string, unknown>;

/**
 * Sets (or with undefined removes) the manifest entry of `sourceFile`, given as a value or as a function of the
 * entry there now, leaving every other entry as it was; returns the entry it replaced. The file is replaced
 * durably: a crash leaves the old manifest or the new one.
 */
export async function setManifestEntry(
  corpusDir: string,
  sourceFile: string,
  next: RawEntry | undefined | ((previous: RawEntry | undefined) => RawEntry | undefined),
): Promise<RawEntry | undefined> {
  const manifest = await readManifest(corpusDir);
  const index = manifest.documents.findIndex((document) => document.sourceFile === sourceFile);
  const previous = index >= 0 ? manifest.documents[index] : undefined;
  const entry = typeof next === 'function' ? next(previous) : next;
  if (entry) manifestEntrySchema.parse(entry);
  if (entry && index >= 0) manifest.documents[index] = entry;
  else if (entry) manifest.documents.push(entry);
  else if (index >= 0) manifest.documents.splice(index, 1);
  else return undefined;
  // A dot-file: the ingest ignores it should a crash leave it behind.
  const written = join(corpusDir, `.${MANIFEST_FILE}.${process.pid}.tmp`);
  await writeFile(written, `${JSON.stringify(manifest, null, 2)}\n`);
  replaceDurably(written, join(corpusDir, MANIFEST_FILE));
  return previous;
}
