// Delivery benchmarks: the CSV export of 1,000,000 signatures downloaded from a running server (time, server RSS),
// and the PDF packet of 100,000 and 1,000 signatures downloaded the same way.
// Usage: npm run build && node bench/export.js [--csv 1000000] [--pdf 100000,1000] [--json out.json]
// Data comes from `firma demo --signatures N` (SQLite, a temporary data directory per size).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { connect } from '../dist/platform/db/connect.js';
import { createSession } from '../dist/accounts/session-store.js';
import { SESSION_COOKIE } from '../dist/web/middleware/session.js';
import { freePort, startScriptNodeFlags } from './lib/server.js';
import { mib, sampleRss } from './lib/rss.js';
import { processCpu } from './lib/cpu.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLUG = 'ct-trust-act';
const { values } = parseArgs({
  options: {
    csv: { type: 'string', default: '1000000' },
    pdf: { type: 'string', default: '100000,1000' },
    json: { type: 'string' },
  },
});

async function seed(signatures) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `firma-bench-export-${signatures}-`));
  const started = performance.now();
  const result = spawnSync(process.execPath, ['dist/main.js', 'demo', '--signatures', String(signatures)], {
    cwd: ROOT,
    env: { ...process.env, FIRMA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`firma demo failed with ${result.status}`);
  const seedS = (performance.now() - started) / 1000;
  // An admin with a session, so the benchmark downloads through the same routes as an organizer.
  const { db } = connect({ engine: 'sqlite', file: path.join(dataDir, 'firma.db') });
  const { id: userId } = await db
    .insertInto('users')
    .values({
      email: 'bench@example.org',
      name: 'Bench',
      role: 'admin',
      locale: 'en',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await createSession(db, userId, new Date());
  const { id: petitionId } = await db
    .selectFrom('petitions')
    .select('id')
    .where('slug', '=', SLUG)
    .executeTakeFirstOrThrow();
  await db.destroy();
  return { dataDir, seedS, cookie: `${SESSION_COOKIE}=${session}`, petitionId };
}

async function startServer(dataDir) {
  const port = await freePort();
  // The node flags of `npm start`, so the figures are for the server as it is started.
  const child = spawn(process.execPath, [...startScriptNodeFlags(), 'dist/main.js', 'serve', '--no-demo'], {
    cwd: ROOT,
    env: {
      ...process.env,
      FIRMA_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WORKER_IN_PROCESS: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

/** Downloads a URL, reading the body as it comes (as a browser saving a file does), while sampling the server's RSS. */
async function download(server, url, cookie) {
  const rss = sampleRss(server.child.pid, 50);
  const cpu0 = processCpu(server.child.pid);
  const load = os.loadavg()[0];
  const started = performance.now();
  const res = await fetch(url, { headers: { Cookie: cookie } });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) newlines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const memory = rss.stop();
  // The server's own CPU time: on a shared machine the wall-clock time also counts waiting for a core.
  const serverCpuSeconds = processCpu(server.child.pid) - cpu0;
  return {
    seconds,
    serverCpuSeconds,
    loadAverageBefore: load,
    bytes,
    newlines,
    startRssMiB: mib(memory.startBytes),
    peakRssMiB: mib(memory.peakBytes),
  };
}

const results = {
  date: new Date().toISOString(),
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  node: process.version,
  load: os.loadavg(),
  runs: [],
};

async function bench(size, kind) {
  const data = await seed(size);
  const server = await startServer(data.dataDir);
  try {
    const url =
      kind === 'csv'
        ? `${server.base}/organize/${data.petitionId}/export.csv`
        : `${server.base}/organize/${data.petitionId}/packet.pdf`;
    const run = { kind, signatures: size, seedSeconds: data.seedS, ...(await download(server, url, data.cookie)) };
    if (kind === 'csv' && run.newlines !== size + 1)
      throw new Error(`CSV had ${run.newlines} lines, expected ${size + 1}`);
    if (kind === 'pdf') {
      const file = path.join(data.dataDir, 'packet.pdf');
      fs.writeFileSync(file, Buffer.from(await (await fetch(url, { headers: { Cookie: data.cookie } })).arrayBuffer()));
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
      run.pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout ?? '')?.[1]);
    }
    results.runs.push(run);
    console.log(
      `${kind.toUpperCase()} ${size.toLocaleString('en')} signatures: ${run.seconds.toFixed(2)} s (server CPU ${run.serverCpuSeconds.toFixed(2)} s, load ${run.loadAverageBefore.toFixed(1)}), ${(run.bytes / 2 ** 20).toFixed(1)} MiB${run.pages === undefined ? '' : `, ${run.pages} pages`}; ` +
        `server RSS ${run.startRssMiB.toFixed(0)} → peak ${run.peakRssMiB.toFixed(0)} MiB (seeded in ${run.seedSeconds.toFixed(1)} s)`,
    );
  } finally {
    await server.stop();
    fs.rmSync(data.dataDir, { recursive: true, force: true });
  }
}

for (const size of values.csv.split(',').filter(Boolean).map(Number)) await bench(size, 'csv');
for (const size of values.pdf.split(',').filter(Boolean).map(Number)) await bench(size, 'pdf');
results.loadAfter = os.loadavg();
if (values.json !== undefined) fs.writeFileSync(values.json, JSON.stringify(results, null, 2));
