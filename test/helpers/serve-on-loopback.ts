import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface ServedApp {
  /** "http://127.0.0.1:<port>". */
  base: string;
  close(): Promise<void>;
}

/** Serves `app` on a free loopback port, for browser tests. */
export async function serveOnLoopback(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<ServedApp> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
