// Profiles the server under signing (or page) load: runs it with --cpu-prof, loads it, and prints
// where the CPU time went (self time by function, and by package).
// Usage: node bench/profile.js [--engine sqlite|postgres] [--target sign|page] [--path /en/p/ct-trust-act]
//        [--generator autocannon|wrk] [--duration 10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runAutocannon, signRequests } from './lib/load.js';
import { startFirma } from './lib/server.js';
import { createTally } from './lib/signers.js';
import { runWrk } from './lib/wrk.js';

export function summarizeProfile(file, top = 40) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, us] of self) {
    const { callFrame: cf } = byId.get(id);
    const where = cf.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm:');
    const fn = `${cf.functionName || '(anonymous)'} ${where}:${cf.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const pkg =
      cf.url === ''
        ? cf.functionName || '(native)'
        : cf.url.startsWith('node:')
          ? 'node-core'
          : (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(cf.url)?.[1] ?? (cf.url.includes('/dist/') ? 'firma' : cf.url));
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  console.log(`\nself time by package (${(total / 1e6).toFixed(1)} s sampled):`);
  for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(v)}  ${k}`);
  console.log('\nself time by function:');
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'sqlite' },
      target: { type: 'string', default: 'sign' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '64' },
      path: { type: 'string', default: '/en/p/ct-trust-act' },
      generator: { type: 'string', default: 'autocannon' },
    },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-prof-'));
  const server = await startFirma({ engine: values.engine, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  try {
    const opts = { url: server.baseUrl, connections: Number(values.connections), durationS: Number(values.duration) };
    const tag = `p${Date.now().toString(36)}`;
    let load;
    if (values.generator === 'wrk') {
      load =
        values.target === 'page'
          ? await runWrk({ ...opts, path: values.path })
          : await runWrk({ ...opts, script: 'sign.lua', scriptArgs: [tag] });
    } else {
      load =
        values.target === 'page'
          ? await runAutocannon({ ...opts, requests: [{ method: 'GET', path: values.path }] })
          : await runAutocannon({ ...opts, requests: signRequests(server.baseUrl, createTally(), tag) });
    }
    console.log(`${Math.round(load.rps)} responses/s, p99 ${load.latencyMs.p99} ms`);
  } finally {
    await server.cleanUp();
  }
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  console.log(`profile: ${path.join(dir, file)}`);
  summarizeProfile(path.join(dir, file));
}
