// A fault run for the kiosk (docs/features.md#a-kiosk-for-events): twenty tablets send their kept signatures at once,
// each as kiosk.js does — in order, each until the server answers, again after an error — and the server is killed
// with SIGKILL in the middle, then started again on the same data. Every signature must be counted exactly once:
// those whose answer was lost with the process are sent again and found, not added. Then every tablet sends
// everything once more (a tablet that lost its queue's state): nothing is added.
// With --cut (PostgreSQL), the database connections are cut instead (pg_terminate_backend, three times, 300 ms
// apart) and the server keeps running.
// Usage: npm run build && node bench/kiosk-kill.js [--engine sqlite|postgres] [--tablets 20] [--each 100] [--cut]
import { spawn } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { query } from './lib/db.js';
import { startFirma, startScriptNodeFlags } from './lib/server.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    tablets: { type: 'string', default: '20' },
    each: { type: 'string', default: '100' },
    cut: { type: 'boolean', default: false },
  },
});
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

const server = await startFirma({ engine: values.engine, label: 'firma-kiosk-kill' });
let child = server.child;
try {
  const salt = 'bench-kiosk-salt';
  const token = createHmac('sha256', SECRET).update(`kiosk:${salt}`).digest('base64url');
  const now = new Date();
  await query(
    server,
    `INSERT INTO kiosk_links (petition_id, label, token_salt, token_hash, created_at, expires_at)
     VALUES (1, 'bench', ?, ?, ?, ?)`,
    [
      salt,
      createHash('sha256').update(token).digest('base64url'),
      now.toISOString(),
      new Date(now.getTime() + 4 * 3600_000).toISOString(),
    ],
  );
  const url = `${server.baseUrl}/kiosk/${token}/signatures`;
  const tablets = Array.from({ length: Number(values.tablets) }, (_, tablet) =>
    Array.from({ length: Number(values.each) }, (_, i) => ({
      submission_id: randomUUID(),
      name: `Kiosk Signer ${tablet}-${i}`,
      // Half give an email (found again by address), half none (found again by the signature's id).
      email: i % 2 === 0 ? `kiosk-${tablet}-${i}@example.org` : '',
      postal_code: '06106',
      locale: 'en',
      taken_at: new Date().toISOString(),
    })),
  );
  const answers = { 201: 0, 200: 0, errors: 0 };
  let sent = 0;
  async function send(entry) {
    for (;;) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.baseUrl },
          body: JSON.stringify(entry),
        });
        if (res.status === 201 || res.status === 200) {
          answers[res.status] += 1;
          return;
        }
        answers.errors += 1;
      } catch {
        answers.errors += 1;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const started = Date.now();
  const sending = Promise.all(
    tablets.map(async (queue) => {
      for (const entry of queue) {
        await send(entry);
        sent += 1;
      }
    }),
  );
  const total = tablets.length * Number(values.each);
  while (sent < total * 0.4) await new Promise((r) => setTimeout(r, 5));
  if (values.cut) {
    for (let i = 0; i < 3; i += 1) {
      const cut = await query(
        server,
        'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      console.log(`cut ${cut[0].n} database connections after ${sent} of ${total} acknowledged`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  if (!values.cut) await killAndRestart(`${sent} of ${total}`);
  await sending;
  const [{ n: counted }] = await query(server, "SELECT count(*) AS n FROM signatures WHERE method = 'kiosk'");
  console.log(
    `all ${total} acknowledged in ${((Date.now() - started) / 1000).toFixed(1)} s: ${answers[201]} recorded, ${answers[200]} found again (sent twice: the answer was lost), ${answers.errors} errors retried; ${counted} kiosk signatures stored`,
  );
  // A tablet that lost track sends everything again: nothing more is stored.
  const before = { ...answers };
  await Promise.all(
    tablets.map(async (queue) => {
      for (const entry of queue) await send(entry);
    }),
  );
  const [{ n: after }] = await query(server, "SELECT count(*) AS n FROM signatures WHERE method = 'kiosk'");
  console.log(
    `everything sent again: ${answers[200] - before[200]} found, ${answers[201] - before[201]} recorded; ${after} kiosk signatures stored (expected ${total})`,
  );
  if (Number(after) !== total || Number(counted) !== total) process.exitCode = 1;
  await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
} finally {
  await server.cleanUp();
}

async function killAndRestart(progress) {
  child.stopping = true;
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  console.log(`killed after ${progress} acknowledged`);
  child = spawn(process.execPath, [...startScriptNodeFlags(), 'dist/main.js', 'serve'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: {
      ...process.env,
      PORT: String(server.port),
      HOST: '127.0.0.1',
      BASE_URL: server.baseUrl,
      FIRMA_DATA_DIR: server.dataDir,
      DATABASE_URL: server.databaseUrl ?? '',
      FIRMA_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
