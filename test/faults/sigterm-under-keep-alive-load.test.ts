// SIGTERM while signers keep their connections open (keep-alive) and the outbox is sending: Firma answers what
// it accepted, closes the connections, stops the mail worker at a safe point and exits 0. A signature is stored
// exactly when its signer got the 303, and no one gets a confirmation twice. Before, a busy keep-alive connection
// kept the server up until a timer called process.exit(1): requests in flight were reset and the mail batch
// being sent went out again two minutes later.
import http from 'node:http';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import {
  buildFirma,
  cleanUp,
  createPostgresDatabase,
  DEMO_SLUG,
  killAll,
  POSTGRES_URL,
  queryPostgres,
  request,
  serve,
  signatureBody,
  tempDataDir,
  waitUntil,
} from '../support/firma-process.js';

interface Site {
  env: Record<string, string>;
  /** Emails of the signatures stored with this test's prefix. */
  storedEmails(): Promise<string[]>;
  /** Outbox messages not yet sent (queued or sending). */
  unsent(): Promise<number>;
  drop(): Promise<void>;
}

async function sqliteSite(): Promise<Site> {
  const dir = tempDataDir();
  const read = <T>(query: (db: SQLite.Database) => T): T => {
    const db = new SQLite(path.join(dir, 'firma.db'), { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  };
  return {
    env: { FIRMA_DATA_DIR: dir },
    storedEmails: async () =>
      read((db) => db.prepare("select email from signatures where email like 'term-%'").pluck().all() as string[]),
    unsent: async () =>
      read((db) =>
        Number(db.prepare("select count(*) from mail_outbox where status in ('queued', 'sending')").pluck().get()),
      ),
    drop: async () => undefined,
  };
}

async function postgresSite(): Promise<Site> {
  const database = await createPostgresDatabase();
  return {
    env: { FIRMA_DATA_DIR: tempDataDir(), DATABASE_URL: database.url },
    storedEmails: async () =>
      (
        await queryPostgres<{ email: string }>(database.url, "select email from signatures where email like 'term-%'")
      ).map((r) => r.email),
    unsent: async () =>
      Number(
        (
          await queryPostgres<{ n: string }>(
            database.url,
            "select count(*) as n from mail_outbox where status in ('queued', 'sending')",
          )
        )[0]?.n,
      ),
    drop: () => database.drop(),
  };
}

const SITES: [string, () => Promise<Site>][] = [['sqlite', sqliteSite]];
if (POSTGRES_URL !== undefined) SITES.push(['postgres', postgresSite]);

describe.each(SITES)('SIGTERM under keep-alive load on %s', (_name, openSite) => {
  let sink: SmtpSink;
  beforeAll(buildFirma, 180_000);
  afterEach(async () => {
    killAll();
    await sink?.close();
  });
  afterAll(cleanUp);

  it('exits 0 in time, every request it accepted is answered, and no one gets an email twice', async () => {
    const site = await openSite();
    try {
      sink = await startSmtpSink();
      // A slow mail server: the outbox is mid-batch when the signal comes.
      sink.delayMs = 20;
      const env = { ...site.env, SMTP_URL: sink.url, LOG_LEVEL: 'error' };
      const server = await serve(env);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
      const acknowledged = new Set<string>();
      const failures = new Map<string, number>();
      let termAt: number | undefined;
      let n = 0;
      const signer = async () => {
        for (;;) {
          n += 1;
          const email = `term-${n}@example.org`;
          try {
            const reply = await request(server.port, 'POST', `/en/p/${DEMO_SLUG}/sign`, {
              body: signatureBody(email),
              agent,
            });
            if (reply.status !== 303) throw new Error(`answered ${reply.status}`);
            acknowledged.add(email);
          } catch (err) {
            if (termAt === undefined) throw err;
            const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message; // node:http errors carry a code
            failures.set(code, (failures.get(code) ?? 0) + 1);
            // Refused: the server no longer listens, and this signer stops.
            if (code === 'ECONNREFUSED') return;
          }
          if (termAt === undefined && acknowledged.size >= 300) {
            termAt = Date.now();
            server.child.kill('SIGTERM');
          }
        }
      };
      await Promise.all(Array.from({ length: 16 }, signer));
      const exit = await server.exited;
      const stoppedIn = Date.now() - (termAt ?? Date.now());
      agent.destroy();

      expect(exit).toEqual({ code: 0, signal: null });
      expect(stoppedIn).toBeLessThan(8000);
      // Stored exactly when acknowledged: nothing the server took was cut off before its answer.
      const stored = new Set(await site.storedEmails());
      expect([...acknowledged].filter((email) => !stored.has(email))).toEqual([]);
      expect([...stored].filter((email) => !acknowledged.has(email))).toEqual([]);

      // Start again and let the outbox drain: each signer gets one confirmation, no more.
      const second = await serve(env);
      await waitUntil('the outbox draining', 60_000, async () => (await site.unsent()) === 0, second.output);
      const perRecipient = new Map<string, number>();
      for (const mail of sink.received)
        if (mail.to.startsWith('term-')) perRecipient.set(mail.to, (perRecipient.get(mail.to) ?? 0) + 1);
      expect([...perRecipient].filter(([, count]) => count !== 1)).toEqual([]);
      expect(perRecipient.size).toBe(stored.size);
      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
    } finally {
      killAll();
      await site.drop();
    }
  }, 180_000);
});
