// Update fan-out benchmark: an update emailed to ~100,000 opted-in signers of the demo petition.
//  1. signing for --duration seconds with nothing else going on (the baseline);
//  2. an update marked "email signers" is posted (a petition_updates row, as the form writes it) while
//     the same signing load runs: the time until the in-process job has queued every email (one
//     outbox row per signer, in batches of 1,000), the signing rate during that time, and the
//     longest wait of a GET /healthz probe sent every 20 ms (how long the web process was blocked).
// The in-process mail worker sends to a local SMTP sink meanwhile, as it would in production.
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
import { runAutocannon, signRequests } from './lib/load.js';
import { describeLoad } from './lib/report.js';
import { startFirma } from './lib/server.js';
import { createTally } from './lib/signers.js';
import { startSmtpSink } from './lib/smtp-sink.js';

const USAGE =
  'node bench/update-fanout.js [--engine sqlite|postgres] [--signers 100000] [--duration 15] [--connections 32] [--json]';
const RECIPIENTS = `petition_id = ${PETITION} AND status = 'confirmed' AND opt_in = 1 AND unsubscribed_at IS NULL`;

/** `count` confirmed, opted-in signers, created a day ago, inserted by the database itself in one statement. */
async function addSigners(db, engine, count) {
  const created = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const { series, n } = numberSeries(engine, count);
  await db.query(
    `INSERT INTO signatures (petition_id, locale, name, email, email_normalized, postal_code, town, comment, name_display, opt_in, source, status, ip_hash, created_at, token_salt, token_hash, confirmed_at)
     SELECT ${PETITION}, CASE WHEN n % 3 = 0 THEN 'es' ELSE 'en' END, 'Fan-out Signer ' || ${n}, 'fanout-' || ${n} || '@bench.example', 'fanout-' || ${n} || '@bench.example',
       '06106', 'Hartford', NULL, 'full', 1, NULL, 'confirmed', NULL, ?, 'salt-' || ${n}, 'fanout-hash-' || ${n}, ?
     FROM (${series}) AS numbers`,
    [created, created],
  );
}

export async function benchUpdateFanout({
  engine = 'sqlite',
  signers = 100_000,
  durationS = 15,
  connections = 32,
} = {}) {
  const sink = await startSmtpSink();
  const server = await startFirma({
    engine,
    label: 'firma-fanout',
    env: { SMTP_URL: sink.url, MAIL_FROM: 'Firma <firma@bench.example>', RATE_LIMIT_SIGN_PER_MINUTE: '0' },
  });
  const db = await openDatabase(server);
  try {
    await addSigners(db, engine, signers);
    const baselineTally = createTally();
    const baseline = await runAutocannon({
      url: server.baseUrl,
      connections,
      durationS,
      requests: signRequests(server.baseUrl, baselineTally, `b${Date.now().toString(36)}`),
    });

    // The same load again, for at least 30 s; 3 s in, the update is posted (the job looks every 2 s).
    const tally = createTally();
    const loadS = Math.max(durationS, 30);
    const loadStarted = performance.now();
    const loading = runAutocannon({
      url: server.baseUrl,
      connections,
      durationS: loadS,
      requests: signRequests(server.baseUrl, tally, `f${Date.now().toString(36)}`),
    });
    await new Promise((r) => setTimeout(r, 3000));
    const postedAt = new Date().toISOString();
    const expected = await scalar(db, `SELECT count(*) AS n FROM signatures WHERE ${RECIPIENTS} AND created_at <= ?`, [
      postedAt,
    ]);
    const probe = probeLatency(server.baseUrl, 20);
    await db.query(
      `INSERT INTO petition_updates (petition_id, author_id, created_at, email_signers, fanout_after_id) VALUES (${PETITION}, NULL, ?, 1, 0)`,
      [postedAt],
    );
    const updateId = await scalar(db, 'SELECT max(id) AS n FROM petition_updates', []);
    await db.query(
      "INSERT INTO petition_update_texts (update_id, locale, title, body) VALUES (?, 'en', 'We met the committee', 'On Tuesday we handed over the signatures.'), (?, 'es', 'Nos reunimos con el comité', 'El martes entregamos las firmas.')",
      [updateId, updateId],
    );
    const started = performance.now();
    const acceptedAtStart = tally.accepted;
    let queuedAt;
    let pickedUpAt;
    while (queuedAt === undefined && performance.now() - started < 10 * 60_000) {
      const [row] = await db.query(
        'SELECT fanout_after_id AS after, fanout_done_at AS done FROM petition_updates WHERE id = ?',
        [updateId],
      );
      if (pickedUpAt === undefined && Number(row.after) > 0) pickedUpAt = performance.now();
      if (row.done !== null) queuedAt = performance.now();
      else await new Promise((r) => setTimeout(r, 50));
    }
    const acceptedDuring = tally.accepted - acceptedAtStart;
    const loadCoveredFanout = performance.now() - loadStarted < loadS * 1000;
    const fanoutS = ((queuedAt ?? performance.now()) - started) / 1000;
    const queuingS = ((queuedAt ?? performance.now()) - (pickedUpAt ?? started)) / 1000;
    const latency = await probe.stop();
    const during = await loading;
    const queued = await scalar(
      db,
      "SELECT count(*) AS n FROM mail_outbox WHERE kind = 'petition_update' AND dedupe_key LIKE ?",
      [`update:${updateId}:%`],
    );
    return {
      engine,
      signers,
      connections,
      baseline: { acceptedPerS: baselineTally.accepted / baseline.durationS, load: baseline },
      fanout: {
        expected,
        queued,
        exact: expected === queued,
        secondsFromPost: fanoutS,
        secondsQueuing: queuingS,
        emailsQueuedPerS: queued / queuingS,
        signingPerSDuring: acceptedDuring / fanoutS,
        /** False when the fan-out outlasted the signing load (the rate above then undercounts). */
        loadCoveredFanout,
        healthzMaxMs: latency.maxMs,
        healthzProbes: latency.probes,
      },
      loadAfter: during,
      sentToSinkMeanwhile: sink.received(),
    };
  } finally {
    await db.close();
    await server.cleanUp();
    await sink.close();
  }
}

export function printUpdateFanout(r) {
  const f0 = (x) => Math.round(x).toLocaleString('en-US');
  console.log(
    `\n== update fan-out (${r.engine}; ${f0(r.signers)} opted-in signers; ${r.connections} signing connections)`,
  );
  console.log(
    `  signing, baseline:              ${f0(r.baseline.acceptedPerS)} signatures/s; ${describeLoad(r.baseline.load)}`,
  );
  console.log(
    `  update posted → all emails queued: ${r.fanout.secondsFromPost.toFixed(1)} s (${r.fanout.secondsQueuing.toFixed(1)} s queuing after the job picked it up, ≤ 2 s poll) = ${f0(r.fanout.emailsQueuedPerS)} emails/s`,
  );
  console.log(
    `  emails queued:                  ${f0(r.fanout.queued)} of ${f0(r.fanout.expected)} expected (${r.fanout.exact ? 'exact' : 'MISMATCH'})`,
  );
  console.log(
    `  signing while it ran:           ${f0(r.fanout.signingPerSDuring)} signatures/s${r.fanout.loadCoveredFanout ? '' : ' (the fan-out outlasted the load: undercounted)'}; whole run ${describeLoad(r.loadAfter)}`,
  );
  console.log(
    `  longest GET /healthz meanwhile: ${r.fanout.healthzMaxMs.toFixed(0)} ms (${f0(r.fanout.healthzProbes)} probes every 20 ms)`,
  );
  console.log(`  emails sent to the SMTP sink by then: ${f0(r.sentToSinkMeanwhile)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const values = parseBenchArgs(USAGE, {
    engine: { type: 'string', default: 'sqlite' },
    signers: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '32' },
  });
  const result = await benchUpdateFanout({
    engine: values.engine,
    signers: Number(values.signers),
    durationS: Number(values.duration),
    connections: Number(values.connections),
  });
  report(result, values.json, printUpdateFanout);
}
