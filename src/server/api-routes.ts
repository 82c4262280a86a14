import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AnswerArchive } from '../store/answer-archive.js';
import { formatSection, type Answerer, type AskResult, type DocumentMeta, type KnowledgeBase, type Retriever } from '../types.js';
import { withReferences, type ReferencedCitation, type SharedAskResult } from '../web/format-citation.js';
import { readJsonBody } from '../http/read-json-body.js';
import { askRequestSchema, searchRequestSchema } from './request-schemas.js';
import { resolveFilter } from './resolve-filter.js';
import { answerEvents } from './answer-events.js';

export interface ApiDeps {
  knowledge: KnowledgeBase;
  answerer: Answerer;
  retriever: Retriever;
  logger: Logger;
  /** Every answer is kept here, so that its id can be shared. */
  answers: AnswerArchive<ReferencedCitation>;
}

/** What /api/ask returns: the answer, its citations in full form, and the id its link and export use. */

export function createApiRoutes({ knowledge, answerer, retriever, logger, answers }: ApiDeps): Hono {
  const api = new Hono();

  // The catalogue is cached by the store and replaced when documents change: index each version once.
  const indexes = new WeakMap<readonly DocumentMeta[], Map<string, DocumentMeta>>();
  const metaOf = (id: string): DocumentMeta | undefined => {
    const catalogue = knowledge.catalogue();
    let index = indexes.get(catalogue);
    if (!index) indexes.set(catalogue, (index = new Map(catalogue.map((meta) => [meta.id, meta]))));
    return index.get(id);
  };

  /** Keeps the answer under a new id; an archive that fails costs the link, never the answer. */
  const share = async (question: string, result: AskResult, citations: ReferencedCitation[]): Promise<string | undefined> => {
    try {
      return await answers.save({ question, standaloneQuestion: result.question, answer: result.answer, answered: result.answered, answeredBy: result.answeredBy, citations });
    } catch (error) {
      logger.error({ err: error }, 'keeping the answer for sharing failed');
      return undefined;
    }
  };

  const checkDocIds = (docIds: readonly string[] | undefined): void => {
    const unknown = (docIds ?? []).filter((id) => !metaOf(id));
    if (unknown.length > 0) {
      throw new AppError('unknown_document', `Không có tài liệu: ${unknown.join(', ')}. Xem danh sách tại /api/documents. (Unknown document id; see /api/documents.)`);
    }
  };

  api.post('/ask', async (c) => {
    const request = await readJsonBody(c, askRequestSchema);
    checkDocIds(request.docIds);
    const input = { question: request.question, history: request.history, topK: request.topK, docIds: resolveFilter(knowledge.catalogue(), request) };
    const shared = async (result: AskResult): Promise<SharedAskResult> => {
      const citations = withReferences(result.citations, metaOf);
      return { ...result, citations, answerId: await share(request.question, result, citations) };
    };
    const logAsk = (result: AskResult, stream: boolean): void =>
      logger.info({ question: request.question, answered: result.answered, answeredBy: result.answeredBy, fallbackReason: result.fallbackReason, ms: result.timings.totalMs, ...(stream ? { stream } : {}) }, 'ask');
    const wantsStream = (c.req.header('accept') ?? '').includes('text/event-stream');
    if (!wantsStream) {
      const result = await shared(await answerer.ask(input));
      logAsk(result, false);
      return c.json(result);
    }
    const response = streamSSE(c, async (stream) => {
      // A client that leaves stops the answer, and with it any model call.
      const left = new AbortController();
      stream.onAbort(() => left.abort());
      try {
        for await (const event of answerEvents(answerer, input, left.signal)) {
          if (event.type === 'citations') await stream.writeSSE({ event: 'citations', data: JSON.stringify(withReferences(event.citations, metaOf)) });
          else if (event.type === 'delta') await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: event.text }) });
          // The text shown so far is withdrawn: the client shows this instead.
          else if (event.type === 'replace') await stream.writeSSE({ event: 'replace', data: JSON.stringify({ text: event.text, reason: event.reason }) });
          else {
            const result = await shared(event.result);
            logAsk(result, true);
            await stream.writeSSE({ event: 'done', data: JSON.stringify(result) });
          }
        }
      } catch (error) {
        logger.error({ err: error }, 'ask stream failed');
        const code = error instanceof AppError ? error.code : 'internal';
        const message = error instanceof AppError ? error.message : 'Đã có lỗi khi trả lời. Vui lòng thử lại. (Something went wrong; please retry.)';
        await stream.writeSSE({ event: 'error', data: JSON.stringify({ code, message }) });
      }
    });
    // Named explicitly: clients that don't assume UTF-8 for event streams would garble Vietnamese.
    response.headers.set('Content-Type', 'text/event-stream; charset=utf-8');
    return response;
  });

  api.post('/search', async (c) => {
    const request = await readJsonBody(c, searchRequestSchema);
    checkDocIds(request.docIds);
    const started = performance.now();
    const hits = await retriever.search(request.query, { topK: request.topK ?? 10, docIds: resolveFilter(knowledge.catalogue(), request) });
    return c.json({
      query: request.query,
      mode: retriever.mode,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      results: hits.map(({ chunk, score }) => ({
        chunkId: chunk.id,
        docId: chunk.docId,
        docTitle: metaOf(chunk.docId)?.title ?? chunk.docId,
        section: formatSection(chunk.section),
        kind: chunk.kind,
        start: chunk.start,
        end: chunk.end,
        text: chunk.text,
        score,
      })),
    });
  });

  api.get('/documents', async (c) => {
    const metas = knowledge.catalogue();
    const counts = await Promise.all(metas.map((meta) => knowledge.stats.chunkCount(meta.id)));
    return c.json({ documents: metas.map((meta, i) => ({ ...meta, chunks: counts[i] })) });
  });

  api.get('/documents/:id', async (c) => {
    const doc = await knowledge.document(c.req.param('id'));
    if (!doc) throw new AppError('not_found', `Không tìm thấy tài liệu "${c.req.param('id')}". (Document not found.)`);
    const [chunks, outline] = await Promise.all([knowledge.stats.chunkCount(doc.meta.id), knowledge.outline(doc.meta.id)]);
    return c.json({ document: { ...doc.meta, chunks }, text: doc.text, outline });
  });

  return api;
}
