// Every kind of email checks the payload its outbox row carries (src/mail/kinds/): a row that does not match
// (written by hand, or by another version of Firma) is cancelled with the reason, and nothing is sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailWorkerDeps } from '../../src/background-jobs.js';
import { createMailWorker } from '../../src/mail/mail-worker.js';
import { MAIL_KINDS } from '../../src/mail/mail-kinds.js';
import { createSmtpTransport, type MailTransport } from '../../src/platform/mail/transport.js';
import { enqueueMail, MAIL_KINDS as OUTBOX_KINDS } from '../../src/platform/outbox/outbox-store.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { useTestApp } from '../support/test-app.js';

describe('the kinds of email', () => {
  it('every kind the outbox may hold has a file that writes it, and no file writes a kind the outbox refuses', () => {
    expect(MAIL_KINDS.map((kind) => kind.name).sort()).toEqual([...OUTBOX_KINDS].sort());
  });
});

describe.each(enginesToTest())('a malformed outbox row on $name', (engine) => {
  const t = useTestApp(engine);
  let sink: SmtpSink;
  let transport: MailTransport;

  beforeEach(async () => {
    sink = await startSmtpSink();
    transport = createSmtpTransport({ url: sink.url, from: 'Firma <firma@example.org>', maxConnections: 1 });
  });
  afterEach(async () => {
    transport?.close();
    await sink?.close();
  });

  it('a milestone, a moderation outcome and a sign-in link with the wrong payload are cancelled, and a good one is sent', async () => {
    const { id: petitionId } = await makePetition(t.deps.db, {
      organizer: { name: 'Ana Organiza', email: 'ana@example.org' },
    });
    const now = t.deps.now().toISOString();
    const queue = (
      kind: 'milestone_organizer' | 'moderation_outcome' | 'sign_in',
      payload: Record<string, string | number>,
      key: string,
    ) =>
      enqueueMail(t.deps.db, {
        kind,
        petitionId: kind === 'sign_in' ? null : petitionId,
        signatureId: null,
        recipient: 'ana@example.org',
        locale: 'en',
        payload,
        dedupeKey: key,
        now,
      });
    await queue('milestone_organizer', { milestone: 'a hundred' }, 'bad-milestone');
    await queue('moderation_outcome', { outcome: 'deleted-by-aliens' }, 'bad-outcome');
    await queue('sign_in', { minutes: 20 }, 'bad-sign-in');
    await queue('milestone_organizer', { milestone: 100 }, 'good-milestone');

    const worker = createMailWorker({ ...mailWorkerDeps(t.deps, transport), random: () => 0.5 });
    const result = await worker.drainAll();
    expect(result).toMatchObject({ sent: 1, cancelled: 3, failed: 0 });
    const [mail] = await sink.waitFor(1);
    expect(mail?.subject).toContain('100');
    const rows = await t.deps.db
      .selectFrom('mail_outbox')
      .select(['dedupe_key', 'status', 'last_error'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { dedupe_key: 'bad-milestone', status: 'cancelled', last_error: 'malformed milestone_organizer mail' },
      { dedupe_key: 'bad-outcome', status: 'cancelled', last_error: 'malformed moderation_outcome mail' },
      { dedupe_key: 'bad-sign-in', status: 'cancelled', last_error: 'malformed sign_in mail' },
      { dedupe_key: 'good-milestone', status: 'sent', last_error: null },
    ]);
  });
});
