import path from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { changeStatus, createDraft } from '../../src/petitions/petition-editor-store.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { useStage, type Stage } from './support/stage.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { copy } from '../support/copy.js';

type Language = 'en' | 'es';

let people = 0;

/** A page whose browser is signed in as a new organizer (the sign-in itself has its own story). */
async function organizerPage(
  stage: Stage,
  test: TestContext,
  language: Language,
  options: { javaScript?: boolean; phone?: boolean; axe?: boolean } = {},
) {
  const n = ++people; // taken before any await: tests run concurrently
  const deps = stage.server.deps;
  const email = `editor-${n}@example.org`;
  const { id } = await deps.db
    .insertInto('users')
    .values({
      email,
      name: `Organizer ${n}`,
      role: 'organizer',
      locale: language,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await createSession(deps.db, id, new Date());
  const page = await stage.newPage(test, {
    ...(options.phone ? PHONE : DESKTOP),
    ...speaking(language),
    javaScriptEnabled: options.javaScript ?? true,
    bypassCSP: options.axe ?? false,
  });
  await page.context().addCookies([{ name: SESSION_COOKIE, value: session, url: stage.server.baseUrl }]);
  return { page, user: { userId: id, name: `Organizer ${n}`, email } };
}

/** Adds a translation with the editor's own button (a form post: it works with or without JavaScript). */
async function addTranslation(page: Page, locale: string): Promise<void> {
  await page.locator('#language_to_add').selectOption(locale);
  await page.getByRole('button', { name: copy('en', 'organize.form.addLanguageButton') }).click();
  await page.locator(`#title_${locale}`).waitFor();
}

async function fillBilingualPetition(page: Page, title: string): Promise<void> {
  await addTranslation(page, 'es');
  await page.locator('#title_en').fill(title);
  await page.locator('#statement_en').fill('Install a traffic light at the Park Street crossing.');
  await page
    .locator('#why_en')
    .fill('Children cross here **every day**.\n\n- Two people were hurt\n- Winter is coming');
  await page.locator('#title_es').fill(`${title} (es)`);
  await page.locator('#statement_es').fill('Instalen un semáforo en el cruce de Park Street.');
  await page.locator('#why_es').fill('Los niños cruzan aquí *todos los días*.');
  await page.locator('#target_0_en').fill('Hartford City Council');
  await page.locator('#target_0_es').fill('Concejo Municipal de Hartford');
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env['FIRMA_SCREENSHOTS'] === undefined) return;
  await page.screenshot({
    path: path.join(process.env['FIRMA_SCREENSHOTS'] || tmpdir(), `${name}.png`),
    fullPage: true,
  });
}

describe('an organizer starts a petition with and without JavaScript', () => {
  const stage = useStage();
  // Not about moderation: what the organizer publishes is public at once (post-moderation).
  beforeAll(async () => {
    await writeSetting(stage.server.deps.db, 'moderationMode', 'post', null, new Date());
    stage.server.deps.settings.invalidate();
  });

  for (const javaScript of [false, true]) {
    it(`starts, adds a target, previews in Spanish and publishes (${javaScript ? 'with' : 'without'} JavaScript)`, async (test) => {
      const { page } = await organizerPage(stage, test, 'en', { javaScript });
      const title = `Light the crossing ${javaScript ? 'js' : 'nojs'}`;
      await page.goto('/organize');
      await page
        .getByRole('link', { name: copy('en', 'nav.startPetition') })
        .first()
        .click();
      await page.waitForURL('**/organize/new');
      // A new petition is in the organizer's language until they add a translation.
      expect(await page.locator('#title_en').isVisible()).toBe(true);
      expect(await page.locator('#title_es').count()).toBe(0);
      await fillBilingualPetition(page, title);
      expect(await page.locator('#title_es').isVisible()).toBe(true);
      await page.getByRole('button', { name: copy('en', 'organize.form.addTarget') }).click();
      await page.locator('#target_1_en').fill('Mayor of Hartford');
      await page.locator('#target_1_es').fill('Alcaldesa de Hartford');
      expect(await page.locator('#title_en').inputValue()).toBe(title);
      await screenshot(page, `editor-new-${javaScript ? 'js' : 'nojs'}`);
      await page
        .getByRole('button', { name: copy('en', 'organize.form.save') })
        .first()
        .click();
      await page.waitForURL(/\/organize\/\d+\/edit\?done=saved$/);
      expect(await page.getByRole('status').first().innerText()).toBe(copy('en', 'organize.notice.saved'));

      await page.getByRole('link', { name: 'Preview in Spanish' }).click();
      await page.waitForURL(/\/preview\/es$/);
      expect(await page.locator('h1').innerText()).toBe(`${title} (es)`);
      expect(await page.locator('.preview-banner').innerText()).toContain(copy('es', 'organize.preview.banner'));
      expect(await page.locator('.targets').innerText()).toContain(
        'Concejo Municipal de Hartford · Alcaldesa de Hartford',
      );
      expect(await page.getByRole('button', { name: copy('es', 'sign.submit') }).isDisabled()).toBe(true);
      await screenshot(page, `preview-es-${javaScript ? 'js' : 'nojs'}`);
      await page.getByRole('link', { name: 'Vista previa en inglés' }).click();
      // allInnerTexts does not wait: wait for the English preview to have loaded first.
      await page.waitForURL(/\/preview\/en$/);
      await page.locator('.why li').first().waitFor();
      expect(await page.locator('.why li').allInnerTexts()).toEqual(['Two people were hurt', 'Winter is coming']);

      await page.getByRole('link', { name: copy('en', 'organize.preview.back') }).click();
      await page.getByRole('button', { name: copy('en', 'organize.form.publish') }).click();
      await page.waitForURL(/\?done=published$/);
      const slug = `light-the-crossing-${javaScript ? 'js' : 'nojs'}`;
      await page.goto(`/es/p/${slug}`);
      expect(await page.locator('h1').innerText()).toBe(`${title} (es)`);
      expect(await page.getByRole('button', { name: copy('es', 'sign.submit') }).isEnabled()).toBe(true);
    });
  }

  const PAGES: {
    name: string;
    open(
      stage: Stage,
      page: Page,
      user: { userId: number; name: string; email: string },
      language: Language,
    ): Promise<unknown>;
  }[] = [
    { name: 'my petitions', open: (_s, p) => p.goto('/organize') },
    {
      name: 'my petitions with a draft and a published one',
      open: async (s, p, user) => {
        await draftOf(s, user);
        await publishedOf(s, user);
        await p.goto('/organize');
      },
    },
    { name: 'the new petition form', open: (_s, p) => p.goto('/organize/new') },
    {
      name: 'the new petition form with errors',
      open: async (_s, p) => {
        await p.goto('/organize/new');
        await p.locator('#slug').fill('Not a slug!');
        await p.locator('.editor-toolbar button').first().click();
        await p.waitForSelector('.error-summary');
      },
    },
    { name: 'the edit page', open: async (s, p, user) => p.goto(`/organize/${await draftOf(s, user)}/edit`) },
    {
      name: 'the preview in English',
      open: async (s, p, user) => p.goto(`/organize/${await draftOf(s, user)}/preview/en`),
    },
    {
      name: 'the preview in Spanish',
      open: async (s, p, user) => p.goto(`/organize/${await draftOf(s, user)}/preview/es`),
    },
    {
      name: 'the edit page of a published petition',
      open: async (s, p, user) => p.goto(`/organize/${await publishedOf(s, user)}/edit?done=published`),
    },
    {
      name: 'the victory form with a missing message',
      open: async (s, p, user) => {
        await p.goto(`/organize/${await publishedOf(s, user)}/victory`);
        await p.locator('#message_en').fill('We won!');
        await p.locator('form button').click();
        await p.waitForSelector('.error-summary');
      },
    },
  ];

  for (const language of ['en', 'es'] as const) {
    it.for(PAGES)(`$name has no accessibility violations (${language})`, async (under, test) => {
      const { page, user } = await organizerPage(stage, test, language, { axe: true, phone: language === 'es' });
      await under.open(stage, page, user, language);
      await screenshot(page, `axe-${under.name.replace(/\W+/g, '-')}-${language}`);
      test.expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    });
  }
});

let drafts = 0;
async function draftOf(stage: Stage, user: { userId: number; name: string; email: string }): Promise<number> {
  drafts += 1;
  return createDraft(
    stage.server.deps.db,
    {
      defaultLocale: 'en',
      texts: {
        en: {
          title: 'Fix the bus shelter',
          statement: 'Please fix the **bus shelter** on Main Street.',
          why: 'People wait in the rain.\n\n1. It leaks\n2. It is dark',
          deliveryDetails: 'At the [council meeting](https://example.org/council).',
        },
        es: {
          title: 'Arreglen la parada',
          statement: 'Arreglen la parada de autobús de la calle Main.',
          why: 'La gente espera bajo la lluvia.',
          deliveryDetails: '',
        },
      },
      targets: [{ names: { en: 'Town Council', es: 'Concejo Municipal' } }],
      seatTargets: [],
      deliveryMethod: 'by_hand',
      requiresVerification: true,
      country: 'US',
      closesOn: null,
      slug: '',
    },
    `axe-draft-${drafts}`,
    { ...user, now: new Date() },
  );
}

async function publishedOf(stage: Stage, user: { userId: number; name: string; email: string }): Promise<number> {
  const id = await draftOf(stage, user);
  await changeStatus(stage.server.deps.db, id, ['draft'], 'open', new Date());
  return id;
}
