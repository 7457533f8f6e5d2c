// Starts the real Firma server (or the hello-world baseline) as a child process on loopback.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { backendPids, createDatabase, dropDatabase } from './postgres.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_SLUG = 'ct-trust-act';
export const DEMO_SIGNATURES = 120;

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not answer ${url} within ${deadlineMs} ms`);
}

function spawnNode(args, env, label) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (chunk) => {
    tail.push(chunk.toString());
    if (tail.length > 50) tail.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', (code, signal) => {
    if (code !== 0 && code !== null && !child.stopping)
      console.error(`[${label}] exited with ${code}:\n${tail.join('')}`);
    if (signal !== null && !child.stopping) console.error(`[${label}] killed by ${signal}:\n${tail.join('')}`);
  });
  child.tail = tail;
  return child;
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.stopping = true;
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `node dist/main.js serve` on a fresh database: a temporary data directory for SQLite,
 * or a freshly created PostgreSQL database (dropped by stop()). The server seeds the demo petition.
 * `env` overrides any variable (e.g. RATE_LIMIT_SIGN_PER_MINUTE, DATABASE_POOL_SIZE).
 */
/**
 * The node flags `npm start` runs the server with (package.json's start script), so the benchmark
 * measures the server as it is started in production, not a differently tuned one.
 */
export function startScriptNodeFlags() {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const match = /\bnode\s+((?:--\S+\s+)*)(?:dist\/main|bin\/firma)\.js serve\b/.exec(scripts.start ?? '');
  if (match === null)
    throw new Error('package.json: the start script does not run `node [flags] bin/firma.js serve` (or dist/main.js)');
  return match[1].split(/\s+/).filter(Boolean);
}

/** Extra node flags and environment for every Firma server a run starts (run-all's --server-flags, --env). */
export const serverDefaults = { nodeArgs: [], env: {} };

/**
 * Petitions ask signers to confirm by email by default (double opt-in): their signatures count
 * only after the link is opened. The signing targets are about signatures that count at once, so
 * by default the benchmark creates the demo petition first (`firma demo`) and turns confirmation
 * off for it; `verification: true` keeps the petition's default instead.
 */
async function prepareDemo(env, engine, databaseUrl, dataDir, verification, districts) {
  await promisify(execFile)(process.execPath, ['dist/main.js', 'demo'], { cwd: ROOT, env: { ...process.env, ...env } });
  const statements = [
    // The demo petition goes to each signer's senator and representative; without districts it goes to no one's.
    ...(districts ? [] : ['DELETE FROM petition_seat_targets']),
    ...(verification ? [] : ["UPDATE petitions SET requires_verification = 0 WHERE slug = 'ct-trust-act'"]),
  ];
  if (statements.length === 0) return;
  const sql = statements.join('; ');
  if (engine === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  } else {
    const db = new SQLite(path.join(dataDir, 'firma.db'));
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  }
}

export async function startFirma({
  engine = 'sqlite',
  env = {},
  nodeArgs = [],
  label = 'firma',
  verification = false,
  districts = true,
} = {}) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-bench-'));
  let databaseUrl;
  let pgDatabase;
  if (engine === 'postgres') {
    pgDatabase = `bench_${process.pid}_${Date.now().toString(36)}`;
    databaseUrl = await createDatabase(pgDatabase);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: baseUrl,
    FIRMA_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    FIRMA_DEMO: 'true',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
    FIRMA_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    NODE_ENV: 'production',
    ...serverDefaults.env,
    ...env,
  };
  let child;
  try {
    await prepareDemo(serverEnv, engine, databaseUrl, dataDir, verification, districts);
    child = spawnNode(
      [...startScriptNodeFlags(), ...serverDefaults.nodeArgs, ...nodeArgs, 'dist/main.js', 'serve'],
      serverEnv,
      label,
    );
    await waitForHttp(`${baseUrl}/readyz`, child, 30_000);
    const count = await readCount(baseUrl);
    if (count !== DEMO_SIGNATURES)
      throw new Error(`expected the demo petition with ${DEMO_SIGNATURES} signatures, found ${count}`);
  } catch (err) {
    if (child !== undefined) await stopChild(child);
    if (pgDatabase !== undefined) await dropDatabase(pgDatabase);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    engine,
    verification,
    port,
    baseUrl,
    pid: child.pid,
    dataDir,
    databaseUrl,
    child,
    /** The PostgreSQL backends of the server's pool right now (none on SQLite). */
    databasePids: () => (pgDatabase === undefined ? Promise.resolve([]) : backendPids(pgDatabase)),
    /** Stops the server gracefully, leaving its database for a check; cleanUp() removes it. */
    async stop() {
      await stopChild(child);
    },
    async cleanUp() {
      await stopChild(child);
      if (pgDatabase !== undefined) await dropDatabase(pgDatabase);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The baseline: Node's plain http module, no framework, no database. */
export async function startHello({ pageBytes = 12_281 } = {}) {
  const port = await freePort();
  const child = spawnNode(
    [fileURLToPath(new URL('../hello-server.js', import.meta.url))],
    { PORT: String(port), PAGE_BYTES: String(pageBytes) },
    'hello',
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/`, child, 10_000);
  return { port, baseUrl, pid: child.pid, child, stop: () => stopChild(child), cleanUp: () => stopChild(child) };
}

/** The public count, as integrators read it. */
export async function readCount(baseUrl, slug = DEMO_SLUG) {
  const res = await fetch(`${baseUrl}/p/${slug}.json`);
  if (!res.ok) throw new Error(`GET /p/${slug}.json answered ${res.status}`);
  const json = await res.json();
  return json.signature_count;
}
