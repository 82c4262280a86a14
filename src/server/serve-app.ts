import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** How long a closing connection keeps reading (and discarding) what the client still sends. */
const LINGER_MS = 2000;

export interface ServeOptions {
  port: number;
  hostname: string;
  lingerMs?: number;
}

/**
 * Serves the app with a lingering close, so a client whose body was refused unread (413, `Connection: close`)
 * still gets the response. Without it the client, still sending, meets a reset and loses the response with
 * the connection (Python's http.client: a broken pipe for any body larger than the socket buffers):
 * - the rest of a body nobody read is discarded: the web stream @hono/node-server wraps it in pauses the
 *   socket once its buffer is full, which stalls its own drain of the body;
 * - Node destroys the socket as soon as a `Connection: close` response is written; instead it half-closes,
 *   and goes when the client closes its end or after `lingerMs`.
 */
export function serveApp(app: Hono, { port, hostname, lingerMs = LINGER_MS }: ServeOptions, onListening?: (port: number) => void): Server {
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => onListening?.(info.port)) as Server;
  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    outgoing.once('finish', () => {
      if (incoming.complete || incoming.destroyed) return;
      incoming.removeAllListeners('data');
      incoming.resume();
    });
  });
  server.on('connection', (socket: Socket) => {
    let lingering = false;
    // Node's http server (and @hono/node-server's bounded drain) close a connection through destroySoon.
    socket.destroySoon = function lingeringClose(this: Socket) {
      if (lingering) return;
      lingering = true;
      this.end();
      const timer = setTimeout(() => this.destroy(), lingerMs).unref();
      this.once('close', () => clearTimeout(timer));
    };
  });
  return server;
}
