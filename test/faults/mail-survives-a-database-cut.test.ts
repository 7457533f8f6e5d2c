// The mail worker when its database connection dies or goes silent in the middle of a batch: every message
// reaches the SMTP server exactly once in the end. Before, "sent" was written once per batch: a failure to
// write it left the whole batch to go out again when its lease ran out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailWorkerDeps } from '../../src/background-jobs.js';
import { connect, type Connection } from '../../src/platform/db/connect.js';
import { createMailWorker, type DrainResult } from '../../src/mail/mail-worker.js';
import { enqueueMails } from '../../src/platform/outbox/outbox-store.js';
import { createSmtpTransport, type MailTransport } from '../../src/platform/mail/transport.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { testAppOn, type TestApp } from '../support/test-app.js';

const postgres = enginesToTest().find((engine) => engine.name === 'postgres');
const MESSAGES = 30;

describe('the mail worker and a database cut', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let proxied: Connection;
  let t: TestApp;
  let sink: SmtpSink;
  let transport: MailTransport;

  beforeEach(async (ctx) => {
    if (postgres === undefined || postgres.skipReason !== undefined) return ctx.skip();
    database = await postgres.open();
    if (database.config.engine !== 'postgres' || database.searchPath === undefined)
      throw new Error('expected a PostgreSQL schema');
    const target = new URL(database.config.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || '5432'));
    proxied = connect(
      { engine: 'postgres', url: proxy.url(database.config.url) },
      { searchPath: database.searchPath, poolSize: 5, statementTimeoutMs: 500, acquireTimeoutMs: 500 },
    );
    t = testAppOn(database, { connection: proxied });
    sink = await startSmtpSink();
    sink.delayMs = 150;
    transport = createSmtpTransport({ url: sink.url, from: 'Firma <firma@example.org>', maxConnections: 5 });
    const { id: petitionId } = await makePetition(database.connection.db, {
      organizer: { name: 'Ana', email: 'ana@example.org' },
    });
    const now = t.deps.now().toISOString();
    await enqueueMails(
      database.connection.db,
      Array.from({ length: MESSAGES }, (_, i) => ({
        kind: 'milestone_organizer' as const,
        petitionId,
        signatureId: null,
        recipient: `org-${i}@example.org`,
        locale: 'en',
        payload: { milestone: 100 },
        dedupeKey: `cut:${i}`,
        now,
      })),
    );
  });

  afterEach(async () => {
    proxy?.restore();
    transport?.close();
    await sink?.close();
    await proxied?.db.destroy();
    await proxy?.close();
    await t?.close();
  });

  /** Drains again and again, past every lease, until nothing is left to claim. */
  async function drainToTheEnd(worker: ReturnType<typeof createMailWorker>): Promise<void> {
    for (let round = 0; round < 20; round += 1) {
      t.advance(10 * 60_000);
      const result: DrainResult = await worker
        .drainAll()
        .catch(() => ({ claimed: 1, sent: 0, retried: 0, failed: 0, cancelled: 0 }));
      if (result.claimed === 0) return;
    }
    throw new Error('the outbox never emptied');
  }

  async function expectEachSentOnce(): Promise<void> {
    const perRecipient = new Map<string, number>();
    for (const mail of sink.received) perRecipient.set(mail.to, (perRecipient.get(mail.to) ?? 0) + 1);
    expect(perRecipient.size).toBe(MESSAGES);
    expect([...perRecipient.values()].filter((n) => n !== 1)).toEqual([]);
    const states = await database.connection.db.selectFrom('mail_outbox').select('status').execute();
    expect(states.every((r) => r.status === 'sent')).toBe(true);
  }

  it('every connection cut while messages are being sent: each is sent once, and recorded as sent', async () => {
    const worker = createMailWorker({ ...mailWorkerDeps(t.deps, transport), random: () => 0.5 }, { concurrency: 5 });
    const draining = worker.drainAll().catch(() => undefined);
    await sink.waitFor(3);
    // What a PostgreSQL restart does to every connection, while the SMTP server is taking messages.
    expect(proxy.cutAll()).toBeGreaterThan(0);
    await draining;
    await drainToTheEnd(worker);
    await expectEachSentOnce();
  });

  it('the database silent, then gone, as the last messages go out: what went out is recorded once it is back, not sent again', async () => {
    // Four lanes: 28 messages go out in seven rounds, and the last two are still with the SMTP server when
    // the 28th arrives.
    const worker = createMailWorker({ ...mailWorkerDeps(t.deps, transport), random: () => 0.5 }, { concurrency: 4 });
    const draining = worker.drainAll().catch(() => undefined);
    // The batch is nearly sent: writing "sent" for it now meets a database that does not answer.
    await sink.waitFor(MESSAGES - 2);
    proxy.silence();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The connections die with what they held (a failover): the writes sent into the silence never arrive.
    proxy.cutAll();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy.restore();
    await draining;
    await drainToTheEnd(worker);
    await expectEachSentOnce();
  });
});
