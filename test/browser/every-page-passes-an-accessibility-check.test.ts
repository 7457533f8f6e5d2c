import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, it, type TestContext } from 'vitest';
import { wcagViolations, describeViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { linkEndingIn, waitForEml } from './support/mailbox.js';
import { useStage, type Stage } from './support/stage.js';
import { copy } from '../support/copy.js';

interface PageUnderTest {
  name: string;
  screen: BrowserContextOptions;
  language: 'en' | 'es';
  open(page: Page, stage: Stage): Promise<unknown>;
}

const SUBMIT = { en: copy('en', 'sign.submit'), es: copy('es', 'sign.submit') } as const;

async function submitWithMistakes(page: Page, language: 'en' | 'es'): Promise<void> {
  await page.goto(DEMO_PETITION);
  await page.locator('#email').fill('not-an-email');
  await page.getByRole('button', { name: SUBMIT[language] }).click();
  await page.waitForSelector('.error-summary');
}

let signer = 0;
/** Signs the demo with a new address and returns it. */
async function signAndReachThanks(page: Page, language: 'en' | 'es'): Promise<string> {
  const email = `axe-${++signer}@example.org`; // taken before any await: tests run concurrently
  await page.goto(DEMO_PETITION);
  await page.locator('#name').fill('Ana Ejemplo');
  await page.locator('#email').fill(email);
  await page.locator('#postal_code').fill('06106');
  await page.getByRole('button', { name: SUBMIT[language] }).click();
  await page.waitForURL(`**/${language}/p/ct-trust-act/thanks?confirm=1*`);
  return email;
}

/** The page the confirmation email's link opens: it asks, with one button. */
async function openConfirmLink(page: Page, stage: Stage, language: 'en' | 'es'): Promise<void> {
  const email = await signAndReachThanks(page, language);
  await page.goto(linkEndingIn(await waitForEml(stage.server.mailDir, email), '/confirm'));
  await page.waitForSelector('form[method="post"] button');
}

const PAGES: PageUnderTest[] = [
  { name: 'the petition page in English', screen: DESKTOP, language: 'en', open: (p) => p.goto(DEMO_PETITION) },
  { name: 'the petition page in Spanish', screen: DESKTOP, language: 'es', open: (p) => p.goto(DEMO_PETITION) },
  {
    name: 'the petition page in Spanish on a phone',
    screen: PHONE,
    language: 'es',
    open: (p) => p.goto(DEMO_PETITION),
  },
  {
    name: 'the petition page with mistakes in the form, in Spanish',
    screen: PHONE,
    language: 'es',
    open: (p) => submitWithMistakes(p, 'es'),
  },
  {
    name: 'the petition page with mistakes in the form, in English',
    screen: DESKTOP,
    language: 'en',
    open: (p) => submitWithMistakes(p, 'en'),
  },
  { name: 'the thank-you page in Spanish', screen: PHONE, language: 'es', open: (p) => signAndReachThanks(p, 'es') },
  { name: 'the thank-you page in English', screen: DESKTOP, language: 'en', open: (p) => signAndReachThanks(p, 'en') },
  {
    name: 'the page behind a confirmation link in Spanish',
    screen: PHONE,
    language: 'es',
    open: (p, s) => openConfirmLink(p, s, 'es'),
  },
  {
    name: 'the page behind a confirmation link in English',
    screen: DESKTOP,
    language: 'en',
    open: (p, s) => openConfirmLink(p, s, 'en'),
  },
  { name: 'the home page in English', screen: DESKTOP, language: 'en', open: (p) => p.goto('/') },
  { name: 'the home page in Spanish', screen: PHONE, language: 'es', open: (p) => p.goto('/') },
  { name: 'a missing page in English', screen: DESKTOP, language: 'en', open: (p) => p.goto('/p/no-such-petition') },
  { name: 'a missing page in Spanish', screen: PHONE, language: 'es', open: (p) => p.goto('/p/no-such-petition') },
];

async function openForAxe(stage: Stage, test: TestContext, under: PageUnderTest): Promise<Page> {
  // Firma's CSP forbids inline scripts, and axe is injected as one.
  const page = await stage.newPage(test, { ...under.screen, ...speaking(under.language), bypassCSP: true });
  await under.open(page, stage);
  return page;
}

// Concurrent: each page has its own browser context, and the server is only read from (signers differ).
describe.concurrent('every page passes an accessibility check (WCAG 2.2 A and AA, axe-core)', () => {
  const stage = useStage();

  // Fourteen pages at once, each loaded, filled and read by axe in its own context: on a two-core machine
  // beside another browser test file, one can take more than the default 30 s.
  it.for(PAGES)('$name has no violations', { timeout: 90_000 }, async (under, test) => {
    const { expect } = test;
    const page = await openForAxe(stage, test, under);
    expect(await page.getAttribute('html', 'lang')).toBe(under.language);
    // Compared as text, so a failure prints each violation, its elements and how to fix them.
    expect(describeViolations(await wcagViolations(page))).toBe('no violations');
  });

  it('the check itself finds violations where there are some', async (test) => {
    const { expect } = test;
    const page = await stage.newPage(test, { ...DESKTOP, bypassCSP: true });
    await page.setContent(
      '<!doctype html><html><head><title>x</title></head><body><main><img src="data:,"><input type="text"></main></body></html>',
    );
    const found = (await wcagViolations(page)).map((v) => v.id).sort();
    expect(found).toEqual(['html-has-lang', 'image-alt', 'label']);
  });
});
