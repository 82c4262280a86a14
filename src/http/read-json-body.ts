import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.js';

const FIELD_NAMES: Record<string, string> = {
  question: 'câu hỏi (question)',
  query: 'truy vấn (query)',
  history: 'lịch sử hội thoại (history)',
  docIds: 'danh sách tài liệu (docIds)',
  topK: 'topK',
  role: 'vai trò (role)',
  content: 'nội dung (content)',
};

const describePath = (path: readonly PropertyKey[]): string => {
  const named = path.map((part) => (typeof part === 'number' ? `[${part}]` : FIELD_NAMES[String(part)] ?? String(part)));
  return named.length > 0 ? named.join(' › ') : 'nội dung yêu cầu (body)';
};

/** One readable sentence per problem, Vietnamese first, English after. */
function describeIssue(issue: z.ZodIssue): string {
  const field = describePath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? `Thiếu trường ${field}. (Missing field.)`
        : `Trường ${field} phải là ${issue.expected}, không phải ${issue.received}. (Wrong type: expected ${issue.expected}.)`;
    case 'too_small':
      return issue.type === 'string'
        ? `Trường ${field} không được để trống. (Must not be empty.)`
        : `Trường ${field} phải ít nhất ${issue.minimum}. (Must be at least ${issue.minimum}.)`;
    case 'too_big':
      return issue.type === 'string'
        ? `Trường ${field} dài quá ${issue.maximum} ký tự. (Longer than ${issue.maximum} characters.)`
        : issue.type === 'array'
          ? `Trường ${field} có quá ${issue.maximum} phần tử. (More than ${issue.maximum} items.)`
          : `Trường ${field} không được lớn hơn ${issue.maximum}. (Must be at most ${issue.maximum}.)`;
    case 'invalid_enum_value':
      return `Trường ${field} phải là một trong: ${issue.options.join(', ')}. (Must be one of: ${issue.options.join(', ')}.)`;
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}. (Unknown field.)`;
    default:
      return `Trường ${field} không hợp lệ: ${issue.message}. (Invalid value.)`;
  }
}

/** Parses a JSON request body against a schema, turning every failure into a 4xx AppError a person can read. */
export async function readJsonBody<T extends z.ZodTypeAny>(c: Context, schema: T): Promise<z.infer<T>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', 'Yêu cầu phải gửi JSON với Content-Type: application/json. (Send JSON with Content-Type: application/json.)');
  }
  let raw: string;
  try {
    raw = await c.req.text();
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('invalid_request', 'Không đọc được nội dung yêu cầu. (Could not read the request body.)', { cause });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (cause) {
    throw new AppError('invalid_json', 'Nội dung yêu cầu không phải JSON hợp lệ. (The request body is not valid JSON.)', { cause });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const messages = parsed.error.issues.slice(0, 3).map(describeIssue);
    throw new AppError('invalid_request', messages.join(' '), { details: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) });
  }
  return parsed.data;
}
