// Each distinct ?source= once rendered the petition page again and kept its own copy in the response cache
// (10,000 sources: 160 MB on the demo; 2 GB for a large page). The page is now rendered once per petition and
// language, and each reader's source goes into the sign form as the page is sent.
import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('referral sources and the page cache on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  const loads: string[] = [];

  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
    loads.length = 0;
    const get = t.deps.responses.get.bind(t.deps.responses);
    t.deps.responses.get = (key, load) => get(key, () => (loads.push(key), load()));
  });

  it('2,000 requests with 2,000 different sources render the page once, each with its own source in the form', async () => {
    const etags = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const res = await t.app.request(`/en/p/${slug}?source=s${i}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      if (i % 250 === 0) {
        expect(html).toContain(`<input type="hidden" name="source" value="s${i}"/>`);
        expect(html).not.toContain('firma-source-slot');
      }
      etags.add(res.headers.get('etag') ?? '');
    }
    expect(loads).toEqual([`page|${slug}|en`]);
    // A shared cache keeps the variants apart: each source has its own validator.
    expect(etags.size).toBe(2000);
  });

  it('without a source, or with one that breaks the rule, the form has no source field; the embed works the same way', async () => {
    for (const query of ['', '?source=', '?source=Bad%20Source', `?source=${'x'.repeat(65)}`]) {
      const html = await (await t.app.request(`/en/p/${slug}${query}`)).text();
      expect(html).not.toContain('name="source"');
      expect(html).not.toContain('firma-source-slot');
    }
    const embed = await (await t.app.request(`/es/p/${slug}/embed?source=partner-1`)).text();
    expect(embed).toContain('<input type="hidden" name="source" value="partner-1"/>');
    await t.app.request(`/es/p/${slug}/embed?source=partner-2`);
    expect(loads.filter((k) => k.startsWith('embed|'))).toEqual([`embed|${slug}|es`]);
  });

  it('a revalidation with the ETag of its own source gets 304, another source gets the page', async () => {
    const first = await t.app.request(`/en/p/${slug}?source=flyer`);
    const etag = first.headers.get('etag') ?? '';
    expect((await t.app.request(`/en/p/${slug}?source=flyer`, { headers: { 'If-None-Match': etag } })).status).toBe(
      304,
    );
    expect((await t.app.request(`/en/p/${slug}?source=radio`, { headers: { 'If-None-Match': etag } })).status).toBe(
      200,
    );
  });
});
