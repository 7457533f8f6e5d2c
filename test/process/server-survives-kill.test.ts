// The real `firma serve` process, compiled and run with Node: it starts, seeds the demo, keeps every
// acknowledged signature across kill -9 on both engines, and refuses a bad configuration with exit code 2.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFirma,
  cleanUp,
  createPostgresDatabase,
  DEMO_SLUG,
  killAll,
  launch,
  POSTGRES_URL,
  queryPostgres,
  request,
  serve,
  signatureBody,
  tempDataDir,
  type Server,
} from '../support/firma-process.js';
import { copy } from '../support/copy.js';

async function publicJson(port: number): Promise<{ signature_count: number; pending_count: number }> {
  const reply = await request(port, 'GET', `/p/${DEMO_SLUG}.json`);
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body) as { signature_count: number; pending_count: number }; // the public JSON's documented shape
}

/** Signs TOTAL times at once and kills the server with SIGKILL after KILL_AFTER acknowledgements; returns the acknowledged emails. */
async function signAndKill(server: Server, prefix: string): Promise<string[]> {
  const TOTAL = 200;
  const KILL_AFTER = 60;
  const acknowledged: string[] = [];
  let killed = false;
  const attempts = Array.from({ length: TOTAL }, async (_, i) => {
    const email = `${prefix}-${i}@example.org`;
    try {
      const reply = await request(server.port, 'POST', `/en/p/${DEMO_SLUG}/sign`, {
        body: signatureBody(email, `Survivor ${i}`),
      });
      if (reply.status === 303 && (reply.location ?? '').startsWith(`/en/p/${DEMO_SLUG}/thanks?confirm=1&d=`))
        acknowledged.push(email);
      else if (!killed) throw new Error(`signature ${i} was answered ${reply.status} before the kill`);
    } catch (err) {
      // A request cut off by the kill was never acknowledged: the signer would try again.
      if (!killed) throw err;
    }
    if (acknowledged.length >= KILL_AFTER && !killed) {
      killed = true;
      server.child.kill('SIGKILL');
    }
  });
  await Promise.all(attempts);
  expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
  return acknowledged;
}

describe('the firma server process', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  it('starts on an empty data directory with the demo petition and its 120 signatures, and stops cleanly on SIGTERM', async () => {
    const server = await serve({ FIRMA_DATA_DIR: tempDataDir() });
    expect((await publicJson(server.port)).signature_count).toBe(120);
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
    const server = await serve({ FIRMA_DATA_DIR: tempDataDir() }, ['--no-demo']);
    const home = await request(server.port, 'GET', '/en');
    expect(home.status).toBe(200);
    expect(home.body).toContain(copy('en', 'home.empty'));
    expect((await request(server.port, 'GET', `/p/${DEMO_SLUG}.json`)).status).toBe(404);
  }, 120_000);

  it('on SQLite, every signature acknowledged with a 303 survives kill -9 of the server, with its confirmation email, and the counts equal the rows', async () => {
    const dataDir = tempDataDir();
    const acknowledged = await signAndKill(await serve({ FIRMA_DATA_DIR: dataDir }), 'survivor');

    const second = await serve({ FIRMA_DATA_DIR: dataDir });
    const db = new SQLite(path.join(dataDir, 'firma.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(db.prepare("select email from signatures where email like 'survivor-%'").pluck().all());
      expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
      expect(db.prepare('select count(*) from signatures').pluck().get()).toBe(120 + stored.size);
      // Each stored signature's confirmation email was recorded with it, in the same transaction.
      const withMail = db
        .prepare(
          "select count(distinct s.id) from signatures s join mail_outbox m on m.signature_id = s.id and m.kind = 'confirm' where s.email like 'survivor-%'",
        )
        .pluck()
        .get();
      expect(withMail).toBe(stored.size);
      // The demo was not created a second time; the public count is the confirmed rows (the new
      // signatures wait for their confirmation), and the pending ones are all accounted for.
      expect(db.prepare('select count(*) from petitions').pluck().get()).toBe(1);
      const counts = await publicJson(second.port);
      expect(counts.signature_count).toBe(
        db.prepare("select count(*) from signatures where status = 'confirmed'").pluck().get(),
      );
      expect(counts.pending_count).toBe(stored.size);
    } finally {
      db.close();
    }
  }, 180_000);

  it.skipIf(POSTGRES_URL === undefined)(
    'on PostgreSQL, every signature acknowledged with a 303 survives kill -9 of the server, with its confirmation email, and the counts equal the rows',
    async () => {
      const database = await createPostgresDatabase();
      try {
        const env = { FIRMA_DATA_DIR: tempDataDir(), DATABASE_URL: database.url };
        const acknowledged = await signAndKill(await serve(env), 'pg-survivor');
        const second = await serve(env);
        const stored = new Set(
          (
            await queryPostgres<{ email: string }>(
              database.url,
              "select email from signatures where email like 'pg-survivor-%'",
            )
          ).map((r) => r.email),
        );
        expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
        const [row] = await queryPostgres<{ n: string; confirmed: string; mailed: string }>(
          database.url,
          `select count(*) as n, count(*) filter (where status = 'confirmed') as confirmed,
             (select count(distinct m.signature_id) from mail_outbox m join signatures s on s.id = m.signature_id
              where m.kind = 'confirm' and s.email like 'pg-survivor-%') as mailed
           from signatures`,
        );
        expect(Number(row?.n)).toBe(120 + stored.size);
        expect(Number(row?.mailed)).toBe(stored.size);
        const counts = await publicJson(second.port);
        expect(counts.signature_count).toBe(Number(row?.confirmed));
        expect(counts.pending_count).toBe(stored.size);
        second.child.kill('SIGTERM');
        expect(await second.exited).toEqual({ code: 0, signal: null });
      } finally {
        killAll();
        await database.drop();
      }
    },
    180_000,
  );

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://root@localhost/firma'],
    ['TRUST_PROXY', 'maybe'],
  ])(
    'a bad %s (%j) stops it with exit code 2 and a message naming the variable',
    async (variable, value) => {
      const started = launch(['serve'], { FIRMA_DATA_DIR: tempDataDir(), PORT: '0', [variable]: value });
      expect(await started.exited).toEqual({ code: 2, signal: null });
      expect(started.output()).toMatch(new RegExp(`\\b${variable}\\b`));
      expect(started.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    },
    60_000,
  );
});
