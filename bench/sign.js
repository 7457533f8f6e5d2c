// Signing benchmark: 64 connections of distinct signers (a new email and X-Forwarded-For address
// per request) POST the sign form for 20 s, on SQLite or PostgreSQL, while the server's memory is
// sampled and, with autocannon, a probe measures count freshness. Afterwards the public count is
// checked against the 303s received and against the rows in the database.
// Usage: node bench/sign.js [--engine sqlite|postgres] [--generator autocannon|wrk] [--duration 20] [--connections 64]
//        [--verification]   keep confirmation by email on (signatures stay pending, the count stays 120)
//        [--no-districts]   the demo petition without its district targets (no signer is matched to legislators)
import { parseArgs } from 'node:util';
import { measureCpu } from './lib/cpu.js';
import { countRows } from './lib/db-check.js';
import { startEventLoopWatch } from './lib/event-loop.js';
import { startFreshnessProbe } from './lib/freshness.js';
import { runAutocannon, signRequests } from './lib/load.js';
import { printResult } from './lib/report.js';
import { mib, sampleRss } from './lib/rss.js';
import { DEMO_SIGNATURES, readCount, startFirma } from './lib/server.js';
import { createTally } from './lib/signers.js';
import { runWrk } from './lib/wrk.js';

/** Waits until the public count reaches `expected` (its cache lives one second), or 10 s. */
async function settledCount(baseUrl, expected) {
  const deadline = Date.now() + 10_000;
  let count = await readCount(baseUrl);
  while (count < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    count = await readCount(baseUrl);
  }
  // One more cache lifetime, so a count that overshoots is seen too.
  await new Promise((r) => setTimeout(r, 1100));
  return readCount(baseUrl);
}

async function loadWithAutocannon(server, { connections, durationS, warmupS, verification }) {
  const tally = createTally();
  const tag = `s${Date.now().toString(36)}`;
  const requests = signRequests(server.baseUrl, tally, tag);
  if (warmupS > 0) await runAutocannon({ url: server.baseUrl, connections, durationS: warmupS, requests });
  const acceptedBefore = tally.accepted;
  const rss = sampleRss(server.pid);
  const cpu = measureCpu(server.pid, await server.databasePids());
  // With confirmation by email nothing counts until a link is opened: no freshness to measure.
  const probe = verification ? undefined : startFreshnessProbe({ baseUrl: server.baseUrl, tally, tag });
  const eventLoop = await startEventLoopWatch(server.baseUrl);
  const load = await runAutocannon({ url: server.baseUrl, connections, durationS, requests });
  const eventLoopDelay = await eventLoop.stop();
  const freshness = await probe?.stop();
  return {
    load,
    eventLoopDelay,
    freshness,
    cpu: cpu.stop(),
    memory: rss.stop(),
    tally,
    acceptedInRun: tally.accepted - acceptedBefore,
    inFlightAtStop: 0,
  };
}

async function loadWithWrk(server, { connections, durationS, warmupS }) {
  const tag = `w${Date.now().toString(36)}`;
  const runs = [];
  if (warmupS > 0)
    runs.push(
      await runWrk({
        url: server.baseUrl,
        connections,
        durationS: warmupS,
        script: 'sign.lua',
        scriptArgs: [`${tag}-warm`],
      }),
    );
  const rss = sampleRss(server.pid);
  const cpu = measureCpu(server.pid, await server.databasePids());
  const eventLoop = await startEventLoopWatch(server.baseUrl);
  const load = await runWrk({ url: server.baseUrl, connections, durationS, script: 'sign.lua', scriptArgs: [tag] });
  const eventLoopDelay = await eventLoop.stop();
  runs.push(load);
  const sum = (key) => runs.reduce((n, r) => n + r.tally[key], 0);
  const tally = {
    accepted: sum('accepted'),
    already: sum('already'),
    other: { non303: sum('other') },
    built: sum('built'),
  };
  // wrk stops by closing its connections: requests in flight then were sent but never answered.
  return {
    load,
    eventLoopDelay,
    cpu: cpu.stop(),
    memory: rss.stop(),
    tally,
    acceptedInRun: load.tally.accepted,
    inFlightAtStop: tally.built - tally.accepted - tally.already - sum('other'),
  };
}

/**
 * `verification`: keep the demo petition's confirmation by email (double opt-in). Then every
 * accepted signature is stored pending, the public count stays at 120, and a confirmation email
 * is queued for each; the check is on the stored rows instead.
 */
export async function benchSign({
  engine = 'sqlite',
  generator = 'autocannon',
  durationS = 20,
  connections = 64,
  warmupS = 3,
  env = {},
  nodeArgs = [],
  verification = false,
  districts = true,
  // Called with the started server before the load (bench/webhooks.js registers a webhook), and after it with
  // the server still running and the load's tally (it waits for the deliveries); what it returns is `after`.
  prepare = async () => undefined,
  beforeStop = async () => undefined,
} = {}) {
  const server = await startFirma({ engine, env, nodeArgs, verification, districts, label: `firma-${engine}` });
  try {
    await prepare(server);
    const options = { connections, durationS, warmupS, verification };
    const started = Date.now();
    const run = generator === 'wrk' ? await loadWithWrk(server, options) : await loadWithAutocannon(server, options);
    const { load, tally, cpu, memory, eventLoopDelay } = run;
    const stored = DEMO_SIGNATURES + tally.accepted;
    const expected = verification ? DEMO_SIGNATURES : stored;
    const count = await settledCount(server.baseUrl, expected);
    const after = await beforeStop(server, { tally, started });
    await server.stop();
    const db = await countRows(server);
    // autocannon drains (every request sent is answered): the count must equal 120 + 303s exactly.
    // wrk abandons the requests in flight when it stops; the server may still commit them.
    const exact = verification
      ? count === DEMO_SIGNATURES && db.rows === DEMO_SIGNATURES && db.allRows === stored && tally.already === 0
      : count === expected && db.rows === count && db.allRows === count && tally.already === 0;
    const storedRows = verification ? db.allRows : count;
    const withinInFlight =
      (verification ? count === DEMO_SIGNATURES : db.rows === count) &&
      storedRows >= stored &&
      storedRows <= stored + run.inFlightAtStop;
    return {
      name: `sign-${engine}${verification ? ', confirmation by email' : ''}${districts ? '' : ', no district targets'} (${generator})`,
      districts,
      engine,
      verification,
      generator,
      load,
      // With autocannon this includes the freshness probe's markers (one every ~1 s): accepted signatures too.
      acceptedPerS: run.acceptedInRun / load.durationS,
      acceptedInRun: run.acceptedInRun,
      tally: {
        built: tally.built,
        accepted: tally.accepted,
        already: tally.already,
        other: tally.other instanceof Map ? Object.fromEntries(tally.other) : tally.other,
      },
      count: {
        expected,
        stored,
        json: count,
        dbRows: db.rows,
        dbAllRows: db.allRows,
        dbDistinctEmails: db.distinctEmails,
        exact,
        inFlightAtStop: run.inFlightAtStop,
        withinInFlight,
      },
      freshness: run.freshness,
      eventLoopDelay,
      memory: {
        startMiB: mib(memory.startBytes),
        peakMiB: mib(memory.peakBytes),
        peakAnonMiB: mib(memory.peakParts.anon),
        peakFileMiB: mib(memory.peakParts.file),
        peakShmemMiB: mib(memory.peakParts.shmem),
        endMiB: mib(memory.endBytes),
      },
      cpu,
      serverCpuUsPerResponse: (cpu.server * cpu.seconds * 1e6) / load.responses,
      after,
    };
  } finally {
    await server.cleanUp();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'sqlite' },
      generator: { type: 'string', default: 'autocannon' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '64' },
      warmup: { type: 'string', default: '3' },
      verification: { type: 'boolean', default: false },
      'no-districts': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const result = await benchSign({
    engine: values.engine,
    generator: values.generator,
    durationS: Number(values.duration),
    connections: Number(values.connections),
    warmupS: Number(values.warmup),
    verification: values.verification,
    districts: values['no-districts'] !== true,
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printResult(result);
}
