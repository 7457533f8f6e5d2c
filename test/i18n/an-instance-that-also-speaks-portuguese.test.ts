// Languages are configuration: FIRMA_LOCALES=en,es,pt-BR adds Brazilian Portuguese to the routes, the
// language switch, Accept-Language and the emails. Its catalog is partial: what it lacks is shown in
// English, never as a key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/platform/config.js';
import { readCatalog } from '../../src/platform/i18n/catalogs.js';
import { catalogProblems, catalogSize, translator } from '../../src/platform/i18n/translator.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { listReasons, reasonLabel } from '../../src/moderation/reasons-store.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { get } from '../support/requests.js';
import { postForm, testConfig, useTestApp, validSignature } from '../support/test-app.js';
import { copy } from '../support/copy.js';

const WITH_PORTUGUESE = { env: { FIRMA_LOCALES: 'en,es,pt-BR' } };

describe.each(enginesToTest())('an instance that also speaks Portuguese on $name', (engine) => {
  const t = useTestApp(engine, WITH_PORTUGUESE);
  let slug: string;
  let mailroom: Mailroom;
  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
    mailroom = await openMailroom(t);
  });
  afterEach(async () => mailroom?.close());

  it('the petition page is in Portuguese at /pt-BR/p/:slug, the petition in its own language marked with its lang', async () => {
    const res = await get(t, `/pt-BR/p/${slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="pt-BR">'); // left to right: no dir needed
    expect(html).toContain('Assine esta petição');
    expect(html).toContain(translator('pt-BR').t('sign.submit'));
    // The petition has English and Spanish texts: a Portuguese reader gets its default (English), marked so.
    expect(html).toMatch(/<h1 lang="en">/);
    // Every language of the instance is in the switch, by its own name.
    expect(html).toContain('Português (Brasil)');
    const english = await (await get(t, `/en/p/${slug}`)).text();
    expect(english).toMatch(/<a href="[^"]*pt-BR[^"]*" hreflang="pt-BR" lang="pt-BR">Português \(Brasil\)<\/a>/);
    expect(html).not.toMatch(/>(?:sign|petition|nav|report|privacy)\.[a-zA-Z.]+</); // no key shown as text
  });

  it('the language switch leads from a Portuguese page to the same page in Spanish, and back', async () => {
    const toSpanish = await get(t, `/lang/es?next=${encodeURIComponent(`/pt-BR/p/${slug}`)}`);
    expect(toSpanish.status).toBe(303);
    expect(toSpanish.headers.get('location')).toBe(`/es/p/${slug}`);
    const toPortuguese = await get(t, `/lang/pt-BR?next=${encodeURIComponent(`/es/p/${slug}`)}`);
    expect(toPortuguese.headers.get('location')).toBe(`/pt-BR/p/${slug}`);
  });

  it('a browser that asks for Portuguese, of Brazil or of Portugal, gets the Portuguese page', async () => {
    for (const accept of ['pt-BR,pt;q=0.9', 'pt', 'pt-PT,en;q=0.5']) {
      const html = await (await get(t, `/p/${slug}`, { 'Accept-Language': accept })).text();
      expect(html, accept).toContain('<html lang="pt-BR"');
    }
    const english = await (await get(t, `/p/${slug}`, { 'Accept-Language': 'fr,en;q=0.5' })).text();
    expect(english).toContain('<html lang="en"');
  });

  it('a signer signs in Portuguese and the confirmation email is in Portuguese', async () => {
    const res = await postForm(t, `/pt-BR/p/${slug}/sign`, validSignature({ email: 'ana@example.org' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^/pt-BR/p/${slug}/`));
    const thanks = await (await get(t, res.headers.get('location') ?? '')).text();
    expect(thanks).toContain('<html lang="pt-BR"');
    const mail = (await mailroom.deliver()).find((m) => m.to === 'ana@example.org');
    expect(mail?.subject).toMatch(/^Obrigado por assinar: /);
    expect(mail?.text).toContain('foi contada');
    expect(mail?.html).toContain('lang="pt-BR"');
    // The page behind the mail's unsubscribe link switches to the same page in another language.
    const unsubscribe = /https?:\/\/\S+(\/pt-BR\/s\/[A-Za-z0-9_-]{43}\/unsubscribe)/.exec(mail?.text ?? '')?.[1] ?? '';
    const page = await (await get(t, unsubscribe)).text();
    expect(page).toContain(`/lang/es?next=${encodeURIComponent(unsubscribe.replace('/pt-BR/', '/es/'))}`);
  });

  it('the admins’ languages page lists each language with how much is translated and whether it was reviewed', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const res = await getAs(t, admin, '/admin/languages');
    expect(res.status).toBe(200);
    const html = await res.text();
    const en = translator('en');
    const total = catalogSize('en');
    expect(html).toContain('Português (Brasil)');
    expect(html).toContain(
      en.t('languages.messages', {
        translated: catalogSize('pt-BR'),
        total,
        percent: en.percent(catalogSize('pt-BR') / total),
      }),
    );
    expect(html).toContain(en.t('languages.messages', { translated: total, total, percent: en.percent(1) }));
    expect(html).toContain(en.t('languages.reviewed.no'));
    expect(html).toContain(en.t('languages.onThisSite.default'));
    const organizer = await signedIn(t);
    expect((await getAs(t, organizer, '/admin/languages')).status).toBe(404);
  });

  it('moderation reasons have a label per language: the migrated English and Spanish ones, and a Portuguese one an admin adds', async () => {
    const labels = await t.deps.db
      .selectFrom('moderation_reason_labels')
      .innerJoin('moderation_reasons', 'moderation_reasons.id', 'moderation_reason_labels.reason_id')
      .select(['code', 'locale', 'label'])
      .where('code', '=', 'spam')
      .orderBy('locale')
      .execute();
    expect(labels).toEqual([
      { code: 'spam', locale: 'en', label: copy('en', 'report.reason.spam') },
      { code: 'spam', locale: 'es', label: copy('es', 'report.reason.spam') },
    ]);
    const admin = await signedIn(t, { role: 'admin' });
    const form = await (await getAs(t, admin, '/admin/reasons')).text();
    expect(form).toContain('name="label_pt-BR"');
    // Every language of the site needs a label: a form without the Portuguese one is answered beside it.
    const missing = await postFormAs(t, admin, '/admin/reasons', {
      code: 'copyright',
      label_en: 'Copyright infringement',
      label_es: 'Infracción de derechos de autor',
      position: '7',
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('id="label_pt-BR-new-error"');
    const added = await postFormAs(t, admin, '/admin/reasons', {
      code: 'copyright',
      label_en: 'Copyright infringement',
      label_es: 'Infracción de derechos de autor',
      'label_pt-BR': 'Violação de direitos autorais',
      position: '7',
    });
    expect(added.status).toBe(303);
    const reasons = await listReasons(t.deps.db);
    expect(reasonLabel(reasons, 'copyright', 'pt-BR')).toBe('Violação de direitos autorais');
    // A reason with no Portuguese label yet is shown in the site's default language.
    expect(reasonLabel(reasons, 'spam', 'pt-BR')).toBe(copy('en', 'report.reason.spam'));
  });

  it('the Portuguese catalog is complete: no message is shown in English, and nothing is noted for the log', () => {
    // (a partial catalog's fallback is src/platform/i18n/partial-catalog.test.ts)
    expect(Object.keys(readCatalog('pt-BR')).sort()).toEqual(Object.keys(readCatalog('en')).sort());
    expect(translator('pt-BR').t('nav.startPetition')).toBe('Criar uma petição');
    expect(translator('pt-BR').t('dashboard.title')).not.toBe(translator('en').t('dashboard.title'));
    expect(catalogProblems().filter((p) => p.startsWith('locales/pt-BR.json'))).toEqual([]);
  });
});

describe.each(enginesToTest())('an instance in English and Spanish only on $name', (engine) => {
  const t = useTestApp(engine);
  it('has no Portuguese pages, and never negotiates Portuguese', async () => {
    const { slug } = await makePetition(t.deps.db);
    expect((await get(t, `/pt-BR/p/${slug}`)).status).toBe(404);
    const html = await (await get(t, `/p/${slug}`, { 'Accept-Language': 'pt-BR' })).text();
    expect(html).toContain('<html lang="en"');
    expect(html).not.toContain('Português');
  });
});

describe.each(enginesToTest())('a site that speaks only Spanish on $name', (engine) => {
  const t = useTestApp(engine, { env: { FIRMA_LOCALES: 'es' } });
  it('still shows a petition written in English, in English, and links no English page', async () => {
    const { slug } = await makePetition(t.deps.db, {
      defaultLocale: 'en',
      texts: {
        en: {
          title: 'Light the underpass',
          statement: 'Put lights in the Elm Street underpass.',
          why: 'It is dark at night.',
          deliveryDetails: 'At the council meeting.',
        },
      },
    });
    const res = await get(t, `/es/p/${slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<h1 lang="en">Light the underpass</h1>');
    expect(html).not.toContain('hreflang="en"');
    expect((await get(t, `/en/p/${slug}`)).status).toBe(404);
  });
});

describe('FIRMA_LOCALES', () => {
  it('defaults to English and Spanish', () => {
    expect(testConfig().locales).toEqual(['en', 'es']);
  });

  it('refuses a language with no catalog, or one named twice, naming the variable', () => {
    expect(() => testConfig({ FIRMA_LOCALES: 'en,xx' })).toThrow(ConfigError);
    expect(() => testConfig({ FIRMA_LOCALES: 'en,xx' })).toThrow(/FIRMA_LOCALES: "xx" has no catalog in locales\//);
    expect(() => testConfig({ FIRMA_LOCALES: 'es,es' })).toThrow(/FIRMA_LOCALES: names a language twice/);
  });
});
