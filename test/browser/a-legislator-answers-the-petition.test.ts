// In Chromium: the organizer of the demo petition emails a representative a response link from the responses page;
// the representative opens it, first sends an empty form (told what is missing), then answers in Spanish, and the
// answer is on the petition page. axe finds nothing on the responses page, the response form and the form that
// reports a response, EN and ES.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { copy } from '../support/copy.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { waitForEml } from './support/mailbox.js';
import { useStage } from './support/stage.js';
import { adminPage } from './support/admin-page.js';

const SHOTS = process.env['FIRMA_SCREENSHOTS'];
const shot = async (page: Page, name: string) => {
  if (SHOTS !== undefined) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

describe('a legislator answers the petition', () => {
  const stage = useStage();

  it('the organizer sends a link; the representative answers in Spanish; the answer is on the petition page', async (test) => {
    const organizer = await adminPage(stage, test, 'en', DESKTOP);
    await organizer.goto('/organize/1');
    await organizer.getByRole('link', { name: copy('en', 'responses.dashboardLink') }).click();
    await organizer.waitForURL('**/organize/1/responses');
    expect(describeViolations(await wcagViolations(organizer))).toBe('no violations');
    await organizer
      .getByRole('button', { name: 'Email a response link to Sample Representative 1', exact: true })
      .click();
    await organizer.waitForURL('**/organize/1/responses?done=link');
    expect(await organizer.getByRole('status').innerText()).toBe(copy('en', 'responses.notice.link'));
    await shot(organizer, 'responses-organizer-en');

    const person = await stage.server.deps.db
      .selectFrom('target_people')
      .select('email')
      .where('name', '=', 'Sample Representative 1')
      .executeTakeFirstOrThrow();
    const mail = await waitForEml(stage.server.mailDir, person.email ?? '');
    const link = /https?:\/\/\S+\/respond\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0] ?? '';
    const legislator = await stage.newPage(test, { ...PHONE, ...speaking('es'), bypassCSP: true });
    await legislator.goto(new URL(link).pathname.replace('/en/', '/es/'));
    expect(await legislator.locator('h1').innerText()).toBe(copy('es', 'responses.respond.title'));
    await legislator.getByRole('button', { name: copy('es', 'responses.respond.submit') }).tap();
    await legislator.getByRole('alert').waitFor();
    expect(await legislator.getByRole('alert').innerText()).toContain(copy('es', 'responses.error.required'));
    expect(describeViolations(await wcagViolations(legislator))).toBe('no violations');
    await legislator.getByLabel(copy('es', 'responses.language')).selectOption('es');
    await legislator
      .getByLabel(copy('es', 'responses.text'), { exact: true })
      .fill('Gracias. Apoyaré la Ley de Confianza.');
    await shot(legislator, 'respond-es-360');
    await legislator.getByRole('button', { name: copy('es', 'responses.respond.submit') }).tap();
    await legislator.waitForURL(`**/es${DEMO_PETITION}#responses-heading`);
    const section = legislator.locator('.petition-responses');
    expect(await section.innerText()).toContain('Rep. Sample Representative 1 (Distrito 1)');
    expect(await section.innerText()).toContain('Gracias. Apoyaré la Ley de Confianza.');
    expect(describeViolations(await wcagViolations(legislator))).toBe('no violations');
    // Anyone can report the response: its report form quotes it.
    await section.getByRole('link', { name: 'Denunciar la respuesta de Sample Representative 1' }).tap();
    await legislator.waitForURL('**/es/p/*/responses/*/report');
    expect(await legislator.locator('blockquote').innerText()).toContain('Gracias. Apoyaré la Ley de Confianza.');
    expect(describeViolations(await wcagViolations(legislator))).toBe('no violations');
    await shot(legislator, 'response-report-es');

    const spanishOrganizer = await adminPage(stage, test, 'es', DESKTOP);
    await spanishOrganizer.goto('/organize/1/responses');
    expect(await spanishOrganizer.locator('.response').innerText()).toContain('Gracias.');
    expect(describeViolations(await wcagViolations(spanishOrganizer))).toBe('no violations');
    await shot(spanishOrganizer, 'responses-organizer-es');
  });
});
