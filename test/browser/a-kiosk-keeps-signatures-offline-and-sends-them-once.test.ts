// In Chromium, on a tablet-sized screen: the kiosk page installs its service worker; a signer signs online and the
// form is emptied behind a thank-you; the connection drops and the page still opens (from the service worker); two
// more people sign, kept in IndexedDB encrypted (no name or address readable there); the connection returns and both
// are sent, once — opening the page again sends nothing more. axe passes on the form and the thank-you.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { DEMO_SLUG } from '../../src/demo/ct-trust-act.js';
import { createKioskLink, kioskPath } from '../../src/kiosk/kiosk-links.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { speaking } from './support/browser.js';
import { useStage } from './support/stage.js';
import { copy } from '../support/copy.js';

const TABLET = { viewport: { width: 800, height: 1100 }, isMobile: true, hasTouch: true };

describe('a kiosk at an event', () => {
  const stage = useStage();
  let petitionId = 0;
  let path = '';

  beforeAll(async () => {
    const { db, secret } = stage.server.deps;
    petitionId = (await db.selectFrom('petitions').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow())
      .id;
    const { id: userId } = await db
      .insertInto('users')
      .values({
        email: 'ana@example.org',
        name: 'Ana',
        role: 'admin',
        locale: 'en',
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const made = await createKioskLink({ db, now: () => new Date(), secret }, userId, petitionId, {
      label: 'Church hall',
      hours: '12',
    });
    if (made.kind !== 'created') throw new Error('no kiosk link');
    path = kioskPath(secret, made.link);
  });

  const kioskRows = () =>
    stage.server.deps.db
      .selectFrom('signatures')
      .select(['name', 'email', 'method'])
      .where('petition_id', '=', petitionId)
      .where('method', '=', 'kiosk')
      .orderBy('id')
      .execute();

  async function sign(page: Page, name: string, email: string, zip: string) {
    await page.getByLabel(copy('es', 'sign.name'), { exact: true }).fill(name);
    await page.getByLabel(copy('es', 'kiosk.email')).fill(email);
    await page.getByLabel(copy('es', 'sign.postalCode'), { exact: true }).fill(zip);
    await page.getByRole('button', { name: copy('es', 'kiosk.sign') }).click();
    await page.locator('#kiosk-thanks').waitFor({ state: 'visible' });
    // Nobody sees the last person's details: the form is empty behind the thank-you.
    for (const id of ['name', 'email', 'postal_code']) expect(await page.locator(`#${id}`).inputValue()).toBe('');
    await page.getByRole('button', { name: copy('es', 'kiosk.next') }).click();
    await page.locator('#kiosk-form').waitFor({ state: 'visible' });
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('name');
  }

  async function until(check: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('takes signatures online and offline, keeps them encrypted, and sends each once', async (test: TestContext) => {
    const page = await stage.newPage(test, { ...TABLET, ...speaking('es'), bypassCSP: true });
    await page.goto(`${path}?lang=es`);
    await page.evaluate('navigator.serviceWorker.ready');
    // Once the worker controls the page, loading it again keeps it (and its style and script) for offline use.
    await until(() => page.evaluate<boolean>('navigator.serviceWorker.controller !== null'), 'the service worker');
    await page.reload();
    let violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await sign(page, 'Rosa Martínez', 'rosa@example.org', '06106');
    expect(await kioskRows()).toEqual([{ name: 'Rosa Martínez', email: 'rosa@example.org', method: 'kiosk' }]);

    // A mistake is shown beside its field before anything is kept.
    await page.getByLabel(copy('es', 'sign.name'), { exact: true }).fill('Luis');
    await page.getByLabel(copy('es', 'sign.postalCode'), { exact: true }).fill('123');
    await page.getByRole('button', { name: copy('es', 'kiosk.sign') }).click();
    expect(await page.locator('#postal_code-error').innerText()).toBe(copy('es', 'error.postalCode.invalid'));
    violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.getByLabel(copy('es', 'sign.name'), { exact: true }).fill('');

    await page.context().setOffline(true);
    await page.reload();
    expect(await page.locator('h1').innerText()).toContain('Connecticut');
    await sign(page, 'Luis Pérez', '', '06106');
    await sign(page, 'Ana Gómez', 'ana.gomez@example.org', '06105');
    // A name longer than the form allows passes the tablet's checks, not the server's: it is kept for review.
    await sign(page, `Marta ${'Ruiz '.repeat(30)}`, '', '06106');
    expect(await page.locator('#kiosk-status').innerText()).toContain(copy('es', 'kiosk.offline'));
    // Kept in IndexedDB, and nothing there reads as a name or an address.
    const kept = await page.evaluate<string[]>(`new Promise((resolve, reject) => {
      const open = indexedDB.open('firma-kiosk');
      open.onsuccess = () => {
        const all = open.result.transaction('queue').objectStore('queue').getAll();
        all.onsuccess = () => resolve(all.result.map((item) =>
          JSON.stringify(item) + new TextDecoder('latin1').decode(item.data)));
        all.onerror = () => reject(all.error);
      };
      open.onerror = () => reject(open.error);
    })`);
    expect(kept).toHaveLength(3);
    for (const item of kept) {
      expect(item).not.toContain('Luis');
      expect(item).not.toContain('Ana G');
      expect(item).not.toContain('06105');
      expect(item).not.toContain('example.org');
    }
    expect(await kioskRows()).toHaveLength(1);

    await page.context().setOffline(false);
    await until(async () => (await kioskRows()).length === 3, 'the kept signatures to arrive');
    // The refused one is not lost: the organizer reviews it in the form, fixes it and signs it again.
    await page.locator('#kiosk-review').waitFor({ state: 'visible' });
    expect(await page.locator('#kiosk-status').innerText()).toContain(copy('es', 'kiosk.refused', { count: 1 }));
    await page.getByRole('button', { name: copy('es', 'kiosk.review') }).click();
    // Decrypted and put back in the form.
    await page.waitForFunction("document.getElementById('name').value !== ''");
    expect(await page.locator('#name').inputValue()).toMatch(/^Marta Ruiz Ruiz/);
    expect(await page.locator('#name-error').innerText()).toBe(copy('es', 'error.name.tooLong', { max: 100 }));
    await page.getByLabel(copy('es', 'sign.name'), { exact: true }).fill('Marta Ruiz');
    await page.getByRole('button', { name: copy('es', 'kiosk.sign') }).click();
    await page.locator('#kiosk-thanks').waitFor({ state: 'visible' });
    await until(async () => (await kioskRows()).length === 4, 'the reviewed signature to arrive');
    await until(
      async () => (await page.locator('#kiosk-status').innerText()) === copy('es', 'kiosk.allSent'),
      'the kiosk to say all were sent',
    );
    // Opening the kiosk again sends nothing twice.
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await kioskRows()).toEqual([
      { name: 'Rosa Martínez', email: 'rosa@example.org', method: 'kiosk' },
      { name: 'Luis Pérez', email: '', method: 'kiosk' },
      { name: 'Ana Gómez', email: 'ana.gomez@example.org', method: 'kiosk' },
      { name: 'Marta Ruiz', email: '', method: 'kiosk' },
    ]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(800);
  });
});
