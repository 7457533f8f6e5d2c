// The organizer's whole path, with mail through a real SMTP server: sign in by link, start a petition
// in English and Spanish, preview, publish; a moderator approves it from the queue; a Spanish speaker signs
// and confirms from another browser; the organizer posts an update and it reaches that signer in Spanish.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink.js';
import { DESKTOP, launchBrowser, PHONE, speaking } from './support/browser.js';
import { startFirmaServer, type FirmaServer } from './support/firma-server.js';
import { copy } from '../support/copy.js';

const ORGANIZER = 'ana.organizer@example.org';
const SIGNER = 'lucia.fernandez@example.org';

function linksIn(mail: ReceivedMail): string[] {
  return mail.text.match(/https?:\/\/\S+/g) ?? [];
}

function to(address: string) {
  return (m: ReceivedMail) => m.to.toLowerCase().includes(address);
}

describe('an organizer runs a bilingual petition from sign-in to an update', () => {
  let smtp: SmtpSink;
  let server: FirmaServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    [server, browser] = await Promise.all([startFirmaServer({ smtpUrl: smtp.url }), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  async function newPage(options: Parameters<Browser['newContext']>[0]): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.baseUrl, ...options });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context.newPage();
  }

  it(
    'signs in, starts, previews and publishes a petition; a moderator approves it; a Spanish signer confirms; the update arrives in Spanish',
    { timeout: 120_000 },
    async () => {
      // Sign in with a link read from the SMTP server.
      const organizer = await newPage({ ...DESKTOP, ...speaking('en') });
      await organizer.goto('/organize/new');
      await organizer.waitForURL('**/signin?next=%2Forganize%2Fnew');
      await organizer.locator('#email').fill(ORGANIZER);
      await organizer.getByRole('button', { name: copy('en', 'signin.submit') }).click();
      await organizer.waitForURL('**/signin/sent');
      const [signInMail] = await smtp.waitFor(1, to(ORGANIZER), 15_000);
      const signInLink = linksIn(signInMail as ReceivedMail).find((l) => /\/signin\/[A-Za-z0-9_-]{43}$/.test(l));
      expect(signInLink).toBeDefined();
      await organizer.goto(signInLink ?? '');
      await organizer.getByRole('button', { name: copy('en', 'signin.confirm.submit'), exact: true }).click();
      await organizer.waitForURL('**/organize/new');

      // Start the petition in English with a Spanish translation.
      await organizer.locator('#language_to_add').selectOption('es');
      await organizer.getByRole('button', { name: copy('en', 'organize.form.addLanguageButton') }).click();
      await organizer.locator('[name="title_en"]').fill('Protect immigrant families in Norwich');
      await organizer
        .locator('[name="statement_en"]')
        .fill('We ask the Norwich City Council to adopt a **welcoming city** ordinance.');
      await organizer
        .locator('[name="why_en"]')
        .fill('Families should not fear calling the police or going to school.\n\n- Safety\n- Trust');
      await organizer.locator('[name="title_es"]').fill('Protejan a las familias inmigrantes de Norwich');
      await organizer
        .locator('[name="statement_es"]')
        .fill('Pedimos al Concejo Municipal de Norwich que adopte una ordenanza de **ciudad acogedora**.');
      await organizer
        .locator('[name="why_es"]')
        .fill('Las familias no deben temer llamar a la policía ni ir a la escuela.\n\n- Seguridad\n- Confianza');
      await organizer.locator('[name="target_0_en"]').fill('Norwich City Council');
      await organizer.locator('[name="target_0_es"]').fill('Concejo Municipal de Norwich');
      await organizer
        .getByRole('button', { name: copy('en', 'organize.form.save') })
        .first()
        .click();
      await organizer.waitForURL(/\/organize\/\d+\/edit/);
      const id = /\/organize\/(\d+)\/edit/.exec(organizer.url())?.[1];
      expect(id).toBeDefined();

      // Preview in both languages, exactly as signers will see it.
      await organizer.goto(`/organize/${id}/preview/en`);
      expect(await organizer.locator('h1').first().innerText()).toBe('Protect immigrant families in Norwich');
      expect(await organizer.locator('strong', { hasText: 'welcoming city' }).count()).toBe(1);
      await organizer.goto(`/organize/${id}/preview/es`);
      expect(await organizer.locator('h1').first().innerText()).toBe('Protejan a las familias inmigrantes de Norwich');
      expect(await organizer.locator('html').getAttribute('lang')).toBe('es');

      // Publish: an organizer's first petition waits for a moderator, and is not public meanwhile.
      await organizer.goto(`/organize/${id}/edit`);
      await organizer.getByRole('button', { name: copy('en', 'organize.form.publish'), exact: true }).click();
      await organizer.waitForURL(/\?done=submitted$/);
      expect(await organizer.getByRole('status').first().innerText()).toContain('Sent for review');
      const slug = 'protect-immigrant-families-in-norwich';
      expect((await fetch(`${server.baseUrl}/p/${slug}.json`)).status).toBe(404);

      // A moderator approves it from the queue; the organizer is emailed that it is public.
      const db = server.deps.db;
      const { id: moderatorId } = await db
        .insertInto('users')
        .values({
          email: 'mo@example.org',
          name: 'Mo',
          role: 'moderator',
          locale: 'en',
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const moderator = await newPage({ ...DESKTOP, ...speaking('en') });
      await moderator
        .context()
        .addCookies([
          { name: SESSION_COOKIE, value: await createSession(db, moderatorId, new Date()), url: server.baseUrl },
        ]);
      await moderator.goto('/moderate');
      const item = moderator.locator(`li.queue-item[data-petition-id="${id}"]`);
      expect(await item.locator('h2').innerText()).toBe('Protect immigrant families in Norwich');
      await item.getByRole('button', { name: copy('en', 'moderation.approve') }).click();
      await moderator.waitForURL(/\?done=approve$/);
      const [approved] = await smtp.waitFor(
        1,
        (m) => to(ORGANIZER)(m) && m.subject.startsWith('Your petition is public'),
        15_000,
      );
      expect((approved as ReceivedMail).text).toContain(
        'A moderator reviewed “Protect immigrant families in Norwich” and approved it.',
      );

      const published = await fetch(`${server.baseUrl}/p/${slug}.json`);
      expect(published.status).toBe(200);
      expect(await published.json()).toMatchObject({ status: 'open', signature_count: 0, requires_verification: true });

      // A Spanish speaker signs on a phone, in another browser, and confirms from the email.
      const signer = await newPage({ ...PHONE, ...speaking('es') });
      await signer.goto(`/p/${slug}`);
      expect(await signer.locator('html').getAttribute('lang')).toBe('es');
      await signer.getByLabel(copy('es', 'sign.name'), { exact: true }).fill('Lucía Fernández');
      await signer.getByLabel(copy('es', 'sign.email'), { exact: true }).fill(SIGNER);
      await signer.getByLabel(copy('es', 'sign.postalCode'), { exact: true }).fill('06360');
      await signer.getByLabel('Envíenme noticias sobre esta petición').check();
      await signer.getByRole('button', { name: copy('es', 'sign.submit') }).click();
      await signer.waitForURL(`**/es/p/${slug}/thanks?confirm=1`);
      const [confirmMail] = await smtp.waitFor(1, (m) => to(SIGNER)(m) && m.subject.includes('Confirma'), 15_000);
      const confirmLink = linksIn(confirmMail as ReceivedMail).find((l) => l.endsWith('/confirm'));
      expect(confirmLink).toBeDefined();
      await signer.goto(confirmLink ?? '');
      expect(await signer.locator('h1').innerText()).toBe(copy('es', 'confirm.ask.title'));
      await signer.getByRole('button', { name: copy('es', 'confirm.submit') }).click();
      // The answer comes back at the same address, so wait for its heading rather than a new URL.
      await signer.getByRole('heading', { level: 1, name: copy('es', 'confirm.title') }).waitFor();
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${server.baseUrl}/p/${slug}.json`)).json()) as { signature_count: number })
              .signature_count,
          { timeout: 5000 },
        )
        .toBe(1);

      // The organizer posts an update in both languages and emails it.
      await organizer.goto(`/organize/${id}/updates/new`);
      await organizer.locator('[name="title_en"]').fill('We testified at City Hall');
      await organizer.locator('[name="body_en"]').fill('Thank you: the council will vote on December 8.');
      await organizer.locator('[name="title_es"]').fill('Testificamos en el Ayuntamiento');
      await organizer.locator('[name="body_es"]').fill('Gracias: el concejo votará el 8 de diciembre.');
      await organizer.locator('[name="email_signers"]').check();
      await organizer.locator('form button[type="submit"]').last().click();
      await organizer.waitForLoadState();

      // It reaches the Spanish signer in Spanish, with a way to stop emails.
      const [update] = await smtp.waitFor(1, (m) => to(SIGNER)(m) && m.subject.includes('Testificamos'), 20_000);
      expect(update?.subject).toBe('Testificamos en el Ayuntamiento');
      expect(update?.text).toContain('el concejo votará el 8 de diciembre');
      expect(update?.text).not.toContain('We testified');
      expect(
        update?.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r\n\s+/g, ' '),
      ).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/es\/s\/[A-Za-z0-9_-]{43}\/unsubscribe>$/);

      // And the update is on the public page, in Spanish for the signer.
      await signer.goto(`/es/p/${slug}`);
      expect(await signer.getByText('Testificamos en el Ayuntamiento').isVisible()).toBe(true);
    },
  );
});
