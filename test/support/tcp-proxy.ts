// A TCP proxy between Firma and PostgreSQL that a test can break the way networks break: cut every
// connection (a restart, a failover), or go silent with the connections held open (packets dropped).
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** The PostgreSQL URL with host and port replaced by the proxy's. */
  url(target: string): string;
  /** Stops forwarding in both directions; connections stay open and new ones are accepted but get no answer. */
  silence(): void;
  /** Forwards again, what was held back first (TCP would have delivered it once the network healed). */
  restore(): void;
  /** Destroys every connection through the proxy, as a server restart would. */
  cutAll(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let silent = false;
  const sockets = new Set<net.Socket>();
  const held: (() => void)[] = [];
  const forward = (to: net.Socket, chunk: Buffer) => {
    if (silent) held.push(() => to.destroyed || to.write(chunk));
    else to.write(chunk);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client);
    sockets.add(upstream);
    const forget = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => forward(upstream, chunk));
    upstream.on('data', (chunk: Buffer) => forward(client, chunk));
    client.on('close', forget);
    upstream.on('close', forget);
    client.on('error', forget);
    upstream.on('error', forget);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    port: address.port,
    url(target) {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(address.port);
      return url.toString();
    },
    silence: () => {
      silent = true;
    },
    restore: () => {
      silent = false;
      for (const send of held.splice(0)) send();
    },
    cutAll() {
      const n = sockets.size;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      return n;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
