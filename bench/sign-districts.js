// Signing with district matching against the same run without it, in alternated pairs: this machine's speed
// drifts by 20 % from one minute to the next, more than the 10 % the comparison is about, so a single pair says
// little. Runs N pairs of short runs in the order with/without, without/with, … (each pair's two runs a minute
// apart at most), prints each pair's ratio and the median, and the bare-Node POST baseline before and after.
// Usage: node bench/sign-districts.js [--pairs 6] [--duration 8] [--connections 64] [--json out.json]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { benchHello } from './hello.js';
import { benchSign } from './sign.js';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '6' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '64' },
    json: { type: 'string' },
  },
});
const pairs = Number(values.pairs);
const durationS = Number(values.duration);
const connections = Number(values.connections);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const summary = (r) => ({
  rps: Math.round(r.load.rps),
  p50: r.load.latencyMs.p50,
  p99: r.load.latencyMs.p99,
  max: r.load.latencyMs.max,
  cpuUs: Math.round(r.serverCpuUsPerResponse),
  peakMiB: r.memory.peakMiB,
  exact: r.count.exact,
});
const line = (s) =>
  `${s.rps}/s, p50 ${s.p50} / p99 ${s.p99} / max ${s.max} ms, ${s.cpuUs} µs CPU, ${Math.round(s.peakMiB)} MiB`;

/** The bare-Node POST baseline (the last of hello's three cases). */
async function helloPost() {
  const results = await benchHello({ durationS: 10, connections });
  return Math.round(results[results.length - 1].load.rps);
}

const helloBefore = await helloPost();
console.log(`hello POST before: ${helloBefore}/s`);
const results = [];
for (let i = 0; i < pairs; i++) {
  const order = i % 2 === 0 ? [true, false] : [false, true];
  const run = {};
  for (const districts of order)
    run[districts ? 'with' : 'without'] = summary(await benchSign({ durationS, connections, districts }));
  const ratio = run.with.rps / run.without.rps;
  results.push({ ...run, ratio });
  console.log(`pair ${i + 1}: with ${line(run.with)} | without ${line(run.without)} | ratio ${ratio.toFixed(2)}`);
  if (!run.with.exact || !run.without.exact) console.log('  count NOT exact in this pair');
}
const helloAfter = await helloPost();
console.log(`hello POST after: ${helloAfter}/s`);
const ratios = results.map((r) => r.ratio);
const cpuDelta = median(results.map((r) => r.with.cpuUs - r.without.cpuUs));
console.log(
  `median ratio ${median(ratios).toFixed(2)} (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); ` +
    `median extra server CPU per signature ${cpuDelta} µs`,
);
if (values.json !== undefined)
  fs.writeFileSync(values.json, JSON.stringify({ helloBefore, helloAfter, results }, null, 2));
