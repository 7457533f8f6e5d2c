// The API's benchmarks (docs/performance.md): reading 100,000 signatures through /api/v1 page by page, following
// `_links.next` as a CRM sync does (target: under 30 s), and recording signatures through the record signature
// helper against signing with the form, in alternated pairs on fresh servers (target: within 20 % of the form).
// Usage: npm run build && node bench/api.js [--read 100000] [--pairs 2] [--duration 10] [--json out.json]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchHello } from './hello.js';
import { benchSign } from './sign.js';
import { runAutocannon } from './lib/load.js';
import { freePort, startFirma, startScriptNodeFlags } from './lib/server.js';
import { mib, sampleRss } from './lib/rss.js';
import { measureCpu } from './lib/cpu.js';
import { spawn } from 'node:child_process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    read: { type: 'string', default: '100000' },
    pairs: { type: 'string', default: '2' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    json: { type: 'string' },
  },
});

/** An admin and a key with write access, made with the `firma` command against the server's database. */
async function makeKey(env) {
  const options = { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' } };
  await run(process.execPath, ['dist/main.js', 'admin', 'create', 'bench@example.org'], options);
  const { stdout } = await run(
    process.execPath,
    ['dist/main.js', 'api-key', 'create', '--user', 'bench@example.org', '--write', '--name', 'bench'],
    options,
  );
  return stdout.trim();
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function benchRead(signatures) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-bench-api-'));
  const env = { FIRMA_DATA_DIR: dataDir, RATE_LIMIT_API_PER_MINUTE: '1000000' };
  try {
    await run(process.execPath, ['dist/main.js', 'demo', '--signatures', String(signatures)], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      maxBuffer: 1 << 24,
    });
    const key = await makeKey(env);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [...startScriptNodeFlags(), 'dist/main.js', 'serve', '--no-demo'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: base, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      for (const deadline = Date.now() + 60_000; ;) {
        const ready = await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) break;
        if (Date.now() > deadline) throw new Error('the server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      const headers = { 'OSDI-API-Token': key };
      const petitions = await (await fetch(`${base}/api/v1/petitions`, { headers })).json();
      let next = `${petitions._embedded['osdi:petitions'][0]._links['osdi:signatures'].href}?per_page=100`;
      const rss = sampleRss(child.pid, 50);
      const cpu = measureCpu(child.pid);
      const latencies = [];
      let read = 0;
      const started = performance.now();
      while (next !== undefined) {
        const t0 = performance.now();
        const res = await fetch(next, { headers });
        if (res.status !== 200) throw new Error(`${next} answered ${res.status}`);
        const page = await res.json();
        latencies.push(performance.now() - t0);
        read += page._embedded['osdi:signatures'].length;
        next = page._links.next?.href;
      }
      const seconds = (performance.now() - started) / 1000;
      const memory = rss.stop();
      const cpuUse = cpu.stop();
      if (read !== signatures) throw new Error(`read ${read} signatures, expected ${signatures}`);
      latencies.sort((a, b) => a - b);
      return {
        signatures,
        pages: latencies.length,
        seconds,
        pageMs: { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies.at(-1) },
        serverCores: cpuUse.server,
        peakRssMiB: mib(memory.peakBytes),
      };
    } finally {
      await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Signatures recorded through the API for `durationS` seconds by `connections` clients, each a new person. */
async function benchRecord(durationS, connections) {
  const server = await startFirma({ env: { RATE_LIMIT_API_PER_MINUTE: '100000000' }, label: 'firma-api' });
  try {
    const key = await makeKey({ FIRMA_DATA_DIR: server.dataDir });
    let n = 0;
    const path = `/api/v1/petitions/1/signatures`;
    const cpu = measureCpu(server.pid);
    const load = await runAutocannon({
      url: server.baseUrl,
      connections,
      durationS,
      requests: [
        {
          method: 'POST',
          path,
          setupRequest(req) {
            n += 1;
            const body = JSON.stringify({
              person: {
                given_name: `API Signer ${n}`,
                email_addresses: [{ address: `api-signer-${n}@example.org` }],
                postal_addresses: [{ postal_code: '06106' }],
              },
            });
            return {
              ...req,
              method: 'POST',
              path,
              headers: { 'OSDI-API-Token': key, 'Content-Type': 'application/json' },
              body,
            };
          },
        },
      ],
    });
    const cpuUse = cpu.stop();
    const created = load.statusCodes['201'] ?? 0;
    if (created !== load.responses) throw new Error(`only ${created} of ${load.responses} answers were 201`);
    return {
      rps: load.rps,
      latencyMs: load.latencyMs,
      serverCpuUsPerResponse: (cpuUse.server * cpuUse.seconds * 1e6) / load.responses,
    };
  } finally {
    await server.cleanUp();
  }
}

const results = { date: new Date().toISOString(), cpus: os.cpus().length, node: process.version };
const hello = await benchHello({ durationS: 10, connections: Number(values.connections) });
results.helloPost = Math.round(hello.at(-1).load.rps);
results.helloGet = Math.round(hello[0].load.rps);
console.log(`hello: GET ${results.helloGet}/s, POST ${results.helloPost}/s`);

if (Number(values.read) > 0) {
  results.read = await benchRead(Number(values.read));
  const r = results.read;
  console.log(
    `read ${r.signatures} signatures in ${r.pages} pages: ${r.seconds.toFixed(1)} s, page p50 ${r.pageMs.p50.toFixed(1)} / p99 ${r.pageMs.p99.toFixed(1)} / max ${r.pageMs.max.toFixed(1)} ms, server ${r.serverCores.toFixed(2)} cores, peak RSS ${Math.round(r.peakRssMiB)} MiB`,
  );
}

results.pairs = [];
const durationS = Number(values.duration);
const connections = Number(values.connections);
for (let i = 0; i < Number(values.pairs); i++) {
  const pair = {};
  for (const which of i % 2 === 0 ? ['api', 'form'] : ['form', 'api']) {
    if (which === 'api') pair.api = await benchRecord(durationS, connections);
    else {
      const form = await benchSign({ durationS, connections });
      pair.form = {
        rps: form.load.rps,
        latencyMs: form.load.latencyMs,
        serverCpuUsPerResponse: form.serverCpuUsPerResponse,
      };
    }
  }
  pair.ratio = pair.api.rps / pair.form.rps;
  results.pairs.push(pair);
  const line = (x) =>
    `${Math.round(x.rps)}/s (÷ hello POST ${(x.rps / results.helloPost).toFixed(3)}), p50 ${x.latencyMs.p50} / p99 ${x.latencyMs.p99} / max ${x.latencyMs.max} ms, ${Math.round(x.serverCpuUsPerResponse)} µs CPU`;
  console.log(`pair ${i + 1}: api ${line(pair.api)} | form ${line(pair.form)} | ratio ${pair.ratio.toFixed(2)}`);
}
if (values.json !== undefined) fs.writeFileSync(values.json, JSON.stringify(results, null, 2));
