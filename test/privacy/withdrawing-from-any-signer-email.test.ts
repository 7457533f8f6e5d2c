import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/audit-store.js';
import { notifyMilestones } from '../../src/milestones/notify-milestones.js';
import { fanOutUpdates } from '../../src/updates/fan-out-updates.js';
import { postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { linkIn, type ReceivedMail } from '../support/smtp-sink.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

const ROSA = 'rosa@example.org';

describe.each(enginesToTest())('withdrawing from any signer email on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;

  beforeEach(async () => {
    mailroom = await openMailroom(t, { maxAttempts: 5 });
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  const counts = async (slug: string) => {
    t.advance(1500); // past the one-second response cache
    const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as {
      signature_count: number;
      pending_count: number;
    };
    return { confirmed: json.signature_count, pending: json.pending_count };
  };
  const sign = (slug: string) => postForm(t, `/en/p/${slug}/sign`, validSignature({ email: ROSA, opt_in: 'yes' }));
  /** Sends what is due and returns the message to Rosa whose subject starts with `subject`. */
  const mailToRosa = async (subject: string): Promise<ReceivedMail> => {
    await mailroom.worker.drainAll();
    const [mail] = await mailroom.sink.waitFor(1, (m) => m.to === ROSA && m.subject.startsWith(subject));
    return mail as ReceivedMail;
  };

  /** Each kind of email a signer gets, brought about the way it happens on the site. */
  const KINDS: Record<string, () => Promise<{ slug: string; mail: ReceivedMail }>> = {
    confirm: async () => {
      const { slug } = await makePetition(t.deps.db, { requiresVerification: true });
      await sign(slug);
      return { slug, mail: await mailToRosa('Please confirm your signature') };
    },
    thanks: async () => {
      const { slug } = await makePetition(t.deps.db);
      await sign(slug);
      return { slug, mail: await mailToRosa('Thank you for signing') };
    },
    already_signed: async () => {
      const { slug } = await makePetition(t.deps.db);
      await sign(slug);
      await sign(slug);
      return { slug, mail: await mailToRosa('You have already signed') };
    },
    milestone_signer: async () => {
      const { id, slug } = await makePetition(t.deps.db, { milestoneEmailsToSigners: true });
      for (let i = 0; i < 9; i += 1) await makeSignature(t.deps.db, id);
      await sign(slug);
      await notifyMilestones(t.deps.db, t.deps.now());
      return { slug, mail: await mailToRosa('“Fix the bus shelter” reached 10 signatures') };
    },
    petition_update: async () => {
      const organizer = await signedIn(t);
      const { id, slug } = await makePetition(t.deps.db, { ownerId: organizer.user.id });
      await sign(slug);
      const posted = await postFormAs(t, organizer, `/organize/${id}/updates/new`, {
        title_en: 'We met the committee',
        body_en: 'It went well.',
        title_es: 'Nos reunimos',
        body_es: 'Salió bien.',
        email_signers: 'yes',
      });
      expect(posted.status).toBe(303);
      await fanOutUpdates(t.deps.db, t.deps.now);
      return { slug, mail: await mailToRosa('We met the committee') };
    },
  };

  it.each(Object.keys(KINDS))(
    'the %s email has a withdraw link that deletes the signature and all its mail, and the count drops',
    async (kind) => {
      const bring = KINDS[kind];
      if (bring === undefined) throw new Error(`no way to bring about a ${kind} email`);
      const { slug, mail } = await bring();
      const signature = await t.deps.db
        .selectFrom('signatures')
        .select(['id', 'status'])
        .where('email', '=', ROSA)
        .executeTakeFirstOrThrow();
      const before = await counts(slug);
      const mails = await t.deps.db
        .selectFrom('mail_outbox')
        .select('status')
        .where('signature_id', '=', signature.id)
        .execute();
      expect(mails.map((m) => m.status)).toContain('sent');

      const withdraw = linkIn(mail, '/withdraw');
      const ask = await t.app.request(new URL(withdraw).pathname);
      expect(ask.status).toBe(200);
      expect(await ask.text()).toContain(copy('en', 'withdraw.submit'));
      // Opening the link (or a mail scanner doing so) withdraws nothing: only the button does.
      expect(
        await t.deps.db.selectFrom('signatures').select(['id', 'status']).where('email', '=', ROSA).executeTakeFirst(),
      ).toEqual(signature);
      expect(await counts(slug)).toEqual(before);
      const done = await postForm(t, new URL(withdraw).pathname, {});
      expect(done.status).toBe(200);

      expect(
        await t.deps.db.selectFrom('signatures').select('id').where('email_normalized', '=', ROSA).execute(),
      ).toEqual([]);
      expect(
        await t.deps.db.selectFrom('mail_outbox').select('id').where('signature_id', '=', signature.id).execute(),
      ).toEqual([]);
      const after = await counts(slug);
      if (signature.status === 'confirmed')
        expect(after).toEqual({ confirmed: before.confirmed - 1, pending: before.pending });
      else expect(after).toEqual({ confirmed: before.confirmed, pending: before.pending - 1 });
    },
  );

  it('withdrawing also erases a comment a moderator removed, from the audit row that kept it', async () => {
    const { id, slug } = await makePetition(t.deps.db);
    await sign(slug);
    const mail = await mailToRosa('Thank you for signing');
    const signature = await t.deps.db
      .selectFrom('signatures')
      .select('id')
      .where('email', '=', ROSA)
      .executeTakeFirstOrThrow();
    await recordAudit(t.deps.db, {
      actorId: null,
      action: 'comment.remove',
      petitionId: id,
      details: { signature: signature.id, comment: 'Texto de Rosa' },
      now: t.deps.now(),
    });
    expect((await postForm(t, new URL(linkIn(mail, '/withdraw')).pathname, {})).status).toBe(200);
    const row = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'comment.remove')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.details)).toEqual({ signature: signature.id, comment: null, commentErased: true });
  });
});
