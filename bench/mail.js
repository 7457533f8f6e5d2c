// Mail benchmark (SQLite, the default engine):
//  1. signing with an empty outbox, 20 s at 64 connections of distinct signers: each signature
//     queues its confirmation email in the same transaction (no worker running, so mail piles up);
//  2. signing again for 20 s, now with the backlog of step 1 (≈100,000 queued emails) in the outbox;
//  3. a `firma worker` process drains the whole backlog to a local SMTP sink: emails/s, and the
//     worker's memory over the drain (RSS at start, peak and end);
//  4. signing for 20 s while a worker drains at the same time.
// Usage: node bench/mail.js [--duration 20] [--connections 64] [--json]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { runAutocannon, signRequests } from './lib/load.js';
import { describeLoad } from './lib/report.js';
import { mib, sampleRss } from './lib/rss.js';
import { startFirma } from './lib/server.js';
import { createTally } from './lib/signers.js';
import { startSmtpSink } from './lib/smtp-sink.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function outbox(dataDir) {
  const db = new SQLite(path.join(dataDir, 'firma.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT status, count(*) AS n FROM mail_outbox GROUP BY status').all();
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}

async function signFor(server, durationS, connections, tag) {
  const tally = createTally();
  const load = await runAutocannon({
    url: server.baseUrl,
    connections,
    durationS,
    requests: signRequests(server.baseUrl, tally, tag),
  });
  return {
    load,
    accepted: tally.accepted,
    acceptedPerS: tally.accepted / load.durationS,
    other: Object.fromEntries(tally.other),
  };
}

function startWorker(server, smtpUrl) {
  const child = spawn(process.execPath, ['dist/main.js', 'worker'], {
    cwd: ROOT,
    env: {
      ...process.env,
      FIRMA_DATA_DIR: server.dataDir,
      BASE_URL: server.baseUrl,
      FIRMA_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Firma <firma@bench.example>',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return {
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function benchMail({ durationS = 20, connections = 64 } = {}) {
  const sink = await startSmtpSink();
  const server = await startFirma({
    engine: 'sqlite',
    env: { WORKER_IN_PROCESS: 'false', RATE_LIMIT_SIGN_PER_MINUTE: '0' },
    label: 'firma-mail',
  });
  try {
    const empty = await signFor(server, durationS, connections, `m1${Date.now().toString(36)}`);
    const backlogBefore = outbox(server.dataDir).queued ?? 0;
    const withBacklog = await signFor(server, durationS, connections, `m2${Date.now().toString(36)}`);
    const queued = outbox(server.dataDir).queued ?? 0;

    // Drain everything queued so far with one worker process, sampling its memory.
    const worker = startWorker(server, sink.url);
    const rss = sampleRss(worker.pid, 250);
    const started = performance.now();
    let firstAt;
    const deadline = Date.now() + 15 * 60_000;
    while (sink.received() < queued && Date.now() < deadline) {
      if (firstAt === undefined && sink.received() > 0) firstAt = performance.now();
      await new Promise((r) => setTimeout(r, 100));
    }
    const drainS = (performance.now() - (firstAt ?? started)) / 1000;
    const drained = sink.received();
    const memory = rss.stop();

    // Sign while that worker keeps draining what this load produces.
    const whileDraining = await signFor(server, durationS, connections, `m3${Date.now().toString(36)}`);
    await worker.stop();
    return {
      empty,
      withBacklog: { ...withBacklog, backlogAtStart: backlogBefore },
      drain: {
        queued,
        sent: drained,
        seconds: drainS,
        emailsPerS: drained / drainS,
        rssMiB: { start: mib(memory.startBytes), peak: mib(memory.peakBytes), end: mib(memory.endBytes) },
      },
      whileDraining,
      outboxAfter: outbox(server.dataDir),
    };
  } finally {
    await server.cleanUp();
    await sink.close();
  }
}

export function printMail(r) {
  const f0 = (x) => Math.round(x).toLocaleString('en-US');
  console.log('\n== mail (SQLite; every signature queues a confirmation email in its transaction)');
  console.log(
    `  signing, empty outbox:        ${f0(r.empty.acceptedPerS)} signatures/s; ${describeLoad(r.empty.load)}`,
  );
  console.log(
    `  signing, ${f0(r.withBacklog.backlogAtStart)} queued emails: ${f0(r.withBacklog.acceptedPerS)} signatures/s; ${describeLoad(r.withBacklog.load)}`,
  );
  console.log(
    `  drain to SMTP sink:           ${f0(r.drain.sent)} of ${f0(r.drain.queued)} emails in ${r.drain.seconds.toFixed(1)} s = ${f0(r.drain.emailsPerS)} emails/s; worker RSS ${f0(r.drain.rssMiB.start)} MiB at start, peak ${f0(r.drain.rssMiB.peak)} MiB, ${f0(r.drain.rssMiB.end)} MiB at end`,
  );
  console.log(
    `  signing while a worker drains: ${f0(r.whileDraining.acceptedPerS)} signatures/s; ${describeLoad(r.whileDraining.load)}`,
  );
  console.log(`  outbox afterwards:            ${JSON.stringify(r.outboxAfter)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '64' },
      json: { type: 'boolean', default: false },
    },
  });
  const result = await benchMail({ durationS: Number(values.duration), connections: Number(values.connections) });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printMail(result);
}
