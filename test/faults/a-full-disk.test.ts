// SQLite on a disk that fills up (a database limited by max_page_count, which fails exactly as a full disk
// does, with SQLITE_FULL): the signer gets the 503 page in their language and what they typed, the operator one
// log line naming the cause (not one per request), nothing acknowledged is lost, and signing comes back by
// itself once there is room. Before: "500 Something went wrong", and a log line per signer that read "cannot
// rollback - no transaction is active".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import type { TestDatabase } from '../support/databases.js';
import {
  buildFirma,
  cleanUp,
  DEMO_SLUG,
  freePort,
  killAll,
  launch,
  request,
  serve,
  siteBuilt,
  signatureBody,
  waitUntil,
} from '../support/firma-process.js';
import { makePetition } from '../support/factories.js';
import { postForm, testAppOn, validSignature, type TestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

interface LogLine {
  level: number;
  msg: string;
  cause?: string;
}

describe('SQLite on a full disk', () => {
  let t: TestApp | undefined;
  let dir: string | undefined;

  afterEach(async () => {
    await t?.close();
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openFileDatabase(): Promise<{ database: TestDatabase; connection: Connection }> {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-full-'));
    const config = { engine: 'sqlite' as const, file: path.join(dir, 'firma.db') };
    const connection = connect(config);
    await migrateToLatest(connection);
    return {
      connection,
      database: { connection, config, searchPath: undefined, close: () => connection.db.destroy() },
    };
  }

  it('a signer gets the 503 page with what they typed, one log line names the cause, and signing resumes when space is freed', async () => {
    const { database, connection } = await openFileDatabase();
    const lines: LogLine[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString()) as LogLine), done()),
      }),
    );
    t = testAppOn(database, { logger });
    const { slug } = await makePetition(connection.db);
    const pages = Number(
      (await sql<{ page_count: number }>`PRAGMA page_count`.execute(connection.db)).rows[0]?.page_count,
    );
    // Room for a few signatures, then the "disk" is full.
    await sql.raw(`PRAGMA max_page_count = ${pages + 4}`).execute(connection.db);

    const acknowledged: string[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 200 && refused === undefined; i += 1) {
      const email = `lleno-${i}@example.org`;
      const reply = await postForm(t, `/es/p/${slug}/sign`, validSignature({ email, comment: 'x'.repeat(900) }));
      if (reply.status === 303) acknowledged.push(email);
      else refused = reply;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('retry-after')).toBe('60');
    const page = (await refused?.text()) ?? '';
    expect(page).toContain(copy('es', 'sign.unavailable.title'));
    expect(page).toContain('value="lleno-');
    expect(acknowledged.length).toBeGreaterThan(0);
    // More signers on the full disk: still the page, and still one line in the log.
    for (let i = 0; i < 20; i += 1)
      expect(
        (
          await postForm(
            t,
            `/es/p/${slug}/sign`,
            validSignature({ email: `mas-${i}@example.org`, comment: 'y'.repeat(900) }),
          )
        ).status,
      ).toBe(503);
    expect(await (await t.app.request('/readyz')).json()).toEqual({ status: 'unavailable', database: 'disk_full' });
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors.map((l) => l.msg)).toEqual(['database unavailable: disk_full']);
    expect(JSON.stringify(lines)).not.toContain('cannot rollback');

    // Space comes back: the probe sees a write go through, and signing works again without a restart.
    await sql.raw('PRAGMA max_page_count = 1000000').execute(connection.db);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && (await t.app.request('/readyz')).status !== 200)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await t.app.request('/readyz')).status).toBe(200);
    expect(lines.some((l) => l.msg === 'database available again')).toBe(true);
    expect((await postForm(t, `/es/p/${slug}/sign`, validSignature({ email: 'despues@example.org' }))).status).toBe(
      303,
    );

    const stored = new Set(
      (await connection.db.selectFrom('signatures').select('email').execute()).map((r) => r.email),
    );
    expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
    expect(stored.has('despues@example.org')).toBe(true);
  });

  it('a database that turns read-only (SQLITE_READONLY) gets the same page, and writes resume when it is writable again', async () => {
    const { database, connection } = await openFileDatabase();
    t = testAppOn(database);
    const { slug } = await makePetition(connection.db);
    expect((await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'before@example.org' }))).status).toBe(303);
    // What SQLite answers on a read-only file or mount, to every write.
    await sql.raw('PRAGMA query_only = ON').execute(connection.db);
    const refused = await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'during@example.org' }));
    expect(refused.status).toBe(503);
    expect(await refused.text()).toContain(copy('en', 'sign.unavailable.title'));
    expect(await (await t.app.request('/readyz')).json()).toEqual({ status: 'unavailable', database: 'read_only' });
    await sql.raw('PRAGMA query_only = OFF').execute(connection.db);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && (await t.app.request('/readyz')).status !== 200)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'after@example.org' }))).status).toBe(303);
  });
});

/** A small tmpfs the test can fill up and make read-only: a real full disk, where the machine lets us mount one. */
function mountSmallDisk(): { dir: string; remount(options: string): void; unmount(): void } | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    remount: (options) => execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'ignore' }),
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes zeros until the disk is full; returns the file to delete to free the space. */
function fillUp(dir: string): string {
  const file = path.join(dir, 'filler');
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err; // fs errors carry a code
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

const probeDisk = mountSmallDisk();
probeDisk?.unmount();
if (probeDisk === undefined)
  console.warn(
    '\n  NOTE: tmpfs cannot be mounted here: the real full-disk process test is skipped (the max_page_count test still runs)\n',
  );

describe.skipIf(probeDisk === undefined)('firma serve on a real disk that fills up', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  async function startOrRefuse(env: Record<string, string>, logged: RegExp, refused: RegExp): Promise<void> {
    const port = await freePort();
    const started = launch(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
    const exit = await Promise.race([
      started.exited,
      waitUntil('the cause in the log', 30_000, async () => logged.test(started.output()), started.output).then(
        () => undefined,
      ),
    ]);
    expect(started.output()).not.toMatch(/\n\s+at /);
    if (exit !== undefined) {
      expect(exit).toEqual({ code: 1, signal: null });
      expect(started.output()).toMatch(refused);
      return;
    }
    await waitUntil('serving', 30_000, async () => siteBuilt(port), started.output);
    expect((await request(port, 'GET', `/es/p/${DEMO_SLUG}`)).status).toBe(200);
    const signing = await request(port, 'POST', `/es/p/${DEMO_SLUG}/sign`, {
      body: signatureBody('al-arrancar@example.org'),
    });
    expect(signing.status).toBe(503);
    expect(signing.body).toContain(copy('es', 'sign.unavailable.title'));
    started.child.kill('SIGTERM');
    expect(await started.exited).toEqual({ code: 0, signal: null });
  }

  async function signUntil(
    port: number,
    want: (status: number) => boolean,
    prefix: string,
    deadlineMs: number,
  ): Promise<{ status: number; body: string; acknowledged: string[] }> {
    const acknowledged: string[] = [];
    const deadline = Date.now() + deadlineMs;
    for (let i = 0; Date.now() < deadline; i += 1) {
      const email = `${prefix}-${i}@example.org`;
      const reply = await request(port, 'POST', `/es/p/${DEMO_SLUG}/sign`, {
        body: `${signatureBody(email)}&comment=${'z'.repeat(900)}`,
      });
      if (reply.status === 303) acknowledged.push(email);
      if (want(reply.status)) return { status: reply.status, body: reply.body, acknowledged };
      if (reply.status !== 303 && reply.status !== 503) throw new Error(`answered ${reply.status}`);
      if (reply.status === 503) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no matching answer within ${deadlineMs} ms`);
  }

  // A disk cannot be made read-only under a process that writes to it (the kernel refuses the remount): the
  // read-only case while running is the query_only test above; here, starting on a read-only disk.
  it('503 with the cause logged once while full, back by itself when space is freed; starting on a full or read-only disk: a sentence, or pages served with signatures refused clearly', async () => {
    const disk = mountSmallDisk();
    if (disk === undefined) throw new Error('tmpfs could be mounted a moment ago');
    try {
      const env = { FIRMA_DATA_DIR: disk.dir, LOG_LEVEL: 'warn' };
      const server = await serve(env);
      const filler = fillUp(disk.dir);
      const full = await signUntil(server.port, (s) => s === 503, 'lleno', 30_000);
      expect(full.body).toContain(copy('es', 'sign.unavailable.title'));
      for (let i = 0; i < 10; i += 1)
        expect(
          (
            await request(server.port, 'POST', `/es/p/${DEMO_SLUG}/sign`, {
              body: signatureBody(`mas-${i}@example.org`),
            })
          ).status,
        ).toBe(503);
      expect(server.output().match(/database unavailable: disk_full/g)).toHaveLength(1);
      expect(server.output()).not.toContain('cannot rollback');

      fs.rmSync(filler);
      const back = await signUntil(server.port, (s) => s === 303, 'vuelta', 10_000);
      expect(back.status).toBe(303);

      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      const db = new SQLite(path.join(disk.dir, 'firma.db'), { readonly: true });
      try {
        const stored = new Set(db.prepare('select email from signatures').pluck().all());
        expect([...full.acknowledged, ...back.acknowledged].filter((email) => !stored.has(email))).toEqual([]);
      } finally {
        db.close();
      }

      // Starting on a full disk, then on a read-only one: where SQLite cannot even open its files, one
      // sentence and exit 1; where it can, the pages are served and the cause is logged at once. Never a
      // stack trace.
      const filled = fillUp(disk.dir);
      await startOrRefuse(env, /database unavailable: (disk_full|io_error)/, /Firma cannot start: .*full/);
      fs.rmSync(filled);
      disk.remount('ro');
      await startOrRefuse(env, /database unavailable: read_only/, /Firma cannot start: .*cannot be written/);
    } finally {
      killAll();
      disk.unmount();
    }
  }, 180_000);
});
