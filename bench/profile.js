// Profiles the server under signing (or page) load: runs it with --cpu-prof, loads it, and prints
// where the CPU time went (self time by function, and by package).
// Usage: node bench/profile.js [--engine sqlite|postgres] [--target sign|page] [--path /en/p/ct-trust-act]
//        [--generator autocannon|wrk] [--duration 10] [--verification] [--no-districts] [--stalls 50]
// --stalls N also lists every stretch of N ms or more in which the event loop never went idle (what a request
// waiting behind it waits for), with the functions that ran in it; --verification keeps confirmation by email on;
// --no-districts profiles the demo petition without its district targets (compare with the default).
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

/** Stretches of at least `minMs` with no idle sample: the event loop was busy throughout (a stall for everyone waiting). */
export function summarizeStalls(file, minMs = 50, top = 8) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const label = (id) => {
    const { callFrame: cf } = byId.get(id);
    const where = cf.url
      .replace(/^file:\/\//, '')
      .replace(/.*node_modules\//, 'nm:')
      .replace(/.*\/dist\//, '');
    return `${cf.functionName || '(anonymous)'} ${where}${where ? `:${cf.lineNumber + 1}` : ''}`;
  };
  const stalls = [];
  let start = -1;
  let t = profile.startTime;
  let busyFrom = t;
  const times = profile.samples.map((_, i) => (t += profile.timeDeltas[i] ?? 0));
  for (let i = 0; i <= profile.samples.length; i++) {
    const isIdle = i === profile.samples.length || idle.has(profile.samples[i]);
    if (!isIdle && start < 0) {
      start = i;
      busyFrom = i > 0 ? times[i - 1] : times[i];
    }
    if (isIdle && start >= 0) {
      const ms = ((i < times.length ? times[i] : times[i - 1]) - busyFrom) / 1000;
      if (ms >= minMs) stalls.push({ from: start, to: i, ms, at: (busyFrom - profile.startTime) / 1e6 });
      start = -1;
    }
  }
  console.log(`\nevent loop busy for ${minMs} ms or more without a break: ${stalls.length} time(s)`);
  for (const s of stalls.sort((a, b) => b.ms - a.ms).slice(0, 12)) {
    // Inclusive time per function within the stretch: every frame on each sample's stack.
    const inclusive = new Map();
    for (let i = s.from; i < s.to; i++) {
      const seen = new Set();
      for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const l = label(id);
        if (seen.has(l) || l.startsWith('(root)')) continue;
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + 1);
      }
    }
    const n = s.to - s.from;
    console.log(`  ${s.ms.toFixed(0)} ms at ${s.at.toFixed(1)} s (${n} samples):`);
    for (const [l, c] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`    ${((100 * c) / n).toFixed(0).padStart(3)}%  ${l}`);
  }
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
      verification: { type: 'boolean', default: false },
      'no-districts': { type: 'boolean', default: false },
      stalls: { type: 'string' },
    },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-prof-'));
  const server = await startFirma({
    engine: values.engine,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'],
    verification: values.verification,
    districts: values['no-districts'] !== true,
  });
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
  if (values.stalls !== undefined) summarizeStalls(path.join(dir, file), Number(values.stalls));
}
