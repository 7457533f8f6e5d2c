import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { DEMO_SLUG } from '../../src/demo/ct-trust-act.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { horizontalOverflow } from './support/page-reading.js';
import { useStage } from './support/stage.js';
import { makeAccount, signedInPage, type StageAccount } from './support/accounts.js';
import { copy } from '../support/copy.js';

/** Set SCREENSHOT_DIR to keep pictures of the pages (to look at them). */
const SCREENSHOTS = process.env['SCREENSHOT_DIR'];

describe('an organizer downloads the delivery packet and records the delivery', () => {
  const stage = useStage();
  let petitionId = 0;
  let admin: StageAccount;

  beforeAll(async () => {
    const { db } = stage.server.deps;
    petitionId = (await db.selectFrom('petitions').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow())
      .id;
    admin = await makeAccount(db, { email: 'delivery@example.org', name: 'Ana', role: 'admin' });
  });

  async function organizerPage(test: TestContext, language: 'en' | 'es', screen = DESKTOP): Promise<Page> {
    return signedInPage(stage, test, admin, {
      ...screen,
      ...speaking(language),
      acceptDownloads: true,
      bypassCSP: true,
    });
  }

  for (const language of ['en', 'es'] as const) {
    it(`the exports and delivery pages pass an accessibility check in ${language}, also with mistakes`, async (test) => {
      const page = await organizerPage(test, language);
      for (const path of [
        `/organize/${petitionId}/exports`,
        `/organize/${petitionId}/exports?from=yesterday`,
        `/organize/${petitionId}/delivery`,
      ]) {
        await page.goto(path);
        const violations = await wcagViolations(page);
        expect(violations, `${path}: ${describeViolations(violations)}`).toEqual([]);
      }
      await page
        .getByRole('button', {
          name: language === 'en' ? copy('en', 'delivery.submit') : copy('es', 'delivery.submit'),
        })
        .click();
      await page.waitForURL(`**/organize/${petitionId}/delivery`);
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      const violations = await wcagViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      if (SCREENSHOTS !== undefined)
        await page.screenshot({ path: `${SCREENSHOTS}/delivery-errors-${language}.png`, fullPage: true });
    });
  }

  it('downloads the CSV and the packet from the exports page, and the pages fit a phone', async (test) => {
    const page = await organizerPage(test, 'en');
    await page.goto(`/organize/${petitionId}/exports`);
    if (SCREENSHOTS !== undefined) await page.screenshot({ path: `${SCREENSHOTS}/exports-en.png`, fullPage: true });
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: copy('en', 'export.downloadCsv') }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^ct-trust-act-signatures-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByLabel('Summary only').check();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: copy('en', 'export.downloadPdf') }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

    const phone = await organizerPage(test, 'es', PHONE);
    for (const path of [`/organize/${petitionId}/exports`, `/organize/${petitionId}/delivery`]) {
      await phone.goto(path);
      expect(await horizontalOverflow(phone)).toBe(0);
    }
    if (SCREENSHOTS !== undefined)
      await phone.screenshot({ path: `${SCREENSHOTS}/delivery-es-phone.png`, fullPage: true });
  });
});
