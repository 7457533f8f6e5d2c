import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import {
  askForLink,
  linkFor,
  openMailroom,
  sessionCookieFrom,
  signInPathIn,
  useLink,
  type Mailroom,
} from './sign-in-mail.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('an organizer signs in with an emailed link on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;

  beforeEach(async () => {
    mailroom = await openMailroom(t);
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  it('the sign-in page explains itself and keeps where to go next', async () => {
    const res = await t.app.request('/signin?next=%2Faccount', { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Sign in</h1>');
    expect(html).toContain('there is no password to remember');
    expect(html).toContain('<input type="hidden" name="next" value="/account"');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('the link arrives by email, its page shows a button and does not sign in, and the button does', async () => {
    const asked = await askForLink(t, 'Ana@Example.org', { next: '/account' });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/signin/sent');
    const sent = await (await t.app.request('/signin/sent', { headers: { 'Accept-Language': 'en' } })).text();
    expect(sent).toContain(copy('en', 'signin.sent.title'));
    expect(sent).toContain('The link works once, for 20 minutes.');

    const [mail] = await mailroom.deliver();
    expect(mail?.to).toBe('ana@example.org');
    expect(mail?.subject).toBe('Your sign-in link for Firma');
    expect(mail?.text).toContain('The link works once, for 20 minutes.');
    expect(mail?.text).toContain('If you did not ask to sign in, ignore this email');
    expect(mail?.html).toContain(copy('en', 'mail.signIn.action'));

    // The outbox never held the token itself.
    const path = signInPathIn(mail!); // the mail arrived: checked just above
    const token = path.split('/').at(-1) ?? '';
    const outbox = await t.deps.db.selectFrom('mail_outbox').select(['payload', 'recipient']).execute();
    expect(JSON.stringify(outbox)).not.toContain(token);
    const stored = await t.deps.db.selectFrom('sign_in_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    // Opening the link (or a mail scanner doing so) only shows a button.
    const page = await t.app.request(path, { headers: { 'Accept-Language': 'en' } });
    expect(page.status).toBe(200);
    expect(page.headers.getSetCookie()).toEqual([]);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('Sign in as ana@example.org');
    expect(html).toContain(`<form method="post" action="${path}">`);
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toEqual([]);

    const signedIn = await useLink(t, path);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/account');
    const setCookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('firma_session=')) ?? '';
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');

    const account = await t.app.request('/account', {
      headers: { Cookie: sessionCookieFrom(signedIn), 'Accept-Language': 'en' },
    });
    expect(account.status).toBe(200);
    const accountHtml = await account.text();
    expect(accountHtml).toContain('ana@example.org');
    expect(accountHtml).toContain(copy('en', 'account.role.organizer'));

    const user = await t.deps.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email: 'ana@example.org',
      role: 'organizer',
      locale: 'en',
      last_sign_in_at: '2026-11-25T12:00:00.000Z',
    });
  });

  it('without a next path the organizer lands on /organize', async () => {
    const path = await linkFor(t, mailroom, 'sam@example.org');
    const res = await useLink(t, path);
    expect(res.headers.get('location')).toBe('/organize');
  });

  it('the link works only once: the second use says it was already used, with a way to get a new one', async () => {
    const path = await linkFor(t, mailroom, 'ana@example.org');
    expect((await useLink(t, path)).status).toBe(303);
    const again = await useLink(t, path);
    expect(again.status).toBe(410);
    expect(again.headers.getSetCookie()).toEqual([]);
    const html = await again.text();
    expect(html).toContain(copy('en', 'signin.used.title'));
    expect(html).toContain('href="/signin"');
    const opened = await t.app.request(path);
    expect(opened.status).toBe(410);
    expect(await t.deps.db.selectFrom('sessions').select('user_id').execute()).toHaveLength(1);
  });

  it('two uses of one link at the same moment sign in exactly once', async () => {
    const path = await linkFor(t, mailroom, 'ana@example.org');
    const answers = await Promise.all([useLink(t, path), useLink(t, path), useLink(t, path)]);
    expect(answers.map((r) => r.status).sort()).toEqual([303, 410, 410]);
    expect(await t.deps.db.selectFrom('sessions').select('user_id').execute()).toHaveLength(1);
  });

  it('an email still queued when its link expires is not sent', async () => {
    await askForLink(t, 'late@example.org');
    t.advance(20 * 60_000);
    const result = await mailroom.worker.drainAll();
    expect(result).toMatchObject({ sent: 0, cancelled: 1 });
    expect(mailroom.sink.received).toEqual([]);
  });

  it('a Spanish reader gets the email and the pages in Spanish, and the account keeps the language', async () => {
    const path = await linkFor(t, mailroom, 'rosa@example.org', { language: 'es' });
    const mail = mailroom.sink.received.at(-1);
    expect(mail?.subject).toBe('Tu enlace para iniciar sesión en Firma');
    expect(mail?.text).toContain('El enlace funciona una sola vez, durante 20 minutos.');
    expect(mail?.text).toContain('Si no pediste iniciar sesión, ignora este correo');
    expect(mail?.parsed.headers.get('content-language')).toBe('es');
    const page = await (await t.app.request(path, { headers: { 'Accept-Language': 'es' } })).text();
    expect(page).toContain('<html lang="es"');
    expect(page).toContain('Iniciar sesión como rosa@example.org');
    await useLink(t, path);
    const user = await t.deps.db.selectFrom('users').select(['locale']).executeTakeFirstOrThrow();
    expect(user.locale).toBe('es');
  });

  it('signing in again uses the existing account and replaces the browser’s old session', async () => {
    const first = sessionCookieFrom(await useLink(t, await linkFor(t, mailroom, 'ana@example.org')));
    const second = await useLink(t, await linkFor(t, mailroom, 'ANA@example.org'), first);
    expect(second.status).toBe(303);
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toHaveLength(1);
    expect((await t.app.request('/account', { headers: { Cookie: first } })).status).toBe(303);
    expect((await t.app.request('/account', { headers: { Cookie: sessionCookieFrom(second) } })).status).toBe(200);
  });
});
