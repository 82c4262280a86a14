import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { bodyGuard } from './body-guard.js';

function appWith(guard: ReturnType<typeof bodyGuard>) {
  const app = new Hono();
  app.use('*', guard);
  app.post('*', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }));
  app.onError((error, c) => c.json({ code: (error as AppError).code, message: error.message }, (error as AppError).status as 413));
  return app;
}

const post = (app: Hono, path: string, bytes: number) => app.request(path, { method: 'POST', body: 'x'.repeat(bytes), headers: { 'content-length': String(bytes) } });

describe('bodyGuard', () => {
  it('refuses a body over the limit with 413 and Connection: close, and reads one within it', async () => {
    const app = appWith(bodyGuard(100));
    expect(await (await post(app, '/a', 100)).json()).toEqual({ bytes: 100 });
    const refused = await post(app, '/a', 101);
    expect(refused.status).toBe(413);
    expect(refused.headers.get('connection')).toBe('close');
  });

  it('gives the routes it is told of a larger limit, and only them', async () => {
    const app = appWith(bodyGuard((c) => (c.req.method === 'POST' && c.req.path === '/upload' ? 1000 : 100)));
    expect(await (await post(app, '/upload', 1000)).json()).toEqual({ bytes: 1000 });
    const tooLarge = await post(app, '/upload', 1001);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { message: string }).message).toMatch(/1000 byte/u);
    const elsewhere = await post(app, '/uploads', 101);
    expect(elsewhere.status).toBe(413);
    expect(((await elsewhere.json()) as { message: string }).message).toMatch(/100 byte/u);
  });
});
