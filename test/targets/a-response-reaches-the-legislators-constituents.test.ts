// A legislator's response is emailed to their own constituents among the signers (a real SMTP server receives it), on
// both engines: a signer matched to that district who asked for news gets it in their language, with the answer as
// written; a signer of the same district who did not ask for news, and one of another district, get nothing; a
// hidden response is not emailed (not queued, and not sent when hidden after it was queued); the fan-out runs once.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { postForm, useTestApp, validSignature, type TestApp } from '../support/test-app.js';
import { openMailroom } from '../support/mailroom.js';
import { linkIn } from '../support/smtp-sink.js';
import { openAndPress } from '../support/signer-link-button.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { districtPetition, twoHouseZips } from '../support/district-petition.js';
import { respondents } from '../../src/targets/respond.js';
import { fanOutResponses } from '../../src/targets/fan-out-responses.js';

describe.each(enginesToTest())('a response reaches the legislator’s constituents on $name', (engine) => {
  const t = useTestApp(engine);

  async function scene(t: TestApp) {
    const owner = await signedIn(t);
    const { id, slug, bodyId } = await districtPetition(t, { ownerId: owner.user.id });
    const { home, elsewhere } = twoHouseZips();
    const sign = async (locale: string, fields: Record<string, string>) =>
      expect((await postForm(t, `/${locale}/p/${slug}/sign`, validSignature(fields))).status).toBe(303);
    await sign('es', { name: 'Ana Ruiz', email: 'ana@example.org', postal_code: home.zip });
    await sign('en', { name: 'Ben Cole', email: 'ben@example.org', postal_code: home.zip, opt_in: '' });
    await sign('en', { name: 'Cai Wen', email: 'cai@example.org', postal_code: elsewhere.zip });
    const people = await respondents(
      t.deps.db,
      [{ bodyId, chamber: 'lower' }],
      t.deps.now().toISOString().slice(0, 10),
    );
    const rep = people.find((p) => p.district === home.district);
    if (rep === undefined) throw new Error('the sample House has a member for every district');
    return { id, owner, rep };
  }

  const answer = (owner: Awaited<ReturnType<typeof signedIn>>, id: number, personId: number, body: string) =>
    postFormAs(t, owner, `/organize/${id}/responses`, { person_id: String(personId), locale: 'en', body });

  it('only the opted-in constituents of that district are emailed, in their language, once', async () => {
    const { id, owner, rep } = await scene(t);
    expect((await answer(owner, id, rep.id, 'I will vote for the Trust Act.\n\nThank you for writing.')).status).toBe(
      303,
    );
    // While moderators hide the petition the response waits; shown again, it goes.
    await t.deps.db.updateTable('petitions').set({ hidden_at: t.deps.now().toISOString() }).execute();
    expect(await fanOutResponses(t.deps.db, t.deps.now)).toBe(0);
    await t.deps.db.updateTable('petitions').set({ hidden_at: null }).execute();
    expect(await fanOutResponses(t.deps.db, t.deps.now)).toBe(1);
    expect(await fanOutResponses(t.deps.db, t.deps.now)).toBe(0);
    const mailroom = await openMailroom(t);
    try {
      const mails = (await mailroom.deliver()).filter((m) => m.text.includes('Trust Act'));
      expect(mails.map((m) => m.to)).toEqual(['ana@example.org']);
      const [mail] = mails;
      expect(mail?.subject).toBe(`Rep. ${rep.name} (Distrito ${rep.district}) respondió a «Arreglen la parada»`);
      expect(mail?.text).toContain('(Escrita en inglés.)');
      expect(mail?.text).toContain('I will vote for the Trust Act.');
      expect(mail?.text).toContain('Thank you for writing.');
      expect(mail?.text).toContain('anotó esta respuesta en su nombre');
      const [row] = await t.deps.db.selectFrom('target_responses').select('emailed_count').execute();
      expect(Number(row?.emailed_count)).toBe(1);
      const page = await (await getAs(t, owner, `/organize/${id}/responses`)).text();
      expect(page).toContain('Emailed to 1 of this legislator&#39;s constituents');
    } finally {
      await mailroom.close();
    }
  });

  it('a constituent who confirms after the response was emailed gets it then, once', async () => {
    const owner = await signedIn(t);
    const { id, slug, bodyId } = await districtPetition(t, { ownerId: owner.user.id, requiresVerification: true });
    const { home } = twoHouseZips();
    await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'dee@example.org', postal_code: home.zip }));
    const day = t.deps.now().toISOString().slice(0, 10);
    const rep = (await respondents(t.deps.db, [{ bodyId, chamber: 'lower' }], day)).find(
      (p) => p.district === home.district,
    );
    if (rep === undefined) throw new Error('the sample House has a member for every district');
    await answer(owner, id, rep.id, 'Answered while Dee was pending.');
    expect(await fanOutResponses(t.deps.db, t.deps.now)).toBe(0); // pending: not yet a recipient
    const mailroom = await openMailroom(t);
    try {
      const confirmation = (await mailroom.deliver()).find((m) => m.to === 'dee@example.org');
      if (confirmation === undefined) throw new Error('a confirmation mail');
      await openAndPress(t, linkIn(confirmation, '/confirm'));
      expect(await fanOutResponses(t.deps.db, t.deps.now)).toBe(0);
      const mails = (await mailroom.deliver()).filter((m) => m.text.includes('Answered while Dee was pending.'));
      expect(mails.map((m) => m.to)).toEqual(['dee@example.org']);
    } finally {
      await mailroom.close();
    }
  });

  it('a hidden response is not emailed, and one hidden after it was queued is not sent', async () => {
    const { id, owner, rep } = await scene(t);
    await answer(owner, id, rep.id, 'Hidden before the fan-out.');
    const [first] = await t.deps.db.selectFrom('target_responses').select('id').execute();
    await postFormAs(t, owner, `/organize/${id}/responses/${first?.id}/hide`, {});
    expect(await fanOutResponses(t.deps.db, t.deps.now)).toBe(0);
    await answer(owner, id, rep.id, 'Hidden after the fan-out.');
    expect(await fanOutResponses(t.deps.db, t.deps.now)).toBe(1);
    const second = await t.deps.db.selectFrom('target_responses').select('id').orderBy('id', 'desc').executeTakeFirst();
    await postFormAs(t, owner, `/organize/${id}/responses/${second?.id}/hide`, {});
    const mailroom = await openMailroom(t);
    try {
      expect((await mailroom.deliver()).filter((m) => m.text.includes('Hidden'))).toEqual([]);
      const statuses = await t.deps.db
        .selectFrom('mail_outbox')
        .select('status')
        .where('kind', '=', 'target_response')
        .execute();
      expect(statuses.map((s) => s.status)).toEqual(['cancelled']);
    } finally {
      await mailroom.close();
    }
  });
});
