import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { AppError } from '../errors.js';
import type { KnowledgeBase } from '../types.js';

export interface OriginalRouteDeps {
  knowledge: Pick<KnowledgeBase, 'catalogue'>;
  /** The folder the documents were read from (CORPUS_DIR). */
  corpusDir: string;
}

// The formats the corpus reads; anything else is offered as bytes, never rendered.
const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** `attachment` with an ASCII fallback name and the real (Vietnamese) name in RFC 5987 form. */
function attachment(name: string): string {
  const fallback = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The file inside `root` a stored source name points to, or null when it is missing or lies outside (`..`, a symlink out). */
async function fileInside(root: string, sourceFile: string): Promise<string | null> {
  try {
    const realRoot = await realpath(root);
    const file = await realpath(join(realRoot, sourceFile));
    if (!file.startsWith(realRoot + sep)) return null;
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** GET /documents/:docId/original: the file a document was read from, as a download. */
export function createOriginalRoute({ knowledge, corpusDir }: OriginalRouteDeps): Hono {
  const routes = new Hono();
  routes.get('/documents/:docId/original', async (c) => {
    const docId = c.req.param('docId');
    const meta = knowledge.catalogue().find((entry) => entry.id === docId);
    const file = meta ? await fileInside(corpusDir, meta.sourceFile) : null;
    if (!meta || !file) {
      throw new AppError('not_found', `Không có tệp gốc của tài liệu "${docId}". (Original file not found.)`);
    }
    const { size } = await stat(file);
    const name = basename(meta.sourceFile);
    return c.body(Readable.toWeb(createReadStream(file)) as ReadableStream, 200, {
      'Content-Type': CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Content-Disposition': attachment(name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
  });
  return routes;
}
