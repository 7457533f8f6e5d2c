// A petition's team, on both engines: the owner invites by email with a role and a language; the invitation arrives
// through a real SMTP server with a single-use link; only the account with the invited address accepts it, once; it
// lands on its role's page, and its list of petitions shows the role. Bad invitations are refused beside the field;
// cancelled, expired and unknown links say so; role changes and removals apply at the next request; every team
// action and every organizer action is in the audit log under the person who did it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { copy } from '../support/copy.js';
import { useTestApp } from '../support/test-app.js';
import { get } from '../support/requests.js';
import { deleteStaleInvitations } from '../../src/teams/team-store.js';
import { purgeInvitationsJob } from '../../src/teams/purge-invitations-job.js';

const TOKEN_LINK = /https?:\/\/\S+\/organize\/invitations\/([A-Za-z0-9_-]{43})/;

describe.each(enginesToTest())('a petition’s team on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;
  let owner: SignedIn;
  let petition: { id: number; slug: string };
  beforeEach(async () => {
    mailroom = await openMailroom(t);
    owner = await signedIn(t, { name: 'Ana Owner', email: 'ana@example.org' });
    petition = await makePetition(t.deps.db, { ownerId: owner.user.id });
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  async function invite(email: string, role: string, locale = 'en') {
    return postFormAs(t, owner, `/organize/${petition.id}/team`, { email, role, locale });
  }

  /** The link of the last invitation mailed to `to`. */
  async function invitationLink(to: string): Promise<{ path: string; token: string; subject: string }> {
    const mails = (await mailroom.deliver()).filter((m) => m.to.includes(to));
    const mail = mails.at(-1);
    if (mail === undefined) throw new Error(`no mail to ${to}`);
    const match = TOKEN_LINK.exec(mail.text);
    if (match?.[1] === undefined) throw new Error(`no invitation link in: ${mail.text}`);
    return { path: `/organize/invitations/${match[1]}`, token: match[1], subject: mail.subject };
  }

  const auditOf = (action: string) =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['actor_id', 'petition_id', 'details'])
      .where('action', '=', action)
      .execute();

  it('the invited person signs in with the invited address, accepts once and lands on their role’s page', async () => {
    const sent = await invite('Volunteer@Example.org', 'data_entry', 'es');
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/organize/${petition.id}/team?done=invited`);
    const mails = await mailroom.deliver();
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.to).toBe('volunteer@example.org');
    // In the language the owner chose, naming the petition, the owner's address and the role.
    expect(mail?.subject).toBe(copy('es', 'mail.teamInvitation.subject', { title: 'Arreglen la parada' }));
    expect(mail?.text).toContain('ana@example.org');
    expect(mail?.text).toContain(copy('es', 'team.role.data_entry'));
    expect(mail?.text).toContain(copy('es', 'team.allows.data_entry'));
    const link = await invitationLink('volunteer@example.org');
    // The token is kept only as a hash.
    const stored = await t.deps.db.selectFrom('petition_invitations').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(link.token);

    // Not signed in: sent to sign in, and back here afterwards.
    const anonymous = await get(t, link.path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(link.path)}`);

    // Signed in with another address: told which one to use; nothing changes, the link still works.
    const stranger = await signedIn(t, { email: 'someone-else@example.org' });
    const wrong = await getAs(t, stranger, link.path);
    expect(wrong.status).toBe(403);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('volunteer@example.org');
    expect(wrongPage).toContain('someone-else@example.org');
    expect((await postFormAs(t, stranger, link.path, {})).status).toBe(403);
    expect(await t.deps.db.selectFrom('petition_members').selectAll().execute()).toEqual([]);

    const volunteer = await signedIn(t, { email: 'volunteer@example.org', name: 'Vera Volunteer' });
    const page = await getAs(t, volunteer, link.path);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain(copy('en', 'team.invitation.intro', { title: 'Fix the bus shelter', role: 'Data entry' }));
    // Opening the page changes nothing (a mail scanner may open it first).
    expect(await t.deps.db.selectFrom('petition_members').selectAll().execute()).toEqual([]);

    const accepted = await postFormAs(t, volunteer, link.path, {});
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/organize/${petition.id}/paper/enter`);
    const members = await t.deps.db.selectFrom('petition_members').selectAll().execute();
    expect(members).toEqual([
      expect.objectContaining({ petition_id: petition.id, user_id: volunteer.user.id, role: 'data_entry' }),
    ]);
    expect(await auditOf('team.invite')).toEqual([
      expect.objectContaining({ actor_id: owner.user.id, petition_id: petition.id }),
    ]);
    expect(await auditOf('team.join')).toEqual([
      expect.objectContaining({ actor_id: volunteer.user.id, petition_id: petition.id }),
    ]);

    // Once only.
    const again = await postFormAs(t, volunteer, link.path, {});
    expect(again.status).toBe(410);
    expect(await again.text()).toContain(copy('en', 'team.invitation.used'));

    // Their list of petitions shows the role, and only the page it includes.
    const list = await (await getAs(t, volunteer, '/organize')).text();
    expect(list).toContain('Fix the bus shelter');
    expect(list).toContain(copy('en', 'organize.list.yourRole', { role: 'Data entry' }));
    expect(list).toContain(`href="/organize/${petition.id}/paper/enter"`);
    expect(list).not.toContain(`href="/organize/${petition.id}/edit"`);
    expect(list).not.toContain(`href="/organize/${petition.id}"`);

    // The owner's team page lists them, and the invitation is no longer open.
    const team = await (await getAs(t, owner, `/organize/${petition.id}/team`)).text();
    expect(team).toContain('Vera Volunteer (volunteer@example.org)');
    expect(team).toContain(copy('en', 'team.noInvitations'));
  });

  it('a bad invitation is refused beside its field in the reader’s language, and nothing is sent', async () => {
    const member = await signedIn(t, { email: 'member@example.org' });
    await t.deps.db
      .insertInto('petition_members')
      .values({
        petition_id: petition.id,
        user_id: member.user.id,
        role: 'viewer',
        added_at: '2026-11-25',
        added_by: null,
      })
      .execute();
    const es = { 'Accept-Language': 'es' };
    const cases: [Record<string, string>, string][] = [
      [{ email: 'not-an-address', role: 'viewer', locale: 'en' }, copy('es', 'error.email.invalid')],
      [{ email: 'ANA@example.org', role: 'viewer', locale: 'en' }, copy('es', 'team.error.owner')],
      [{ email: 'member@example.org', role: 'viewer', locale: 'en' }, copy('es', 'team.error.member')],
      [{ email: 'new@example.org', role: 'admin', locale: 'en' }, copy('es', 'team.error.role')],
      [{ email: 'new@example.org', role: 'viewer', locale: 'xx' }, copy('es', 'team.error.locale')],
    ];
    for (const [fields, message] of cases) {
      const res = await postFormAs(t, owner, `/organize/${petition.id}/team`, fields, es);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      const html = await res.text();
      expect(html, JSON.stringify(fields)).toContain(message);
      expect(html).toContain('id="error-summary"');
    }
    expect(await t.deps.db.selectFrom('petition_invitations').selectAll().execute()).toEqual([]);
    expect(await mailroom.deliver()).toEqual([]);
  });

  it('cancelled, expired and unknown links say so and change nothing', async () => {
    const invitee = await signedIn(t, { email: 'late@example.org' });
    await invite('late@example.org', 'viewer');
    const expiring = await invitationLink('late@example.org');
    await invite('cancelled@example.org', 'viewer');
    const cancelledLink = await invitationLink('cancelled@example.org');
    const cancelledId = (
      await t.deps.db
        .selectFrom('petition_invitations')
        .select('id')
        .where('email', '=', 'cancelled@example.org')
        .executeTakeFirstOrThrow()
    ).id;
    const cancel = await postFormAs(t, owner, `/organize/${petition.id}/team/invitations/${cancelledId}/cancel`, {});
    expect(cancel.headers.get('location')).toBe(`/organize/${petition.id}/team?done=cancelled`);
    const cancelledUser = await signedIn(t, { email: 'cancelled@example.org' });
    const cancelled = await postFormAs(t, cancelledUser, cancelledLink.path, {});
    expect(cancelled.status).toBe(410);
    expect(await cancelled.text()).toContain(copy('en', 'team.invitation.cancelled'));

    const unknown = await getAs(t, invitee, `/organize/invitations/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain(copy('en', 'team.invitation.invalid'));

    t.advance(15 * 24 * 3600_000);
    const expired = await postFormAs(t, invitee, expiring.path, {});
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain(copy('en', 'team.invitation.expired'));
    expect(await t.deps.db.selectFrom('petition_members').selectAll().execute()).toEqual([]);
    // The owner's page says it expired.
    expect(await (await getAs(t, owner, `/organize/${petition.id}/team`)).text()).toContain(copy('en', 'team.expired'));

    // 30 days after they stopped working, invitations (an address of someone who may never have joined) are gone.
    await purgeInvitationsJob.run({ db: t.deps.db, now: t.deps.now }, { pause: async () => {} });
    expect(await t.deps.db.selectFrom('petition_invitations').select('email').execute()).toHaveLength(2);
    t.advance(31 * 24 * 3600_000);
    await purgeInvitationsJob.run({ db: t.deps.db, now: t.deps.now }, { pause: async () => {} });
    expect(await t.deps.db.selectFrom('petition_invitations').select('email').execute()).toEqual([]);
    expect(await deleteStaleInvitations(t.deps.db, t.deps.now().toISOString())).toBe(0);
  });

  it('a role change and a removal apply from the next request, and are logged under the owner', async () => {
    const member = await signedIn(t, { email: 'viewer@example.org' });
    await invite('viewer@example.org', 'viewer');
    await postFormAs(t, member, (await invitationLink('viewer@example.org')).path, {});
    expect((await getAs(t, member, `/organize/${petition.id}`)).status).toBe(200);
    const refused = await getAs(t, member, `/organize/${petition.id}/paper/enter`);
    expect(refused.status).toBe(403);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain(copy('en', 'team.forbidden.body', { role: 'Viewer' }));
    expect(refusedPage).toContain(`href="/organize/${petition.id}"`);

    const changed = await postFormAs(t, owner, `/organize/${petition.id}/team/members/${member.user.id}/role`, {
      role: 'data_entry',
    });
    expect(changed.headers.get('location')).toBe(`/organize/${petition.id}/team?done=role`);
    expect((await getAs(t, member, `/organize/${petition.id}/paper/enter`)).status).toBe(200);
    expect((await getAs(t, member, `/organize/${petition.id}`)).status).toBe(403);
    // Not a role: nothing changes.
    expect(
      (await postFormAs(t, owner, `/organize/${petition.id}/team/members/${member.user.id}/role`, { role: 'owner' }))
        .status,
    ).toBe(404);

    const removed = await postFormAs(t, owner, `/organize/${petition.id}/team/members/${member.user.id}/remove`, {});
    expect(removed.headers.get('location')).toBe(`/organize/${petition.id}/team?done=removed`);
    expect((await getAs(t, member, `/organize/${petition.id}/paper/enter`)).status).toBe(404);
    expect((await getAs(t, member, `/organize/${petition.id}`)).status).toBe(404);
    expect(await (await getAs(t, member, '/organize')).text()).not.toContain('Fix the bus shelter');

    expect(await auditOf('team.role')).toEqual([
      expect.objectContaining({
        actor_id: owner.user.id,
        details: JSON.stringify({ user: member.user.id, role: 'data_entry' }),
      }),
    ]);
    expect(await auditOf('team.remove')).toEqual([expect.objectContaining({ actor_id: owner.user.id })]);
  });

  it('a co-organizer manages the petition under their own name, but not its team', async () => {
    const co = await signedIn(t, { email: 'co@example.org', name: 'Cora Co' });
    await invite('co@example.org', 'co_organizer');
    const accepted = await postFormAs(t, co, (await invitationLink('co@example.org')).path, {});
    expect(accepted.headers.get('location')).toBe(`/organize/${petition.id}`);

    const nav = await (await getAs(t, co, `/organize/${petition.id}`)).text();
    expect(nav).toContain(`href="/organize/${petition.id}/edit"`);
    expect(nav).not.toContain(`href="/organize/${petition.id}/team"`);
    expect((await getAs(t, co, `/organize/${petition.id}/team`)).status).toBe(403);
    expect(
      (
        await postFormAs(t, co, `/organize/${petition.id}/team`, {
          email: 'x@example.org',
          role: 'viewer',
          locale: 'en',
        })
      ).status,
    ).toBe(403);

    const update = await postFormAs(t, co, `/organize/${petition.id}/updates/new`, {
      title_en: 'We met the council',
      body_en: 'They listened.',
      title_es: 'Nos reunimos con el concejo',
      body_es: 'Nos escucharon.',
      email_signers: 'no',
    });
    expect(update.status).toBe(303);
    expect(await auditOf('update.post')).toEqual([
      expect.objectContaining({ actor_id: co.user.id, petition_id: petition.id }),
    ]);
    const update2 = await t.deps.db.selectFrom('petition_updates').select('author_id').executeTakeFirstOrThrow();
    expect(update2.author_id).toBe(co.user.id);

    // The owner's nav has the team page.
    expect(await (await getAs(t, owner, `/organize/${petition.id}`)).text()).toContain(
      `href="/organize/${petition.id}/team"`,
    );
  });
});
