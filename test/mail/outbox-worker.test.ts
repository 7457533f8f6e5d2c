import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailWorkerDeps } from '../../src/background-jobs.js';
import { connect } from '../../src/platform/db/connect.js';
import { createMailWorker, type MailWorkerDeps } from '../../src/mail/mail-worker.js';
import { enqueueMail } from '../../src/platform/outbox/outbox-store.js';
import { createSmtpTransport, type MailTransport } from '../../src/platform/mail/transport.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('the mail outbox on $name', (engine) => {
  const t = useTestApp(engine);
  let sink: SmtpSink;
  let transports: MailTransport[];
  let petitionId: number;

  const workerDeps = (overrides: Partial<MailWorkerDeps> = {}): MailWorkerDeps => {
    const transport = createSmtpTransport({ url: sink.url, from: 'Firma <firma@example.org>', maxConnections: 3 });
    transports.push(transport);
    return { ...mailWorkerDeps(t.deps, transport), random: () => 0.5, maxAttempts: 5, ...overrides };
  };

  const queueOrganizerMail = (recipient: string, milestone: number) =>
    enqueueMail(t.deps.db, {
      kind: 'milestone_organizer',
      petitionId,
      signatureId: null,
      recipient,
      locale: 'es',
      payload: { milestone },
      dedupeKey: `test:${recipient}:${milestone}`,
      now: t.deps.now().toISOString(),
    });

  const outboxRows = () => t.deps.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

  beforeEach(async () => {
    sink = await startSmtpSink();
    transports = [];
    ({ id: petitionId } = await makePetition(t.deps.db, {
      organizer: { name: 'Ana Organiza', email: 'ana@example.org' },
    }));
  });
  afterEach(async () => {
    for (const transport of transports ?? []) transport.close();
    await sink?.close();
  });

  it('a queued email reaches the SMTP server once, in the recipient language, and is marked sent', async () => {
    await queueOrganizerMail('ana@example.org', 100);
    const worker = createMailWorker(workerDeps());
    expect((await worker.drainAll()).sent).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail?.to).toBe('ana@example.org');
    expect(mail?.subject).toBe('«Arreglen la parada» alcanzó 100 firmas');
    expect(mail?.text).toContain('Tu petición «Arreglen la parada» alcanzó 100 firmas.');
    expect(mail?.html).toContain('lang="es"');
    expect((await worker.drainAll()).claimed).toBe(0);
    expect(sink.received).toHaveLength(1);
    expect((await outboxRows())[0]?.status).toBe('sent');
  });

  it('the same message queued twice under one key is recorded once', async () => {
    await queueOrganizerMail('ana@example.org', 250);
    await queueOrganizerMail('ana@example.org', 250);
    expect(await outboxRows()).toHaveLength(1);
  });

  it('while the SMTP server is down mail waits and is retried with backoff; once it is up the mail arrives', async () => {
    await sink.stop();
    await queueOrganizerMail('ana@example.org', 500);
    const worker = createMailWorker(workerDeps());
    const first = await worker.drainAll();
    expect(first).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    const [waiting] = await outboxRows();
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting?.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Not due yet: the backoff holds it back.
    expect((await worker.drainAll()).claimed).toBe(0);
    t.advance(60_000);
    const second = await worker.drainAll();
    expect(second.retried).toBe(1);
    await sink.start();
    t.advance(10 * 60_000);
    expect((await worker.drainAll()).sent).toBe(1);
    await sink.waitFor(1);
    expect((await outboxRows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a recipient the server refuses for good is marked failed with the reason, and not retried', async () => {
    sink.rejectRecipients.add('nadie@example.org');
    await queueOrganizerMail('nadie@example.org', 1000);
    await queueOrganizerMail('ana@example.org', 1000);
    const worker = createMailWorker(workerDeps());
    expect(await worker.drainAll()).toMatchObject({ claimed: 2, sent: 1, failed: 1, retried: 0 });
    const failed = (await outboxRows()).find((r) => r.recipient === 'nadie@example.org');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.last_error).toContain('550');
    expect(failed?.last_error).toContain('Recipient address rejected');
    // The server's reply quoted the address; what is kept names only its domain.
    expect(failed?.last_error).not.toContain('nadie');
    expect(failed?.last_error).toContain('…@example.org');
    t.advance(24 * 3600_000);
    expect((await worker.drainAll()).claimed).toBe(0);
  });

  it('a temporary failure that never ends stops after the attempt limit and is kept as failed', async () => {
    await sink.stop();
    await queueOrganizerMail('ana@example.org', 2500);
    const worker = createMailWorker(workerDeps({ maxAttempts: 3 }));
    for (let i = 0; i < 3; i += 1) {
      await worker.drainAll();
      t.advance(3600_000);
    }
    expect((await outboxRows())[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await worker.drainAll()).claimed).toBe(0);
  });

  it('a message whose worker died mid-send is sent again after its lease runs out', async () => {
    await queueOrganizerMail('ana@example.org', 5000);
    const crashed = createMailWorker(
      workerDeps({ transport: { send: () => new Promise<void>(() => undefined), close: () => undefined } }),
      { leaseMs: 30_000 },
    );
    void crashed.drainOnce(); // never finishes: as if the process died while sending
    await expect.poll(async () => (await outboxRows())[0]?.status).toBe('sending');
    const rescuer = createMailWorker(workerDeps());
    expect((await rescuer.drainAll()).claimed).toBe(0);
    t.advance(31_000);
    expect((await rescuer.drainAll()).sent).toBe(1);
    await sink.waitFor(1);
  });

  it.runIf(engine.name === 'postgres')('two workers draining one outbox send every message exactly once', async () => {
    for (let i = 0; i < 300; i += 1) await queueOrganizerMail(`organizer-${i}@example.org`, 10_000);
    // A second process's own connection pool to the same database.
    const other = connect(t.database.config, { searchPath: t.database.searchPath, poolSize: 5 });
    try {
      const a = createMailWorker(workerDeps(), { workerId: 'a', batchSize: 20 });
      const b = createMailWorker(workerDeps({ db: other.db }), { workerId: 'b', batchSize: 20 });
      const [ra, rb] = await Promise.all([a.drainAll(), b.drainAll()]);
      expect(ra.sent + rb.sent).toBe(300);
      expect(ra.sent).toBeGreaterThan(0);
      expect(rb.sent).toBeGreaterThan(0);
      const received = await sink.waitFor(300);
      expect(new Set(received.map((m) => m.to)).size).toBe(300);
      expect(received).toHaveLength(300);
    } finally {
      await other.db.destroy();
    }
  });
});
