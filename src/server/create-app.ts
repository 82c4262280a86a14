import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AnswerArchive } from '../store/answer-archive.js';
import type { Pipeline } from '../pipeline.js';
import type { Answerer, DatabaseHealth, KnowledgeBase, Retriever } from '../types.js';
import { createWebRoutes } from '../web/create-web-routes.js';
import type { ReferencedCitation } from '../web/format-citation.js';
import { createAnswerRoutes } from './answer-routes.js';
import { createApiRoutes } from './api-routes.js';
import { createLearnRoutes } from './learn-routes.js';
import { bodyGuard } from './body-guard.js';
import { createOriginalRoute } from './original-route.js';
import { rateLimit } from './rate-limit.js';

export interface AppDeps {
  knowledge: KnowledgeBase;
  answerer: Answerer;
  retriever: Retriever;
  config: Config;
  logger: Logger;
  /** The language model writing answers (named in /healthz), or null/absent for extractive answers only. */
  llm?: Pipeline['llm'];
  /** Bot webhooks, mounted at /bots when given. */
  bots?: Hono;
  /** Administration of the collection (ADMIN_TOKEN set); without it /api/admin answers 404. */
  admin?: AdminMount;
  /** The store under the collection, reported by /healthz: a PostgreSQL database that cannot be reached makes it 503. */
  database?: () => Promise<DatabaseHealth>;
  /** Where every answer is kept for its link (the pipeline opens it beside the collection). */
  answers: AnswerArchive<ReferencedCitation>;
}

const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** What the server mounts for administration (src/admin implements it). */
export interface AdminMount {
  /** Where the routes are mounted. */
  path: string;
  /** In front of everything under the path, before any body is read (401/403 refuse it unread). */
  guard: MiddlewareHandler;
  routes: Hono;
  /** The route that takes uploads, and the body size it accepts; every other route keeps MAX_BODY_BYTES. */
  upload: { method: 'POST'; path: string; maxBytes: number };
}

export function createApp({ knowledge, answerer, retriever, config, logger, llm, bots, admin, database, answers }: AppDeps): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const entry = { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) };
    // Pages and assets are noise next to questions and bot calls.
    if (c.req.path.startsWith('/api') || c.req.path.startsWith('/bots')) logger.info(entry, 'request');
    else logger.debug(entry, 'request');
  });
  // Credentials first: an upload without them is refused before its body is read.
  if (admin) app.use(`${admin.path}/*`, admin.guard);
  const upload = admin?.upload;
  app.use('*', bodyGuard((c) => (upload && c.req.method === upload.method && c.req.path === upload.path ? upload.maxBytes : config.MAX_BODY_BYTES)));
  // After the body guard, so a refused request's body has been read and its keep-alive connection stays usable.
  // Asks and feedback share one budget per client; the webhooks get their own, since one sender carries every user.
  const perClient = rateLimit({ perMinute: config.RATE_LIMIT_PER_MINUTE, trustProxy: config.TRUST_PROXY });
  app.use('/api/ask', perClient);
  app.use('/api/feedback', perClient);
  app.use('/api/answers/:answerId/export.docx', perClient);
  app.use('/bots/*', rateLimit({ perMinute: config.WEBHOOK_RATE_LIMIT_PER_MINUTE, trustProxy: config.TRUST_PROXY }));

  app.get('/healthz', async (c) => {
    const store = await database?.();
    const summary = {
      documents: knowledge.catalogue().length,
      mode: retriever.mode,
      model: knowledge.embedding?.id ?? null,
      llm: llm ?? null,
      ...(store ? { database: store } : {}),
    };
    // A load balancer takes a server that cannot reach the collection's database out of rotation until it can.
    if (store && !store.reachable) return c.json({ status: 'unavailable', ...summary }, 503);
    return c.json({ status: 'ok', ...summary, chunks: await knowledge.stats.chunkCount() });
  });
  app.route('/api/answers', createAnswerRoutes({ answers, publicUrl: config.PUBLIC_URL, maxAgeDays: config.ANSWERS_MAX_AGE_DAYS }));
  app.route('/api', createOriginalRoute({ knowledge, corpusDir: config.CORPUS_DIR }));
  app.route('/api', createApiRoutes({ knowledge, answerer, retriever, logger, answers }));
  app.route('/api', createLearnRoutes({ knowledge }));
  if (bots) app.route('/bots', bots);
  if (admin) app.route(admin.path, admin.routes);
  app.route('/', createWebRoutes({ knowledge, config, logger, answers }));

  app.notFound((c) => c.json(errorBody('not_found', `Không có đường dẫn ${c.req.method} ${c.req.path}. (Not found.)`), 404));

  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error.status >= 500) logger.error({ err: error }, error.message);
      return c.json(errorBody(error.code, error.message), error.status as ContentfulStatusCode);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody('invalid_request', error.message || 'Yêu cầu không hợp lệ. (Bad request.)'), error.status);
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'Đã có lỗi phía máy chủ. Vui lòng thử lại sau. (Internal error.)'), 500);
  });

  return app;
}
