// Signing with district matching against signing without it. This machine's speed drifts by 20 % from one minute
// to the next, more than the 10 % the comparison is about, so the two are measured in the same server, in short
// alternated phases: the bench turns the demo petition's district targets off and on between phases (through the
// database; the server's petition cache lives a second) and signs for a few seconds in each, in the order
// with/without, without/with, … Each pair's ratio and the median are printed, with the bare-Node POST baseline
// before and after. `--servers` instead starts a fresh server per run (the older method: pairs of 8-s runs).
// Usage: node bench/sign-districts.js [--pairs 8] [--phase 5] [--connections 64] [--servers] [--json out.json]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { benchHello } from './hello.js';
import { benchSign } from './sign.js';
import { query } from './lib/db.js';
import { runAutocannon, signRequests } from './lib/load.js';
import { processCpu } from './lib/cpu.js';
import { sampleRss, mib } from './lib/rss.js';
import { readCount, startFirma } from './lib/server.js';
import { createTally } from './lib/signers.js';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '8' },
    phase: { type: 'string', default: '5' },
    duration: { type: 'string', default: '8' },
    servers: { type: 'boolean', default: false },
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
  `${s.rps}/s, p50 ${s.p50} / p99 ${s.p99} / max ${s.max} ms, ${s.cpuUs} µs CPU` +
  (Number.isNaN(s.peakMiB) ? '' : `, ${Math.round(s.peakMiB)} MiB`);

/** The bare-Node POST baseline (the last of hello's three cases). */
async function helloPost() {
  const results = await benchHello({ durationS: 10, connections });
  return Math.round(results[results.length - 1].load.rps);
}

/** Pairs of fresh servers, 8-s runs each (the older method; `--servers`). */
async function pairsOfServers() {
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
  return results;
}

/** Alternated phases in one server (the default). */
async function phasesInOneServer() {
  const phaseS = Number(values.phase);
  const server = await startFirma({ engine: 'sqlite', districts: true });
  const results = [];
  try {
    const targets = await query(server, 'SELECT * FROM petition_seat_targets');
    if (targets.length === 0) throw new Error('the demo petition has no district targets');
    const columns = Object.keys(targets[0]);
    const setDistricts = async (on) => {
      await query(server, 'DELETE FROM petition_seat_targets');
      if (on)
        for (const t of targets)
          await query(
            server,
            `INSERT INTO petition_seat_targets (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
            columns.map((c) => t[c]),
          );
      // The server reads the petition again within a second (its cache); a little more lets the last phase's mail go.
      await new Promise((r) => setTimeout(r, 1500));
    };
    const tally = createTally();
    const rss = sampleRss(server.pid);
    const phase = async (districts) => {
      await setDistricts(districts);
      const cpu0 = processCpu(server.pid);
      const load = await runAutocannon({
        url: server.baseUrl,
        connections,
        durationS: phaseS,
        requests: signRequests(server.baseUrl, tally, `i${Date.now().toString(36)}`),
      });
      const cpuS = processCpu(server.pid) - cpu0;
      return {
        rps: Math.round(load.rps),
        p50: load.latencyMs.p50,
        p99: load.latencyMs.p99,
        max: load.latencyMs.max,
        cpuUs: Math.round((cpuS * 1e6) / load.responses),
        peakMiB: NaN,
        exact: true,
      };
    };
    // A first phase each way warms the process (JIT, caches) and is not counted.
    await phase(true);
    await phase(false);
    for (let i = 0; i < pairs; i++) {
      const order = i % 2 === 0 ? [true, false] : [false, true];
      const run = {};
      for (const districts of order) run[districts ? 'with' : 'without'] = await phase(districts);
      const ratio = run.with.rps / run.without.rps;
      results.push({ ...run, ratio });
      console.log(`pair ${i + 1}: with ${line(run.with)} | without ${line(run.without)} | ratio ${ratio.toFixed(2)}`);
    }
    const memory = rss.stop();
    console.log(`peak RSS ${Math.round(mib(memory.peakBytes))} MiB`);
    // Every accepted signature counted, none twice.
    await new Promise((r) => setTimeout(r, 1500));
    const count = await readCount(server.baseUrl);
    const expected = 120 + tally.accepted;
    console.log(`count ${count}, expected ${expected}: ${count === expected ? 'exact' : 'NOT exact'}`);
  } finally {
    await server.cleanUp();
  }
  return results;
}

const helloBefore = await helloPost();
console.log(`hello POST before: ${helloBefore}/s`);
const results = values.servers ? await pairsOfServers() : await phasesInOneServer();
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
