import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.js';

/**
 * Reads every request body in full, up to `maxBytes`, before any route sees it, so the two ways a client can
 * break a body surface here as its fault and never as a 500:
 * - too large: a declared Content-Length over the limit is refused before a byte is read, a chunked body as soon
 *   as it grows past it (hono's bodyLimit);
 * - cut off: a client that goes away mid-upload makes the read fail.
 * Either way the body is left unread on the socket, so the response says `Connection: close`: a keep-alive client
 * then opens a new connection for its next request instead of losing it on one the server is about to drop.
 * `maxBytes` may depend on the request: a route that takes files gets a larger limit than the rest.
 */
export function bodyGuard(maxBytes: number | ((c: Context) => number)): MiddlewareHandler {
  const limitOf = typeof maxBytes === 'number' ? () => maxBytes : maxBytes;
  // One limit per size (a route may accept more than the rest: the admin's uploads).
  const limits = new Map<number, MiddlewareHandler>();
  const limitFor = (bytes: number): MiddlewareHandler => {
    let limit = limits.get(bytes);
    if (!limit) {
      limit = bodyLimit({
        maxSize: bytes,
        onError: (c) => {
          c.header('Connection', 'close');
          throw new AppError('payload_too_large', `Nội dung yêu cầu vượt quá ${bytes} byte. (Request body too large.)`);
        },
      });
      limits.set(bytes, limit);
    }
    return limit;
  };
  return async (c, next) => {
    try {
      await limitFor(limitOf(c))(c, async () => {
        // A declared length within the limit is not read by bodyLimit; read it now, for the same reason.
        if (c.req.raw.body && !c.req.raw.bodyUsed) c.req.raw = new Request(c.req.raw, { body: await c.req.raw.arrayBuffer() });
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      c.header('Connection', 'close');
      throw new AppError('invalid_request', 'Không đọc hết được nội dung yêu cầu: kết nối bị ngắt giữa chừng. (The request body was cut off.)', { cause: error });
    }
    await next();
  };
}
