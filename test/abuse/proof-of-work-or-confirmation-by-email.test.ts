import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeAbuseCounters } from '../../src/abuse/purge-counters.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { openAndPress } from '../support/signer-link-button.js';
import { linkIn, type ReceivedMail } from '../support/smtp-sink.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { changeSettings, countsOf, signAs, solvedChallenge } from './abuse-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('proof of work on $name', (engine) => {
  const t = useTestApp(engine, { env: { TRUST_PROXY: 'true' } });
  let mailroom: Mailroom;
  let admin: SignedIn;
  let slug: string;

  beforeEach(async () => {
    mailroom = await openMailroom(t, { maxAttempts: 5 });
    admin = await signedIn(t, { role: 'admin' });
    // A petition that counts signatures at once: only proof of work can make one wait.
    ({ slug } = await makePetition(t.deps.db, { requiresVerification: false }));
    await changeSettings(t, admin, { powDifficulty: 1000 });
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  const switchPow = (mode: 'on' | 'off', which = slug) =>
    postFormAs(t, admin, '/admin/settings/pow', { slug: which, mode });

  it('the challenge is asked for only where proof of work is on, and is never cached', async () => {
    const off = await t.app.request(`/p/${slug}/challenge`);
    expect(off.headers.get('cache-control')).toBe('no-store');
    expect(await off.json()).toEqual({ required: false });
    expect((await switchPow('on')).status).toBe(303);
    const on = await t.app.request(`/es/p/${slug}/challenge`);
    expect(on.headers.get('cache-control')).toBe('no-store');
    const json = (await on.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      required: true,
      algorithm: 'SHA-256',
      maxnumber: 1000,
      message: copy('es', 'abuse.pow.working'),
    });
    expect((await t.app.request('/p/no-such-petition/challenge')).status).toBe(404);
  });

  it('the petition page is the same for every visitor whether proof of work is on or off', async () => {
    const page = async () => {
      t.advance(1500);
      return (await t.app.request(`/en/p/${slug}`)).text();
    };
    const before = await page();
    await switchPow('on');
    const during = await page();
    expect(during).toBe(before);
    expect(during).toMatch(/<script src="\/static\/pow.js" defer[^>]*><\/script>/);
  });

  it('a signer whose browser solved the challenge is counted at once', async () => {
    await switchPow('on');
    const res = await signAs(t, slug, { fields: { altcha: await solvedChallenge(t, slug) } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/en/p/${slug}/thanks`);
    expect(await countsOf(t, slug)).toEqual({ confirmed: 1, pending: 0 });
  });

  it('without a solution, or with a forged, foreign, expired or replayed one, the signature waits for the emailed link and the signer is told why', async () => {
    await switchPow('on');
    const other = await makePetition(t.deps.db);
    await switchPow('on', other.slug);
    const used = await solvedChallenge(t, slug);
    expect(
      (await signAs(t, slug, { fields: { altcha: used, email: 'first@example.org' } })).headers.get('location'),
    ).toBe(`/en/p/${slug}/thanks`);

    const decoded = JSON.parse(Buffer.from(used, 'base64').toString()) as { number: number };
    const forged = Buffer.from(JSON.stringify({ ...decoded, number: decoded.number + 1 })).toString('base64');
    const expiring = await solvedChallenge(t, slug);
    const attempts: [string, Record<string, string>][] = [
      ['none', {}],
      ['empty', { altcha: '' }],
      ['garbage', { altcha: 'not base64 json' }],
      ['forged', { altcha: forged }],
      ['for another petition', { altcha: await solvedChallenge(t, other.slug) }],
      ['replayed', { altcha: used }],
    ];
    for (const [what, fields] of attempts) {
      const res = await signAs(t, slug, {
        locale: 'es',
        fields: { ...fields, email: `${what.replace(/ /g, '-')}@example.org`, name: `Firmante ${what}` },
      });
      expect(res.status, what).toBe(303);
      expect(res.headers.get('location'), what).toBe(`/es/p/${slug}/thanks?confirm=1&check=1`);
    }
    t.advance(11 * 60_000);
    const late = await signAs(t, slug, { fields: { altcha: expiring, email: 'late@example.org' } });
    expect(late.headers.get('location')).toBe(`/en/p/${slug}/thanks?confirm=1&check=1`);

    const thanks = await (await t.app.request(`/es/p/${slug}/thanks?confirm=1&check=1`)).text();
    expect(thanks).toContain('Tu navegador no pudo hacer la comprobación automática');
    expect(await countsOf(t, slug)).toEqual({ confirmed: 1, pending: 7 });

    await mailroom.worker.drainAll();
    const mails = await mailroom.sink.waitFor(
      7,
      (m) => m.subject.startsWith(copy('es', 'confirm.ask.title')) || m.subject.startsWith('Please confirm'),
    );
    expect(mails.map((m) => m.to).sort()).toContain('replayed@example.org');
    const replayed = mails.find((m) => m.to === 'replayed@example.org') as ReceivedMail;
    expect((await t.app.request(new URL(linkIn(replayed, '/confirm')).pathname)).status).toBe(200);
    expect(await countsOf(t, slug)).toEqual({ confirmed: 1, pending: 7 }); // opening the link only asks
    expect((await openAndPress(t, linkIn(replayed, '/confirm'))).status).toBe(200);
    expect(await countsOf(t, slug)).toEqual({ confirmed: 2, pending: 6 });
  });

  it('the embeddable sign form applies the same defences: pending without a solution, counted with one, disposable addresses refused', async () => {
    await switchPow('on');
    const embed = (fields: Record<string, string>) => postForm(t, `/es/p/${slug}/embed/sign`, validSignature(fields));
    const pending = await embed({ email: 'embed-1@example.org' });
    expect(pending.headers.get('location')).toBe(`/es/p/${slug}/embed/thanks?confirm=1&check=1`);
    expect(await (await t.app.request(pending.headers.get('location') ?? '')).text()).toContain(
      'Tu navegador no pudo hacer la comprobación automática',
    );
    expect(
      (await embed({ email: 'embed-2@example.org', altcha: await solvedChallenge(t, slug) })).headers.get('location'),
    ).toBe(`/es/p/${slug}/embed/thanks`);
    const disposable = await embed({ email: 'embed-3@mailinator.com' });
    expect(disposable.status).toBe(422);
    expect(await disposable.text()).toContain('No podemos aceptar direcciones de este proveedor de correo');
    expect(await countsOf(t, slug)).toEqual({ confirmed: 1, pending: 1 });
  });

  it('on a petition that asks every signer to confirm anyway, a signer without a solution is not told about the check', async () => {
    const verified = await makePetition(t.deps.db, { requiresVerification: true });
    await switchPow('on', verified.slug);
    expect((await signAs(t, verified.slug)).headers.get('location')).toBe(`/en/p/${verified.slug}/thanks?confirm=1`);
  });

  it('used solutions are remembered until their challenge expires, then the background job forgets them', async () => {
    await switchPow('on');
    await signAs(t, slug, { fields: { altcha: await solvedChallenge(t, slug) } });
    const used = () =>
      t.deps.db.selectFrom('rate_limit_hits').select('bucket').where('bucket', 'like', 'pow-used:%').execute();
    expect(await used()).toHaveLength(1);
    await purgeAbuseCounters(t.deps.db, t.deps.now());
    expect(await used()).toHaveLength(1);
    t.advance(12 * 60_000);
    await purgeAbuseCounters(t.deps.db, t.deps.now());
    expect(await used()).toHaveLength(0);
  });

  it('proof of work for the whole site applies to every petition, and an admin switches it off again', async () => {
    await changeSettings(t, admin, { powSiteWide: true });
    const pending = await signAs(t, slug);
    expect(pending.headers.get('location')).toBe(`/en/p/${slug}/thanks?confirm=1&check=1`);
    await changeSettings(t, admin, { powSiteWide: false });
    expect((await signAs(t, slug)).headers.get('location')).toBe(`/en/p/${slug}/thanks`);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'settings.update')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details) as unknown)).toContainEqual({
      changes: { powSiteWide: { from: false, to: true } },
    });
  });

  it('an admin switches proof of work on for one petition by its address, sees it listed, and an unknown address is a 422', async () => {
    expect((await switchPow('on')).headers.get('location')).toBe(`/admin/settings?done=pow-on&slug=${slug}`);
    const page = await (await getAs(t, admin, `/admin/settings?done=pow-on&slug=${slug}`)).text();
    expect(page).toContain(`Proof of work for “${slug}” is now On.`);
    expect(page).toContain(copy('en', 'settings.pow.byAdmin'));
    const unknown = await postFormAs(t, admin, '/admin/settings/pow', { slug: 'no-such-petition', mode: 'on' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain(copy('en', 'invalidation.error.noPetition'));
    await switchPow('off');
    expect(await (await getAs(t, admin, '/admin/settings')).text()).toContain(copy('en', 'settings.pow.none'));
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'petition_id'])
      .where('action', '=', 'petition.pow')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
