// Petition page benchmark: GET /en/p/ct-trust-act at 64 connections (SQLite; the page is a render
// shared for a second, so the engine hardly matters). Checks first that the URL really serves the
// petition (its title), not some other page.
// With --compressed, asks as a browser does (Accept-Encoding: gzip, deflate, br) and is answered brotli.
// Usage: node bench/page.js [--generator autocannon|wrk] [--duration 20] [--connections 64] [--path /en/p/ct-trust-act]
//                           [--compressed]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { measureCpu } from './lib/cpu.js';
import { runAutocannon } from './lib/load.js';
import { printResult } from './lib/report.js';
import { mib, sampleRss } from './lib/rss.js';
import { startFirma } from './lib/server.js';
import { runWrk } from './lib/wrk.js';

export const PAGE_PATH = '/en/p/ct-trust-act';

/** The body's length as sent, and its Content-Encoding (node:http does not decompress). */
function compressedSize(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] ?? 'identity' }));
      })
      .on('error', reject);
  });
}
const TITLE = 'Protect Connecticut Residents from Deportation';

export async function benchPage({
  path = PAGE_PATH,
  generator = 'autocannon',
  durationS = 20,
  connections = 64,
  warmupS = 3,
  engine = 'sqlite',
  env = {},
  compressed = false,
} = {}) {
  const headers = compressed ? { 'accept-encoding': 'gzip, deflate, br' } : {};
  const server = await startFirma({ engine, env, label: 'firma-page' });
  try {
    const res = await fetch(`${server.baseUrl}${path}`);
    const html = await res.text();
    // What goes over the wire: fetch decompresses, so the compressed size is read from a raw request.
    const wire = compressed ? await compressedSize(`${server.baseUrl}${path}`, headers) : undefined;
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    const servesPetition = res.status === 200 && title.includes(TITLE);
    const run = (seconds) =>
      generator === 'wrk'
        ? runWrk({ url: server.baseUrl, path, connections, durationS: seconds })
        : runAutocannon({
            url: server.baseUrl,
            connections,
            durationS: seconds,
            requests: [{ method: 'GET', path, headers }],
          });
    if (warmupS > 0) await run(warmupS);
    const rss = sampleRss(server.pid);
    const cpu = measureCpu(server.pid);
    const load = await run(durationS);
    const cpuUse = cpu.stop();
    const memory = rss.stop();
    return {
      name: `page ${path}${compressed ? ' br' : ''} (${generator})`,
      generator,
      path,
      load,
      bytes: Buffer.byteLength(html),
      ...(wire === undefined ? {} : { wireBytes: wire.bytes, contentEncoding: wire.encoding }),
      servesPetition,
      memory: {
        startMiB: mib(memory.startBytes),
        peakMiB: mib(memory.peakBytes),
        peakAnonMiB: mib(memory.peakParts.anon),
        peakFileMiB: mib(memory.peakParts.file),
        peakShmemMiB: mib(memory.peakParts.shmem),
        endMiB: mib(memory.endBytes),
      },
      cpu: cpuUse,
      serverCpuUsPerResponse: (cpuUse.server * cpuUse.seconds * 1e6) / load.responses,
      note: servesPetition
        ? `serves the petition page (${Buffer.byteLength(html)} bytes of HTML${wire === undefined ? '' : `, ${wire.bytes} bytes ${wire.encoding}`})`
        : `WRONG PAGE: ${path} answered ${res.status} with title "${title}" (${Buffer.byteLength(html)} bytes), not the petition`,
    };
  } finally {
    await server.cleanUp();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      path: { type: 'string', default: PAGE_PATH },
      generator: { type: 'string', default: 'autocannon' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '64' },
      compressed: { type: 'boolean', default: false },
    },
  });
  printResult(
    await benchPage({
      path: values.path,
      generator: values.generator,
      durationS: Number(values.duration),
      connections: Number(values.connections),
      compressed: values.compressed,
    }),
  );
}
