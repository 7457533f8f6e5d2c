// Runs every benchmark of the core issue and prints the figures against their targets.
// Usage: npm run bench [-- --duration 20 --only hello,page,sign-sqlite,sign-postgres --no-wrk --json out.json
//                          --quiet-wait 120 --server-flags=--max-semi-space-size=8 --env WORKER_IN_PROCESS=false
//                          --verification]
// The signing runs turn off confirmation by email for the demo petition (the targets are about
// signatures that count at once); --verification adds runs with it on (pending signatures, one
// confirmation email queued and sent for each).
// autocannon (installed by `npm ci`) always runs; wrk runs too when it is installed, as a lighter
// second generator (on a 2-core machine the generator competes with the server for CPU).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { waitForQuiet } from './lib/cpu.js';
import { printResult } from './lib/report.js';
import { serverDefaults, startScriptNodeFlags } from './lib/server.js';
import { haveWrk } from './lib/wrk.js';
import { benchHello } from './hello.js';
import { benchPage } from './page.js';
import { benchSign } from './sign.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '64' },
    only: { type: 'string', default: 'hello,page,sign-sqlite,sign-postgres' },
    'no-wrk': { type: 'boolean', default: false },
    json: { type: 'string' },
    'quiet-wait': { type: 'string', default: '120' },
    'server-flags': { type: 'string', default: '' },
    env: { type: 'string', multiple: true, default: [] },
    verification: { type: 'boolean', default: false },
  },
});
const durationS = Number(values.duration);
const connections = Number(values.connections);
const only = new Set(values.only.split(','));
const generators = ['autocannon', ...(!values['no-wrk'] && haveWrk() ? ['wrk'] : [])];
const quietWaitS = Number(values['quiet-wait']);
serverDefaults.nodeArgs = values['server-flags'].split(/\s+/).filter(Boolean);
serverDefaults.env = Object.fromEntries(
  values.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);

function machine() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  return {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    commit:
      process.env.BENCH_COMMIT ??
      `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src') === '' ? '' : ' (with uncommitted changes in src/)'}`,
    generators,
    serverNodeFlags: [...startScriptNodeFlags(), ...serverDefaults.nodeArgs],
    serverEnv: serverDefaults.env,
  };
}

const results = [];
async function step(label, fn) {
  const quiet = await waitForQuiet({ maxWaitS: quietWaitS });
  if (!quiet.quiet)
    console.log(
      `\n(the machine did not go quiet within ${quietWaitS} s: other processes used ${quiet.otherCores.toFixed(2)} cores; running ${label} anyway)`,
    );
  const out = await fn();
  for (const r of Array.isArray(out) ? out : [out]) {
    printResult(r);
    results.push({ ...r, load: { ...r.load, raw: undefined } });
  }
}

const info = machine();
console.log(
  `Firma benchmarks: ${info.date}, ${info.cpus} × ${info.cpuModel}, ${info.memoryGiB} GiB, Node ${info.node}, commit ${info.commit}; generators: ${generators.join(', ')}${generators.includes('wrk') ? '' : ' (install wrk for a second, lighter generator)'}`,
);
console.log(
  `${connections} connections, ${durationS} s per measured run (after a short warm-up); server node flags (npm start's, then --server-flags): ${[...startScriptNodeFlags(), ...serverDefaults.nodeArgs].join(' ') || 'none'}${values.env.length > 0 ? `; server env: ${values.env.join(' ')}` : ''}`,
);

for (const generator of generators) {
  if (only.has('hello'))
    await step(`hello (${generator})`, () =>
      benchHello({ generator, durationS: Math.min(durationS, 10), connections }),
    );
  if (only.has('page')) await step(`page (${generator})`, () => benchPage({ generator, durationS, connections }));
  if (only.has('page-br') && generator === 'autocannon')
    await step('page br (autocannon)', () => benchPage({ generator, durationS, connections, compressed: true }));
  if (only.has('sign-sqlite'))
    await step(`sign-sqlite (${generator})`, () => benchSign({ engine: 'sqlite', generator, durationS, connections }));
  if (only.has('sign-postgres'))
    await step(`sign-postgres (${generator})`, () =>
      benchSign({ engine: 'postgres', generator, durationS, connections }),
    );
  if (values.verification && only.has('sign-sqlite'))
    await step(`sign-sqlite with confirmation (${generator})`, () =>
      benchSign({ engine: 'sqlite', generator, durationS, connections, verification: true }),
    );
  if (values.verification && only.has('sign-postgres'))
    await step(`sign-postgres with confirmation (${generator})`, () =>
      benchSign({ engine: 'postgres', generator, durationS, connections, verification: true }),
    );
}

// The summary: each figure against its target, per generator, beside the hello-world baseline.
const find = (prefix, generator, verification = false) =>
  results.find(
    (r) => r.name.startsWith(prefix) && r.generator === generator && (r.verification ?? false) === verification,
  );
const n0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '—');
const rows = [];
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');
for (const g of generators) {
  const helloPost = find('hello POST', g);
  const helloPage = find('hello GET /page', g);
  const helloGet = find('hello GET / ', g);
  for (const engine of ['sqlite', 'postgres']) {
    const r = find(`sign-${engine}`, g);
    if (r === undefined) continue;
    const target = engine === 'sqlite' ? 5000 : 3000;
    rows.push([
      `signing, ${engine}: accepted/s`,
      `≥ ${n0(target)}`,
      g,
      n0(r.acceptedPerS),
      helloPost ? `${n0(helloPost.load.rps)} (POST → 303)` : '—',
      verdict(r.acceptedPerS >= target),
    ]);
    rows.push([
      `signing, ${engine}: p99 latency`,
      engine === 'sqlite' ? '< 50 ms' : '—',
      g,
      ms(r.load.latencyMs.p99),
      helloPost ? ms(helloPost.load.latencyMs.p99) : '—',
      engine === 'sqlite' ? verdict(r.load.latencyMs.p99 < 50) : '',
    ]);
    rows.push([
      `signing, ${engine}: count = 303s + 120`,
      'exact',
      g,
      r.count.exact
        ? `exact (${n0(r.count.json)})`
        : r.count.withinInFlight
          ? `${n0(r.count.json)} = ${n0(r.count.expected)} + ${r.count.json - r.count.expected} abandoned in flight`
          : `MISMATCH ${r.count.json} vs ${r.count.expected}`,
      '',
      g === 'wrk' ? (r.count.withinInFlight ? 'consistent' : 'MISSED') : verdict(r.count.exact),
    ]);
    if (r.freshness !== undefined)
      rows.push([
        `count freshness, ${engine} (proven, max)`,
        '< 2 s',
        g,
        `${ms(r.freshness.upperMs.max)} (median ${ms(r.freshness.upperMs.median)}, n=${r.freshness.upperMs.n})`,
        '',
        verdict(r.freshness.upperMs.max < 2000 && r.freshness.unresolved === 0),
      ]);
    rows.push([
      `server RSS peak, signing ${engine}`,
      '< 250 MB',
      g,
      `${n0((r.memory.peakMiB * 2 ** 20) / 1e6)} MB`,
      '',
      verdict(r.memory.peakMiB * 2 ** 20 < 250e6),
    ]);
  }
  for (const engine of ['sqlite', 'postgres']) {
    const r = find(`sign-${engine}`, g, true);
    if (r === undefined) continue;
    rows.push([
      `signing with confirmation by email, ${engine}: accepted/s`,
      '—',
      g,
      n0(r.acceptedPerS),
      helloPost ? n0(helloPost.load.rps) : '—',
      '',
    ]);
    rows.push([`signing with confirmation by email, ${engine}: p99`, '—', g, ms(r.load.latencyMs.p99), '', '']);
    rows.push([
      `signing with confirmation by email, ${engine}: rows = 303s + 120, count 120`,
      'exact',
      g,
      r.count.exact
        ? `exact (${n0(r.count.dbAllRows)} rows)`
        : r.count.withinInFlight
          ? `${n0(r.count.dbAllRows)} rows, ${r.count.dbAllRows - r.count.stored} abandoned in flight`
          : `MISMATCH ${r.count.dbAllRows} rows vs ${r.count.stored}, count ${r.count.json}`,
      '',
      g === 'wrk' ? (r.count.withinInFlight ? 'consistent' : 'MISSED') : verdict(r.count.exact),
    ]);
    rows.push([
      `server RSS peak, signing with confirmation ${engine}`,
      '< 250 MB',
      g,
      `${n0((r.memory.peakMiB * 2 ** 20) / 1e6)} MB`,
      '',
      verdict(r.memory.peakMiB * 2 ** 20 < 250e6),
    ]);
  }
  const p = find('page', g);
  if (p !== undefined) {
    rows.push([
      'petition page: requests/s',
      '≥ 10,000',
      g,
      `${n0(p.load.rps)}${p.servesPetition ? '' : ' (WRONG PAGE)'}`,
      helloPage ? `${n0(helloPage.load.rps)} (${n0(helloGet?.load.rps)} for 11 bytes)` : '—',
      verdict(p.servesPetition && p.load.rps >= 10000),
    ]);
    rows.push([
      'petition page: p99 latency',
      '< 20 ms',
      g,
      ms(p.load.latencyMs.p99),
      helloPage ? ms(helloPage.load.latencyMs.p99) : '—',
      verdict(p.load.latencyMs.p99 < 20),
    ]);
    rows.push([
      'server RSS peak, page',
      '< 250 MB',
      g,
      `${n0((p.memory.peakMiB * 2 ** 20) / 1e6)} MB`,
      '',
      verdict(p.memory.peakMiB * 2 ** 20 < 250e6),
    ]);
  }
}
const noisy = results
  .filter((r) => r.cpu !== undefined && r.cpu.other > 0.25)
  .map((r) => `${r.name} (${r.cpu.other.toFixed(2)} cores)`);
console.log('\n| figure | target | generator | measured | hello-world baseline, same generator | |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (noisy.length > 0)
  console.log(`\nOther processes were busy during: ${noisy.join('; ')}. Those figures understate the server.`);
if (values.json !== undefined)
  fs.writeFileSync(values.json, JSON.stringify({ machine: info, durationS, connections, results }, null, 2));
