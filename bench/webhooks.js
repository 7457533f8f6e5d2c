// Webhooks under a signing spike (docs/performance.md#webhooks): signing with one webhook on the demo petition
// against signing without, in alternated pairs on fresh servers (target: within 10 %), and how long until every
// signature of the spike reached the receiver (target: 10,000 confirmations delivered in under 60 s). The receiver
// is a bare Node server in a child process of its own that answers 204 and counts.
// Usage: npm run build && node bench/webhooks.js [--pairs 2] [--duration 10] [--connections 64] [--json out.json]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { benchHello } from './hello.js';
import { benchSign } from './sign.js';
import { freePort } from './lib/server.js';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '2' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    json: { type: 'string' },
  },
});

const RECEIVER = `
const http = require('node:http');
let count = 0;
http.createServer((req, res) => {
  if (req.method === 'GET') return res.end(String(count));
  req.resume();
  req.on('end', () => { count += 1; res.statusCode = 204; res.end(); });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

async function startReceiver() {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', RECEIVER], { env: { ...process.env, PORT: String(port) } });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', () => reject(new Error('the receiver stopped')));
  });
  return {
    url: `http://127.0.0.1:${port}/hook`,
    count: async () => Number(await (await fetch(`http://127.0.0.1:${port}/count`)).text()),
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  };
}

/** One webhook on the demo petition, for every event, written into the server's database as the page would. */
function registerWebhook(server, url) {
  const db = new SQLite(path.join(server.dataDir, 'firma.db'));
  try {
    db.prepare(
      `INSERT INTO webhook_endpoints (petition_id, url, description, events, secret, created_at)
       VALUES (1, ?, 'bench', 'signature.confirmed,milestone.reached', ?, ?)`,
    ).run(url, `whsec_${Buffer.alloc(32, 3).toString('base64')}`, new Date().toISOString());
  } finally {
    db.close();
  }
}

function countDeliveries(server) {
  const db = new SQLite(path.join(server.dataDir, 'firma.db'), { readonly: true });
  try {
    return db.prepare('SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status').all();
  } finally {
    db.close();
  }
}

const results = { date: new Date().toISOString(), cpus: os.cpus().length, node: process.version, pairs: [] };
const hello = await benchHello({ durationS: 10, connections: Number(values.connections) });
results.helloPost = Math.round(hello.at(-1).load.rps);
console.log(`hello: POST ${results.helloPost}/s`);

const durationS = Number(values.duration);
const connections = Number(values.connections);
const env = { WEBHOOKS_ALLOW_PRIVATE: 'true', ...(process.env.BENCH_NO_WORKER ? { WORKER_IN_PROCESS: 'false' } : {}) };
const summary = (r) => ({
  rps: r.load.rps,
  accepted: r.tally.accepted,
  latencyMs: r.load.latencyMs,
  serverCpuUsPerResponse: r.serverCpuUsPerResponse,
});

for (let i = 0; i < Number(values.pairs); i++) {
  const pair = {};
  for (const which of i % 2 === 0 ? ['webhook', 'plain'] : ['plain', 'webhook']) {
    if (which === 'plain') {
      pair.plain = summary(await benchSign({ durationS, connections, env }));
      continue;
    }
    const receiver = await startReceiver();
    try {
      const run = await benchSign({
        durationS,
        connections,
        env,
        prepare: async (server) => registerWebhook(server, receiver.url),
        beforeStop: async (server, { tally, started }) => {
          // Every signature of the run (and the warm-up's) is one signature.confirmed message.
          const expected = tally.accepted;
          const loadEnded = Date.now();
          let got = await receiver.count();
          let tenThousandAt;
          // Without a worker in the server (BENCH_NO_WORKER: the cost of queuing alone), nothing is sent.
          const deadline = Date.now() + (process.env.BENCH_NO_WORKER ? 0 : 300_000);
          while (got < expected && Date.now() < deadline) {
            if (tenThousandAt === undefined && got >= 10_000) tenThousandAt = Date.now();
            await new Promise((r) => setTimeout(r, 100));
            got = await receiver.count();
          }
          const allAt = Date.now();
          if (tenThousandAt === undefined && got >= 10_000) tenThousandAt = allAt;
          return {
            expected,
            received: got,
            statuses: countDeliveries(server),
            secondsFromLoadStartToAll: (allAt - started) / 1000,
            secondsFromLoadStartTo10k: tenThousandAt === undefined ? null : (tenThousandAt - started) / 1000,
            secondsAfterLoadEnd: (allAt - loadEnded) / 1000,
            drainPerS: (got - 0) / ((allAt - started) / 1000),
          };
        },
      });
      pair.webhook = { ...summary(run), deliveries: run.after };
    } finally {
      await receiver.stop();
    }
  }
  pair.ratio = pair.webhook.rps / pair.plain.rps;
  results.pairs.push(pair);
  const line = (x) =>
    `${Math.round(x.rps)}/s (÷ hello POST ${(x.rps / results.helloPost).toFixed(3)}), p50 ${x.latencyMs.p50} / p99 ${x.latencyMs.p99} / max ${x.latencyMs.max} ms`;
  const d = pair.webhook.deliveries;
  console.log(
    `pair ${i + 1}: with webhook ${line(pair.webhook)} | without ${line(pair.plain)} | ratio ${pair.ratio.toFixed(2)}`,
  );
  console.log(
    `  deliveries: ${d.received}/${d.expected} received; all ${d.secondsFromLoadStartToAll.toFixed(1)} s after the load began (${d.secondsAfterLoadEnd.toFixed(1)} s after it ended); 10,000 at ${d.secondsFromLoadStartTo10k?.toFixed(1) ?? '—'} s; ${JSON.stringify(d.statuses)}`,
  );
}
if (values.json !== undefined) fs.writeFileSync(values.json, JSON.stringify(results, null, 2));
