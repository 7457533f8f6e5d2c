import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { setPowMode } from '../../src/abuse/pow-store.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { makePetition } from '../support/factories.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { linkEndingIn, waitForEml } from './support/mailbox.js';
import { reloadUntilCountShows } from './support/page-reading.js';
import { useStage, type Stage } from './support/stage.js';
import { copy } from '../support/copy.js';

async function fillTheForm(page: import('playwright-core').Page, name: string, email: string) {
  await page.getByLabel(copy('en', 'sign.name'), { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel(copy('en', 'sign.postalCode'), { exact: true }).fill('06106');
}

async function adminPage(stage: Stage, test: TestContext) {
  const deps = stage.server.deps;
  const { id } = await deps.db
    .insertInto('users')
    .values({
      email: 'admin@example.org',
      name: 'Admin',
      role: 'admin',
      locale: 'en',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const page = await stage.newPage(test, { ...DESKTOP, ...speaking('en'), bypassCSP: true });
  await page
    .context()
    .addCookies([
      { name: SESSION_COOKIE, value: await createSession(deps.db, id, new Date()), url: stage.server.baseUrl },
    ]);
  return page;
}

describe('a signer passes the proof of work', () => {
  const stage = useStage();
  let slug: string;

  beforeAll(async () => {
    const deps = stage.server.deps;
    // A petition under attack: proof of work on, and signatures that otherwise count at once.
    ({ slug } = await makePetition(deps.db, { requiresVerification: false, slug: 'under-attack' }));
    const { id } = await deps.db
      .selectFrom('petitions')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    await setPowMode(deps.db, id, 'on');
    await writeSetting(deps.db, 'powDifficulty', 5000, null, new Date());
    deps.settings.invalidate();
  });

  it('with JavaScript, the browser solves the challenge while the signer types, and the signature counts at once', async (test) => {
    const page = await stage.newPage(test, { ...PHONE, ...speaking('en') });
    const challenge = page.waitForResponse((r) => r.url().endsWith(`/p/${slug}/challenge`));
    await page.goto(`/en/p/${slug}`);
    await fillTheForm(page, 'Ada Lovelace', 'ada@example.org');
    expect((await challenge).headers()['cache-control']).toBe('no-store');
    await page.getByRole('button', { name: copy('en', 'sign.submit') }).tap();
    await page.waitForURL(`**/en/p/${slug}/thanks`);
    expect(await page.locator('h1').innerText()).toBe(copy('en', 'thanks.title'));
    const row = await stage.server.deps.db
      .selectFrom('signatures')
      .select('status')
      .where('email', '=', 'ada@example.org')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
    await page.goto(`/en/p/${slug}`);
    await reloadUntilCountShows(page, '1 signature');
  });

  it('without JavaScript, the signature is accepted as pending, the signer is told why, and it counts once confirmed from the email', async (test) => {
    const page = await stage.newPage(test, { ...DESKTOP, ...speaking('en'), javaScriptEnabled: false });
    await page.goto(`/en/p/${slug}`);
    await fillTheForm(page, 'Grace Hopper', 'grace@example.org');
    await page.getByRole('button', { name: copy('en', 'sign.submit') }).click();
    await page.waitForURL(`**/en/p/${slug}/thanks?confirm=1&check=1`);
    expect(await page.locator('h1').innerText()).toBe(copy('en', 'thanks.checkEmail.title'));
    expect(await page.locator('.slower-path').innerText()).toContain(
      'Your browser could not do the automatic check (it needs JavaScript)',
    );

    const mail = await waitForEml(stage.server.mailDir, 'grace@example.org');
    await page.goto(linkEndingIn(mail, '/confirm'));
    expect(await page.locator('h1').innerText()).toBe(copy('en', 'confirm.ask.title'));
    await page.getByRole('button', { name: copy('en', 'confirm.submit') }).click();
    // The answer comes back at the same address, so wait for its heading rather than a new URL.
    await page.getByRole('heading', { level: 1, name: copy('en', 'confirm.title') }).waitFor();
    await page.goto(`/en/p/${slug}`);
    await reloadUntilCountShows(page, '2 signatures');
  });

  it('the slower path’s thanks page and the admin pages that switch proof of work on pass an accessibility check', async (test) => {
    const page = await adminPage(stage, test);
    for (const path of [
      `/en/p/${slug}/thanks?confirm=1&check=1`,
      `/es/p/${slug}/thanks?confirm=1&check=1`,
      '/admin/settings',
      '/admin/blocks',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(describeViolations(await wcagViolations(page)), path).toBe('no violations');
    }
    expect(await page.getByText(copy('en', 'settings.pow.byAdmin')).isVisible()).toBe(false);
    await page.goto('/admin/settings');
    expect(await page.getByRole('row', { name: /under-attack/ }).innerText()).toContain(
      copy('en', 'settings.pow.byAdmin'),
    );
    // A bad value: the page answers with the messages, still accessible.
    await page.getByLabel(copy('en', 'settings.powDifficulty')).fill('12');
    await page.getByRole('button', { name: copy('en', 'settings.submit') }).click();
    expect(await page.locator('#powDifficulty-error').innerText()).toBe(
      'Enter a whole number from 1,000 to 10,000,000.',
    );
    expect(describeViolations(await wcagViolations(page))).toBe('no violations');
  });
});
