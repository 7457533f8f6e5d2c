import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR,
  SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR,
} from '../../src/web/account/account-routes.js';
import { makeUser } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { askForLink, openMailroom, type Mailroom } from './sign-in-mail.js';
import { copy } from '../support/copy.js';

/** Everything a reader could compare between two answers. */
async function observable(res: Response) {
  return {
    status: res.status,
    location: res.headers.get('location'),
    cookies: res.headers.getSetCookie(),
    body: await res.text(),
  };
}

describe.each(enginesToTest())('asking for a sign-in link reveals nothing and is limited on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;

  beforeEach(async () => {
    mailroom = await openMailroom(t);
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  it('the answer is the same for an address with an account and one without', async () => {
    await makeUser(t, { email: 'known@example.org' });
    const known = await observable(await askForLink(t, 'known@example.org'));
    const unknown = await observable(await askForLink(t, 'unknown@example.org'));
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ status: 303, location: '/signin/sent', cookies: [] });
    const mails = await mailroom.deliver();
    expect(mails.map((m) => m.to).sort()).toEqual(['known@example.org', 'unknown@example.org']);
  });

  it('a bad address gets a clear message beside the field, in the reader’s language, with what was typed kept', async () => {
    const res = await askForLink(t, 'ana@example', { language: 'es', next: '/account' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="email-error"');
    expect(html).toContain(copy('es', 'error.email.invalid'));
    expect(html).toContain('value="ana@example"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<input type="hidden" name="next" value="/account"');
    expect(html).toContain('<html lang="es"');
    const empty = await askForLink(t, '   ');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain(copy('en', 'error.email.required'));
    expect(await t.deps.db.selectFrom('sign_in_tokens').select('id').execute()).toEqual([]);
  });

  it(`past ${SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR} links an hour to one address, no more mail is sent but the page is the same`, async () => {
    const answers = [];
    for (let i = 0; i < SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR + 3; i++)
      answers.push(await observable(await askForLink(t, i % 2 === 0 ? 'ana@example.org' : ' ANA@example.org ')));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const mails = await mailroom.deliver();
    expect(mails.filter((m) => m.to === 'ana@example.org')).toHaveLength(SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR);
    // Someone else is not affected.
    await askForLink(t, 'sam@example.org');
    expect((await mailroom.deliver()).filter((m) => m.to === 'sam@example.org')).toHaveLength(1);
    // An hour later the address gets links again.
    t.advance(3600_000);
    await askForLink(t, 'ana@example.org');
    expect((await mailroom.deliver()).filter((m) => m.to === 'ana@example.org')).toHaveLength(
      SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR + 1,
    );
  });

  it(`past ${SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR} requests an hour from one client, the answer is 429 in the reader’s language`, async () => {
    for (let i = 0; i < SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR; i++)
      expect((await askForLink(t, `person-${i}@example.org`)).status).toBe(303);
    const limited = await askForLink(t, 'one-more@example.org', { language: 'es' });
    expect(limited.status).toBe(429);
    const html = await limited.text();
    expect(html).toContain(copy('es', 'signin.rateLimited.title'));
    expect(
      await t.deps.db.selectFrom('sign_in_tokens').select('id').where('email', '=', 'one-more@example.org').execute(),
    ).toEqual([]);
  });
});
