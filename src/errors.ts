export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'unknown_document'
  | 'config_invalid'
  | 'unreadable_document'
  | 'index_unavailable'
  | 'index_busy'
  | 'upstream_failed'
  | 'rate_limited'
  | 'internal';

const httpStatusOf: Record<ErrorCode, number> = {
  invalid_json: 400,
  invalid_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_document: 400,
  config_invalid: 500,
  unreadable_document: 422,
  index_unavailable: 503,
  index_busy: 409,
  upstream_failed: 502,
  rate_limited: 429,
  internal: 500,
};

/** The one error type the project throws on purpose; `code` decides the HTTP status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = httpStatusOf[code];
    this.details = options?.details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
