import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get, signatureRows } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('recent signers on the petition page on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
  });

  async function sign(fields: Record<string, string>) {
    const res = await postForm(t, `/en/p/${slug}/sign`, validSignature(fields));
    expect(res.status).toBe(303);
  }

  it('shows each name the way its signer chose, with the town, and never an email or ZIP code', async () => {
    await sign({
      name: 'Rosa Martínez',
      email: 'rosa.private@example.org',
      postal_code: '06510',
      name_display: 'first_initial',
    });
    await sign({
      name: 'Guadalupe Hernández',
      email: 'lupe.private@example.org',
      postal_code: '06604-1234',
      name_display: 'full',
    });
    await sign({
      name: 'Escondida Sinnombre',
      email: 'hidden.private@example.org',
      postal_code: '06106',
      name_display: 'hidden',
    });
    t.advance(1000);

    for (const locale of ['en', 'es']) {
      const html = await (await get(t, `/${locale}/p/${slug}`)).text();
      const signers = html.slice(html.indexOf('class="recent-signers"'));
      expect(signers).toContain('<span class="signer-name" dir="auto">Rosa M.</span>');
      expect(signers).toContain('<span class="signer-town">, New Haven</span>');
      expect(signers).toContain('<span class="signer-name" dir="auto">Guadalupe Hernández</span>');
      expect(signers).toContain('<span class="signer-town">, Bridgeport</span>');
      expect(html).not.toContain('Martínez');
      expect(html).not.toContain('Escondida');
      expect(html).not.toContain('Sinnombre');
      expect(html).not.toContain('private@example.org');
      expect(html).not.toContain('06510');
      expect(html).not.toContain('06604');
      expect(signers.match(/class="signer-name"/g)).toHaveLength(2);
    }
  });

  it('lists the newest signer first and says when they signed, in the reader’s language', async () => {
    await sign({ name: 'First Signer', email: 'first@example.org' });
    t.advance(3 * 60_000);
    await sign({ name: 'Second Signer', email: 'second@example.org' });
    t.advance(1000);
    const html = await (await get(t, `/en/p/${slug}`)).text();
    expect(html.indexOf('Second Signer')).toBeLessThan(html.indexOf('First Signer'));
    expect(html).toMatch(/>3 minutes ago</);
    const es = await (await get(t, `/es/p/${slug}`)).text();
    expect(es).toMatch(/>hace 3 minutos</);
  });

  it('says there are no public signers yet when everyone chose to be hidden', async () => {
    await sign({ name_display: 'hidden' });
    t.advance(1000);
    expect(await (await get(t, `/en/p/${slug}`)).text()).toContain(copy('en', 'petition.noPublicSigners'));
    expect(await (await get(t, `/es/p/${slug}`)).text()).toContain(copy('es', 'petition.noPublicSigners'));
  });

  it('a name and comment in Arabic are each set apart, so their direction does not reorder the town and time beside them', async () => {
    await sign({ name: 'محمد علي', comment: 'من أجل عائلتي', name_display: 'full' });
    t.advance(1000);
    const html = await (await get(t, `/en/p/${slug}`)).text();
    expect(html).toContain('<span class="signer-name" dir="auto">محمد علي</span>');
    expect(html).toContain('<p class="signer-comment" dir="auto">من أجل عائلتي</p>');
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;', '<img src=x'],
    ["Rosa' onmouseover='alert(1)", 'Rosa&#39; onmouseover=&#39;alert(1)', "Rosa' onmouseover"],
  ])('a name like %j is stored as typed and shown escaped', async (name, escaped, raw) => {
    await sign({ name, comment: name, name_display: 'full' });
    const [row] = await signatureRows(t.deps.db);
    expect(row?.name).toBe(name);
    expect(row?.comment).toBe(name);
    t.advance(1000);
    const html = await (await get(t, `/en/p/${slug}`)).text();
    expect(html).toContain(`<span class="signer-name" dir="auto">${escaped}</span>`);
    expect(html).not.toContain(raw);
  });
});
