import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { BoundedMap } from '../bounded-map.js';
import { AppError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests per client per minute, in bursts of up to as many; 0 turns the limit off. */
  perMinute: number;
  /** Take the client from X-Forwarded-For (TRUST_PROXY); otherwise anyone could claim any address. */
  trustProxy: boolean;
  /** Clients remembered at once; the least recently seen is forgotten first, so memory stays bounded. */
  maxClients?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** The address the request came from; behind a trusted proxy, the last X-Forwarded-For entry: the one it added. */
export function clientOf(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  if (forwarded) return forwarded;
  // Requests made in-process (app.request) have no socket.
  return (c.env as { incoming?: unknown } | undefined)?.incoming ? (getConnInfo(c).remote.address ?? 'unknown') : 'unknown';
}

/** A token bucket per client: 429 with Retry-After once a client has spent its minute's worth. */
export function rateLimit({ perMinute, trustProxy, maxClients = 10_000, now = Date.now }: RateLimitOptions): MiddlewareHandler {
  if (perMinute === 0) return (_c, next) => next();
  const perMs = perMinute / 60_000;
  const buckets = new BoundedMap<string, Bucket>(maxClients);
  return async (c, next) => {
    const client = clientOf(c, trustProxy);
    const at = now();
    const bucket = buckets.get(client) ?? { tokens: perMinute, at };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (at - bucket.at) * perMs);
    bucket.at = at;
    buckets.set(client, bucket);
    if (bucket.tokens < 1) {
      const seconds = Math.ceil((1 - bucket.tokens) / perMs / 1000);
      c.header('Retry-After', String(seconds));
      throw new AppError('rate_limited', `Quá nhiều yêu cầu. Vui lòng thử lại sau ${seconds} giây. (Too many requests; retry in ${seconds} s.)`);
    }
    bucket.tokens -= 1;
    await next();
  };
}
