// A fault run for webhooks (docs/security.md#webhooks): a signing spike on a petition with a webhook, the server
// killed with SIGKILL while its worker is sending, started again on the same data; then every counted signature must
// reach the receiver, and the repeats (sent, not yet recorded as sent when the process died) are counted: the
// receiver tells them by their webhook-id.
// Usage: npm run build && node bench/webhooks-kill.js [--duration 5] [--engine sqlite|postgres]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { runAutocannon, signRequests } from './lib/load.js';
import { query } from './lib/db.js';
import { freePort, startFirma, startScriptNodeFlags } from './lib/server.js';
import { createTally } from './lib/signers.js';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '5' }, engine: { type: 'string', default: 'sqlite' } },
});

const RECEIVER = `
const http = require('node:http');
const seen = new Map();
http.createServer((req, res) => {
  if (req.method === 'GET') {
    const repeats = [...seen.values()].filter((n) => n > 1).length;
    return res.end(JSON.stringify({ unique: seen.size, repeats }));
  }
  req.resume();
  req.on('end', () => {
    const id = req.headers['webhook-id'];
    seen.set(id, (seen.get(id) ?? 0) + 1);
    res.statusCode = 204;
    res.end();
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

const port = await freePort();
const receiver = spawn(process.execPath, ['-e', RECEIVER], { env: { ...process.env, PORT: String(port) } });
await new Promise((resolve) => receiver.stdout.once('data', resolve));
const counts = async () => (await fetch(`http://127.0.0.1:${port}/`)).json();

const env = { WEBHOOKS_ALLOW_PRIVATE: 'true' };
const server = await startFirma({ engine: values.engine, env, label: 'firma-webhooks-kill' });
try {
  await query(
    server,
    `INSERT INTO webhook_endpoints (petition_id, url, description, events, secret, created_at)
     VALUES (1, ?, 'kill', 'signature.confirmed', ?, ?)`,
    [`http://127.0.0.1:${port}/hook`, `whsec_${Buffer.alloc(32, 9).toString('base64')}`, new Date().toISOString()],
  );
  const tally = createTally();
  await runAutocannon({
    url: server.baseUrl,
    connections: 64,
    durationS: Number(values.duration),
    requests: signRequests(server.baseUrl, tally, `k${Date.now().toString(36)}`),
  });
  // Into the drain: kill it while it sends.
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if ((await counts()).unique > 500) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const before = await counts();
  server.child.stopping = true;
  server.child.kill('SIGKILL');
  await new Promise((resolve) => server.child.once('exit', resolve));
  console.log(`killed with ${before.unique} of ${tally.accepted} delivered`);
  const child = spawn(process.execPath, [...startScriptNodeFlags(), 'dist/main.js', 'serve'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: {
      ...process.env,
      PORT: String(server.port),
      HOST: '127.0.0.1',
      BASE_URL: server.baseUrl,
      FIRMA_DATA_DIR: server.dataDir,
      DATABASE_URL: server.databaseUrl ?? '',
      FIRMA_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const started = Date.now();
  let now = await counts();
  const [{ n: counted }] = await query(
    server,
    "SELECT count(*) AS n FROM signatures WHERE status = 'confirmed' AND id > 120",
  );
  while (now.unique < Number(counted) && Date.now() - started < 180_000) {
    await new Promise((r) => setTimeout(r, 200));
    now = await counts();
  }
  const statuses = await query(server, 'SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status');
  console.log(
    `after restart: ${now.unique} distinct messages for ${counted} counted signatures (${tally.accepted} acknowledged), ${now.repeats} sent twice, ${((Date.now() - started) / 1000).toFixed(1)} s; ${JSON.stringify(statuses)}`,
  );
  await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
} finally {
  await server.cleanUp();
  receiver.kill();
}
