import { describe, expect, it } from 'vitest';
import { describeViolations, wcagViolations } from './support/axe.js';
import { PHONE } from './support/browser.js';
import { useStage } from './support/stage.js';

const ENGLISH_TITLE = 'Protect Connecticut Residents from Deportation: Support the Connecticut Trust Act!';
const SCREENSHOTS = process.env['SCREENSHOT_DIR'];

describe('an Arabic visitor on a site that also speaks Arabic', () => {
  const stage = useStage({ env: { FIRMA_LOCALES: 'en,es,ar' } });

  it('reads the page right to left at 360 px, with the petition’s English words left to right, and it passes axe', async (test) => {
    const page = await stage.newPage(test, {
      ...PHONE,
      viewport: { width: 360, height: 800 },
      locale: 'ar',
      timezoneId: 'America/New_York',
      // axe is injected as a script, which the site's CSP refuses (as it should): the test's page allows it.
      bypassCSP: true,
    });
    const response = await page.goto('/p/ct-trust-act');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-language']).toBe('ar');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The demo petition has no Arabic text: its English, marked as English and left to right.
    const title = page.locator('h1');
    expect(await title.innerText()).toBe(ENGLISH_TITLE);
    expect(await title.getAttribute('lang')).toBe('en');
    expect(await title.getAttribute('dir')).toBe('ltr');
    // The interface is Arabic and starts at the right: the sign form's heading hugs the right edge.
    // (measured on the heading's words, not its box, which spans the column)
    const [left, right] = await page.evaluate<[number, number]>(`(() => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === 'وقّع هذه العريضة');
      const range = document.createRange();
      range.selectNodeContents(heading);
      const box = range.getBoundingClientRect();
      return [box.left, box.right];
    })()`);
    expect(360 - right).toBeLessThan(left);
    expect(await page.getByRole('button', { name: 'وقّع العريضة' }).isVisible()).toBe(true);
    // Nothing spills sideways, in either direction.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    if (SCREENSHOTS !== undefined) await page.screenshot({ path: `${SCREENSHOTS}/arabic-360.png`, fullPage: true });
    const violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
