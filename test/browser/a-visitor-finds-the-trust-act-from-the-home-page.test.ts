// A visitor who heard of "the Trust Act petition" finds it from the home page: a Spanish reader on a 360-pixel phone
// without JavaScript, and an English reader on a desktop typing the word with an accent and in capitals. The home
// page, its results and an empty search pass axe in both languages.
import { describe, expect, it } from 'vitest';
import { wcagViolations, describeViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { useStage } from './support/stage.js';
import { copy } from '../support/copy.js';

const SPANISH_TITLE =
  'Protejan a los residentes de Connecticut de la deportación: ¡Apoyen la Ley de Confianza de Connecticut!';
const ENGLISH_TITLE = 'Protect Connecticut Residents from Deportation: Support the Connecticut Trust Act!';
const NARROW_PHONE = { ...PHONE, viewport: { width: 360, height: 780 } };

describe('a visitor finds the Trust Act petition from the home page', () => {
  const stage = useStage();

  it('a Spanish reader on a small phone without JavaScript searches "confianza" and opens the petition', async (test) => {
    const page = await stage.newPage(test, { ...NARROW_PHONE, ...speaking('es'), javaScriptEnabled: false });
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('es');

    await page.getByRole('searchbox', { name: copy('es', 'home.search.label') }).fill('confianza');
    await page.getByRole('button', { name: copy('es', 'home.search.button') }).click();
    await page.waitForURL('**/es?q=confianza');
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(
      copy('es', 'home.search.results', { count: 1, query: 'confianza' }),
    );

    await page.getByRole('link', { name: SPANISH_TITLE }).click();
    await page.waitForURL('**/es/p/ct-trust-act');
    expect(await page.locator('h1').innerText()).toBe(SPANISH_TITLE);

    // axe runs as a script: the same pages at the same width, read in a browser that runs it.
    const checked = await stage.newPage(test, { ...NARROW_PHONE, ...speaking('es'), bypassCSP: true });
    for (const path of ['/es', '/es?q=confianza']) {
      await checked.goto(path);
      expect(describeViolations(await wcagViolations(checked))).toBe('no violations');
      // Nothing on the page is wider than the phone.
      expect(await checked.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    }
  });

  it('an English reader on a desktop finds it with "CONFÍANZA", and a search for nothing says so kindly', async (test) => {
    const page = await stage.newPage(test, { ...DESKTOP, ...speaking('en'), bypassCSP: true });
    await page.goto('/en');
    expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    const box = page.getByRole('searchbox', { name: copy('en', 'home.search.label') });
    await box.fill('CONFÍANZA');
    await box.press('Enter');
    await page.waitForURL(/\/en\?q=/);
    expect(await page.getByRole('link', { name: ENGLISH_TITLE }).isVisible()).toBe(true);
    // The search box keeps what was typed.
    expect(await box.inputValue()).toBe('CONFÍANZA');

    await box.fill('zanahoria');
    await box.press('Enter');
    await page.waitForURL('**/en?q=zanahoria');
    expect(await page.getByText(copy('en', 'home.search.none', { query: 'zanahoria' })).isVisible()).toBe(true);
    expect(describeViolations(await wcagViolations(page))).toBe('no violations');
  });

  it('a reader in Hartford types the town, without JavaScript, and finds the petition signed around them', async (test) => {
    const page = await stage.newPage(test, { ...NARROW_PHONE, ...speaking('es'), javaScriptEnabled: false });
    await page.goto('/es');
    await page.getByRole('textbox', { name: copy('es', 'home.near.label') }).fill('hartford');
    await page.getByRole('button', { name: copy('es', 'home.near.button') }).click();
    await page.waitForURL('**/es?near=hartford');
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(
      copy('es', 'home.near.title', { place: 'Hartford' }),
    );
    expect(await page.getByRole('link', { name: SPANISH_TITLE }).isVisible()).toBe(true);

    const checked = await stage.newPage(test, { ...NARROW_PHONE, ...speaking('es'), bypassCSP: true });
    for (const path of ['/es?near=hartford', '/es?near=Atlantis']) {
      await checked.goto(path);
      expect(describeViolations(await wcagViolations(checked))).toBe('no violations');
      expect(await checked.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    }
  });
});
