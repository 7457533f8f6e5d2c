// A story in a real Chromium: someone signs, later writes to ask for deletion, and an admin erases their
// signature from the admin page; the privacy page and the admin page pass an accessibility check.
import type { Page } from 'playwright-core';
import { describe, it, type TestContext as VitestContext } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { useStage, type Stage } from './support/stage.js';
import { copy } from '../support/copy.js';

async function adminPage(stage: Stage, test: VitestContext, language: 'en' | 'es'): Promise<Page> {
  const deps = stage.server.deps;
  const email = `privacy-admin-${language}@example.org`;
  const { id } = await deps.db
    .insertInto('users')
    .values({ email, name: 'Admin', role: 'admin', locale: language, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  // axe is injected as a script: the page's CSP rightly forbids that, so this context bypasses it.
  const page = await stage.newPage(test, { ...DESKTOP, ...speaking(language), bypassCSP: true });
  await page
    .context()
    .addCookies([
      { name: SESSION_COOKIE, value: await createSession(deps.db, id, new Date()), url: stage.server.baseUrl },
    ]);
  return page;
}

async function expectAccessible(test: VitestContext, page: Page): Promise<void> {
  const violations = await wcagViolations(page);
  test.expect(violations, describeViolations(violations)).toEqual([]);
}

describe('an admin erases a signer who asked', () => {
  const stage = useStage();

  it.for(['en', 'es'] as const)('the privacy page passes an accessibility check (%s)', async (language, test) => {
    const page = await stage.newPage(test, { ...PHONE, ...speaking(language), bypassCSP: true });
    await page.goto('/privacy');
    test
      .expect(await page.locator('h1').textContent())
      .toBe(language === 'en' ? copy('en', 'privacy.title') : copy('es', 'privacy.title'));
    await expectAccessible(test, page);
  });

  it('a signer signs, the admin finds the address and erases it with a note, and the signature is gone', async (test) => {
    const signer = await stage.newPage(test, { ...PHONE, ...speaking('es') });
    await signer.goto(DEMO_PETITION);
    await signer.locator('#name').fill('Quiero Borrarme');
    await signer.locator('#email').fill('Quiero.Borrarme@example.org');
    await signer.locator('#postal_code').fill('06511');
    await signer.locator('button.sign-button').click();
    await signer.waitForURL('**/thanks?confirm=1*');
    // The footer of every page leads to the privacy page, in the signer's language.
    await signer.getByRole('link', { name: copy('es', 'footer.privacy') }).click();
    await signer.waitForURL('**/es/privacy');
    test.expect(await signer.locator('main').textContent()).toContain(copy('es', 'privacy.request.heading'));

    const { db } = stage.server.deps;
    const pendingBefore = await db.selectFrom('signatures').select('id').where('status', '=', 'pending').execute();

    const admin = await adminPage(stage, test, 'en');
    await admin.goto('/admin/privacy');
    await expectAccessible(test, admin);
    await admin.getByLabel(copy('en', 'privacyAdmin.email')).fill('not an address');
    await admin.getByRole('button', { name: copy('en', 'privacyAdmin.search') }).click();
    test.expect(await admin.locator('#email-error').textContent()).toBe(copy('en', 'privacyAdmin.error.email'));
    await expectAccessible(test, admin);

    await admin.getByLabel(copy('en', 'privacyAdmin.email')).fill('quiero.borrarme@EXAMPLE.org');
    await admin.getByRole('button', { name: copy('en', 'privacyAdmin.search') }).click();
    test.expect(await admin.getByRole('heading', { level: 2 }).textContent()).toBe('1 signature by this address');
    test.expect(await admin.locator('tbody tr').count()).toBe(1);
    await expectAccessible(test, admin);

    await admin.getByRole('button', { name: 'Erase 1 signature' }).click();
    test.expect(await admin.locator('#note-error').textContent()).toBe(copy('en', 'privacyAdmin.error.noteRequired'));
    await expectAccessible(test, admin);
    await admin.getByLabel('Note').fill('Request received by email on 25 November');
    await admin.getByRole('button', { name: 'Erase 1 signature' }).click();
    await admin.waitForURL('**/admin/privacy?erased=1');
    test
      .expect(await admin.getByRole('status').first().textContent())
      .toBe('1 signature erased. Counts have been adjusted.');

    const pendingAfter = await db.selectFrom('signatures').select('id').where('status', '=', 'pending').execute();
    test.expect(pendingAfter.length).toBe(pendingBefore.length - 1);
    test
      .expect(
        await db
          .selectFrom('signatures')
          .select('id')
          .where('email_normalized', '=', 'quiero.borrarme@example.org')
          .execute(),
      )
      .toEqual([]);
  });
});
