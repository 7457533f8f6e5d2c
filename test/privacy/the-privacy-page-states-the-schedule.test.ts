import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/platform/i18n/translator.js';
import { formValuesOf } from '../../src/abuse/settings-form.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(enginesToTest())('the privacy page on $name', (engine) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  describe('with the default configuration', () => {
    beforeEach(async (ctx) => {
      if (engine.skipReason !== undefined) ctx.skip();
      t = await createTestApp(engine);
    });

    it('says in English what is collected, what is public, the retention days and how to withdraw or ask for deletion', async () => {
      const res = await t.app.request('/en/privacy');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-language')).toBe('en');
      const html = await res.text();
      expect(html).toContain('<html lang="en"');
      expect(html).toContain('<h1>Privacy</h1>');
      expect(html).toContain('Your email address is never shown on any page, never shown to other signers');
      expect(html).toContain('Only your name as you chose to show it');
      expect(html).toContain('We keep only a keyed hash of it');
      expect(html).toContain(
        '180 days after a petition closes, we erase the personal details of everyone who signed it',
      );
      expect(html).toContain('The number of signatures, how many came from each town and ZIP code');
      expect(html).toContain('Every email we send you about a petition has a link to withdraw your signature.');
      // MAIL_FROM's address, when no PRIVACY_CONTACT is set, inside the catalog's sentence.
      const [before = '', after = ''] = translator('en')
        .t('privacy.request.body', { contact: '\u0000' })
        .split('\u0000');
      expect(html).toContain(
        `${before}<a href="mailto:firma@localhost">firma@localhost</a>${after.slice(0, after.indexOf('.') + 1)}`,
      );
      expect(html).toContain('This site loads no scripts, fonts, images or analytics from other sites');
      expect(html).toContain('<link rel="alternate" hreflang="es" href="http://localhost:3000/es/privacy"/>');
    });

    it('says the same in Spanish, at /es/privacy and at /privacy for a Spanish reader', async () => {
      for (const res of [
        await t.app.request('/es/privacy'),
        await t.app.request('/privacy', { headers: { 'Accept-Language': 'es-MX,es;q=0.9' } }),
      ]) {
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html).toContain('<html lang="es"');
        expect(html).toContain('<h1>Privacidad</h1>');
        expect(html).toContain('Tu correo no aparece en ninguna página, no se muestra a otras personas que firmaron');
        expect(html).toContain('180 días después de que una petición se cierra, borramos los datos personales');
        expect(html).toContain('Escribe a <a href="mailto:firma@localhost">firma@localhost</a>');
      }
      // Negotiated, so it varies by language (and, sent compressed to those who accept it, by encoding).
      const vary = (await t.app.request('/privacy', { headers: { 'Accept-Language': 'es' } })).headers.get('vary');
      expect((vary ?? '').split(', ').sort()).toEqual(['Accept-Encoding', 'Accept-Language', 'Cookie']);
    });

    it('shows a changed retention setting within seconds, in both languages', async () => {
      expect(await (await t.app.request('/en/privacy')).text()).toContain('180 days after');
      await writeSetting(t.deps.db, 'retentionDays', 30, null, t.deps.now());
      t.advance(2500); // past the settings' two seconds and the page's one
      expect(await (await t.app.request('/en/privacy')).text()).toContain('30 days after a petition closes');
      expect(await (await t.app.request('/es/privacy')).text()).toContain(
        '30 días después de que una petición se cierra',
      );
      await writeSetting(t.deps.db, 'retentionDays', 1, null, t.deps.now());
      t.advance(2500);
      expect(await (await t.app.request('/en/privacy')).text()).toContain('1 day after a petition closes');
    });

    it('shows the days an admin sets on the settings page, at once in this process', async () => {
      const admin = await signedIn(t, { role: 'admin' });
      expect(await (await t.app.request('/es/privacy')).text()).toContain('180 días después');
      const current = formValuesOf(await t.deps.settings.current());
      const saved = await postFormAs(t, admin, '/admin/settings', { ...current, retentionDays: '90' });
      expect(saved.status).toBe(303);
      t.advance(1500); // past the page's one-second cache; the settings were re-read at once
      expect(await (await t.app.request('/es/privacy')).text()).toContain(
        '90 días después de que una petición se cierra',
      );
      expect(await (await t.app.request('/en/privacy')).text()).toContain('90 days after a petition closes');
    });

    it('is linked from the footer of public and error pages, in the reader’s language', async () => {
      const { slug } = await makePetition(t.deps.db);
      expect(await (await t.app.request('/en')).text()).toContain('<a href="/en/privacy">Privacy</a>');
      expect(await (await t.app.request(`/es/p/${slug}`)).text()).toContain('<a href="/es/privacy">Privacidad</a>');
      const missing = await t.app.request('/es/p/no-such-petition');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('<a href="/es/privacy">Privacidad</a>');
    });
  });

  it('names PRIVACY_CONTACT when it is set', async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    t = await createTestApp(engine, {
      env: { PRIVACY_CONTACT: 'privacy@example.org', MAIL_FROM: 'Firma <noreply@example.org>' },
    });
    const html = await (await t.app.request('/en/privacy')).text();
    expect(html).toContain('<a href="mailto:privacy@example.org">privacy@example.org</a>');
    expect(html).not.toContain('noreply@example.org');
  });
});
