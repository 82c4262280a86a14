import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { rateLimit, type RateLimitOptions } from './rate-limit.js';

function limitedApp(options: Omit<RateLimitOptions, 'now'>) {
  let clock = 0;
  const app = new Hono();
  app.use('/ask', rateLimit({ ...options, now: () => clock }));
  app.post('/ask', (c) => c.json({ ok: true }));
  // As createApp's onError does.
  app.onError((error, c) =>
    error instanceof AppError ? c.json({ error: { code: error.code, message: error.message } }, error.status as ContentfulStatusCode) : c.json({ error: String(error) }, 500),
  );
  return {
    app,
    ask: (forwardedFor?: string) => app.request('/ask', { method: 'POST', headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }),
    advance: (ms: number) => void (clock += ms),
  };
}

describe('rateLimit', () => {
  it('lets a client send a burst of a minute’s worth, then answers 429 with Retry-After and a bilingual message, refilling with time', async () => {
    const { ask, advance } = limitedApp({ perMinute: 3, trustProxy: false });
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('20');
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/Vui lòng thử lại sau 20 giây.*retry in 20 s/);
    advance(10_000);
    expect((await ask()).headers.get('retry-after')).toBe('10');
    advance(10_000);
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(429);
  });

  it('keys clients by the address the trusted proxy added (the last X-Forwarded-For entry), which a client cannot forge', async () => {
    const { ask } = limitedApp({ perMinute: 1, trustProxy: true });
    expect((await ask('203.0.113.7')).status).toBe(200);
    expect((await ask('198.51.100.1')).status).toBe(200);
    expect((await ask('10.9.9.9, 203.0.113.7')).status).toBe(429); // a forged first entry changes nothing
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const { ask } = limitedApp({ perMinute: 1, trustProxy: false });
    expect((await ask('203.0.113.7')).status).toBe(200);
    expect((await ask('198.51.100.1')).status).toBe(429);
  });

  it('remembers at most maxClients clients, forgetting the least recently seen', async () => {
    const { ask } = limitedApp({ perMinute: 1, trustProxy: true, maxClients: 100 });
    expect((await ask('203.0.113.7')).status).toBe(200);
    expect((await ask('203.0.113.7')).status).toBe(429);
    for (let i = 0; i < 1000; i++) await ask(`10.0.${i >> 8}.${i & 255}`);
    expect((await ask('203.0.113.7')).status).toBe(200);
  });

  it('is off at 0', async () => {
    const { ask } = limitedApp({ perMinute: 0, trustProxy: false });
    for (let i = 0; i < 100; i++) expect((await ask()).status).toBe(200);
  });

  it('keys a real connection by its remote address', async () => {
    const { app } = limitedApp({ perMinute: 1, trustProxy: false });
    const server = await new Promise<Server>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ask`;
    try {
      expect((await fetch(url, { method: 'POST' })).status).toBe(200);
      expect((await fetch(url, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(429);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
