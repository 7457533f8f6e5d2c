// A scripted signing burst against the abuse defences, with the site's default settings: 10,000 sign
// requests from 5 client addresses (a new email each, no proof of work solved), while 200 honest
// signers from 200 addresses sign in the same minute the way a browser does (ask for the proof-of-work
// challenge, solve it when the site asks, post the form). Reports how many of the burst were counted,
// held pending (counted only if someone opens the confirmation email), refused (429) or blocked, and
// whether every honest signer was counted. The real server runs with TRUST_PROXY, so X-Forwarded-For
// is each request's client address.
// Usage: node bench/burst.js [--engine sqlite|postgres] [--burst 10000] [--addresses 5] [--honest 200]
//        [--concurrency 32] [--window 30]   (honest signers spread over `window` seconds)
import os from 'node:os';
import { parseArgs } from 'node:util';
import { solveChallenge } from 'altcha-lib/v1';
import { countRows } from './lib/db-check.js';
import { DEMO_SIGNATURES, DEMO_SLUG, readCount, startFirma } from './lib/server.js';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    burst: { type: 'string', default: '10000' },
    addresses: { type: 'string', default: '5' },
    honest: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '32' },
    window: { type: 'string', default: '30' },
  },
});
const BURST = Number(args.burst);
const HONEST = Number(args.honest);
const CONCURRENCY = Number(args.concurrency);
const WINDOW_MS = Number(args.window) * 1000;
// Five addresses in five different networks: the attacker gets no help from network grouping.
const BURST_ADDRESSES = [
  '198.51.100.7',
  '203.0.113.9',
  '192.0.2.33',
  '100.64.1.1',
  '172.16.5.5',
  '185.199.108.4',
  '45.33.32.1',
].slice(0, Number(args.addresses));
const SIGN_PATH = `/en/p/${DEMO_SLUG}/sign`;

/** Honest signer j: an address in a /24 of its own. */
const honestAddress = (j) => `10.${20 + (j >> 8)}.${j & 255}.${1 + (j % 250)}`;

function outcomeOf(status, location) {
  if (status === 303 && location.includes('/thanks')) {
    if (location.includes('confirm=1')) return 'pending';
    if (location.includes('already=1')) return 'already';
    return 'counted';
  }
  if (status === 429) return 'limited';
  if (status === 403 || status === 422) return 'blocked';
  return `status ${status}`;
}

async function sign(baseUrl, address, email, name, extra = '') {
  const body = `name=${encodeURIComponent(name)}&email=${encodeURIComponent(email)}&postal_code=06106&comment=&name_display=hidden&website=${extra}`;
  const res = await fetch(`${baseUrl}${SIGN_PATH}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: baseUrl,
      'Sec-Fetch-Site': 'same-origin',
      'X-Forwarded-For': address,
    },
    body,
  });
  await res.arrayBuffer();
  return outcomeOf(res.status, res.headers.get('location') ?? '');
}

/** What a browser with pow.js does: ask whether proof of work is needed, and solve it if so. */
async function honestSigner(baseUrl, j) {
  const address = honestAddress(j);
  const res = await fetch(`${baseUrl}/en/p/${DEMO_SLUG}/challenge`, {
    headers: { Accept: 'application/json', 'X-Forwarded-For': address },
  });
  const challenge = res.ok ? await res.json() : { required: false };
  let extra = '';
  let solvedMs = 0;
  if (challenge.required === true) {
    const started = performance.now();
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
      .promise;
    solvedMs = performance.now() - started;
    if (solution !== null) {
      const payload = {
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number: solution.number,
        salt: challenge.salt,
        signature: challenge.signature,
      };
      extra = `&altcha=${encodeURIComponent(Buffer.from(JSON.stringify(payload)).toString('base64'))}`;
    }
  }
  const postedAtMs = performance.now() - runStarted;
  const outcome = await sign(baseUrl, address, `honest-${j}@example.org`, `Honest Signer ${j}`, extra);
  return { outcome, pow: challenge.required === true, solvedMs, postedAtMs };
}

function tally(outcomes) {
  const counts = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

async function settledCount(baseUrl, expected) {
  const deadline = Date.now() + 10_000;
  let count = await readCount(baseUrl);
  while (count !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    count = await readCount(baseUrl);
  }
  return count;
}

/** One browser's solve, alone on a core: the benchmark solves every honest signer's challenge in one process. */
async function soloSolveMs(baseUrl) {
  const times = [];
  for (let k = 0; k < 5; k += 1) {
    const res = await fetch(`${baseUrl}/en/p/${DEMO_SLUG}/challenge`, {
      headers: { Accept: 'application/json', 'X-Forwarded-For': `10.250.${k}.1` },
    });
    const challenge = await res.json();
    if (challenge.required !== true) return undefined;
    const started = performance.now();
    await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

let runStarted = 0;
const loadBefore = os.loadavg();
const server = await startFirma({ engine: args.engine, label: 'burst' });
try {
  const started = performance.now();
  runStarted = started;
  // The burst: CONCURRENCY connections, request i from address i mod 5, a new email every time.
  const burstOutcomes = new Array(BURST);
  let firstHeld = -1;
  let next = 0;
  const burstWorkers = Array.from({ length: CONCURRENCY }, async () => {
    while (next < BURST) {
      const i = next++;
      const outcome = await sign(
        server.baseUrl,
        BURST_ADDRESSES[i % BURST_ADDRESSES.length],
        `bot-${i}@mailbox-${i % 13}.example`,
        `Bot ${i}`,
      );
      burstOutcomes[i] = outcome;
      if (outcome !== 'counted' && firstHeld < 0) firstHeld = i;
    }
  });
  let burstDoneMs = 0;
  const burstDone = Promise.all(burstWorkers).then(() => {
    burstDoneMs = performance.now() - started;
  });
  // The honest signers, one every WINDOW_MS / HONEST from the moment the burst starts.
  const honest = await Promise.all(
    Array.from({ length: HONEST }, async (_, j) => {
      await new Promise((r) => setTimeout(r, (j * WINDOW_MS) / HONEST));
      return honestSigner(server.baseUrl, j);
    }),
  );
  const honestDoneMs = performance.now() - started;
  await burstDone;

  const burst = tally(burstOutcomes);
  const honestTally = tally(honest.map((h) => h.outcome));
  const expected = DEMO_SIGNATURES + (burst.counted ?? 0) + (honestTally.counted ?? 0);
  const json = await settledCount(server.baseUrl, expected);
  const rows = await countRows(server);
  const solved = honest.filter((h) => h.pow);
  const postedWithinMinute = honest.filter((h) => h.postedAtMs <= 60_000).length;
  const lastPostS = Math.max(...honest.map((h) => h.postedAtMs)) / 1000;
  const soloMs = await soloSolveMs(server.baseUrl);
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    load: { before: loadBefore, after: os.loadavg() },
    engine: args.engine,
    burst: {
      requests: BURST,
      addresses: BURST_ADDRESSES.length,
      outcomes: burst,
      firstNotCountedAt: firstHeld,
      durationMs: Math.round(burstDoneMs),
    },
    honest: {
      signers: HONEST,
      outcomes: honestTally,
      withProofOfWork: solved.length,
      solveMsMax: Math.round(Math.max(0, ...solved.map((h) => h.solvedMs))),
      postedWithinMinute,
      lastPostS,
      soloSolveMedianMs: soloMs === undefined ? null : Math.round(soloMs),
      durationMs: Math.round(honestDoneMs),
    },
    count: {
      json,
      expected,
      confirmedRows: rows.rows,
      allRows: rows.allRows,
      exact: json === expected && rows.rows === expected,
    },
  };
  console.log(JSON.stringify(result, null, 2));
  const f = (n) => (n ?? 0).toLocaleString('en-US');
  console.log(
    `\n== signing burst (${args.engine}), ${result.date}, ${result.machine.cpus} × ${result.machine.model}, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(
    `  burst:  ${f(BURST)} requests from ${BURST_ADDRESSES.length} addresses in ${(burstDoneMs / 1000).toFixed(1)} s: counted ${f(burst.counted)} (the first one not counted was request #${f(firstHeld)}), pending ${f(burst.pending)}, refused 429 ${f(burst.limited)}, blocked ${f(burst.blocked)}, other ${JSON.stringify(Object.fromEntries(Object.entries(burst).filter(([k]) => !['counted', 'pending', 'limited', 'blocked'].includes(k))))}`,
  );
  console.log(
    `  honest: ${f(HONEST)} signers from ${f(HONEST)} addresses, starting over ${args.window} s: counted ${f(honestTally.counted)} of ${f(HONEST)}; ${postedWithinMinute} posted within the first minute, the last at ${lastPostS.toFixed(1)} s; ${solved.length} solved a proof of work (sharing this one process: at most ${(result.honest.solveMsMax / 1000).toFixed(1)} s; alone: median ${result.honest.soloSolveMedianMs ?? '—'} ms); ${JSON.stringify(honestTally)}`,
  );
  console.log(
    `  count:  JSON ${json}, confirmed rows ${rows.rows}, expected ${DEMO_SIGNATURES} + ${f(burst.counted)} + ${f(honestTally.counted)} = ${expected}: ${result.count.exact ? 'EXACT' : 'MISMATCH'}`,
  );
  if ((honestTally.counted ?? 0) !== HONEST) process.exitCode = 1;
} finally {
  await server.cleanUp();
}
