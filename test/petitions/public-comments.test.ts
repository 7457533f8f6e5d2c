import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('public comments on $name', (engine) => {
  const t = useTestApp(engine);

  it('a signer’s comment shows with their public name, escaped; a hidden signer’s comment does not show', async () => {
    const { id, slug } = await makePetition(t.deps.db);
    await makeSignature(t.deps.db, id, {
      name: 'Rosa Martínez',
      nameDisplay: 'first_initial',
      comment: 'Por mi familia <script>alert(1)</script>',
    });
    await makeSignature(t.deps.db, id, { name: 'Hidden Person', nameDisplay: 'hidden', comment: 'a private worry' });
    const html = await (await t.app.request(`/es/p/${slug}`)).text();
    expect(html).toContain('<span class="signer-name" dir="auto">Rosa M.</span>');
    expect(html).toContain('Por mi familia &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('a private worry');
    expect(html).not.toContain('Hidden Person');
  });
});
