// The HTTP server of `firma serve`, and how it stops: no new connections, every request already accepted
// answered (with Connection: close, so the client opens no more on it), idle and then finished keep-alive
// connections closed, and only what is still open after the time allowed is cut.
import type http from 'node:http';
import { serve } from '@hono/node-server';

export interface HttpServer {
  server: http.Server;
  /** Stops accepting and resolves once every connection is closed; after `timeoutMs` the rest are cut. */
  drain(timeoutMs: number): Promise<{ cut: number }>;
}

export interface HttpServerOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname: string;
  onListening: (port: number) => void;
}

export function startHttpServer({ fetch, port, hostname, onListening }: HttpServerOptions): HttpServer {
  let draining = false;
  const inFlight = new Set<http.ServerResponse>();
  // serve() makes a node:http server unless told otherwise; its type covers http2 servers too.
  const server = serve({ fetch, port, hostname }, (info) => onListening(info.port)) as http.Server;
  const closeWhenIdle = () => setImmediate(() => server.closeIdleConnections());

  // Before Hono's listener, so a request that arrives while draining is answered with Connection: close.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight.add(res);
    if (draining) res.shouldKeepAlive = false;
    res.once('close', () => inFlight.delete(res));
    // A keep-alive response that started before the drain leaves an idle connection when it ends: close it.
    res.once('finish', () => {
      if (draining) closeWhenIdle();
    });
  });

  return {
    server,
    drain(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
      server.closeIdleConnections();
      let cut = 0;
      const timer = setTimeout(() => {
        cut = inFlight.size;
        server.closeAllConnections();
      }, timeoutMs);
      return closed.then(() => {
        clearTimeout(timer);
        return { cut };
      });
    },
  };
}
