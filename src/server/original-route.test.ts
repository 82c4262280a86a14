import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { DocumentMeta } from '../types.js';
import { createTestKnowledgeBase } from '../web/test-knowledge-base.js';
import { createOriginalRoute } from './original-route.js';

const meta = (id: string, sourceFile: string): DocumentMeta => ({ id, title: `Kế hoạch ${id}`, sourceFile });

describe('GET /api/documents/:docId/original', () => {
  let root: string;
  let app: Hono;
  const plan = 'Kế hoạch 8557/KH-UBND\n\nI. MỤC TIÊU\n';
  const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'original-route-'));
    const corpus = join(root, 'corpus');
    await mkdir(join(corpus, 'folder.txt'), { recursive: true });
    await writeFile(join(corpus, 'kế-hoạch bến tre.txt'), plan);
    await writeFile(join(corpus, 'scan.pdf'), pdf);
    await writeFile(join(corpus, 'notes.xyz'), 'x');
    await writeFile(join(root, 'secret.txt'), 'not a document');
    await symlink(join(root, 'secret.txt'), join(corpus, 'link.txt'));
    const knowledge = createTestKnowledgeBase(
      [
        meta('ben-tre', 'kế-hoạch bến tre.txt'),
        meta('scan', 'scan.pdf'),
        meta('odd', 'notes.xyz'),
        meta('gone', 'removed.txt'),
        meta('escape', '../secret.txt'),
        meta('absolute', join(root, 'secret.txt')),
        meta('link', 'link.txt'),
        meta('folder', 'folder.txt'),
      ].map((entry) => ({ meta: entry, text: 'x' })),
    );
    app = new Hono();
    app.route('/api', createOriginalRoute({ knowledge, corpusDir: corpus }));
    app.onError((error, c) =>
      error instanceof AppError ? c.json({ error: { code: error.code, message: error.message } }, error.status as ContentfulStatusCode) : c.json({ error: String(error) }, 500),
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('sends the original file as a download with its type, length and name', async () => {
    const response = await app.request('/api/documents/ben-tre/original');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(plan)));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="ke-hoach_ben_tre.txt"; filename*=UTF-8''${encodeURIComponent('kế-hoạch bến tre.txt')}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(plan);
  });

  it('sends a PDF byte for byte, and an unknown kind as plain bytes', async () => {
    const response = await app.request('/api/documents/scan/original');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await app.request('/api/documents/odd/original')).headers.get('content-type')).toBe('application/octet-stream');
  });

  it.each([
    ['an unknown document', 'nope'],
    ['a document whose file is gone', 'gone'],
    ['a source name climbing out of the corpus', 'escape'],
    ['an absolute source name', 'absolute'],
    ['a symlink leading out of the corpus', 'link'],
    ['a folder', 'folder'],
    ['a traversal in the id', '..%2F..%2Fsecret.txt'],
  ])('answers 404 for %s, never the file', async (_label, id) => {
    const response = await app.request(`/api/documents/${id}/original`);
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body).toMatchObject({ error: { code: 'not_found' } });
    expect(JSON.stringify(body)).not.toContain('not a document');
  });
});
