import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTokenSalt, signerToken, tokenHash } from '../../src/platform/tokens/signer-token.js';
import { purgeDeliveredMailBefore } from '../../src/platform/outbox/outbox-store.js';
import { signerLinks } from '../../src/signing/signer-links.js';
import { fanOutUpdates } from '../../src/updates/fan-out-updates.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature, TEST_SECRET } from '../support/factories.js';
import { openAndPress } from '../support/signer-link-button.js';
import { linkIn, type ReceivedMail } from '../support/smtp-sink.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { useTestApp } from '../support/test-app.js';
import { insertSigners } from './bulk-signers.js';
import { copy } from '../support/copy.js';

const UPDATE = {
  title_en: 'We met the committee',
  body_en: 'On Tuesday we handed over **1,000** signatures.\n\n- Next: a public hearing\n- Then: the vote',
  title_es: 'Nos reunimos con el comité',
  body_es: 'El martes entregamos **1.000** firmas.\n\n- Después: una audiencia pública\n- Luego: la votación',
};

describe.each(enginesToTest())('update emails on $name', (engine) => {
  const t = useTestApp(engine);
  let organizer: SignedIn;
  let petitionId: number;

  beforeEach(async () => {
    organizer = await signedIn(t);
    ({ id: petitionId } = await makePetition(t.deps.db, { ownerId: organizer.user.id }));
  });

  const post = (fields: Record<string, string>) =>
    postFormAs(t, organizer, `/organize/${petitionId}/updates/new`, fields);
  const queued = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('kind', '=', 'petition_update')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('queues exactly one email per opted-in, confirmed, subscribed signer, in several batches, and never twice', async () => {
    await insertSigners(t.deps.db, {
      petitionId,
      count: 2500,
      prefix: 'yes',
      locale: (i) => (i % 3 === 0 ? 'es' : 'en'),
      tokens: false,
    });
    await insertSigners(t.deps.db, { petitionId, count: 40, prefix: 'pending', status: 'pending', tokens: false });
    await insertSigners(t.deps.db, { petitionId, count: 30, prefix: 'unsub', unsubscribed: true, tokens: false });
    await insertSigners(t.deps.db, { petitionId, count: 50, prefix: 'no-news', optIn: false, tokens: false });
    const other = await makePetition(t.deps.db);
    await insertSigners(t.deps.db, { petitionId: other.id, count: 20, prefix: 'other', tokens: false });

    expect((await post({ ...UPDATE, email_signers: 'yes' })).status).toBe(303);
    let pauses = 0;
    const first = await fanOutUpdates(t.deps.db, t.deps.now, {
      batchSize: 1000,
      pause: async () => void (pauses += 1),
    });
    expect(first).toBe(2500);
    expect(pauses).toBe(3); // after each of the three batches (1,000 + 1,000 + 500)
    expect(await queued()).toBe(2500);
    const recipients = await t.deps.db
      .selectFrom('mail_outbox as m')
      .innerJoin('signatures as s', 's.id', 'm.signature_id')
      .select(['s.email', 'm.locale'])
      .where('m.kind', '=', 'petition_update')
      .execute();
    expect(new Set(recipients.map((r) => r.email)).size).toBe(2500);
    expect(recipients.every((r) => r.email.startsWith('yes-'))).toBe(true);
    expect(recipients.filter((r) => r.locale === 'es').length).toBe(834);

    const update = await t.deps.db.selectFrom('petition_updates').selectAll().executeTakeFirstOrThrow();
    expect(update.fanout_done_at).not.toBeNull();
    expect(await fanOutUpdates(t.deps.db, t.deps.now, { batchSize: 1000 })).toBe(0);
    expect(await queued()).toBe(2500);

    // A crash after queuing a batch but before the marker moved: the retry queues nothing twice.
    await t.deps.db.updateTable('petition_updates').set({ fanout_done_at: null, fanout_after_id: 0 }).execute();
    expect(await fanOutUpdates(t.deps.db, t.deps.now, { batchSize: 1000 })).toBe(0);
    expect(await queued()).toBe(2500);
  });

  it('the updates list says how many signers an update was emailed to, and still does after the sent mail is purged', async () => {
    await insertSigners(t.deps.db, { petitionId, count: 1200, prefix: 'yes', tokens: false });
    await insertSigners(t.deps.db, { petitionId, count: 7, prefix: 'no-news', optIn: false, tokens: false });
    expect((await post({ ...UPDATE, email_signers: 'yes' })).status).toBe(303);
    const list = async (lang: string) =>
      (await getAs(t, organizer, `/organize/${petitionId}/updates`, { 'Accept-Language': lang })).text();
    expect(await list('en')).toContain(copy('en', 'updates.emailing'));
    await fanOutUpdates(t.deps.db, t.deps.now, { batchSize: 500 });
    expect(await list('en')).toContain('Emailed to 1,200 signers');
    expect(await list('es')).toContain('Enviada por correo a 1200 firmantes');

    // A month on, the sent messages are purged (they hold addresses); the count is the update's own.
    await t.deps.db.updateTable('mail_outbox').set({ status: 'sent' }).execute();
    expect(await purgeDeliveredMailBefore(t.deps.db, '2100-01-01T00:00:00.000Z')).toBe(1200);
    expect(await queued()).toBe(0);
    expect(await list('en')).toContain('Emailed to 1,200 signers');
    // A rerun of the job queues nothing and counts nothing twice.
    expect(await fanOutUpdates(t.deps.db, t.deps.now)).toBe(0);
    expect(await list('en')).toContain('Emailed to 1,200 signers');
  });

  it('a signer who confirms after the update went out to everyone else gets it then, once', async () => {
    await insertSigners(t.deps.db, { petitionId, count: 3, prefix: 'yes', tokens: false });
    // Signed (in Spanish, asking for news) before the update, but confirms only after its emails were queued.
    const pending = async (email: string, optIn: boolean) => {
      const salt = newTokenSalt();
      await makeSignature(t.deps.db, petitionId, {
        email,
        locale: 'es',
        optIn,
        requiresVerification: true,
        tokenSalt: salt,
        tokenHash: tokenHash(signerToken(TEST_SECRET, salt)),
      });
      return signerLinks('', 'es', TEST_SECRET, salt).confirm;
    };
    const late = await pending('tarde@example.org', true);
    const quiet = await pending('sin-noticias@example.org', false);
    expect((await post({ ...UPDATE, email_signers: 'yes' })).status).toBe(303);
    expect(await fanOutUpdates(t.deps.db, t.deps.now)).toBe(3);

    expect((await openAndPress(t, late)).status).toBe(200);
    expect((await openAndPress(t, quiet)).status).toBe(200);
    const mine = await t.deps.db
      .selectFrom('mail_outbox as m')
      .innerJoin('signatures as s', 's.id', 'm.signature_id')
      .select(['s.email', 'm.locale', 'm.status'])
      .where('m.kind', '=', 'petition_update')
      .where('s.email', 'in', ['tarde@example.org', 'sin-noticias@example.org'])
      .execute();
    expect(mine).toEqual([{ email: 'tarde@example.org', locale: 'es', status: 'queued' }]);
    expect(await queued()).toBe(4);
    const update = await t.deps.db.selectFrom('petition_updates').select('emailed_count').executeTakeFirstOrThrow();
    expect(Number(update.emailed_count)).toBe(4);

    // Opening the link again (the page says it is already confirmed), or the job running again, queues nothing more.
    expect(await (await t.app.request(late)).text()).not.toContain('<form method="post"');
    expect(await fanOutUpdates(t.deps.db, t.deps.now)).toBe(0);
    expect(await queued()).toBe(4);
  });

  it('an update not marked for email queues nothing', async () => {
    await insertSigners(t.deps.db, { petitionId, count: 5, prefix: 'yes', tokens: false });
    expect((await post(UPDATE)).status).toBe(303);
    expect(await fanOutUpdates(t.deps.db, t.deps.now)).toBe(0);
    expect(await queued()).toBe(0);
  });

  describe('through the real SMTP sink', () => {
    let mailroom: Mailroom;
    beforeEach(async () => {
      mailroom = await openMailroom(t);
    });
    afterEach(async () => {
      await mailroom?.close();
    });

    it('each signer gets the update in their language, with one-click unsubscribe and withdraw links', async () => {
      await insertSigners(t.deps.db, { petitionId, count: 2, prefix: 'ana', locale: () => 'es' });
      await insertSigners(t.deps.db, { petitionId, count: 2, prefix: 'sam', locale: () => 'en' });
      await insertSigners(t.deps.db, { petitionId, count: 1, prefix: 'quiet', optIn: false });
      expect((await post({ ...UPDATE, email_signers: 'yes' })).status).toBe(303);
      expect(await fanOutUpdates(t.deps.db, t.deps.now)).toBe(4);
      await mailroom.worker.drainAll();
      const mails = await mailroom.sink.waitFor(4);
      expect(mails.map((m) => m.to).sort()).toEqual([
        'ana-0@example.org',
        'ana-1@example.org',
        'sam-0@example.org',
        'sam-1@example.org',
      ]);

      const spanish = mails.find((m) => m.to === 'ana-0@example.org') as ReceivedMail;
      expect(spanish.subject).toBe('Nos reunimos con el comité');
      expect(spanish.parsed.headers.get('content-language')).toBe('es');
      expect(spanish.text).toContain('El martes entregamos 1.000 firmas.');
      expect(spanish.html).toContain('<strong>1.000</strong>');
      expect(spanish.html).toContain('<li>Después: una audiencia pública</li>');
      expect(spanish.text).toContain('Una novedad de quien organiza «Arreglen la parada».');

      const english = mails.find((m) => m.to === 'sam-1@example.org') as ReceivedMail;
      expect(english.subject).toBe('We met the committee');
      expect(english.text).toContain('On Tuesday we handed over 1,000 signatures.');
      expect(english.html).toContain('<li>Next: a public hearing</li>');

      for (const mail of [spanish, english]) {
        expect(
          mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r\n\s+/g, ' '),
        ).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/.+>$/);
        expect(mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        );
        expect(linkIn(mail, '/withdraw')).toContain('http://localhost:3000/');
      }
    });

    it('a signer who unsubscribes after the update was queued is not sent it', async () => {
      await insertSigners(t.deps.db, { petitionId, count: 2, prefix: 'sam' });
      await post({ ...UPDATE, email_signers: 'yes' });
      await fanOutUpdates(t.deps.db, t.deps.now);
      await t.deps.db
        .updateTable('signatures')
        .set({ unsubscribed_at: t.deps.now().toISOString() })
        .where('email', '=', 'sam-0@example.org')
        .execute();
      const result = await mailroom.worker.drainAll();
      expect(result).toMatchObject({ sent: 1, cancelled: 1 });
      expect((await mailroom.sink.waitFor(1)).map((m) => m.to)).toEqual(['sam-1@example.org']);
    });
  });
});
