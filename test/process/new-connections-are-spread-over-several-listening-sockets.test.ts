// `firma serve` listens on its port with several sockets (SO_REUSEPORT, Linux), so a burst of new connections to a
// busy server is accepted a few per turn of the event loop instead of one (docs/performance.md).
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import {
  buildFirma,
  cleanUp,
  DEMO_SLUG,
  killAll,
  launch,
  request,
  serve,
  tempDataDir,
} from '../support/firma-process.js';

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

  it('a second firma serve on the same port, or a port another program holds, stops with one sentence, exit 1', async () => {
    const first = await serve({ FIRMA_DATA_DIR: tempDataDir() });
    const message = 'another program is using that port (is Firma already running?); stop it or set PORT.';
    const second = launch(['serve'], { FIRMA_DATA_DIR: tempDataDir(), PORT: String(first.port), HOST: '127.0.0.1' });
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.output()).toContain(`Firma cannot listen on 127.0.0.1:${first.port}: ${message}`);
    expect(second.output()).not.toContain('    at ');
    // The first one kept all its traffic.
    expect(listeningSockets(first.port)).toBe(4);
    expect((await request(first.port, 'GET', `/en/p/${DEMO_SLUG}`)).status).toBe(200);

    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as net.AddressInfo).port; // a TCP server's address
    const third = launch(['serve'], { FIRMA_DATA_DIR: tempDataDir(), PORT: String(port), HOST: '127.0.0.1' });
    expect(await third.exited).toEqual({ code: 1, signal: null });
    expect(third.output()).toContain(`Firma cannot listen on 127.0.0.1:${port}: ${message}`);
    await new Promise((resolve) => other.close(resolve));
  });
});
