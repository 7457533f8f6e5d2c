// Legislators' responses, on both engines, with the sample legislature: the organizer emails a legislator a response
// link (a real SMTP server receives it); the link opens a form that publishes the answer under their name, in the
// language chosen, once — then it is used; a link works for one petition; the organizer enters an answer on a
// legislator's behalf (marked so) and hides one; another organizer reaches none of it; a response is text, never HTML.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { postForm, useTestApp, type TestApp } from '../support/test-app.js';
import { makePetition } from '../support/factories.js';
import { get } from '../support/requests.js';
import { openMailroom } from '../support/mailroom.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { findBody } from '../../src/targets/directory-store.js';
import { SAMPLE_BODY_SLUG, seedSampleAssembly } from '../../src/targets/sample/seed-sample-assembly.js';
import { respondents } from '../../src/targets/respond.js';

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe.each(enginesToTest())('legislators answer on the petition page on $name', (engine) => {
  const t = useTestApp(engine);

  async function scene(): Promise<{
    id: number;
    slug: string;
    owner: SignedIn;
    rep: { id: number; name: string; district: string; email: string | null };
  }> {
    await seedSampleAssembly({ db: t.deps.db, now: t.deps.now });
    const body = await findBody(t.deps.db, SAMPLE_BODY_SLUG);
    if (body === undefined) throw new Error('seeded');
    const owner = await signedIn(t);
    const seats = [{ bodyId: body.id, chamber: 'lower' as const }];
    const { id, slug } = await makePetition(t.deps.db, { ownerId: owner.user.id, seatTargets: seats });
    const [rep] = await respondents(t.deps.db, seats, t.deps.now().toISOString().slice(0, 10));
    if (rep === undefined) throw new Error('the sample House has members');
    return { id, slug, owner, rep };
  }

  async function emailedLink(t: TestApp, who: SignedIn, petitionId: number, personId: number) {
    const mailroom = await openMailroom(t);
    try {
      const sent = await postFormAs(t, who, `/organize/${petitionId}/responses/link`, { person_id: String(personId) });
      expect(sent.status).toBe(303);
      const mails = await mailroom.deliver();
      const mail = mails[mails.length - 1];
      const link = /https?:\/\/\S+\/respond\/[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0];
      if (link === undefined || mail === undefined) throw new Error('no response link in the mail');
      return { mail, path: new URL(link).pathname };
    } finally {
      await mailroom.close();
    }
  }

  it('a legislator answers once through the emailed link, in Spanish, and the answer is on the petition page', async () => {
    const { id, slug, owner, rep } = await scene();
    const { mail, path } = await emailedLink(t, owner, id, rep.id);
    expect(rep.email).not.toBeNull();
    expect(mail.to).toContain(rep.email ?? ''); // the directory's address for the seat
    expect(mail.subject).toContain('Fix the bus shelter');
    const form = await (await get(t, path)).text();
    expect(plain(form)).toContain(`You are answering as Rep. ${rep.name} (District ${rep.district})`);
    const posted = await postForm(t, path, { locale: 'es', body: 'Apoyo esta petición.\n\nVotaré a favor.' });
    expect(posted.status).toBe(303);
    const page = await (await get(t, `/en/p/${slug}`)).text();
    expect(page).toContain('Responses from legislators');
    expect(plain(page)).toContain(`Rep. ${rep.name} (District ${rep.district})`);
    expect(page).toMatch(
      /<div class="response-body" lang="es"[^>]*><p>Apoyo esta petición.<\/p><p>Votaré a favor.<\/p>/,
    );
    // Once: the same link again is refused, with a page saying so, and nothing more is published.
    expect((await get(t, path)).status).toBe(410);
    expect((await postForm(t, path, { locale: 'en', body: 'Second answer' })).status).toBe(410);
    expect(await t.deps.db.selectFrom('target_responses').selectAll().execute()).toHaveLength(1);
  });

  it('a link works for its own petition only, and a made-up token is not found', async () => {
    const { id, owner, rep } = await scene();
    const other = await makePetition(t.deps.db, { ownerId: owner.user.id });
    const { path } = await emailedLink(t, owner, id, rep.id);
    const token = path.split('/').pop() ?? '';
    expect((await get(t, `/en/p/${other.slug}/respond/${token}`)).status).toBe(404);
    expect((await get(t, path.replace(token, 'A'.repeat(43)))).status).toBe(404);
    expect((await get(t, path.replace(token, 'not-a-token'))).status).toBe(404);
    t.advance(31 * 24 * 3600_000);
    expect((await get(t, path)).status).toBe(410);
  });

  it('the organizer enters an answer on a legislator’s behalf (marked so), hides it, shows it; it is text, never HTML', async () => {
    const { id, slug, owner, rep } = await scene();
    const bad = await postFormAs(t, owner, `/organize/${id}/responses`, {
      person_id: String(rep.id),
      locale: 'en',
      body: '',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Write the response.');
    const saved = await postFormAs(t, owner, `/organize/${id}/responses`, {
      person_id: String(rep.id),
      locale: 'en',
      body: 'Said at the town hall: <script>alert(1)</script> yes.',
    });
    expect(saved.status).toBe(303);
    let page = await (await get(t, `/en/p/${slug}`)).text();
    expect(page).toContain('entered by the organizer on their behalf');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
    const [response] = await t.deps.db.selectFrom('target_responses').select('id').execute();
    expect((await postFormAs(t, owner, `/organize/${id}/responses/${response?.id}/hide`, {})).status).toBe(303);
    page = await (await get(t, `/en/p/${slug}`)).text();
    expect(page).not.toContain('Said at the town hall');
    await postFormAs(t, owner, `/organize/${id}/responses/${response?.id}/show`, {});
    page = await (await get(t, `/en/p/${slug}`)).text();
    expect(page).toContain('Said at the town hall');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'response.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['response.enter', 'response.hide', 'response.show']);
  });

  it('another organizer reaches none of it; a petition without district targets has no responses page', async () => {
    const { id, rep } = await scene();
    const stranger = await signedIn(t);
    expect((await getAs(t, stranger, `/organize/${id}/responses`)).status).toBe(404);
    expect(
      (await postFormAs(t, stranger, `/organize/${id}/responses/link`, { person_id: String(rep.id) })).status,
    ).toBe(404);
    expect(
      (
        await postFormAs(t, stranger, `/organize/${id}/responses`, {
          person_id: String(rep.id),
          locale: 'en',
          body: 'x',
        })
      ).status,
    ).toBe(404);
    expect(await t.deps.db.selectFrom('response_links').selectAll().execute()).toEqual([]);
    const plainPetition = await makePetition(t.deps.db, { ownerId: stranger.user.id });
    expect((await getAs(t, stranger, `/organize/${plainPetition.id}/responses`)).status).toBe(404);
  });
});
