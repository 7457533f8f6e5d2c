// The HTTP server of `firma serve`, and how it stops: no new connections, every request already accepted
// answered (with Connection: close, so the client opens no more on it), idle and then finished keep-alive
// connections closed, and only what is still open after the time allowed is cut.
import type http from 'node:http';
import net from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { StartupError } from '../startup-error.js';

export interface HttpServer {
  /** The first of the listening servers (its address is the port). */
  server: http.Server;
  /** Stops accepting and resolves once every connection is closed; after `timeoutMs` the rest are cut. */
  drain(timeoutMs: number): Promise<{ cut: number }>;
}

/** An app's fetch: the request, and the node server's bindings (the incoming message and its socket). */
export type FetchHandler = (request: Request, bindings?: unknown) => Response | Promise<Response>;

export interface HttpServerOptions {
  fetch: FetchHandler;
  port: number;
  hostname: string;
  onListening: (port: number) => void;
}

export const HEADERS_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 120_000;

/** How often, while draining, keep-alive connections whose last response has gone out are closed. */
const SWEEP_MS = 25;

/** The response a connection is serving now, if any: Node keeps it on the socket (undocumented, long stable). */
function responseOn(socket: net.Socket): http.ServerResponse | undefined {
  const message = (socket as net.Socket & { _httpMessage?: unknown })._httpMessage; // see the comment above
  return typeof message === 'object' && message !== null && 'shouldKeepAlive' in message
    ? (message as http.ServerResponse)
    : undefined;
}

/**
 * Listening sockets on the one port (SO_REUSEPORT, Linux), among which the kernel spreads new connections. A busy
 * event loop accepts one pending connection per listening socket at each turn: with one socket, 64 connections
 * opened at once to a server under load waited up to half a second for their turn (docs/performance.md).
 */
const LISTENERS = process.platform === 'linux' ? 4 : 1;

/** Listens, or says in one sentence why it cannot (a port another program holds, a port below 1024). */
function listen(server: net.Server, options: net.ListenOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const where = `${options.host ?? ''}:${options.port ?? 0}`;
      const why =
        err.code === 'EADDRINUSE'
          ? 'another program is using that port (is Firma already running?); stop it or set PORT'
          : err.code === 'EACCES'
            ? 'this user may not use that port (ports below 1024 need privileges); set PORT, e.g. 3000'
            : err.message;
      reject(new StartupError(`Firma cannot listen on ${where}: ${why}.`));
    });
    server.listen(options, () => resolve((server.address() as net.AddressInfo).port)); // TCP: an AddressInfo
  });
}

export async function startHttpServer({ fetch, port, hostname, onListening }: HttpServerOptions): Promise<HttpServer> {
  let draining = false;
  const sockets = new Set<net.Socket>();
  // createAdaptorServer() makes a node:http server unless told otherwise; its type covers http2 servers too.
  const servers = Array.from({ length: LISTENERS }, () => createAdaptorServer({ fetch }) as http.Server);
  for (const each of servers) {
    // A client that sends its request a byte at a time holds a connection: headers must arrive within 20 s and the
    // whole request within 2 minutes (a 10 MB photo at 700 kbit/s), not Node's 1 and 5 minutes. Node checks every
    // 30 s, so such a client is cut within 50 s (headers) or 2½ minutes.
    each.headersTimeout = HEADERS_TIMEOUT_MS;
    each.requestTimeout = REQUEST_TIMEOUT_MS;
  }
  const [server, ...others] = servers as [http.Server, ...http.Server[]];
  let bound = port;
  if (others.length > 0) {
    // A socket without SO_REUSEPORT first: it cannot share the port, so it fails if anyone holds it — another
    // Firma too, which the shared sockets below would otherwise silently split the traffic with.
    const probe = net.createServer();
    bound = await listen(probe, { port, host: hostname });
    await new Promise((resolve) => probe.close(resolve));
  }
  const reusePort = others.length > 0;
  bound = await listen(server, { port: bound, host: hostname, reusePort });
  for (const other of others) await listen(other, { port: bound, host: hostname, reusePort });
  onListening(bound);
  for (const each of servers) {
    // Connections, not requests, are tracked: a keep-alive connection carries many requests, and the signing
    // path should pay nothing for the shutdown it rarely sees.
    each.on('connection', (socket: net.Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    // Before Hono's listener, so a request that arrives while draining is answered with Connection: close.
    each.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      if (draining) res.shouldKeepAlive = false;
    });
  }

  return {
    server,
    drain(timeoutMs) {
      draining = true;
      const closed = Promise.all(servers.map((each) => new Promise<void>((resolve) => each.close(() => resolve()))));
      for (const socket of sockets) {
        const res = responseOn(socket);
        if (res !== undefined && !res.headersSent) res.shouldKeepAlive = false;
      }
      const closeIdle = () => servers.forEach((each) => each.closeIdleConnections());
      closeIdle();
      // A keep-alive response that started before the drain leaves its connection idle once sent: close it.
      const sweep = setInterval(closeIdle, SWEEP_MS);
      let cut = 0;
      const timer = setTimeout(() => {
        cut = sockets.size;
        servers.forEach((each) => each.closeAllConnections());
      }, timeoutMs);
      return closed.then(() => {
        clearInterval(sweep);
        clearTimeout(timer);
        return { cut };
      });
    },
  };
}
