// A new organizer publishes a petition; it waits, unseen, in the review queue; a moderator previews and
// approves it, and the public page appears. The moderation and admin pages pass axe in English and Spanish.
import type { Page } from 'playwright-core';
import { describe, expect, it, type TestContext } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import type { Role } from '../../src/accounts/user.js';
import { changeStatus, createDraft } from '../../src/petitions/petition-editor-store.js';
import { recordAudit } from '../../src/platform/audit/audit-store.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { useStage, type Stage } from './support/stage.js';
import { copy } from '../support/copy.js';

type Language = 'en' | 'es';
let people = 0;

/** A browser page signed in as a new user of `role` (signing in has its own story). */
async function pageAs(
  stage: Stage,
  test: TestContext,
  role: Role,
  language: Language,
  options: { axe?: boolean; phone?: boolean } = {},
) {
  const n = ++people; // taken before any await: tests run concurrently
  const db = stage.server.deps.db;
  const { id } = await db
    .insertInto('users')
    .values({
      email: `${role}-${n}@example.org`,
      name: `${role} ${n}`,
      role,
      locale: language,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const page = await stage.newPage(test, {
    ...(options.phone ? PHONE : DESKTOP),
    ...speaking(language),
    bypassCSP: options.axe ?? false,
  });
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: await createSession(db, id, new Date()), url: stage.server.baseUrl }]);
  return { page, userId: id };
}

/** A held petition (an organizer's first), with a report and an audit row, so every page has something to show. */
async function heldPetition(stage: Stage, ownerId: number, title: string): Promise<number> {
  const db = stage.server.deps.db;
  const id = await createDraft(
    db,
    {
      defaultLocale: 'en',
      texts: {
        en: {
          title,
          statement: 'Please fix the **bus shelter**.',
          why: 'People wait in the rain.',
          deliveryDetails: '',
        },
        es: { title: `${title} (es)`, statement: 'Arreglen la parada.', why: 'Llueve.', deliveryDetails: '' },
      },
      targets: [{ names: { en: 'Town Council', es: 'Concejo Municipal' } }],
      seatTargets: [],
      deliveryMethod: 'by_hand',
      requiresVerification: true,
      country: 'US',
      closesOn: null,
      slug: '',
    },
    `held-${++people}`,
    { userId: ownerId, name: 'Ana', email: `ana-${people}@example.org`, now: new Date() },
  );
  await changeStatus(db, id, ['draft'], 'open', new Date());
  await db
    .updateTable('petitions')
    .set({ moderation_state: 'held', submitted_at: new Date(Date.now() - 72 * 3600_000).toISOString() })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('reports')
    .values({
      petition_id: id,
      signature_id: null,
      reason: 'spam',
      details: 'Looks like an advert <b>to me</b>',
      locale: 'en',
      reporter_hash: 'h',
      created_at: new Date().toISOString(),
    })
    .execute();
  await recordAudit(db, {
    actorId: ownerId,
    action: 'petition.reject',
    petitionId: id,
    details: { reason: 'spam', note: 'An example entry' },
    now: new Date(),
  });
  return id;
}

async function fillPetition(page: Page, title: string): Promise<void> {
  await page.locator('#title_en').fill(title);
  await page.locator('#statement_en').fill('Install a traffic light at the Park Street crossing.');
  await page.locator('#why_en').fill('Children cross here every day.');
  await page.locator('#target_0_en').fill('Hartford City Council');
}

describe('a moderator reviews a new petition', () => {
  const stage = useStage();

  it('the organizer publishes, the petition waits unseen, the moderator approves it in the queue, and the public page appears', async (test) => {
    const organizer = await pageAs(stage, test, 'organizer', 'en');
    const title = 'Light the Elm Street crossing';
    await organizer.page.goto('/organize/new');
    await fillPetition(organizer.page, title);
    await organizer.page
      .getByRole('button', { name: copy('en', 'organize.form.save') })
      .first()
      .click();
    await organizer.page.waitForURL(/\/organize\/\d+\/edit\?done=saved$/);
    const id = /\/organize\/(\d+)\/edit/.exec(organizer.page.url())?.[1] ?? '';
    await organizer.page.getByRole('button', { name: copy('en', 'organize.form.publish') }).click();
    await organizer.page.waitForURL(/\?done=submitted$/);
    expect(await organizer.page.getByRole('status').first().innerText()).toContain('Sent for review');
    await organizer.page.goto('/organize');
    expect(await organizer.page.locator(`tr[data-petition-id="${id}"]`).innerText()).toContain(
      copy('en', 'moderation.organizer.waiting'),
    );

    const visitor = await stage.newPage(test, { ...PHONE, ...speaking('en') });
    const slug = 'light-the-elm-street-crossing';
    expect((await visitor.goto(`/p/${slug}`))?.status()).toBe(404);

    const moderator = await pageAs(stage, test, 'moderator', 'en');
    await moderator.page.goto('/organize');
    await moderator.page.getByRole('link', { name: copy('en', 'moderation.nav.queue') }).click();
    await moderator.page.waitForURL('**/moderate');
    const item = moderator.page.locator(`li.queue-item[data-petition-id="${id}"]`);
    expect(await item.locator('h2').innerText()).toBe(title);
    expect(await item.innerText()).toContain(copy('en', 'moderation.state.held'));
    await item.getByRole('link', { name: copy('en', 'moderation.item.preview') }).click();
    expect(await moderator.page.locator('h1').innerText()).toBe(title);
    await moderator.page.goBack();
    await moderator.page
      .locator(`li.queue-item[data-petition-id="${id}"]`)
      .getByRole('button', { name: copy('en', 'moderation.approve') })
      .click();
    await moderator.page.waitForURL(/\/moderate\?done=approve$/);
    expect(await moderator.page.getByRole('status').innerText()).toContain('Approved: the petition is public.');
    expect(await moderator.page.locator(`li.queue-item[data-petition-id="${id}"]`).count()).toBe(0);

    expect((await visitor.goto(`/p/${slug}`))?.status()).toBe(200);
    expect(await visitor.locator('h1').innerText()).toBe(title);
    expect(await visitor.getByRole('button', { name: copy('en', 'sign.submit') }).isEnabled()).toBe(true);
    await organizer.page.reload();
    expect(await organizer.page.locator(`tr[data-petition-id="${id}"]`).innerText()).not.toContain(
      copy('en', 'moderation.organizer.waiting'),
    );
  });

  const PAGES: { name: string; role: Role; open(stage: Stage, page: Page, userId: number): Promise<unknown> }[] = [
    {
      name: 'the queue',
      role: 'moderator',
      open: async (s, p, user) => (await heldPetition(s, user, 'Fix the bus shelter'), p.goto('/moderate')),
    },
    {
      name: 'the reported view',
      role: 'moderator',
      open: async (s, p, user) => (
        await heldPetition(s, user, 'Fix the bus shelter'),
        p.goto('/moderate?view=reported')
      ),
    },
    {
      name: 'a petition’s panel with a form error',
      role: 'moderator',
      open: async (s, p, user) => {
        await p.goto(`/moderate/petitions/${await heldPetition(s, user, 'Fix the bus shelter')}`);
        await p.locator('form.reject select').selectOption('other');
        await p.locator('form.reject button').click();
        await p.waitForSelector('.error-summary');
      },
    },
    {
      name: 'the second page of the queue, with its pager',
      role: 'moderator',
      open: async (s, p, user) => {
        for (let i = 0; i < 51; i++) await heldPetition(s, user, `Waiting petition ${i}`);
        await p.goto('/moderate?page=2');
        await p.waitForSelector('nav.pager');
      },
    },
    {
      name: 'the dashboard of a petition waiting for review',
      role: 'organizer',
      open: async (s, p, user) => p.goto(`/organize/${await heldPetition(s, user, 'Fix the bus shelter')}`),
    },
    {
      name: 'the share kit of a petition waiting for review',
      role: 'organizer',
      open: async (s, p, user) => p.goto(`/organize/${await heldPetition(s, user, 'Fix the bus shelter')}/share`),
    },
    {
      name: 'the audit log',
      role: 'admin',
      open: async (s, p, user) => (await heldPetition(s, user, 'Fix the bus shelter'), p.goto('/admin/audit')),
    },
    { name: 'the admin index', role: 'admin', open: (_s, p) => p.goto('/admin') },
    { name: 'the reasons', role: 'admin', open: (_s, p) => p.goto('/admin/reasons') },
  ];

  for (const language of ['en', 'es'] as const) {
    it.for(PAGES)(`$name has no accessibility violations (${language})`, async (under, test) => {
      const { page, userId } = await pageAs(stage, test, under.role, language, { axe: true, phone: language === 'es' });
      await under.open(stage, page, userId);
      test.expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    });
  }

  it('the report form has no accessibility violations, with and without errors', async (test) => {
    const { page } = await pageAs(stage, test, 'organizer', 'es', { axe: true });
    await page.context().clearCookies();
    const db = stage.server.deps.db;
    const { slug } = await db
      .selectFrom('petitions')
      .select('slug')
      .where('moderation_state', '=', 'approved')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    await page.goto(`/es/p/${slug}`);
    await page.getByRole('link', { name: copy('es', 'report.link.petition') }).click();
    await page.waitForURL(`**/es/p/${slug}/report`);
    test.expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    await page.getByRole('button', { name: copy('es', 'report.submit') }).click();
    await page.waitForSelector('.error-summary');
    test.expect(describeViolations(await wcagViolations(page))).toBe('no violations');
  });
});
