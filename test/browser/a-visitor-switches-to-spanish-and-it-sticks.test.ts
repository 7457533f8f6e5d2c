import { describe, expect, it } from 'vitest';
import { DESKTOP, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { useStage } from './support/stage.js';
import { copy } from '../support/copy.js';

const ENGLISH_TITLE = 'Protect Connecticut Residents from Deportation: Support the Connecticut Trust Act!';
const SPANISH_TITLE =
  'Protejan a los residentes de Connecticut de la deportación: ¡Apoyen la Ley de Confianza de Connecticut!';

describe('a visitor switches to Spanish and the choice sticks', () => {
  const stage = useStage();

  it('an English reader picks "Español", and the petition opens in Spanish on the next visit', async (test) => {
    const page = await stage.newPage(test, { ...DESKTOP, ...speaking('en') });
    await page.goto(DEMO_PETITION);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe(ENGLISH_TITLE);

    await page
      .getByRole('navigation', { name: copy('en', 'lang.label') })
      .getByRole('link', { name: 'Español' })
      .click();
    await page.waitForURL('**/es/p/ct-trust-act');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('h1').innerText()).toBe(SPANISH_TITLE);

    const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'lang');
    expect(cookie).toMatchObject({ value: 'es', httpOnly: true, sameSite: 'Lax', path: '/' });

    // The next visit, in a new tab, to the address without a language in it: the browser still asks for English.
    const nextVisit = await page.context().newPage();
    const response = await nextVisit.goto(DEMO_PETITION);
    expect(response?.headers()['content-language']).toBe('es');
    expect(await nextVisit.getAttribute('html', 'lang')).toBe('es');
    expect(await nextVisit.locator('h1').innerText()).toBe(SPANISH_TITLE);
    expect(await nextVisit.getByRole('button', { name: copy('es', 'sign.submit') }).isVisible()).toBe(true);
    await nextVisit.goto('/');
    expect(await nextVisit.locator('h1').innerText()).toBe(copy('es', 'home.title'));
  });

  it('a Spanish reader picks "English" and it sticks the same way', async (test) => {
    const page = await stage.newPage(test, { ...DESKTOP, ...speaking('es') });
    await page.goto(DEMO_PETITION);
    expect(await page.getAttribute('html', 'lang')).toBe('es');

    await page
      .getByRole('navigation', { name: copy('es', 'lang.label') })
      .getByRole('link', { name: 'English' })
      .click();
    await page.waitForURL('**/en/p/ct-trust-act');
    expect(await page.locator('h1').innerText()).toBe(ENGLISH_TITLE);

    await page.goto(DEMO_PETITION);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe(ENGLISH_TITLE);
  });
});
