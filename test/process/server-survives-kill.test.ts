// The real `firma serve` process, compiled and run with Node: it starts, seeds the demo, keeps every
// acknowledged signature across kill -9, and refuses a bad configuration with exit code 2.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A build of our own under dist/ (gitignored, next to node_modules so imports resolve), apart from `npm run build`.
const BUILD_DIR = path.join(ROOT, 'dist', `process-test-${process.pid}`);
const MAIN = path.join(BUILD_DIR, 'main.js');
const DEMO_SLUG = 'ct-trust-act';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Started {
  child: ChildProcess;
  exited: Promise<Exit>;
  output: () => string;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

function launch(args: string[], env: Record<string, string>): Started {
  // A clean environment: nothing from the test run (DATABASE_URL, TEST_DATABASE_URL...) leaks in.
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exited, output: () => output };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Reply {
  status: number;
  location: string | undefined;
  body: string;
}

function request(port: number, method: 'GET' | 'POST', urlPath: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent: false,
        headers: body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://localhost:${port}`, 'Sec-Fetch-Site': 'same-origin' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function waitUntil(what: string, deadlineMs: number, check: () => Promise<boolean>, detail: () => string): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not happen within ${deadlineMs} ms. Output:\n${detail()}`);
}

interface Server extends Started {
  port: number;
}

async function serve(dataDir: string, args: string[] = []): Promise<Server> {
  const port = await freePort();
  const started = launch(['serve', ...args], { FIRMA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_SIGN_PER_MINUTE: '0' });
  let exit: Exit | undefined;
  void started.exited.then((e) => (exit = e));
  await waitUntil(
    'the server answering /healthz',
    60_000,
    async () => {
      if (exit !== undefined) throw new Error(`the server exited (${JSON.stringify(exit)}):\n${started.output()}`);
      return (await request(port, 'GET', '/healthz')).status === 200;
    },
    started.output,
  );
  return { ...started, port };
}

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-process-'));
  tempDirs.push(dir);
  return dir;
}

async function publicCount(port: number): Promise<number> {
  const reply = await request(port, 'GET', `/p/${DEMO_SLUG}.json`);
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body) as { signature_count: number }).signature_count; // the public JSON's documented shape
}

async function pendingCount(port: number): Promise<number> {
  const reply = await request(port, 'GET', `/p/${DEMO_SLUG}.json`);
  return (JSON.parse(reply.body) as { pending_count: number }).pending_count; // the public JSON's documented shape
}

describe('the firma server process', () => {
  beforeAll(async () => {
    const build = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR, '--sourceMap', 'false'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
    if (!fs.existsSync(MAIN)) throw new Error(`the build failed (exit ${code}):\n${output}`);
  }, 180_000);

  afterEach(async () => {
    // Only the processes this file started, each by its own handle.
    for (const child of children) child.kill('SIGKILL');
  });

  afterAll(() => {
    fs.rmSync(BUILD_DIR, { recursive: true, force: true });
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts on an empty data directory with the demo petition and its 120 signatures, and stops cleanly on SIGTERM', async () => {
    const server = await serve(tempDataDir());
    expect(await publicCount(server.port)).toBe(120);
    const page = await request(server.port, 'GET', `/en/p/${DEMO_SLUG}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('100 signatures reached');
    expect(page.body).toContain('Connecticut General Assembly');
    const es = await request(server.port, 'GET', `/es/p/${DEMO_SLUG}`);
    expect(es.body).toContain('100 firmas alcanzadas');

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('with --no-demo starts with no petitions', async () => {
    const server = await serve(tempDataDir(), ['--no-demo']);
    const home = await request(server.port, 'GET', '/en');
    expect(home.status).toBe(200);
    expect(home.body).toContain('There are no open petitions yet.');
    expect((await request(server.port, 'GET', `/p/${DEMO_SLUG}.json`)).status).toBe(404);
  }, 120_000);

  it('every signature acknowledged with a 303 survives kill -9 of the server, with its confirmation email, and the counts equal the rows', async () => {
    const dataDir = tempDataDir();
    const first = await serve(dataDir);
    const TOTAL = 200;
    const KILL_AFTER = 60;
    const acknowledged: string[] = [];
    let killed = false;
    const attempts = Array.from({ length: TOTAL }, async (_, i) => {
      const email = `survivor-${i}@example.org`;
      const body = new URLSearchParams({ name: `Survivor ${i}`, email, postal_code: '06106', comment: '', name_display: 'full', website: '' }).toString();
      try {
        const reply = await request(first.port, 'POST', `/en/p/${DEMO_SLUG}/sign`, body);
        if (reply.status === 303 && reply.location === `/en/p/${DEMO_SLUG}/thanks?confirm=1`) acknowledged.push(email);
        else if (!killed) throw new Error(`signature ${i} was answered ${reply.status} before the kill`);
      } catch (err) {
        // A request cut off by the kill was never acknowledged: the signer would try again.
        if (!killed) throw err;
      }
      if (acknowledged.length >= KILL_AFTER && !killed) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    });
    await Promise.all(attempts);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const second = await serve(dataDir);
    const db = new SQLite(path.join(dataDir, 'firma.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(db.prepare("select email from signatures where email like 'survivor-%'").pluck().all());
      const missing = acknowledged.filter((email) => !stored.has(email));
      expect(missing).toEqual([]);
      const rows = db.prepare('select count(*) from signatures').pluck().get();
      expect(rows).toBe(120 + stored.size);
      // Each stored signature's confirmation email was recorded with it, in the same transaction.
      const withMail = db.prepare("select count(distinct s.id) from signatures s join mail_outbox m on m.signature_id = s.id and m.kind = 'confirm' where s.email like 'survivor-%'").pluck().get();
      expect(withMail).toBe(stored.size);
      // The demo was not created a second time; the public count is the confirmed rows (the new
      // signatures wait for their confirmation), and the pending ones are all accounted for.
      expect(db.prepare('select count(*) from petitions').pluck().get()).toBe(1);
      expect(await publicCount(second.port)).toBe(db.prepare("select count(*) from signatures where status = 'confirmed'").pluck().get());
      expect(await pendingCount(second.port)).toBe(stored.size);
    } finally {
      db.close();
    }
  }, 180_000);

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://root@localhost/firma'],
    ['TRUST_PROXY', 'maybe'],
  ])('a bad %s (%j) stops it with exit code 2 and a message naming the variable', async (variable, value) => {
    const started = launch(['serve'], { FIRMA_DATA_DIR: tempDataDir(), PORT: '0', [variable]: value });
    expect(await started.exited).toEqual({ code: 2, signal: null });
    expect(started.output()).toMatch(new RegExp(`\\b${variable}\\b`));
    expect(started.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 60_000);
});
