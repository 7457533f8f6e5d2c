// A real Chromium signs the demo petition while every request it makes is recorded: all go to this site.
import type { Page, Request } from 'playwright-core';
import { describe, it } from 'vitest';
import { PHONE, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { useStage } from './support/stage.js';

function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request: Request) => urls.push(request.url()));
  return urls;
}

describe('a signer’s browser talks only to this site', () => {
  const stage = useStage();

  it.for(['en', 'es'] as const)(
    'on the petition page, while signing and on the thanks page (%s)',
    async (language, test) => {
      const page = await stage.newPage(test, { ...PHONE, ...speaking(language) });
      const urls = recordRequests(page);
      await page.goto(DEMO_PETITION, { waitUntil: 'networkidle' });
      const onPetition = urls.length;
      await page.locator('#name').fill('Lucía Muestra');
      await page.locator('#email').fill(`origin-${language}@example.org`);
      await page.locator('#postal_code').fill('06511');
      await page.locator('button.sign-button').click();
      await page.waitForURL('**/p/ct-trust-act/thanks?confirm=1*');
      await page.waitForLoadState('networkidle');
      await page.goto(`/${language}/privacy`, { waitUntil: 'networkidle' });

      const origin = stage.server.baseUrl;
      test.expect(onPetition).toBeGreaterThan(1); // the page, its stylesheet and script at least
      test.expect(urls.length).toBeGreaterThan(onPetition);
      test.expect(urls.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      test.expect(urls.some((url) => url.endsWith('/static/firma.css'))).toBe(true);
      test.expect(urls.some((url) => url.includes('/p/ct-trust-act/thanks?confirm=1'))).toBe(true);
    },
  );
});
