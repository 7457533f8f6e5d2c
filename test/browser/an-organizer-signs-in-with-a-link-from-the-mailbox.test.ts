import type { Page } from 'playwright-core';
import { describe, expect, it, type TestContext } from 'vitest';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { waitForEml } from './support/mailbox.js';
import { useStage, type Stage } from './support/stage.js';
import { copy } from '../support/copy.js';

const SUBMIT = { en: copy('en', 'signin.submit'), es: copy('es', 'signin.submit') } as const;
const SIGN_IN = { en: copy('en', 'signin.confirm.submit'), es: copy('es', 'signin.confirm.submit') } as const;

let people = 0;
/** A new address for each use: tests run concurrently against one server and one mailbox. */
function newAddress(language: 'en' | 'es'): string {
  people += 1;
  return `organizer-${language}-${people}@example.org`;
}

/** Asks for a link on the sign-in page and returns it from the .eml the server wrote. */
async function requestLink(stage: Stage, page: Page, email: string, language: 'en' | 'es'): Promise<string> {
  if (!page.url().includes('/signin')) await page.goto('/signin');
  await page.locator('#email').fill(email);
  await page.getByRole('button', { name: SUBMIT[language] }).click();
  await page.waitForURL('**/signin/sent');
  const mail = await waitForEml(stage.server.mailDir, email);
  const link = (mail.text?.match(/https?:\/\/\S+/g) ?? []).find((l) => /\/signin\/[A-Za-z0-9_-]{43}$/.test(l));
  if (link === undefined) throw new Error(`no sign-in link in the mail to ${email}`);
  return link;
}

describe('an organizer signs in with a link from the mailbox', () => {
  const stage = useStage();

  it('asks for a link from the account page, opens it from the mailbox, signs in, sees the account, signs out', async (test) => {
    const page = await stage.newPage(test, { ...DESKTOP, ...speaking('en') });
    await page.goto('/account');
    await page.waitForURL('**/signin?next=%2Faccount');
    expect(await page.locator('h1').innerText()).toBe(copy('en', 'signin.title'));

    const email = newAddress('en');
    const link = await requestLink(stage, page, email, 'en');
    expect(await page.locator('h1').innerText()).toBe(copy('en', 'signin.sent.title'));

    await page.goto(link);
    expect(await page.locator('h1').innerText()).toBe(`Sign in as ${email}`);
    expect((await page.context().cookies()).find((c) => c.name === 'firma_session')).toBeUndefined();
    await page.getByRole('button', { name: copy('en', 'signin.confirm.submit'), exact: true }).click();

    await page.waitForURL('**/account');
    expect(await page.locator('h1').innerText()).toBe(copy('en', 'account.title'));
    expect(await page.locator('.account-facts').innerText()).toContain(email);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'firma_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByRole('button', { name: copy('en', 'nav.signOut'), exact: true }).click();
    await page.waitForURL('**/signin?out=1');
    expect(await page.getByText(copy('en', 'signin.signedOut')).isVisible()).toBe(true);
    await page.goto('/account');
    await page.waitForURL('**/signin?next=%2Faccount');
  });

  async function signedInPage(test: TestContext, language: 'en' | 'es'): Promise<Page> {
    const page = await stage.newPage(test, {
      ...(language === 'es' ? PHONE : DESKTOP),
      ...speaking(language),
      bypassCSP: true,
    });
    await page.goto(await requestLink(stage, page, newAddress(language), language));
    await page.getByRole('button', { name: SIGN_IN[language], exact: true }).click();
    await page.waitForURL('**/organize');
    return page;
  }

  const PAGES: { name: string; open(stage: Stage, page: Page, language: 'en' | 'es'): Promise<unknown> }[] = [
    { name: 'the sign-in page', open: (_s, p) => p.goto('/signin') },
    {
      name: 'the sign-in page with a mistake',
      open: async (_s, p, language) => {
        await p.goto('/signin');
        await p.locator('#email').fill('ana@example');
        await p.getByRole('button', { name: SUBMIT[language] }).click();
        await p.waitForSelector('.field-error');
      },
    },
    { name: '"check your email"', open: (s, p, language) => requestLink(s, p, newAddress(language), language) },
    {
      name: 'the page behind the link',
      open: async (s, p, language) => p.goto(await requestLink(s, p, newAddress(language), language)),
    },
    {
      name: 'a link already used (410)',
      open: async (s, p, language) => {
        const link = await requestLink(s, p, newAddress(language), language);
        await p.goto(link);
        await p.getByRole('button', { name: SIGN_IN[language], exact: true }).click();
        await p.waitForURL('**/organize');
        const again = await p.goto(link);
        expect(again?.status()).toBe(410);
      },
    },
  ];

  for (const language of ['en', 'es'] as const) {
    it.for(PAGES)(`$name has no accessibility violations (${language})`, async (under, test) => {
      const page = await stage.newPage(test, {
        ...(language === 'es' ? PHONE : DESKTOP),
        ...speaking(language),
        bypassCSP: true,
      });
      await under.open(stage, page, language);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      test.expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    });

    it(`the account page has no accessibility violations (${language}), nor with an API key just made`, async (test) => {
      const page = await signedInPage(test, language);
      await page.goto('/account');
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      test.expect(describeViolations(await wcagViolations(page))).toBe('no violations');

      // An API key made in the browser: shown once, in a box; the list and its revoke button; no page overflow.
      await page
        .locator('#key-name')
        .fill(language === 'es' ? 'Sincronización con Action Network' : 'Action Network sync');
      await page.locator('#key-write').check();
      await page.getByRole('button', { name: copy(language, 'account.apiKeys.submit'), exact: true }).click();
      await page.waitForSelector('#made-key');
      expect(await page.locator('#made-key').inputValue()).toMatch(/^firma_[A-Za-z0-9_-]{43}$/);
      expect(await page.locator('.api-keys table').innerText()).toContain(copy(language, 'account.apiKeys.readWrite'));
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        await page.evaluate<number>('window.innerWidth'),
      );
      test.expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    });
  }
});
