// `firma serve` listens on its port with several sockets (SO_REUSEPORT, Linux), so a burst of new connections to a
// busy server is accepted a few per turn of the event loop instead of one (docs/performance.md).
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFirma, cleanUp, DEMO_SLUG, killAll, request, serve, tempDataDir } from '../support/firma-process.js';

/** The listening TCP sockets on `port`, from the kernel's table (state 0A is LISTEN). */
function listeningSockets(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return fs
    .readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A').length;
}

describe.skipIf(process.platform !== 'linux')('firma serve on Linux', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  it('listens on its port with four sockets, answers a burst of 64 new connections, and closes them all on SIGTERM', async () => {
    const server = await serve({ FIRMA_DATA_DIR: tempDataDir() });
    expect(listeningSockets(server.port)).toBe(4);
    const replies = await Promise.all(
      Array.from({ length: 64 }, () => request(server.port, 'GET', `/en/p/${DEMO_SLUG}`)),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array.from({ length: 64 }, () => 200));
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(listeningSockets(server.port)).toBe(0);
  });
});
