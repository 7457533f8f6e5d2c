// The kiosk's server side, on both engines: the organizer makes a kiosk link (signed, expiring) and turns it off; the
// link opens the kiosk page with its app manifest and service worker; each signature the tablet sends is counted at
// once as gathered at a kiosk, exactly once however often it is sent (by its id; by the address when there is one);
// bad fields come back with the form's own messages in the signer's language; a link past its time takes only the
// signatures taken before it expired, for a week; a link turned off takes nothing; and the form works without
// JavaScript.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { copy } from '../support/copy.js';
import { petitionJson } from '../support/requests.js';
import { postForm, TEST_ORIGIN, useTestApp, type TestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

function sendJson(t: TestApp, path: string, body: unknown) {
  return Promise.resolve(
    t.app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
      body: JSON.stringify(body),
    }),
  );
}

describe.each(enginesToTest())('a kiosk on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;
  let owner: SignedIn;
  let petition: { id: number; slug: string };
  let kiosk = '';

  beforeEach(async () => {
    mailroom = await openMailroom(t);
    owner = await signedIn(t);
    petition = await makePetition(t.deps.db, { ownerId: owner.user.id, requiresVerification: true });
    const made = await postFormAs(t, owner, `/organize/${petition.id}/kiosk`, {
      label: 'Church hall tablet',
      hours: '4',
    });
    expect(made.headers.get('location')).toBe(`/organize/${petition.id}/kiosk?done=created`);
    const page = await (await getAs(t, owner, `/organize/${petition.id}/kiosk`)).text();
    kiosk = /href="(\/kiosk\/[A-Za-z0-9_-]{43})"/.exec(page)?.[1] ?? '';
    expect(kiosk).not.toBe('');
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  const rows = () =>
    t.deps.db
      .selectFrom('signatures')
      .select(['name', 'email', 'postal_code', 'locale', 'method', 'status', 'source'])
      .orderBy('id')
      .execute();
  const entry = (overrides: Json = {}) => ({
    submission_id: randomUUID(),
    name: 'Rosa Martínez',
    email: 'rosa@example.org',
    postal_code: '06106',
    locale: 'es',
    taken_at: t.deps.now().toISOString(),
    ...overrides,
  });

  it('opens as an installable page whose signatures count at once, each exactly once', async () => {
    const page = await t.app.request(`${kiosk}?lang=es`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain(`<link rel="manifest" href="${kiosk}/manifest.webmanifest"`);
    expect(html).toMatch(/<script src="\/static\/kiosk.js" defer=""><\/script>/);
    expect(html).toContain('Arreglen la parada');
    expect(html).toContain('lang="es"');
    const manifest = (await (await t.app.request(`${kiosk}/manifest.webmanifest`)).json()) as Json;
    expect(manifest).toMatchObject({ start_url: kiosk, scope: '/kiosk/', display: 'standalone' });
    const worker = await t.app.request('/kiosk/sw.js');
    expect(worker.headers.get('content-type')).toContain('javascript');
    expect(await worker.text()).toContain("addEventListener('fetch'");

    const rosa = entry();
    const first = await sendJson(t, `${kiosk}/signatures`, rosa);
    expect(first.status).toBe(201);
    // Sent again (the tablet did not hear the answer): the same signature, nothing added.
    const again = await sendJson(t, `${kiosk}/signatures`, rosa);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Json)['id']).toBe(((await first.json()) as Json)['id']);
    // Two people without email, one of them sent twice.
    const luis = entry({ name: 'Luis Pérez', email: '', locale: 'en' });
    const ana = entry({ name: 'Ana Gómez', email: '', locale: 'en' });
    expect((await sendJson(t, `${kiosk}/signatures`, luis)).status).toBe(201);
    expect((await sendJson(t, `${kiosk}/signatures`, ana)).status).toBe(201);
    expect((await sendJson(t, `${kiosk}/signatures`, luis)).status).toBe(200);
    expect(await rows()).toEqual([
      {
        name: 'Rosa Martínez',
        email: 'rosa@example.org',
        postal_code: '06106',
        locale: 'es',
        method: 'kiosk',
        status: 'confirmed',
        source: 'kiosk',
      },
      {
        name: 'Luis Pérez',
        email: '',
        postal_code: '06106',
        locale: 'en',
        method: 'kiosk',
        status: 'confirmed',
        source: 'kiosk',
      },
      {
        name: 'Ana Gómez',
        email: '',
        postal_code: '06106',
        locale: 'en',
        method: 'kiosk',
        status: 'confirmed',
        source: 'kiosk',
      },
    ]);
    const json = await petitionJson(t, petition.slug);
    expect(json.signature_count).toBe(3);
    expect(json.signatures_by_method).toEqual({ online: 0, paper: 0, kiosk: 3 });
    expect(await (await getAs(t, owner, `/organize/${petition.id}`)).text()).toContain(
      copy('en', 'dashboard.byMethodKiosk', { kiosk: 3 }),
    );

    // Only the signer who gave an email is told, in Spanish, that she signed on the tablet; no confirmation email.
    const mails = await mailroom.deliver();
    expect(mails.map((m) => m.to)).toEqual(['rosa@example.org']);
    expect(mails[0]?.text).toContain(copy('es', 'mail.paperNotice.introKiosk', { title: 'Arreglen la parada' }));

    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'kiosk.create',
      'signatures.in_person',
      'signatures.in_person',
      'signatures.in_person',
    ]);
    expect(audit.every((a) => a.actor_id === owner.user.id)).toBe(true);
  });

  it('bad fields come back with the form’s messages in the signer’s language, and nothing is stored', async () => {
    const bad = await sendJson(t, `${kiosk}/signatures`, entry({ name: '', postal_code: 'ABCDE', email: 'nope' }));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Json)['fields']).toEqual({
      name: copy('es', 'error.name.required'),
      email: copy('es', 'error.email.invalid'),
      postal_code: copy('es', 'error.postalCode.invalid'),
    });
    for (const body of [{ ...entry(), submission_id: 'not-a-uuid' }, 'not json', [1, 2]]) {
      const res = await t.app.request(`${kiosk}/signatures`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
    expect(await rows()).toEqual([]);
  });

  it('a link past its time takes only what was taken before, for a week; a link turned off takes nothing', async () => {
    const before = entry({ email: '', taken_at: t.deps.now().toISOString() });
    t.advance(5 * 3600_000);
    const closed = await t.app.request(kiosk);
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain(copy('en', 'kiosk.closed.expired'));
    expect((await sendJson(t, `${kiosk}/signatures`, before)).status).toBe(201);
    expect((await sendJson(t, `${kiosk}/signatures`, entry({ taken_at: t.deps.now().toISOString() }))).status).toBe(
      410,
    );
    t.advance(8 * 24 * 3600_000);
    expect((await sendJson(t, `${kiosk}/signatures`, entry({ email: '', taken_at: before.taken_at }))).status).toBe(
      410,
    );
    expect(await rows()).toHaveLength(1);

    // A new link, turned off: nothing more, whatever is sent.
    await postFormAs(t, owner, `/organize/${petition.id}/kiosk`, { label: 'Lost tablet', hours: '12' });
    const page = await (await getAs(t, owner, `/organize/${petition.id}/kiosk`)).text();
    const lost = /href="(\/kiosk\/[A-Za-z0-9_-]{43})"/.exec(page)?.[1] ?? '';
    const id = (
      await t.deps.db
        .selectFrom('kiosk_links')
        .select('id')
        .where('label', '=', 'Lost tablet')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await postFormAs(t, owner, `/organize/${petition.id}/kiosk/${id}/revoke`, {})).status).toBe(303);
    expect((await t.app.request(lost)).status).toBe(410);
    expect((await sendJson(t, `${lost}/signatures`, entry())).status).toBe(410);
    expect((await t.app.request(`/kiosk/${'A'.repeat(43)}`)).status).toBe(404);
    expect(await rows()).toHaveLength(1);
    // Another organizer cannot turn it back or off.
    const other = await signedIn(t);
    expect((await postFormAs(t, other, `/organize/${petition.id}/kiosk/${id}/revoke`, {})).status).toBe(404);
  });

  it('works without JavaScript: the form is posted, thanked, and the same form sent twice counts once', async () => {
    const page = await (await t.app.request(kiosk)).text();
    const submission = /name="submission_id" value="([0-9a-f-]{36})"/.exec(page)?.[1] ?? '';
    expect(submission).not.toBe('');
    const fields = { submission_id: submission, name: 'Marta Ruiz', email: '', postal_code: '06105', locale: 'en' };
    const sent = await postForm(t, `${kiosk}/sign`, fields);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${kiosk}/thanks?lang=en`);
    expect(await (await t.app.request(sent.headers.get('location') ?? '')).text()).toContain(
      copy('en', 'kiosk.thanks'),
    );
    expect((await postForm(t, `${kiosk}/sign`, fields)).status).toBe(303);
    expect(await rows()).toHaveLength(1);
    const bad = await postForm(t, `${kiosk}/sign`, { ...fields, submission_id: randomUUID(), postal_code: '1' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain(copy('en', 'error.postalCode.invalid'));
    expect(html).toContain('value="Marta Ruiz"');
    expect(await rows()).toHaveLength(1);
  });

  it('the organizer’s page refuses a bad label beside its field', async () => {
    const res = await postFormAs(
      t,
      owner,
      `/organize/${petition.id}/kiosk`,
      { label: '', hours: '4' },
      { 'Accept-Language': 'es' },
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(copy('es', 'kioskLinks.error.label'));
    const hours = await postFormAs(t, owner, `/organize/${petition.id}/kiosk`, { label: 'x', hours: '9999' });
    expect(hours.status).toBe(422);
    expect(await t.deps.db.selectFrom('kiosk_links').selectAll().execute()).toHaveLength(1);
  });
});
