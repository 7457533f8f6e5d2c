import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { horizontalOverflow } from './support/page-reading.js';
import { useStage } from './support/stage.js';

// Full-page screenshots for a person to look at; outside the repository on purpose.
const SHOTS = path.join(tmpdir(), 'firma-shots');

const SCREENS: { screen: string; options: BrowserContextOptions }[] = [
  { screen: 'phone', options: PHONE },
  { screen: 'desktop', options: DESKTOP },
];

let signer = 0;
// The pages of this file load at once, sixteen browser contexts on a machine shared with other test files: a
// form's answer may take longer than the context's 10 s default (CI once took 10 s over an empty form's).
const FORM_ANSWER_MS = 25_000;

async function reachThanks(page: Page): Promise<void> {
  const n = ++signer; // taken before any await: tests run concurrently
  await page.goto(DEMO_PETITION);
  await page.locator('#name').fill('Lucía Muestra');
  await page.locator('#email').fill(`shots-${n}@example.org`);
  await page.locator('#postal_code').fill('06511');
  await page.locator('button.sign-button').click({ timeout: FORM_ANSWER_MS });
  await page.waitForURL('**/p/ct-trust-act/thanks?confirm=1*', { timeout: FORM_ANSWER_MS });
}

async function submitEmptyForm(page: Page): Promise<void> {
  await page.goto(DEMO_PETITION);
  await page.locator('button.sign-button').click({ timeout: FORM_ANSWER_MS });
  await page.waitForSelector('.error-summary', { timeout: FORM_ANSWER_MS });
}

const PAGES: { name: string; file: string; language: 'en' | 'es'; open(page: Page): Promise<unknown> }[] = [
  { name: 'the petition page in Spanish', file: 'petition-es', language: 'es', open: (p) => p.goto(DEMO_PETITION) },
  { name: 'the petition page in English', file: 'petition-en', language: 'en', open: (p) => p.goto(DEMO_PETITION) },
  {
    name: 'the petition page with mistakes in the form',
    file: 'petition-errors-es',
    language: 'es',
    open: submitEmptyForm,
  },
  { name: 'the thank-you page', file: 'thanks-es', language: 'es', open: reachThanks },
  { name: 'the home page', file: 'home-es', language: 'es', open: (p) => p.goto('/') },
  { name: 'a missing page', file: 'not-found-en', language: 'en', open: (p) => p.goto('/p/no-such-petition') },
];

// Concurrent: each page has its own browser context, and the server is only read from (signers differ).
describe.concurrent('the pages fit a phone and a desktop', () => {
  const stage = useStage();
  beforeAll(() => mkdir(SHOTS, { recursive: true }));

  describe.each(SCREENS)('on a $screen', ({ screen, options }) => {
    it.for(PAGES)('$name never scrolls sideways', async (under, test) => {
      const page = await stage.newPage(test, { ...options, ...speaking(under.language) });
      await under.open(page);
      await page.screenshot({ path: path.join(SHOTS, `${under.file}-${screen}.png`), fullPage: true, scale: 'css' });
      test.expect(await horizontalOverflow(page)).toBe(0);
    });
  });
});
