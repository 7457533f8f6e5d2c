// A page whose language is chosen per reader (from the lang cookie or Accept-Language) says so in Vary, once,
// so a shared cache keeps one copy per language; a page whose URL names the language does not vary.
import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('Vary on negotiated pages on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;

  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
  });

  it('the embed, the petition page and the home page vary by Accept-Language and Cookie where negotiated, and not where the URL names the language', async () => {
    for (const path of [`/p/${slug}/embed`, `/p/${slug}`, '/', '/signin']) {
      const es = await t.app.request(path, { headers: { 'Accept-Language': 'es' } });
      // (each also varies by Accept-Encoding: they are sent compressed to readers who accept it)
      const vary = (es.headers.get('vary') ?? '').split(',').map((v) => v.trim());
      expect(vary.sort(), path).toEqual(['Accept-Encoding', 'Accept-Language', 'Cookie']);
      expect(es.headers.get('content-language') ?? 'es', path).toBe('es');
    }
    const embed = await t.app.request(`/p/${slug}/embed`, { headers: { 'Accept-Language': 'es' } });
    expect(await embed.text()).toContain('lang="es"');
    for (const path of [`/es/p/${slug}/embed`, `/en/p/${slug}`, '/es']) {
      expect((await t.app.request(path, { headers: { 'Accept-Language': 'es' } })).headers.get('vary'), path).toBe(
        'Accept-Encoding',
      );
    }
  });
});
