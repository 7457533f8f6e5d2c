import { describe, expect, it } from 'vitest';
import { getAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('the header links depend on the page, not the visitor, on $name', (engine) => {
  const t = useTestApp(engine);

  it('public pages are the same for a signed-in organizer and a stranger, and offer "Start a petition"', async () => {
    const { slug } = await makePetition(t.deps.db);
    const ana = await signedIn(t);
    for (const page of [`/en/p/${slug}`, '/en']) {
      const stranger = await (await t.app.request(page)).text();
      t.advance(1500); // past the shared one-second cache: the organizer's page is rendered afresh
      const organizer = await (await getAs(t, ana, page)).text();
      expect(organizer).toBe(stranger);
      expect(stranger).toContain('<a href="/organize/new">Start a petition</a>');
      expect(stranger).not.toContain('/signout');
    }
  });

  it('organizer pages show the account links to a signed-in organizer, and "Sign in" to others', async () => {
    const ana = await signedIn(t);
    const account = await (await getAs(t, ana, '/account', { 'Accept-Language': 'en' })).text();
    expect(account).toContain('<a href="/organize">My petitions</a>');
    expect(account).toContain('<a href="/account" aria-current="page">Account</a>');
    expect(account).toContain(
      '<form method="post" action="/signout"><button type="submit" class="link-button">Sign out</button></form>',
    );
    const signIn = await (await t.app.request('/signin', { headers: { 'Accept-Language': 'es' } })).text();
    expect(signIn).toContain('<a href="/signin">Iniciar sesión</a>');
    expect(signIn).not.toContain(copy('es', 'nav.myPetitions'));
  });

  it('the header link to the page being read is marked as the current page, and only there', async () => {
    const mo = await signedIn(t, { role: 'admin' });
    const pages: [path: string, current: string][] = [
      ['/organize', '/organize'],
      ['/account', '/account'],
      ['/moderate', '/moderate'],
      ['/admin', '/admin'],
    ];
    for (const [path, current] of pages) {
      const html = await (await getAs(t, mo, path, { 'Accept-Language': 'en' })).text();
      const header = /<nav [^>]*class="account-nav">.*?<\/nav>/s.exec(html)?.[0] ?? '';
      expect(header.match(/aria-current="page"/g), path).toHaveLength(1);
      expect(header, path).toContain(`<a href="${current}" aria-current="page">`);
    }
    const other = await (await getAs(t, mo, '/organize/new', { 'Accept-Language': 'en' })).text();
    expect(other).not.toContain('aria-current="page"');
  });
});
