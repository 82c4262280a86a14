import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { BoundedMap } from '../bounded-map.js';
import { safeEqual } from '../http/safe-equal.js';
import { AppError } from '../errors.js';

/** Where the admin API lives; the session cookie is sent there only. */
export const ADMIN_API = '/api/admin';
export const SESSION_COOKIE = 'hdkh_admin';
export const CSRF_HEADER = 'x-csrf-token';
/** The one admin call that needs no credentials: it is where the page trades the token for a session. */
const LOGIN = { method: 'POST', path: `${ADMIN_API}/session` };
const READ_ONLY = new Set(['GET', 'HEAD']);

export interface AdminAuthOptions {
  token: string;
  /** PUBLIC_URL: the page's origin must be its host (otherwise the request's Host), and https makes the cookie Secure. */
  publicUrl?: string;
  /** A session lasts this long from login (a working day by default), however much it is used. */
  sessionMs?: number;
  /** Sessions kept at once; the least recently used is forgotten first. */
  maxSessions?: number;
  now?: () => number;
}

export interface AdminSession {
  /** Sent back in the X-CSRF-Token header with every change the page makes. */
  csrfToken: string;
  expiresAt: string;
}

export interface AdminAuth {
  /** For /api/admin/*: 401 without valid credentials, 403 for a page request without its CSRF token or from another origin. */
  guard: MiddlewareHandler;
  /** Trades the token for a new session (cookie set), or null when the token is wrong. */
  login(c: Context, token: string): AdminSession | null;
  logout(c: Context): void;
  /** The session the request's cookie names, while it lasts. */
  session(c: Context): AdminSession | undefined;
  /** How an admitted request proved itself. */
  via(c: Context): 'token' | 'session';
}

const randomToken = (): string => randomBytes(32).toString('base64url');

/** The request still has an unread body: the refusal closes the connection, as the body guard's do. */
const hasBody = (c: Context): boolean => Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;

/**
 * Authentication of the admin API. API clients send `Authorization: Bearer <ADMIN_TOKEN>` (compared in constant
 * time). The admin page logs in once with the token and then carries an httpOnly, SameSite=Strict session cookie
 * (Secure behind https), scoped to /api/admin; every change it makes must also carry the session's CSRF token in a
 * header, and come from the page's own origin when the browser says where it comes from. Sessions live in memory:
 * a restart logs everyone out.
 */
export function createAdminAuth({ token, publicUrl, sessionMs = 12 * 3600_000, maxSessions = 200, now = Date.now }: AdminAuthOptions): AdminAuth {
  const sessions = new BoundedMap<string, { csrf: string; expires: number }>(maxSessions);
  const secure = publicUrl?.startsWith('https:') ?? false;
  const publicHost = publicUrl ? new URL(publicUrl).host : undefined;

  const reject = (c: Context, code: 'unauthorized' | 'forbidden', message: string): AppError => {
    if (hasBody(c)) c.header('Connection', 'close');
    if (code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="admin"');
    return new AppError(code, message);
  };

  const current = (c: Context): { id: string; csrf: string; expires: number } | undefined => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    if (session.expires <= now()) {
      sessions.delete(id);
      return undefined;
    }
    return { id, ...session };
  };

  /** Where a browser says the request comes from, when it says so, is this site. */
  const sameOrigin = (c: Context): boolean => {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') return false;
    const origin = c.req.header('origin');
    if (origin === undefined) return true;
    try {
      return new URL(origin).host === (publicHost ?? c.req.header('host'));
    } catch {
      return false; // "null" (a sandboxed frame, a file) or garbage
    }
  };

  const guard: MiddlewareHandler = async (c, next) => {
    if (c.req.method === LOGIN.method && c.req.path === LOGIN.path) {
      if (!sameOrigin(c)) throw reject(c, 'forbidden', 'Đăng nhập phải từ chính trang quản trị. (Cross-origin login refused.)');
      return next();
    }
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const given = /^Bearer\s+(\S+)\s*$/iu.exec(authorization)?.[1];
      if (given === undefined || !safeEqual(given, token)) throw reject(c, 'unauthorized', 'Mã quản trị không đúng. (Invalid admin token.)');
      return next();
    }
    const session = current(c);
    if (!session) throw reject(c, 'unauthorized', 'Cần đăng nhập quản trị. (Admin login required.)');
    if (!READ_ONLY.has(c.req.method)) {
      const csrf = c.req.header(CSRF_HEADER);
      if (!sameOrigin(c) || csrf === undefined || !safeEqual(csrf, session.csrf)) {
        throw reject(c, 'forbidden', 'Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF), hoặc gửi từ trang khác. (CSRF check failed.)');
      }
    }
    return next();
  };

  const describe = (session: { csrf: string; expires: number }): AdminSession => ({ csrfToken: session.csrf, expiresAt: new Date(session.expires).toISOString() });

  return {
    guard,
    login(c, given) {
      if (!safeEqual(given, token)) return null;
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous) sessions.delete(previous);
      const id = randomToken();
      const session = { csrf: randomToken(), expires: now() + sessionMs };
      sessions.set(id, session);
      setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', secure, path: ADMIN_API, maxAge: Math.floor(sessionMs / 1000) });
      return describe(session);
    },
    logout(c) {
      const session = current(c);
      if (session) sessions.delete(session.id);
      deleteCookie(c, SESSION_COOKIE, { path: ADMIN_API, secure, httpOnly: true, sameSite: 'Strict' });
    },
    session(c) {
      const session = current(c);
      return session && describe(session);
    },
    via: (c) => (c.req.header('authorization') !== undefined ? 'token' : 'session'),
  };
}
