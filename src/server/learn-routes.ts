import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { createLearning } from '../learn/create-learning.js';
import type { KnowledgeBase } from '../types.js';
import { citationReference } from '../web/format-citation.js';

export interface LearnDeps {
  knowledge: KnowledgeBase;
}

/** A whole number in a query string, within bounds; the message names the parameter in Vietnamese and English. */
const wholeNumber = (name: string, min: number, max: number) => {
  const message = `Tham số ${name} phải là số nguyên từ ${min} đến ${max}. (${name} must be a whole number from ${min} to ${max}.)`;
  return z
    .string()
    .regex(/^\d{1,7}$/u, { message })
    .transform(Number)
    .pipe(z.number().min(min, { message }).max(max, { message }));
};
const docId = z
  .string()
  .trim()
  .min(1, { message: 'Tham số docId không được để trống. (docId must not be empty.)' })
  .max(200, { message: 'Tham số docId dài quá 200 ký tự. (docId is longer than 200 characters.)' });

const deadlinesQuery = z.object({ docId: docId.optional(), limit: wholeNumber('limit', 1, 100).default('50'), offset: wholeNumber('offset', 0, 100_000).default('0') }).strict();
const dutiesQuery = z
  .object({
    body: z
      .string({ required_error: 'Thiếu tham số body: tên cơ quan, ví dụ body=Sở Y tế. (Missing body: the name of an agency.)' })
      .trim()
      .max(120, { message: 'Tham số body dài quá 120 ký tự. (body is longer than 120 characters.)' })
      .refine((value) => /\p{L}.*\p{L}/u.test(value), { message: 'Tham số body phải là tên cơ quan, ví dụ “Sở Y tế”. (body must name an agency.)' }),
    limit: wholeNumber('limit', 1, 50).default('20'),
    offset: wholeNumber('offset', 0, 100_000).default('0'),
  })
  .strict();
const quizQuery = z
  .object({
    docId: docId.optional(),
    n: wholeNumber('n', 1, 20).default('5'),
    seed: z.string().trim().min(1, { message: 'Tham số seed không được để trống. (seed must not be empty.)' }).max(64, { message: 'Tham số seed dài quá 64 ký tự. (seed is longer than 64 characters.)' }).default('1'),
  })
  .strict();

/** The query string read against a schema; any problem is a 400 that says which parameter and why. */
function readQuery<T extends z.ZodTypeAny>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) =>
    issue.code === 'unrecognized_keys' ? `Tham số không được hỗ trợ: ${issue.keys.join(', ')}. (Unknown query parameter.)` : issue.message,
  );
  throw new AppError('invalid_request', [...new Set(messages)].slice(0, 3).join(' '), { details: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) });
}

const unknownDocument = (id: string) => new AppError('unknown_document', `Không có văn bản “${id}”. Xem danh sách tại /api/documents. (Unknown document id; see /api/documents.)`);

/** The learning mode's API: a document's summary, deadlines, duties by agency and a quiz, every item cited. */
export function createLearnRoutes({ knowledge }: LearnDeps): Hono {
  // Citations in the full form the answers, the export and the bots use.
  const learning = createLearning(knowledge, { reference: citationReference });
  const routes = new Hono();

  routes.get('/documents/:docId/summary', async (c) => {
    const id = c.req.param('docId');
    const summary = await learning.summary(id);
    if (!summary) throw new AppError('not_found', `Không tìm thấy văn bản “${id}”. (Document not found.)`);
    return c.json(summary);
  });

  routes.get('/deadlines', async (c) => {
    const query = readQuery(c, deadlinesQuery);
    const found = await learning.deadlines(query);
    if (!found) throw unknownDocument(query.docId!);
    const { items, ...paging } = found;
    return c.json({ deadlines: items, ...paging });
  });

  routes.get('/duties', async (c) => {
    const query = readQuery(c, dutiesQuery);
    const { items, ...paging } = await learning.duties(query);
    return c.json({ body: query.body, documents: items, ...paging });
  });

  routes.get('/quiz', async (c) => {
    const query = readQuery(c, quizQuery);
    const quiz = await learning.quiz(query);
    if (!quiz) throw unknownDocument(query.docId!);
    return c.json(quiz);
  });

  return routes;
}
