// In Chromium: the organizer invites a volunteer from the team page (in Spanish, on a desktop); the invitation
// arrives as a file in the mail folder; the volunteer, signed in with that address on a phone, opens its link,
// accepts, lands on the typing page and types a sheet with the keyboard only (the cursor starts on the sheet number,
// Tab goes across, Enter sends), fixes the line it is told about, and the sheet goes in; the next sheet's number is
// ready. Every page passes axe and fits the phone.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { DEMO_SLUG } from '../../src/demo/ct-trust-act.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { useStage } from './support/stage.js';
import { makeAccount, signedInPage, type StageAccount } from './support/accounts.js';
import { waitForEml } from './support/mailbox.js';
import { copy } from '../support/copy.js';

describe('a volunteer joins a petition’s team and types a paper sheet', () => {
  const stage = useStage();
  let petitionId = 0;
  let organizer: StageAccount;
  let volunteer: StageAccount;

  beforeAll(async () => {
    const { db } = stage.server.deps;
    petitionId = (await db.selectFrom('petitions').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow())
      .id;
    organizer = await makeAccount(db, { email: 'ana@example.org', name: 'Ana', role: 'admin' });
    volunteer = await makeAccount(db, { email: 'vera@example.org', name: 'Vera', role: 'organizer' });
  });

  async function expectAccessible(page: Page, width: number) {
    const violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  }

  it('is invited, accepts, and types a sheet from the keyboard on a phone', async (test: TestContext) => {
    const owner = await signedInPage(stage, test, organizer, { ...DESKTOP, ...speaking('es'), bypassCSP: true });
    await owner.goto(`/organize/${petitionId}/team`);
    await expectAccessible(owner, DESKTOP.viewport?.width ?? 0);
    await owner.getByLabel(copy('es', 'team.email'), { exact: true }).fill('vera@example.org');
    await owner.getByLabel(copy('es', 'team.roleColumn'), { exact: true }).selectOption('data_entry');
    await owner.getByLabel(copy('es', 'team.language')).selectOption('es');
    await owner.getByRole('button', { name: copy('es', 'team.send') }).click();
    await owner.waitForURL(/\/team\?done=invited$/);
    expect(await owner.getByRole('status').innerText()).toBe(copy('es', 'team.notice.invited'));
    expect(await owner.locator('.team-invitations').innerText()).toContain('vera@example.org');

    const mail = await waitForEml(stage.server.mailDir, 'vera@example.org');
    expect(mail.subject).toContain('Protejan a l');
    const link = (mail.text?.match(/https?:\/\/\S+\/organize\/invitations\/\S+/g) ?? [])[0];
    expect(link).toBeDefined();

    const page = await signedInPage(stage, test, volunteer, { ...PHONE, ...speaking('es'), bypassCSP: true });
    await page.goto(link ?? '');
    expect(await page.locator('h1').innerText()).toBe(copy('es', 'team.invitation.title'));
    await expectAccessible(page, PHONE.viewport?.width ?? 0);
    await page.getByRole('button', { name: copy('es', 'team.invitation.accept') }).click();
    await page.waitForURL(new RegExp(`/organize/${petitionId}/paper/enter$`));
    await expectAccessible(page, PHONE.viewport?.width ?? 0);

    // The cursor is on the sheet number: the whole sheet is typed without a pointer.
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('sheet');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rosa Martínez');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0610');
    await page.keyboard.press('Tab');
    await page.keyboard.type('rosa@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Luis Pérez');
    await page.keyboard.press('Tab');
    await page.keyboard.type('06106');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#row-1-error').innerText()).toContain(copy('es', 'error.postalCode.invalid'));
    // As on every form of the site, the summary takes the focus; its link goes to the line.
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('error-summary');
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#name-1');
    await expectAccessible(page, PHONE.viewport?.width ?? 0);

    await page.locator('#zip-1').fill('06106');
    await page.locator('#zip-1').press('Enter');
    await page.waitForURL(/\/paper\/enter\?entered=2&sheet=12$/);
    expect(await page.getByRole('status').innerText()).toContain(
      copy('es', 'paperEntry.entered', { count: 2, sheet: 12 }),
    );
    expect(await page.locator('#sheet').inputValue()).toBe('13');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('name-1');
    await expectAccessible(page, PHONE.viewport?.width ?? 0);

    const rows = await stage.server.deps.db
      .selectFrom('signatures')
      .select(['name', 'sheet', 'sheet_line', 'method'])
      .where('petition_id', '=', petitionId)
      .where('method', '=', 'paper')
      .orderBy('sheet_line')
      .execute();
    expect(rows).toEqual([
      { name: 'Rosa Martínez', sheet: 12, sheet_line: 1, method: 'paper' },
      { name: 'Luis Pérez', sheet: 12, sheet_line: 2, method: 'paper' },
    ]);
  });
});
