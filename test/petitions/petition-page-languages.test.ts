import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get } from '../support/requests.js';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

const EN_TITLE = 'Fix the bus shelter';
const ES_TITLE = 'Arreglen la parada';

describe.each(enginesToTest())('the petition page in two languages on $name', (engine) => {
  // Every test here only reads, so they share one clean database (a PostgreSQL schema costs ~0.5 s).
  let t: TestApp | undefined;
  let app: TestApp;
  let slug: string;
  let draftSlug: string;
  let englishOnlySlug: string;
  beforeAll(async () => {
    if (engine.skipReason !== undefined) return;
    t = app = await createTestApp(engine);
    ({ slug } = await makePetition(app.deps.db));
    ({ slug: draftSlug } = await makePetition(app.deps.db, { status: 'draft' }));
    ({ slug: englishOnlySlug } = await makePetition(app.deps.db, {
      texts: {
        en: {
          title: 'Light the underpass',
          statement: 'Put lights in the Elm Street underpass.',
          why: 'It is dark at night.',
          deliveryDetails: 'At the council meeting.',
        },
      },
    }));
  });
  afterAll(async () => t?.close());
  beforeEach((ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
  });

  describe('at /p/:slug, the language is negotiated', () => {
    it('a reader whose browser asks for Spanish gets the Spanish page', async () => {
      const res = await get(app, `/p/${slug}`, { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.5' });
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toContain('<html lang="es">');
      expect(html).toContain(ES_TITLE);
      expect(html).toContain('Concejo Municipal');
      expect(html).toContain(copy('es', 'sign.heading'));
      expect(html).not.toContain(EN_TITLE);
      expect(res.headers.get('content-language')).toBe('es');
      expect(res.headers.get('vary')).toContain('Accept-Language');
      expect(res.headers.get('vary')).toContain('Cookie');
    });

    it.each([[undefined], ['en-US,en;q=0.9'], ['fr-FR'], ['*']])(
      'a reader with Accept-Language %j gets the English page',
      async (acceptLanguage) => {
        const res = await get(
          app,
          `/p/${slug}`,
          acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage },
        );
        const html = await res.text();
        expect(html).toContain('<html lang="en">');
        expect(html).toContain(EN_TITLE);
        expect(html).toContain('Town Council');
        expect(html).toContain(copy('en', 'sign.heading'));
        expect(res.headers.get('content-language')).toBe('en');
        expect(res.headers.get('vary')).toContain('Accept-Language');
      },
    );

    it('points search engines at the language-specific URL as canonical', async () => {
      const html = await (await get(app, `/p/${slug}`, { 'Accept-Language': 'es' })).text();
      expect(html).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/es/p/${slug}"/>`);
    });
  });

  describe('at /es/p/:slug and /en/p/:slug, the URL names the language', () => {
    it.each([
      ['es', ES_TITLE, 'en-US'],
      ['en', EN_TITLE, 'es-MX'],
    ])('/%s/p/:slug is in that language whatever the browser asks for', async (locale, title, acceptLanguage) => {
      const res = await get(app, `/${locale}/p/${slug}`, {
        'Accept-Language': acceptLanguage,
        Cookie: `lang=${locale === 'es' ? 'en' : 'es'}`,
      });
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(res.headers.get('content-language')).toBe(locale);
    });

    it('links every translation with hreflang, an x-default, and a canonical URL', async () => {
      const html = await (await get(app, `/es/p/${slug}`)).text();
      expect(html).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/es/p/${slug}"/>`);
      expect(html).toContain(`<link rel="alternate" hreflang="en" href="${TEST_ORIGIN}/en/p/${slug}"/>`);
      expect(html).toContain(`<link rel="alternate" hreflang="es" href="${TEST_ORIGIN}/es/p/${slug}"/>`);
      expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${TEST_ORIGIN}/en/p/${slug}"/>`);
    });

    it('has Open Graph tags so a shared link previews in the page’s language', async () => {
      const html = await (await get(app, `/es/p/${slug}`)).text();
      expect(html).toContain(`<meta property="og:title" content="${ES_TITLE}"/>`);
      expect(html).toContain(`<meta property="og:url" content="${TEST_ORIGIN}/es/p/${slug}"/>`);
      expect(html).toContain(
        '<meta property="og:description" content="Arreglen la parada de autobús de la calle Main."/>',
      );
      expect(html).toContain('<meta property="og:type" content="website"/>');
      expect(html).toContain('<meta property="og:site_name" content="Firma"/>');
      expect(html).toContain('<meta property="og:locale" content="es_US"/>');
      expect(html).toContain('<meta property="og:locale:alternate" content="en_US"/>');
    });

    it('offers the other language through the switch, which remembers the choice', async () => {
      const html = await (await get(app, `/en/p/${slug}`)).text();
      expect(html).toContain(`href="/lang/es?next=${encodeURIComponent(`/es/p/${slug}`)}"`);
    });
  });

  describe('a petition written in one language only', () => {
    it('in the Spanish interface, its English words are marked as English for screen readers and translators', async () => {
      const html = await (await get(app, `/es/p/${englishOnlySlug}`)).text();
      expect(html).toContain('<html lang="es">');
      expect(html).toContain(copy('es', 'sign.heading'));
      expect(html).toContain('<h1 lang="en">Light the underpass</h1>');
      expect(html).toMatch(/<div class="statement" lang="en"><p>Put lights in the Elm Street underpass\.<\/p>/);
      expect(html).toMatch(/<div lang="en"><p>It is dark at night\.<\/p><\/div>/);
      expect(html).toMatch(/<div lang="en"><p>At the council meeting\.<\/p><\/div>/);
    });

    it('in the English interface, nothing is marked: the page and the text share a language', async () => {
      const html = await (await get(app, `/en/p/${englishOnlySlug}`)).text();
      expect(html).toContain('<h1>Light the underpass</h1>');
      expect(html).toContain('<div class="statement"><p>Put lights');
      expect(html).toMatch(/<div><p>It is dark at night\.<\/p><\/div>/);
    });

    it('the embeddable form marks the title the same way', async () => {
      const html = await (await get(app, `/es/p/${englishOnlySlug}/embed`)).text();
      expect(html).toContain('<h1 class="embed-title" lang="en">Light the underpass</h1>');
    });
  });

  describe('the language switch', () => {
    it('sets the lang cookie and sends the reader to the same page in the chosen language', async () => {
      const res = await get(app, `/lang/es?next=/en/p/${slug}`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/es/p/${slug}`);
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^lang=es;/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).toMatch(/Max-Age=31536000/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('after switching, the chosen language wins over Accept-Language on /p/:slug', async () => {
      const cookie = (await get(app, `/lang/es?next=/en/p/${slug}`)).headers.get('set-cookie')?.split(';')[0] ?? '';
      const res = await get(app, `/p/${slug}`, { Cookie: cookie, 'Accept-Language': 'en-US,en;q=0.9' });
      expect(await res.text()).toContain(`<h1>${ES_TITLE}</h1>`);
      expect(res.headers.get('content-language')).toBe('es');
      const back = await get(app, `/p/${slug}`, { Cookie: 'lang=en', 'Accept-Language': 'es' });
      expect(await back.text()).toContain(`<h1>${EN_TITLE}</h1>`);
    });

    it('keeps paths without a language as they are', async () => {
      expect((await get(app, `/lang/en?next=/p/${slug}`)).headers.get('location')).toBe(`/p/${slug}`);
      expect((await get(app, '/lang/es?next=/es')).headers.get('location')).toBe('/es');
      expect((await get(app, '/lang/es?next=/en')).headers.get('location')).toBe('/es');
      expect((await get(app, '/lang/es')).headers.get('location')).toBe('/es');
    });

    it('refuses to redirect off the site, whatever next= holds', async () => {
      const attempts = [
        '//evil.example',
        '//evil.example/es/p/x',
        'https://evil.example',
        'http://evil.example/en/p/x',
        '/\\evil.example',
        '\\\\evil.example',
        '/\\/evil.example',
        '%2F%2Fevil.example',
        '/%2F/evil.example',
        '/\t/evil.example',
        ' //evil.example',
        'javascript:alert(1)',
        'evil.example',
      ];
      for (const next of attempts) {
        const res = await get(app, `/lang/es?next=${encodeURIComponent(next)}`);
        expect(res.status, next).toBe(303);
        const location = res.headers.get('location') ?? '';
        expect(new URL(location, TEST_ORIGIN).origin, next).toBe(TEST_ORIGIN);
        expect(location, next).toMatch(/^\/(?![/\\])/);
      }
    });

    it('answers a next= with control or non-ASCII characters without a server error or a split header', async () => {
      for (const next of ['/%00', '/es/p/%0d%0aSet-Cookie:%20x=1', '/es/p/ñandú', '/es/p/x?y=%FF']) {
        const res = await get(app, `/lang/es?next=${next}`);
        expect(res.status, next).toBe(303);
        const location = res.headers.get('location') ?? '';
        expect(location, next).not.toMatch(/[\r\n\0]/);
        expect(new URL(location, TEST_ORIGIN).origin, next).toBe(TEST_ORIGIN);
        expect(res.headers.get('set-cookie'), next).toMatch(/^lang=es;/);
      }
    });

    it('a language Firma does not have is a 404', async () => {
      const res = await get(app, '/lang/fr?next=/');
      expect(res.status).toBe(404);
      expect(res.headers.get('set-cookie')).toBeNull();
    });
  });

  describe('a petition that does not exist', () => {
    it.each([
      ['/p/no-such-petition', { 'Accept-Language': 'es' }, copy('es', 'page.notFound.title'), 'es'],
      ['/es/p/no-such-petition', {}, copy('es', 'page.notFound.title'), 'es'],
      ['/p/no-such-petition', {}, copy('en', 'page.notFound.title'), 'en'],
      ['/en/p/no-such-petition', { 'Accept-Language': 'es' }, copy('en', 'page.notFound.title'), 'en'],
      ['/p/no-such-petition', { Cookie: 'lang=es' }, copy('es', 'page.notFound.title'), 'es'],
    ])('%s (%j) is a 404 page in the reader’s language', async (path, headers, heading, locale) => {
      const res = await get(app, path, headers);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('is a 404 in JSON too', async () => {
      const res = await get(app, '/p/no-such-petition.json');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: 'not_found' });
    });

    it('a draft is not shown to the public, as a page or as JSON', async () => {
      expect((await get(app, `/en/p/${draftSlug}`)).status).toBe(404);
      expect((await get(app, `/p/${draftSlug}`)).status).toBe(404);
      expect((await get(app, `/p/${draftSlug}.json`)).status).toBe(404);
    });

    it('paths that only look like a language are not pages', async () => {
      for (const path of [
        `/xes/p/${slug}`,
        `/enx/p/${slug}`,
        `/esen/p/${slug}`,
        '/english',
        '/xes',
        '/lang/es/extra',
        `/p/${slug}/es`,
      ]) {
        expect((await get(app, path)).status, path).toBe(404);
      }
    });

    it('any other unknown page is a 404 in the reader’s language', async () => {
      const res = await get(app, '/es/no/such/page');
      expect(res.status).toBe(404);
      expect(await res.text()).toContain(copy('es', 'page.notFound.title'));
    });
  });
});
