// The real `firma serve` process for tests: compiled once per change of the sources with tsc, started
// with a clean environment, talked to over HTTP, and stopped (or killed) by the test that started it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_SLUG = 'ct-trust-act';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Started {
  child: ChildProcess;
  exited: Promise<Exit>;
  output: () => string;
}

export interface Server extends Started {
  port: number;
}

export interface Reply {
  status: number;
  location: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Every source file's path, size and change time: a new build is made when any of them changes. */
function sourceStamp(): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        hash.update(`${full}:${stat.size}:${stat.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  hash.update(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json')));
  return hash.digest('hex').slice(0, 12);
}

let built: string | undefined;

/**
 * A build shared by every process test of this run, under dist/ (gitignored, beside node_modules so imports
 * resolve), apart from `npm run build`: made once by whichever test file gets there first, while the others wait.
 */
export function buildDir(): string {
  if (built === undefined) throw new Error('buildFirma() first');
  return built;
}

export async function buildFirma(): Promise<void> {
  const dir = path.join(ROOT, 'dist', `test-build-${sourceStamp()}`);
  const done = path.join(dir, '.built');
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 170_000;
  // A fresh clone has no dist/ yet: the lock is made inside it.
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  while (!fs.existsSync(done)) {
    try {
      fs.mkdirSync(lock, { recursive: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // fs errors carry a code
      // Another test file is building it, or a run that was killed left its lock behind.
      const lockAge = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (lockAge > 180_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for the build in ${dir}`, { cause: err });
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (fs.existsSync(done)) break;
      const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const build = spawn(
        process.execPath,
        [tsc, '-p', 'tsconfig.build.json', '--outDir', dir, '--sourceMap', 'false'],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
      if (!fs.existsSync(path.join(dir, 'main.js'))) throw new Error(`the build failed (exit ${code}):\n${output}`);
      fs.writeFileSync(done, '');
      // Builds of earlier sources left by earlier runs (an hour old: a parallel run may still use a recent one).
      for (const old of fs.readdirSync(path.join(ROOT, 'dist'))) {
        const full = path.join(ROOT, 'dist', old);
        if (old.startsWith('test-build-') && full !== dir && Date.now() - fs.statSync(full).mtimeMs > 3600_000)
          fs.rmSync(full, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  built = dir;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

export function launch(args: string[], env: Record<string, string>): Started {
  // A clean environment: nothing from the test run (DATABASE_URL, TEST_DATABASE_URL...) leaks in.
  const child = spawn(process.execPath, [path.join(buildDir(), 'main.js'), ...args], {
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

/** Kills every process this file started (afterEach), and removes the build and temporary folders (afterAll). */
export function killAll(): void {
  for (const child of children) child.kill('SIGKILL');
}

export function cleanUp(): void {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-process-'));
  tempDirs.push(dir);
  return dir;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface RequestOptions {
  body?: string;
  /** A keep-alive agent to reuse connections; by default each request has its own connection. */
  agent?: http.Agent;
  headers?: Record<string, string>;
}

export function request(
  port: number,
  method: 'GET' | 'POST',
  urlPath: string,
  options: RequestOptions = {},
): Promise<Reply> {
  const { body, agent, headers = {} } = options;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent: agent ?? false,
        headers:
          body === undefined
            ? headers
            : {
                'Content-Type': 'application/x-www-form-urlencoded',
                Origin: `http://localhost:${port}`,
                'Sec-Fetch-Site': 'same-origin',
                ...headers,
              },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, location: res.headers.location, headers: res.headers, body: text }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function waitUntil(
  what: string,
  deadlineMs: number,
  check: () => Promise<boolean>,
  detail: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not happen within ${deadlineMs} ms. Output:\n${detail()}`);
}

/** True once the site is built: /readyz says anything but "starting" (ready, or which outage keeps it from it). */
export async function siteBuilt(port: number): Promise<boolean> {
  const answer = await request(port, 'GET', '/readyz');
  return answer.status === 200 || (answer.status === 503 && !answer.body.includes('"starting"'));
}

/** Starts `firma serve` and waits until its site is built (/readyz); the environment adds to a data directory, a port and no rate limit. */
export async function serve(env: Record<string, string>, args: string[] = []): Promise<Server> {
  const port = await freePort();
  const started = launch(['serve', ...args], {
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMIT_SIGN_PER_MINUTE: '0',
    ...env,
  });
  let exit: Exit | undefined;
  void started.exited.then((e) => (exit = e));
  await waitUntil(
    'the server answering /readyz (or exiting)',
    90_000,
    async () => exit !== undefined || (await siteBuilt(port)),
    started.output,
  );
  if (exit !== undefined) throw new Error(`the server exited (${JSON.stringify(exit)}):\n${started.output()}`);
  return { ...started, port };
}

export function signatureBody(email: string, name = 'Test Signer'): string {
  return new URLSearchParams({
    name,
    email,
    postal_code: '06106',
    comment: '',
    name_display: 'full',
    website: '',
  }).toString();
}

export const POSTGRES_URL = process.env['TEST_DATABASE_URL'];

/** A PostgreSQL database of its own for one process test (a process is given a URL, not a schema), dropped after. */
export async function createPostgresDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  if (POSTGRES_URL === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `firma_proc_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** What a restart does to each connection: the server ends every backend of `database` (57P01). */
export async function terminateBackends(database: string): Promise<number> {
  if (POSTGRES_URL === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: boolean }>(
      'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return rows.filter((r) => r.ended).length;
  } finally {
    await admin.end();
  }
}

/** A direct connection to a process test's PostgreSQL database, for checking what it stored. */
export async function queryPostgres<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
