import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createAdminAuth, type AdminAuthOptions } from './admin-auth.js';

const TOKEN = 'a-long-enough-admin-token';

/** The guard in front of a login route and one resource, as create-app mounts it. */
function appWith(options: Partial<AdminAuthOptions> = {}) {
  const auth = createAdminAuth({ token: TOKEN, ...options });
  const app = new Hono();
  app.use('/api/admin/*', auth.guard);
  app.post('/api/admin/session', async (c) => {
    const session = auth.login(c, ((await c.req.json()) as { token: string }).token);
    return session ? c.json(session) : c.json({ error: 'wrong' }, 401);
  });
  app.delete('/api/admin/session', (c) => {
    auth.logout(c);
    return c.json({ ok: true });
  });
  app.get('/api/admin/thing', (c) => c.json({ via: auth.via(c), session: auth.session(c) ?? null }));
  app.post('/api/admin/thing', (c) => c.json({ changed: true, via: auth.via(c) }));
  app.onError((error, c) => c.json({ code: (error as AppError).code }, (error as AppError).status as 401));
  return app;
}

const HOST = { host: 'admin.example' };

async function logIn(app: Hono) {
  const response = await app.request('/api/admin/session', { method: 'POST', headers: { 'content-type': 'application/json', ...HOST }, body: JSON.stringify({ token: TOKEN }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { setCookie: cookie, cookie: cookie.split(';')[0], csrfToken };
}

describe('createAdminAuth', () => {
  it('refuses a call without credentials or with a wrong token (401), closing a connection whose body is unread', async () => {
    const app = appWith();
    const none = await app.request('/api/admin/thing', { method: 'POST', headers: { 'content-length': '5' }, body: 'hello' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
    expect(none.headers.get('connection')).toBe('close');
    for (const authorization of [`Bearer ${TOKEN}x`, `Basic ${TOKEN}`, 'Bearer', `bearer ${TOKEN.slice(1)}`]) {
      expect((await app.request('/api/admin/thing', { headers: { authorization } })).status).toBe(401);
    }
    expect((await app.request('/api/admin/thing', { headers: { cookie: 'hdkh_admin=forged' } })).status).toBe(401);
  });

  it('admits the API token for reading and changing, with no CSRF token', async () => {
    const app = appWith();
    const read = await app.request('/api/admin/thing', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(await read.json()).toEqual({ via: 'token', session: null });
    const change = await app.request('/api/admin/thing', { method: 'POST', headers: { authorization: `bearer  ${TOKEN} ` } });
    expect(await change.json()).toEqual({ changed: true, via: 'token' });
  });

  it('trades the token for an httpOnly, SameSite=Strict session cookie scoped to the admin API; Secure behind https', async () => {
    const { setCookie } = await logIn(appWith());
    expect(setCookie).toMatch(/^hdkh_admin=[\w-]{43}; Max-Age=43200; Path=\/api\/admin; HttpOnly; SameSite=Strict$/u);
    const secure = await logIn(appWith({ publicUrl: 'https://admin.example' }));
    expect(secure.setCookie).toMatch(/; Secure/u);
    const wrong = await appWith().request('/api/admin/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'guess' }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('lets a session read, and change only with its CSRF token from its own origin (403 otherwise)', async () => {
    const app = appWith();
    const { cookie, csrfToken } = await logIn(app);
    const read = await app.request('/api/admin/thing', { headers: { cookie } });
    expect(await read.json()).toMatchObject({ via: 'session', session: { csrfToken } });

    const change = (headers: Record<string, string>) => app.request('/api/admin/thing', { method: 'POST', headers: { cookie, ...HOST, ...headers } });
    expect((await change({})).status).toBe(403);
    // One character off (a different one whatever the token ends with).
    expect((await change({ 'x-csrf-token': `${csrfToken.slice(0, -1)}${csrfToken.endsWith('A') ? 'B' : 'A'}` })).status).toBe(403);
    expect((await change({ 'x-csrf-token': csrfToken, origin: 'https://evil.example' })).status).toBe(403);
    expect((await change({ 'x-csrf-token': csrfToken, origin: 'null' })).status).toBe(403);
    expect((await change({ 'x-csrf-token': csrfToken, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await change({ 'x-csrf-token': csrfToken })).status).toBe(200);
    expect((await change({ 'x-csrf-token': csrfToken, origin: 'http://admin.example', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    // Another session's token is no good either.
    const other = await logIn(app);
    expect((await change({ 'x-csrf-token': other.csrfToken })).status).toBe(403);
  });

  it('checks the origin against PUBLIC_URL behind a proxy, and refuses a cross-origin login', async () => {
    const app = appWith({ publicUrl: 'https://hoidap.example.gov.vn' });
    const { cookie, csrfToken } = await logIn(app);
    const from = (origin: string) => app.request('/api/admin/thing', { method: 'POST', headers: { cookie, host: '127.0.0.1:3000', origin, 'x-csrf-token': csrfToken } });
    expect((await from('https://hoidap.example.gov.vn')).status).toBe(200);
    expect((await from('http://127.0.0.1:3000')).status).toBe(403);
    const login = await app.request('/api/admin/session', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ token: TOKEN }) });
    expect(login.status).toBe(403);
  });

  it('ends a session at logout and when it expires', async () => {
    let clock = 1_000_000;
    const app = appWith({ now: () => clock, sessionMs: 60_000 });
    const first = await logIn(app);
    const out = await app.request('/api/admin/session', { method: 'DELETE', headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken } });
    expect(out.headers.get('set-cookie')).toMatch(/^hdkh_admin=; Max-Age=0; Path=\/api\/admin/u);
    expect((await app.request('/api/admin/thing', { headers: { cookie: first.cookie } })).status).toBe(401);

    const second = await logIn(app);
    clock += 59_000;
    expect((await app.request('/api/admin/thing', { headers: { cookie: second.cookie } })).status).toBe(200);
    clock += 1_000;
    expect((await app.request('/api/admin/thing', { headers: { cookie: second.cookie } })).status).toBe(401);
  });
});
