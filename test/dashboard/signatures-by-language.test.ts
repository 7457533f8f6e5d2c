// Signatures by the language they were made in: the organizer shows a legislator that Spanish speakers
// signed. On the dashboard, and in the public JSON (counted at most a minute before).
import { beforeEach, describe, expect, it } from 'vitest';
import { LOCALE_COUNTS_TTL_MS } from '../../src/web/public/petition-routes.js';
import { translator } from '../../src/platform/i18n/translator.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { petitionJson } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('signatures by language on $name', (engine) => {
  const t = useTestApp(engine);
  let organizer: SignedIn;
  let petition: { id: number; slug: string };

  beforeEach(async () => {
    organizer = await signedIn(t);
    petition = await makePetition(t.deps.db, { ownerId: organizer.user.id });
    for (let i = 0; i < 3; i += 1) await makeSignature(t.deps.db, petition.id, { locale: 'es' });
    await makeSignature(t.deps.db, petition.id, { locale: 'en' });
    // Pending and other petitions' signatures are in no count.
    await makeSignature(t.deps.db, petition.id, { locale: 'es', requiresVerification: true });
    await makeSignature(t.deps.db, (await makePetition(t.deps.db)).id, { locale: 'en' });
  });

  it('the dashboard counts confirmed signatures by language, in the reader’s language, most first', async () => {
    for (const locale of ['en', 'es']) {
      const tr = translator(locale);
      const html = await (await getAs(t, organizer, `/organize/${petition.id}`, { 'Accept-Language': locale })).text();
      const table = html.slice(
        html.indexOf('class="by-language"'),
        html.indexOf('</table>', html.indexOf('by-language')),
      );
      expect(table).toContain(tr.t('dashboard.language'));
      const rows = [
        ...table.matchAll(/<tr data-locale="([^"]+)"><th scope="row">([^<]+)<\/th><td class="num">([^<]+)<\/td>/g),
      ];
      expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
        ['es', tr.languageName('es'), `3 (${tr.percent(0.75)})`],
        ['en', tr.languageName('en'), `1 (${tr.percent(0.25)})`],
      ]);
    }
  });

  it('the public JSON has signatures_by_locale, refreshed within a minute', async () => {
    expect((await petitionJson(t, petition.slug)).signatures_by_locale).toEqual({ es: 3, en: 1 });
    await makeSignature(t.deps.db, petition.id, { locale: 'en' });
    t.advance(LOCALE_COUNTS_TTL_MS + 1000);
    expect((await petitionJson(t, petition.slug)).signatures_by_locale).toEqual({ es: 3, en: 2 });
  });
});
