import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { DEMO_SLUG } from '../../src/demo/ct-trust-act.js';
import { createInvalidation } from '../../src/moderation/invalidation/invalidation-store.js';
import { countSignatures } from '../../src/signing/signature-counts.js';
import { addSigners, burst } from '../invalidation/seed.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { horizontalOverflow } from './support/page-reading.js';
import { useStage } from './support/stage.js';
import { makeAccount, signedInPage, type StageAccount } from './support/accounts.js';
import { copy } from '../support/copy.js';

/** Set SCREENSHOT_DIR to keep pictures of the pages (to look at them). */
const SCREENSHOTS = process.env['SCREENSHOT_DIR'];

describe('an admin spots a burst in the trending report and invalidates it', () => {
  const stage = useStage();
  let petitionId = 0;
  let admin: StageAccount;
  /** An invalidation that selects nothing: its page, for the accessibility check. */
  let emptyInvalidation = 0;

  beforeAll(async () => {
    const { db } = stage.server.deps;
    petitionId = (await db.selectFrom('petitions').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow())
      .id;
    admin = await makeAccount(db, { email: 'trust@example.org', name: 'Alma', role: 'admin' });
    // 40 signatures from one /24 with one domain, ten minutes ago.
    const tenMinutesAgo = new Date(Date.now() - 600_000).toISOString();
    await addSigners(stage.server, petitionId, burst(40, '203.0.113', 'fast-signers.example', tenMinutesAgo));
    const criteria = {
      emailPattern: null,
      domain: 'nobody.example',
      network: null,
      address: { ipHashes: [], prefixHashes: ['x'], range: '198.51.100.0/24' },
      zip: '06106',
      from: tenMinutesAgo,
      until: null,
    };
    emptyInvalidation = await createInvalidation(db, {
      petitionId,
      criteria,
      reason: 'A check',
      actorId: admin.id,
      now: new Date(),
    });
  });

  async function adminPage(test: TestContext, language: 'en' | 'es', screen = DESKTOP): Promise<Page> {
    return signedInPage(stage, test, admin, { ...screen, ...speaking(language), bypassCSP: true });
  }

  for (const language of ['en', 'es'] as const) {
    it(`the trending report and the invalidation form pass an accessibility check in ${language}, also with mistakes`, async (test) => {
      const page = await adminPage(test, language);
      for (const path of [`/admin/invalidations/${emptyInvalidation}`, '/admin/trending', '/admin/invalidations']) {
        await page.goto(path);
        const violations = await wcagViolations(page);
        expect(violations, `${path}: ${describeViolations(violations)}`).toEqual([]);
      }
      await page.locator('#address').fill('10.0.0.0/8');
      await page
        .getByRole('button', {
          name: language === 'en' ? copy('en', 'dashboard.nav.preview') : copy('es', 'dashboard.nav.preview'),
        })
        .click();
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      const violations = await wcagViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      const phone = await adminPage(test, language, PHONE);
      for (const path of ['/admin/trending', '/admin/invalidations']) {
        await phone.goto(path);
        expect(await horizontalOverflow(phone), path).toBe(0);
      }
      if (SCREENSHOTS !== undefined)
        await phone.screenshot({ path: `${SCREENSHOTS}/trending-${language}-phone.png`, fullPage: true });
    });
  }

  it('follows the burst from the report to a finished invalidation, and the count drops by it', async (test) => {
    const before = (await countSignatures(stage.server.deps.db, [petitionId])).get(petitionId) ?? 0;
    const page = await adminPage(test, 'en');
    await page.goto('/admin/trending');
    if (SCREENSHOTS !== undefined) await page.screenshot({ path: `${SCREENSHOTS}/trending-en.png`, fullPage: true });
    const row = page.locator('tr', { hasText: 'fast-signers.example' });
    await expect.poll(() => row.textContent()).toContain(copy('en', 'trending.burst.count'));
    await row.getByRole('link', { name: copy('en', 'trending.invalidate') }).click();
    await page.waitForURL('**/admin/invalidations?**');
    expect(await page.locator('#domain').inputValue()).toBe('fast-signers.example');
    await page.getByLabel(copy('en', 'moderation.form.reason')).fill('One domain, one network, one minute: scripted');
    await page.getByRole('button', { name: copy('en', 'dashboard.nav.preview') }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('40 signatures match: 40 confirmed');
    if (SCREENSHOTS !== undefined)
      await page.screenshot({ path: `${SCREENSHOTS}/invalidation-preview-en.png`, fullPage: true });
    expect(await page.getByLabel('Show the progress on a page that refreshes itself every 3 seconds').isChecked()).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Invalidate these 40 signatures' }).click();
    // The page refreshes itself (a meta refresh, no script, as the ticked box asked) until the job is done.
    await page.waitForURL(/\/admin\/invalidations\/\d+\?(done=created&)?refresh=auto$/);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('40 of 40 processed');
    await expect.poll(() => page.locator('dd strong').textContent(), { timeout: 15_000 }).toBe('Done');
    const violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    if (SCREENSHOTS !== undefined)
      await page.screenshot({ path: `${SCREENSHOTS}/invalidation-done-en.png`, fullPage: true });
    expect((await countSignatures(stage.server.deps.db, [petitionId])).get(petitionId)).toBe(before - 40);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
