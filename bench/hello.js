// The raw-limit baseline: the same generator and connections against Node's plain http server.
// GET / is the floor of any HTTP answer; GET /page sends as many bytes as the petition page;
// POST of the same sign form, answered 303 without any work, is the ceiling for signing.
// Usage: node bench/hello.js [--generator autocannon|wrk] [--duration 10] [--connections 64]
import { parseArgs } from 'node:util';
import { measureCpu } from './lib/cpu.js';
import { runAutocannon, signRequests } from './lib/load.js';
import { printResult } from './lib/report.js';
import { startHello } from './lib/server.js';
import { createTally } from './lib/signers.js';
import { runWrk } from './lib/wrk.js';

export async function benchHello({
  generator = 'autocannon',
  durationS = 10,
  connections = 64,
  warmupS = 2,
  pageBytes = 12_281,
} = {}) {
  const server = await startHello({ pageBytes });
  try {
    const cases =
      generator === 'wrk'
        ? [
            ['hello GET /', (s) => runWrk({ url: server.baseUrl, path: '/', connections, durationS: s })],
            [
              `hello GET /page (${pageBytes} bytes)`,
              (s) => runWrk({ url: server.baseUrl, path: '/page', connections, durationS: s }),
            ],
            [
              'hello POST sign form → 303',
              (s) =>
                runWrk({ url: server.baseUrl, connections, durationS: s, script: 'sign.lua', scriptArgs: ['hello'] }),
            ],
          ]
        : [
            [
              'hello GET /',
              (s) =>
                runAutocannon({
                  url: server.baseUrl,
                  connections,
                  durationS: s,
                  requests: [{ method: 'GET', path: '/' }],
                }),
            ],
            [
              `hello GET /page (${pageBytes} bytes)`,
              (s) =>
                runAutocannon({
                  url: server.baseUrl,
                  connections,
                  durationS: s,
                  requests: [{ method: 'GET', path: '/page' }],
                }),
            ],
            [
              'hello POST sign form → 303',
              (s) =>
                runAutocannon({
                  url: server.baseUrl,
                  connections,
                  durationS: s,
                  requests: signRequests(server.baseUrl, createTally(), 'hello'),
                }),
            ],
          ];
    const results = [];
    for (const [name, run] of cases) {
      if (warmupS > 0) await run(warmupS);
      const cpu = measureCpu(server.pid);
      const load = await run(durationS);
      const use = cpu.stop();
      results.push({
        name: `${name} (${generator})`,
        generator,
        load,
        cpu: use,
        serverCpuUsPerResponse: (use.server * use.seconds * 1e6) / load.responses,
      });
    }
    return results;
  } finally {
    await server.cleanUp();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      generator: { type: 'string', default: 'autocannon' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '64' },
    },
  });
  for (const r of await benchHello({
    generator: values.generator,
    durationS: Number(values.duration),
    connections: Number(values.connections),
  }))
    printResult(r);
}
