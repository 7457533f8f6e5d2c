import { describe, expect, it } from 'vitest';
import { PHONE, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { descriptionOf } from './support/page-reading.js';
import { useStage } from './support/stage.js';
import { copy } from '../support/copy.js';

describe.each([
  { javaScriptEnabled: false, how: 'without JavaScript' },
  { javaScriptEnabled: true, how: 'with JavaScript' },
])('a visitor makes mistakes in Spanish on a phone, then fixes them and signs, $how', ({ javaScriptEnabled }) => {
  const stage = useStage();

  it('sees each mistake in Spanish beside its field, keeps what they typed, and signs once it is fixed', async (test) => {
    const page = await stage.newPage(test, { ...PHONE, ...speaking('es'), javaScriptEnabled });
    await page.goto(DEMO_PETITION);

    const name = page.getByLabel(copy('es', 'sign.name'), { exact: true });
    const email = page.getByLabel(copy('es', 'sign.email'), { exact: true });
    const zip = page.getByLabel(copy('es', 'sign.postalCode'), { exact: true });
    const comment = page.getByLabel(copy('es', 'sign.comment'), { exact: true });
    const hideName = page.getByLabel(copy('es', 'sign.display.hidden'), { exact: true });

    await email.fill('mariana@ejemplo');
    await zip.fill('06511');
    await comment.fill('¡Sí se puede! Por nuestras familias.');
    await hideName.check();
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: copy('es', 'sign.submit') }).tap();
    expect((await refused).status()).toBe(422);
    await page.waitForLoadState();
    expect(await page.getAttribute('html', 'lang')).toBe('es');

    // The page opens at the top after the post: what went wrong must be on the first screen.
    const summary = page.getByRole('alert');
    expect(await summary.innerText()).toContain('Corrige 2 problemas abajo.');
    const box = await summary.boundingBox();
    const scrolled = await page.evaluate<number>('window.scrollY');
    expect(box, 'the error summary is rendered').not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0) - scrolled).toBeLessThanOrEqual(844);
    if (javaScriptEnabled) expect(await page.evaluate<string>('document.activeElement.id')).toBe('error-summary');

    // Each mistake is announced with its field and shown right above it.
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(name)).toBe(copy('es', 'error.name.required'));
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(email)).toBe(
      'Nunca se muestra públicamente. Escribe un correo electrónico válido, como nombre@ejemplo.com.',
    );
    expect(await page.locator('.field', { has: name }).locator('.field-error').innerText()).toBe(
      copy('es', 'error.name.required'),
    );
    expect(await page.locator('.field', { has: email }).locator('.field-error').innerText()).toContain(
      'correo electrónico válido',
    );
    expect(await zip.getAttribute('aria-invalid')).toBeNull();

    // Nothing typed was lost.
    expect(await email.inputValue()).toBe('mariana@ejemplo');
    expect(await zip.inputValue()).toBe('06511');
    expect(await comment.inputValue()).toBe('¡Sí se puede! Por nuestras familias.');
    expect(await hideName.isChecked()).toBe(true);

    // The summary's links lead to the fields.
    await summary.getByRole('link', { name: copy('es', 'error.name.required') }).tap();
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('name');

    await name.fill('Mariana Peña');
    await email.fill('mariana@ejemplo.org');
    await page.getByRole('button', { name: copy('es', 'sign.submit') }).tap();
    await page.waitForURL('**/es/p/ct-trust-act/thanks?confirm=1*');
    expect(await page.locator('h1').innerText()).toBe(copy('es', 'thanks.checkEmail.title'));
  });
});
