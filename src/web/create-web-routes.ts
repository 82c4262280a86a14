import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { jsx, type Child } from 'hono/jsx';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { AnswerArchive } from '../store/answer-archive.js';
import type { KnowledgeBase } from '../types.js';
import { matchKey } from '../lang/normalize.js';
import { AdminPage } from './admin-page.js';
import { buildGlossary, type GlossaryEntry } from './build-glossary.js';
import { bundleAssets, type AssetBundle } from './bundle-assets.js';
import { ChatPage } from './chat-page.js';
import { DocumentPage } from './document-page.js';
import { DocumentsPage } from './documents-page.js';
import { createFeedbackStore, feedbackSchema } from './feedback-store.js';
import type { ReferencedCitation } from './format-citation.js';
import { GlossaryPage } from './glossary-page.js';
import { Layout, type Section } from './layout.js';
import { LearnIndexPage } from './learn-index-page.js';
import { LearnPage } from './learn-page.js';
import { NotFoundPage } from './not-found-page.js';
import { SharedAnswerPage } from './shared-answer-page.js';

export interface WebDeps {
  knowledge: KnowledgeBase;
  config: Config;
  logger: Logger;
  /** Answers given by the API, shown at /a/:answerId to anyone with the link. */
  answers?: AnswerArchive<ReferencedCitation>;
}

// Pages load only same-origin scripts and styles: nothing from a document or a question can run.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const pageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cache-Control', 'no-cache');
};

/** The web pages (chat, document browser, glossary), their bundled assets, and the feedback endpoint. */
export function createWebRoutes({ knowledge, config, logger, answers }: WebDeps): Hono {
  const web = new Hono();
  const feedback = createFeedbackStore(config.DATA_DIR, { maxBytes: config.FEEDBACK_MAX_BYTES, files: config.FEEDBACK_FILES });

  // Bundle at startup so the first page is quick; a failure surfaces on the first request that needs the assets.
  const assets: Promise<AssetBundle> = bundleAssets();
  assets.catch((error: unknown) => logger.error({ err: error }, 'bundling the web assets failed'));

  let glossary: Promise<GlossaryEntry[]> | undefined;
  // Documents the glossary reads for one abbreviation, at most.
  const GLOSSARY_CANDIDATES = 200;
  const documentsUsing = async (abbreviation: string) => {
    const chunks = await knowledge.chunksWithWords([matchKey(abbreviation)], { limit: GLOSSARY_CANDIDATES });
    const documents = await Promise.all([...new Set(chunks.map((chunk) => chunk.docId))].map((id) => knowledge.document(id)));
    return documents.filter((doc) => doc !== undefined);
  };
  const glossaryEntries = (): Promise<GlossaryEntry[]> => {
    glossary ??= buildGlossary(documentsUsing, knowledge.lexical.abbreviations);
    // A failed build is tried again at the next request rather than kept.
    glossary.catch(() => (glossary = undefined));
    return glossary;
  };

  const render = async (c: Context, page: { title: string; active: Section; script?: 'chat' | 'document' | 'learn' | 'admin'; body: Child }, status: 200 | 404 = 200) => {
    const { urls } = await assets;
    const scripts = page.script ? [{ chat: urls.chatScript, document: urls.documentScript, learn: urls.learnScript, admin: urls.adminScript }[page.script]] : [];
    const node = jsx(Layout, { title: page.title, active: page.active, styles: urls.styles, scripts }, page.body);
    return c.html(html`<!DOCTYPE html>${node}`, status);
  };

  // Headers only on the page paths: middleware registered with '*' here would also run for routes mounted beside these.
  for (const path of ['/', '/docs', '/docs/:id', '/learn', '/learn/:id', '/glossary', '/a/:answerId', '/admin']) web.use(path, pageHeaders);

  web.get('/', (c) => render(c, { title: 'Hỏi đáp', active: 'chat', script: 'chat', body: jsx(ChatPage, { documents: knowledge.catalogue() }) }));

  web.get('/docs', async (c) => {
    const metas = knowledge.catalogue();
    const counts = await Promise.all(metas.map((meta) => knowledge.stats.chunkCount(meta.id)));
    return render(c, { title: 'Văn bản', active: 'docs', body: jsx(DocumentsPage, { documents: metas.map((meta, i) => ({ meta, chunks: counts[i] })) }) });
  });

  web.get('/docs/:id', async (c) => {
    const id = c.req.param('id');
    const doc = await knowledge.document(id);
    if (!doc) {
      return render(c, { title: 'Không tìm thấy', active: 'docs', body: jsx(NotFoundPage, { message: `Không có văn bản mang mã “${id}”.` }) }, 404);
    }
    return render(c, {
      title: doc.meta.locality ?? doc.meta.title,
      active: 'docs',
      script: 'document',
      body: jsx(DocumentPage, { doc, outline: await knowledge.outline(id), chunks: await knowledge.stats.chunkCount(id) }),
    });
  });

  if (answers) {
    web.get('/a/:answerId', async (c) => {
      // A shared answer is for the people it was sent to, not for search engines.
      c.header('X-Robots-Tag', 'noindex');
      const answer = await answers.get(c.req.param('answerId'));
      if (!answer) {
        const message = `Không tìm thấy câu trả lời này: liên kết sai, hoặc câu trả lời đã quá ${config.ANSWERS_MAX_AGE_DAYS} ngày lưu.`;
        return render(c, { title: 'Không tìm thấy', active: 'chat', body: jsx(NotFoundPage, { message }) }, 404);
      }
      return render(c, { title: 'Câu trả lời được chia sẻ', active: 'chat', body: jsx(SharedAnswerPage, { answer }) });
    });
  }

  // The learning pages: the script fills them from the learning API.
  web.get('/learn', (c) =>
    render(c, { title: 'Tự học', active: 'learn', script: 'learn', body: jsx(LearnIndexPage, { catalogue: knowledge.catalogue(), query: (c.req.query('q') ?? '').slice(0, 100) }) }),
  );
  web.get('/learn/:id', (c) => {
    const meta = knowledge.catalogue().find((entry) => entry.id === c.req.param('id'));
    if (!meta) return render(c, { title: 'Không tìm thấy', active: 'learn', body: jsx(NotFoundPage, { message: `Không có văn bản mang mã “${c.req.param('id')}”.` }) }, 404);
    return render(c, { title: `Tự học: ${meta.locality ?? meta.title}`, active: 'learn', script: 'learn', body: jsx(LearnPage, { meta }) });
  });

  web.get('/glossary', async (c) =>
    render(c, {
      title: 'Thuật ngữ',
      active: 'glossary',
      body: jsx(GlossaryPage, { entries: await glossaryEntries(), documents: new Map(knowledge.catalogue().map((meta) => [meta.id, meta])) }),
    }),
  );

  // Administration exists only with ADMIN_TOKEN set; the script logs in and fills the page from /api/admin.
  if (config.ADMIN_TOKEN) {
    web.get('/admin', (c) => {
      c.header('X-Robots-Tag', 'noindex');
      return render(c, { title: 'Quản trị', active: 'none', script: 'admin', body: jsx(AdminPage, {}) });
    });
  }

  web.get('/assets/:name', async (c) => {
    const asset = (await assets).files.get(c.req.param('name'));
    if (!asset) return c.text('Không tìm thấy tệp.', 404);
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': asset.contentType,
      // File names carry a content hash, so a cached copy is never stale.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  web.post('/api/feedback', async (c) => {
    const entry = await readJsonBody(c, feedbackSchema);
    feedback.append(entry);
    logger.info({ rating: entry.rating }, 'feedback');
    return c.json({ ok: true }, 201);
  });

  return web;
}
