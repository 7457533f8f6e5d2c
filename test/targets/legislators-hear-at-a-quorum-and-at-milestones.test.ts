// What legislators hear by themselves, on both engines, with the sample legislature and a real SMTP server: the
// organizer sets a district quorum and digests on the responses page (bad input 422 beside the field; another
// organizer 404); a legislator whose district reaches the quorum is emailed the response link once, never again; at
// each milestone each legislator with new constituents gets a digest of numbers (no signer's name), and the digest's
// one-click stop link (posted cross-site, as a mail client does) ends them for that legislator only.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { postForm, useTestApp, validSignature, type TestApp } from '../support/test-app.js';
import { openMailroom } from '../support/mailroom.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { districtPetition, twoHouseZips } from '../support/district-petition.js';
import { respondents } from '../../src/targets/respond.js';
import { sendQuorumLinks } from '../../src/targets/quorum-links.js';
import { queueLegislatorDigests } from '../../src/targets/legislator-digests.js';
import { notifyMilestones } from '../../src/milestones/notify-milestones.js';

describe.each(enginesToTest())('legislators hear at a quorum and at milestones on $name', (engine) => {
  const t = useTestApp(engine, { env: { TRUST_PROXY: 'true' } });
  let signers = 0;

  async function scene(t: TestApp) {
    const owner = await signedIn(t);
    // To each signer's representative only: the counts below are the House's.
    const petition = await districtPetition(t, { ownerId: owner.user.id }, ['lower']);
    const zips = twoHouseZips();
    const day = t.deps.now().toISOString().slice(0, 10);
    const house = await respondents(t.deps.db, [{ bodyId: petition.bodyId, chamber: 'lower' }], day);
    const rep = house.find((p) => p.district === zips.home.district);
    const other = house.find((p) => p.district === zips.elsewhere.district);
    if (rep?.email == null || other?.email == null) throw new Error('the sample House has members with addresses');
    return { ...petition, owner, zips, rep: { ...rep, email: rep.email }, other: { ...other, email: other.email } };
  }

  async function sign(t: TestApp, slug: string, zip: string, times: number) {
    for (let i = 0; i < times; i += 1) {
      signers += 1;
      const res = await postForm(
        t,
        `/en/p/${slug}/sign`,
        validSignature({ name: `Signer ${signers}`, email: `signer-${signers}@example.org`, postal_code: zip }),
        // Each from its own network: many signatures from one /24 in a minute would be held for confirmation.
        { 'X-Forwarded-For': `100.64.${signers % 250}.1` },
      );
      expect(res.status).toBe(303);
    }
  }

  const options = (who: SignedIn, id: number, fields: Record<string, string>) =>
    postFormAs(t, who, `/organize/${id}/responses/options`, fields);

  it('the organizer sets a quorum and digests; bad input is answered beside the field; another organizer cannot', async () => {
    const { id, owner } = await scene(t);
    const bad = await options(owner, id, { quorum: 'fifty', digests: 'yes' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Give a whole number of signers from 1 to 1,000,000, or leave it empty.');
    expect(html).toContain('value="fifty"');
    expect((await options(owner, id, { quorum: '0' })).status).toBe(422);
    expect((await options(owner, id, { quorum: '50', digests: 'yes' })).headers.get('location')).toBe(
      `/organize/${id}/responses?done=options`,
    );
    const page = await (await getAs(t, owner, `/organize/${id}/responses`)).text();
    expect(page).toContain('value="50"');
    expect(page).toMatch(/name="digests" id="digests" value="yes" checked/);
    const stranger = await signedIn(t);
    expect((await options(stranger, id, { quorum: '1' })).status).toBe(404);
    const saved = await t.deps.db.selectFrom('petition_response_options').selectAll().execute();
    expect(saved).toMatchObject([{ petition_id: id, quorum: 50, digests: 1 }]);
  });

  it('digests turned on after a milestone start at the next one, not at once', async () => {
    const { id, slug, owner, zips } = await scene(t);
    await sign(t, slug, zips.home.zip, 10);
    await notifyMilestones(t.deps.db, t.deps.now());
    await options(owner, id, { digests: 'yes' });
    expect(await queueLegislatorDigests(t.deps)).toBe(0);
    await sign(t, slug, zips.home.zip, 15);
    await notifyMilestones(t.deps.db, t.deps.now());
    expect(await queueLegislatorDigests(t.deps)).toBe(1);
  });

  it('a district that reaches the quorum sends its legislator the response link by itself, once', async () => {
    const { id, slug, owner, zips, rep } = await scene(t);
    await options(owner, id, { quorum: '3' });
    await sign(t, slug, zips.home.zip, 2);
    await sign(t, slug, zips.elsewhere.zip, 1);
    expect(await sendQuorumLinks(t.deps)).toBe(0);
    await sign(t, slug, zips.home.zip, 1);
    // A petition hidden by moderators sends nothing; shown again, it does.
    await t.deps.db.updateTable('petitions').set({ hidden_at: t.deps.now().toISOString() }).execute();
    expect(await sendQuorumLinks(t.deps)).toBe(0);
    await t.deps.db.updateTable('petitions').set({ hidden_at: null }).execute();
    expect(await sendQuorumLinks(t.deps)).toBe(1);
    expect(await sendQuorumLinks(t.deps)).toBe(0);
    await sign(t, slug, zips.home.zip, 3);
    expect(await sendQuorumLinks(t.deps)).toBe(0);
    const links = await t.deps.db.selectFrom('response_links').select(['person_id', 'quorum', 'created_by']).execute();
    expect(links).toEqual([{ person_id: rep.id, quorum: 3, created_by: null }]);
    const mailroom = await openMailroom(t);
    try {
      const invites = (await mailroom.deliver()).filter((m) => m.to.includes(rep.email));
      expect(invites).toHaveLength(1);
      expect(invites[0]?.text).toMatch(/\/respond\/[A-Za-z0-9_-]{43}/);
    } finally {
      await mailroom.close();
    }
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', 'like', 'response.link%')
      .execute();
    expect(audit).toEqual([{ action: 'response.link.quorum', actor_id: null }]);
  });

  it('each legislator with new constituents gets a digest of numbers at a milestone, until they stop it', async () => {
    const { id, slug, owner, zips, rep, other } = await scene(t);
    await options(owner, id, { quorum: '', digests: 'yes' });
    await sign(t, slug, zips.home.zip, 7);
    await sign(t, slug, zips.elsewhere.zip, 3);
    expect(await queueLegislatorDigests(t.deps)).toBe(0); // no milestone yet
    await notifyMilestones(t.deps.db, t.deps.now());
    expect(await queueLegislatorDigests(t.deps)).toBe(2);
    expect(await queueLegislatorDigests(t.deps)).toBe(0);
    const mailroom = await openMailroom(t);
    try {
      let mails = await mailroom.deliver();
      const firstRound = mails.length;
      const toRep = mails.filter((m) => m.to.includes(rep.email));
      // The first digest counts every constituent so far.
      expect(toRep.map((m) => m.subject)).toEqual(['7 of your constituents signed “Fix the bus shelter”']);
      const text = toRep[0]?.text ?? '';
      expect(text).toContain(`Hello ${rep.name},`);
      expect(text).toContain(
        `7 of your constituents in District ${rep.district} have signed the petition “Fix the bus shelter”, of 10 signers statewide.`,
      );
      expect(text).not.toContain('Signer 1');
      expect(mails.filter((m) => m.to.includes(other.email)).map((m) => m.subject)).toEqual([
        '3 of your constituents signed “Fix the bus shelter”',
      ]);

      // 25: the representative has 15 new constituents; the other legislator none, so no digest.
      await sign(t, slug, zips.home.zip, 15);
      await notifyMilestones(t.deps.db, t.deps.now());
      await queueLegislatorDigests(t.deps);
      mails = (await mailroom.deliver()).slice(firstRound);
      const second = mails.filter((m) => m.to.includes(rep.email));
      expect(second.map((m) => m.subject)).toEqual(['15 more of your constituents signed “Fix the bus shelter”']);
      expect(second[0]?.text).toContain(`15 more of your constituents in District ${rep.district} have signed`);
      expect(second[0]?.text).toContain(
        `22 constituents of District ${rep.district} have signed in all, of 25 signers`,
      );
      expect(mails.filter((m) => m.to.includes(other.email))).toEqual([]);

      // The one-click stop, posted from the mail client (no Origin, no Sec-Fetch-Site).
      const header = (key: string) =>
        second[0]?.parsed.headerLines.find((h) => h.key === key)?.line.replace(/\r\n\s+/g, '') ?? '';
      const stop = /<(https?:\/\/[^>]+\/stop)>/.exec(header('list-unsubscribe'))?.[1];
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      if (stop === undefined) throw new Error('the digest has a one-click stop link');
      const path = new URL(stop).pathname;
      expect(await (await t.app.request(path)).text()).toContain('Stop these emails');
      const stopped = await t.app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(stopped.status).toBe(200);
      expect(await stopped.text()).toContain('You will get no more digests');
      expect((await t.app.request(path.replace(/\/[A-Za-z0-9_-]{43}\/stop$/, `/${'A'.repeat(43)}/stop`))).status).toBe(
        404,
      );

      // 50: the representative stopped them; the other legislator still hears.
      const sentBefore = (await mailroom.deliver()).length;
      await sign(t, slug, zips.home.zip, 20);
      await sign(t, slug, zips.elsewhere.zip, 5);
      await notifyMilestones(t.deps.db, t.deps.now());
      await queueLegislatorDigests(t.deps);
      const third = (await mailroom.deliver()).slice(sentBefore);
      expect(third.filter((m) => m.to.includes(rep.email))).toEqual([]);
      expect(third.filter((m) => m.to.includes(other.email)).map((m) => m.subject)).toEqual([
        '5 more of your constituents signed “Fix the bus shelter”',
      ]);
      const audit = await t.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'digest.stop')
        .execute();
      expect(audit).toHaveLength(1);
    } finally {
      await mailroom.close();
    }
  });
});
