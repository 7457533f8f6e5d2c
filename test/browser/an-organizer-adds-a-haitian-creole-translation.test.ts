// An organizer adds a Haitian Creole translation to a published English and Spanish petition, with the
// editor's own buttons; a Haitian Creole visitor then reads the petition in Creole, in a Creole interface,
// and the petition's count stays one count. Expected words come from the catalogs.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { changeStatus, createDraft } from '../../src/petitions/petition-editor-store.js';
import { translator } from '../../src/platform/i18n/translator.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { useStage } from './support/stage.js';

const SCREENSHOTS = process.env['SCREENSHOT_DIR'];
const CREOLE = {
  title: 'Pwoteje rezidan Norwich yo kont depòtasyon',
  statement: 'Nou mande Konsèy Vil Norwich pou l adopte yon òdonans **vil ki akeyi tout moun**.',
  why: 'Fanmi yo pa dwe pè rele lapolis oswa voye timoun lekòl.',
  target: 'Konsèy Vil Norwich',
};

describe('an organizer adds a Haitian Creole translation', () => {
  const stage = useStage({ env: { FIRMA_LOCALES: 'en,es,ht' } });

  async function publishedPetition(): Promise<{ id: number; session: string }> {
    const db = stage.server.deps.db;
    const now = new Date();
    await writeSetting(db, 'moderationMode', 'post', null, now);
    stage.server.deps.settings.invalidate();
    const { id: userId } = await db
      .insertInto('users')
      .values({
        email: 'rose@example.org',
        name: 'Rose',
        role: 'organizer',
        locale: 'en',
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = await createDraft(
      db,
      {
        defaultLocale: 'en',
        texts: {
          en: {
            title: 'Protect Norwich residents from deportation',
            statement: 'We ask the Norwich City Council to adopt a **welcoming city** ordinance.',
            why: 'Families should not fear calling the police or sending children to school.',
            deliveryDetails: '',
          },
          es: {
            title: 'Protejan a los residentes de Norwich de la deportación',
            statement: 'Pedimos al Concejo Municipal de Norwich que adopte una ordenanza de **ciudad acogedora**.',
            why: 'Las familias no deben temer llamar a la policía ni mandar a sus hijos a la escuela.',
            deliveryDetails: '',
          },
        },
        targets: [{ names: { en: 'Norwich City Council', es: 'Concejo Municipal de Norwich' } }],
        seatTargets: [],
        deliveryMethod: 'by_hand',
        requiresVerification: true,
        country: 'US',
        closesOn: null,
        slug: 'norwich-welcoming-city',
      },
      'norwich-welcoming-city',
      { userId, name: 'Rose', email: 'rose@example.org', now },
    );
    await changeStatus(db, id, ['draft'], 'open', now);
    return { id, session: await createSession(db, userId, now) };
  }

  it('adds Creole with the editor’s buttons, and a Creole visitor reads the petition in Creole', async (test) => {
    const en = translator('en');
    const ht = translator('ht');
    const { id, session } = await publishedPetition();

    const organizer = await stage.newPage(test, { ...DESKTOP, ...speaking('en') });
    await organizer.context().addCookies([{ name: SESSION_COOKIE, value: session, url: stage.server.baseUrl }]);
    await organizer.goto(`/organize/${id}/edit`);
    expect(await organizer.locator('#title_ht').count()).toBe(0);
    // The site's languages the petition lacks are offered, and only those.
    expect(await organizer.locator('#language_to_add option').allInnerTexts()).toEqual([en.languageName('ht')]);
    await organizer.locator('#language_to_add').selectOption('ht');
    await organizer.getByRole('button', { name: en.t('organize.form.addLanguageButton') }).click();
    const creole = organizer.getByRole('group', {
      name: en.t('organize.form.textsIn', { language: en.languageName('ht') }),
    });
    await creole.waitFor();
    // What the organizer types in Creole is marked as Creole; nothing typed before was lost.
    expect(await organizer.locator('#title_ht').getAttribute('lang')).toBe('ht');
    expect(await organizer.locator('#title_es').inputValue()).toBe(
      'Protejan a los residentes de Norwich de la deportación',
    );
    expect(await organizer.locator('#language_to_add').count()).toBe(0); // every site language is used now
    await organizer.locator('#title_ht').fill(CREOLE.title);
    await organizer.locator('#statement_ht').fill(CREOLE.statement);
    await organizer.locator('#why_ht').fill(CREOLE.why);
    await organizer.locator('#target_0_ht').fill(CREOLE.target);
    if (SCREENSHOTS !== undefined)
      await organizer.screenshot({ path: `${SCREENSHOTS}/editor-creole.png`, fullPage: true });
    await organizer
      .getByRole('button', { name: en.t('organize.form.saveChanges') })
      .first()
      .click();
    await organizer.waitForURL(/\/edit\?done=saved$/);
    expect(
      await organizer
        .getByRole('link', { name: en.t('organize.form.preview', { language: en.languageName('ht') }) })
        .count(),
    ).toBe(1);

    // A Haitian Creole speaker's phone asks for Creole: the page and the petition are in Creole.
    const visitor = await stage.newPage(test, { ...PHONE, viewport: { width: 360, height: 800 }, ...speaking('ht') });
    const response = await visitor.goto('/p/norwich-welcoming-city');
    expect(response?.headers()['content-language']).toBe('ht');
    expect(await visitor.getAttribute('html', 'lang')).toBe('ht');
    expect(await visitor.locator('h1').innerText()).toBe(CREOLE.title);
    expect(await visitor.locator('strong', { hasText: 'vil ki akeyi tout moun' }).count()).toBe(1);
    expect(await visitor.locator('.targets').innerText()).toContain(CREOLE.target);
    expect(await visitor.getByRole('heading', { name: ht.t('sign.heading') }).isVisible()).toBe(true);
    expect(await visitor.getByRole('button', { name: ht.t('sign.submit') }).isEnabled()).toBe(true);
    // Search engines and the language switch know the Creole page.
    expect(await visitor.locator('link[rel="alternate"][hreflang="ht"]').getAttribute('href')).toMatch(
      /\/ht\/p\/norwich-welcoming-city$/,
    );
    expect(await visitor.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    if (SCREENSHOTS !== undefined) await visitor.screenshot({ path: `${SCREENSHOTS}/creole-360.png`, fullPage: true });

    // The English and Spanish pages are unchanged: one petition, one count, three languages.
    await visitor.goto('/es/p/norwich-welcoming-city');
    expect(await visitor.locator('h1').innerText()).toBe('Protejan a los residentes de Norwich de la deportación');
    const json: unknown = await (await fetch(`${stage.server.baseUrl}/p/norwich-welcoming-city.json`)).json();
    expect(json).toMatchObject({ locales: ['en', 'es', 'ht'], signature_count: 0 });
  });
});
