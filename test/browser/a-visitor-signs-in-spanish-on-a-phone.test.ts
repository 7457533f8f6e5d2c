import { describe, expect, it } from 'vitest';
import { PHONE, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { countShown, reloadUntilCountShows } from './support/page-reading.js';
import { linkEndingIn, waitForEml } from './support/mailbox.js';
import { useStage } from './support/stage.js';
import { copy } from '../support/copy.js';

const SPANISH_TITLE =
  'Protejan a los residentes de Connecticut de la deportación: ¡Apoyen la Ley de Confianza de Connecticut!';

describe.each([
  { javaScriptEnabled: false, how: 'without JavaScript' },
  { javaScriptEnabled: true, how: 'with JavaScript' },
])('a visitor signs in Spanish on a phone, $how', ({ javaScriptEnabled }) => {
  const stage = useStage();

  it('reads the petition in Spanish, signs with an accented name, confirms from the emailed link, and sees the count and their public name', async (test) => {
    const page = await stage.newPage(test, { ...PHONE, ...speaking('es'), javaScriptEnabled });

    const response = await page.goto(DEMO_PETITION);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-language']).toBe('es');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('h1').innerText()).toBe(SPANISH_TITLE);
    expect(await page.title()).toContain(SPANISH_TITLE);
    expect(await countShown(page)).toBe('120 firmas');
    expect(await page.getByText('100 firmas alcanzadas').isVisible()).toBe(true);

    await page.getByLabel(copy('es', 'sign.name'), { exact: true }).fill('Mariana Peña');
    await page.getByLabel(copy('es', 'sign.email'), { exact: true }).fill('mariana.pena@example.org');
    await page.getByLabel(copy('es', 'sign.postalCode'), { exact: true }).fill('06511');
    await page.getByLabel(copy('es', 'sign.display.first_initial'), { exact: true }).check();
    await page.getByRole('button', { name: copy('es', 'sign.submit') }).tap();

    await page.waitForURL('**/es/p/ct-trust-act/thanks?confirm=1*');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('h1').innerText()).toBe(copy('es', 'thanks.checkEmail.title'));
    expect(await page.locator('.thanks-message').innerText()).toContain(
      `Para que tu firma en «${SPANISH_TITLE}» cuente`,
    );
    // The copy button needs the script; without it the link is still there to select and copy.
    expect(await page.getByRole('button', { name: copy('es', 'share.copy') }).isVisible()).toBe(javaScriptEnabled);
    expect(await page.getByLabel(copy('es', 'share.linkLabel')).inputValue()).toBe(
      `${stage.server.baseUrl}/es/p/ct-trust-act`,
    );

    await page.getByRole('link', { name: copy('es', 'thanks.back') }).tap();
    await page.waitForURL('**/es/p/ct-trust-act');
    // Not counted until confirmed.
    expect(await countShown(page)).toBe('120 firmas');

    // The confirmation arrives in Spanish, as an .eml file (no mail server needed); its link opens a page
    // that asks, and the button on it confirms (with or without JavaScript).
    const mail = await waitForEml(stage.server.mailDir, 'mariana.pena@example.org');
    expect(mail.subject).toBe(`Confirma tu firma: ${SPANISH_TITLE}`);
    // The mail names the petition, not the name typed into the form (anyone can type any name for any address).
    expect(mail.text).not.toContain('Mariana');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    await page.goto(linkEndingIn(mail, '/confirm'));
    expect(await page.locator('h1').innerText()).toBe(copy('es', 'confirm.ask.title'));
    await page.getByRole('button', { name: copy('es', 'confirm.submit') }).tap();
    // The answer comes back at the same address, so wait for its heading rather than a new URL.
    await page.getByRole('heading', { level: 1, name: copy('es', 'confirm.title') }).waitFor();
    await page.getByRole('link', { name: copy('es', 'thanks.back') }).tap();
    await page.waitForURL('**/es/p/ct-trust-act');
    await reloadUntilCountShows(page, '121 firmas');

    const newest = page.locator('.recent-signers li').first();
    expect(await newest.locator('.signer-name').innerText()).toBe('Mariana P.');
    expect(await newest.locator('.signer-town').innerText()).toContain('New Haven');
    // What the form promised stays private: the surname, the email and the ZIP code.
    const publicText = await page.locator('body').innerText();
    expect(publicText).not.toContain('Peña');
    expect(publicText).not.toContain('mariana.pena@example.org');
    expect(publicText).not.toContain('06511');
  });
});
