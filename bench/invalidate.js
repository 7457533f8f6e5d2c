// Bulk invalidation benchmark: 100,000 scripted signatures of the demo petition taken out of the
// count by the in-process job (batches of 1,000), then put back by a reversal.
//  - the time from "queued" to "done" and from "reversing" to "reversed", and the rate per second;
//  - the longest wait of a GET /healthz probe sent every 20 ms meanwhile (how long the web process
//    was blocked: signers wait at most that long);
//  - that the public count dropped by exactly the invalidated signatures and came back exactly.
// The invalidation row is written as the admin form writes it (criteria JSON, state 'queued').
// Usage: see USAGE (or --help).
import {
  DEMO_PETITION_ID as PETITION,
  numberSeries,
  openDatabase,
  parseBenchArgs,
  probeLatency,
  report,
  scalar,
} from './lib/job-bench.js';
import { readCount, startFirma } from './lib/server.js';

const USAGE = 'npm run build && node bench/invalidate.js [--engine sqlite|postgres] [--signatures 100000] [--json]';
const DOMAIN = 'scripted.bench.example';

/** `count` confirmed signatures from one disposable domain, inserted by the database itself, and counted. */
async function addScriptedSignatures(db, engine, count) {
  const created = new Date(Date.now() - 3600 * 1000).toISOString();
  const { series, n } = numberSeries(engine, count);
  await db.query(
    `INSERT INTO signatures (petition_id, locale, name, email, email_normalized, email_domain, postal_code, town, comment, name_display, opt_in, source, status, ip_hash, created_at, token_salt, token_hash, confirmed_at)
     SELECT ${PETITION}, 'en', 'Scripted ' || ${n}, 'bot-' || ${n} || '@${DOMAIN}', 'bot-' || ${n} || '@${DOMAIN}', '${DOMAIN}',
       '06106', 'Hartford', NULL, 'hidden', 1, NULL, 'confirmed', NULL, ?, 'salt-' || ${n}, 'scripted-hash-' || ${n}, ?
     FROM (${series}) AS numbers`,
    [created, created],
  );
  await db.query(
    `INSERT INTO petition_count_shards (petition_id, shard, signature_count) VALUES (${PETITION}, 0, ?)
     ON CONFLICT (petition_id, shard) DO UPDATE SET signature_count = petition_count_shards.signature_count + ?`,
    [count, count],
  );
}

/** Waits for the invalidation to reach `state`; the seconds it took. */
async function timeUntil(db, id, state, limitMs = 10 * 60_000) {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const [row] = await db.query('SELECT state FROM invalidations WHERE id = ?', [id]);
    if (row.state === state) return (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`invalidation ${id} did not reach '${state}' within ${limitMs / 1000} s`);
}

/** The seconds until the invalidation reaches `state`, and the longest /healthz wait meanwhile. */
async function timed(server, db, id, state) {
  const probe = probeLatency(server.baseUrl, 20);
  const seconds = await timeUntil(db, id, state);
  return { seconds, latency: await probe.stop() };
}

export async function benchInvalidate({ engine = 'sqlite', signatures = 100_000 } = {}) {
  const server = await startFirma({ engine, label: 'firma-invalidate', env: { RATE_LIMIT_SIGN_PER_MINUTE: '0' } });
  const db = await openDatabase(server);
  try {
    await addScriptedSignatures(db, engine, signatures);
    await new Promise((r) => setTimeout(r, 1100)); // the public count is cached for a second
    const countBefore = await readCount(server.baseUrl);
    const upToId = await scalar(db, `SELECT max(id) AS n FROM signatures WHERE petition_id = ${PETITION}`);
    const criteria = {
      emailPattern: null,
      domain: DOMAIN,
      network: null,
      address: null,
      zip: null,
      from: null,
      until: null,
      upToId,
    };
    await db.query(
      `INSERT INTO invalidations (petition_id, criteria, reason, state, matched, processed, after_id, created_by, created_at)
       VALUES (${PETITION}, ?, 'benchmark', 'queued', ?, 0, 0, NULL, ?)`,
      [JSON.stringify(criteria), signatures, new Date().toISOString()],
    );
    const id = await scalar(db, 'SELECT max(id) AS n FROM invalidations');

    const forward = await timed(server, db, id, 'done');
    const processed = await scalar(db, 'SELECT processed AS n FROM invalidations WHERE id = ?', [id]);
    await new Promise((r) => setTimeout(r, 1100));
    const countAfter = await readCount(server.baseUrl);

    await db.query("UPDATE invalidations SET state = 'reversing' WHERE id = ?", [id]);
    const reverse = await timed(server, db, id, 'reversed');
    await new Promise((r) => setTimeout(r, 1100));
    const countRestored = await readCount(server.baseUrl);
    return {
      engine,
      signatures,
      invalidate: {
        seconds: forward.seconds,
        perS: processed / forward.seconds,
        processed,
        healthzMaxMs: forward.latency.maxMs,
        healthzProbes: forward.latency.probes,
      },
      reverse: {
        seconds: reverse.seconds,
        perS: signatures / reverse.seconds,
        healthzMaxMs: reverse.latency.maxMs,
        healthzProbes: reverse.latency.probes,
      },
      count: {
        before: countBefore,
        after: countAfter,
        restored: countRestored,
        exact: countAfter === countBefore - signatures && countRestored === countBefore && processed === signatures,
      },
    };
  } finally {
    await db.close();
    await server.cleanUp();
  }
}

export function printInvalidate(r) {
  const f0 = (x) => (x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
  console.log(`\n== bulk invalidation (${r.engine}; ${f0(r.signatures)} signatures)`);
  console.log(
    `  queued → done:        ${r.invalidate.seconds.toFixed(1)} s = ${f0(r.invalidate.perS)} signatures/s (${f0(r.invalidate.processed)} processed)`,
  );
  console.log(
    `  longest GET /healthz: ${r.invalidate.healthzMaxMs.toFixed(0)} ms (${f0(r.invalidate.healthzProbes)} probes every 20 ms)`,
  );
  console.log(`  reversing → reversed: ${r.reverse.seconds.toFixed(1)} s = ${f0(r.reverse.perS)} signatures/s`);
  console.log(
    `  longest GET /healthz: ${r.reverse.healthzMaxMs.toFixed(0)} ms (${f0(r.reverse.healthzProbes)} probes every 20 ms)`,
  );
  console.log(
    `  public count:         ${f0(r.count.before)} → ${f0(r.count.after)} → ${f0(r.count.restored)} (${r.count.exact ? 'exact' : 'MISMATCH'})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const values = parseBenchArgs(USAGE, {
    engine: { type: 'string', default: 'sqlite' },
    signatures: { type: 'string', default: '100000' },
  });
  report(
    await benchInvalidate({ engine: values.engine, signatures: Number(values.signatures) }),
    values.json,
    printInvalidate,
  );
}
