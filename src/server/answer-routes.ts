import { Hono, type Context } from 'hono';
import { AppError } from '../errors.js';
import type { AnswerArchive, ArchivedAnswer } from '../store/answer-archive.js';
import type { ReferencedCitation } from '../web/format-citation.js';

export interface AnswerRoutesDeps {
  answers: AnswerArchive<ReferencedCitation>;
  /** PUBLIC_URL: the base of the link printed in an export; else the address the request came to. */
  publicUrl?: string;
  maxAgeDays: number;
}

/** The link to an answer's page. */
const sharedAnswerPath = (answerId: string): string => `/a/${answerId}`;

/** Shared answers by id: `GET /:answerId` (JSON) and `GET /:answerId/export.docx`, mounted at /api/answers. */
export function createAnswerRoutes({ answers, publicUrl, maxAgeDays }: AnswerRoutesDeps): Hono {
  const routes = new Hono();

  const find = async (c: Context): Promise<ArchivedAnswer<ReferencedCitation>> => {
    const answer = await answers.get(c.req.param('answerId') ?? '');
    if (!answer) {
      throw new AppError('not_found', `Không tìm thấy câu trả lời này: liên kết sai, hoặc câu trả lời đã quá ${maxAgeDays} ngày lưu. (Answer not found or expired.)`);
    }
    return answer;
  };

  routes.get('/:answerId', async (c) => {
    const { id, question, standaloneQuestion, answer, answered, answeredBy = 'extractive', citations, createdAt } = await find(c);
    return c.json({ answerId: id, question, standaloneQuestion, answer, answered, answeredBy, citations, createdAt });
  });

  routes.get('/:answerId/export.docx', async (c) => {
    const answer = await find(c);
    const base = (publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
    // The Word writer is loaded with the first export, not at start-up.
    const { exportAnswerDocx } = await import('../web/export-docx.js');
    const body = await exportAnswerDocx(answer, { link: base + sharedAnswerPath(answer.id) });
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="tra-loi-${answer.id.slice(0, 8)}.docx"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return routes;
}
