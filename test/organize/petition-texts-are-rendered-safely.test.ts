import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { editedId, petitionFields } from './petition-form-fields.js';
import { writeSetting } from '../../src/settings/settings-store.js';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '" onmouseover="alert(3)',
  '[click](javascript:alert(4))',
];

describe.each(enginesToTest())('petition texts on the public page on $name', (engine) => {
  const t = useTestApp(engine);
  beforeEach(async () => {
    // Not about moderation: what an organizer publishes is public at once (post-moderation).
    await writeSetting(t.deps.db, 'moderationMode', 'post', null, t.deps.now());
    t.deps.settings.invalidate();
  });

  it('Markdown is rendered and every HTML payload in every field stays escaped text, in preview and once published', async () => {
    const ana = await signedIn(t);
    const evil = PAYLOADS.join(' ');
    const fields = petitionFields({ slug: 'safe' });
    for (const name of [
      'title_en',
      'statement_en',
      'why_en',
      'delivery_details_en',
      'target_0_en',
      'title_es',
      'statement_es',
      'why_es',
      'delivery_details_es',
      'target_0_es',
    ]) {
      fields[name] = `${fields[name]} ${evil}`;
    }
    fields['why_en'] = `${fields['why_en']}\n\n- one **bold** [site](https://example.org/)\n- two`;
    const id = editedId(await postFormAs(t, ana, '/organize/new', fields));
    const preview = await (await getAs(t, ana, `/organize/${id}/preview/en`)).text();
    await postFormAs(t, ana, `/organize/${id}/publish`, {});
    for (const html of [
      preview,
      await (await t.app.request('/en/p/safe')).text(),
      await (await t.app.request('/es/p/safe')).text(),
      await (await getAs(t, ana, `/organize/${id}/edit`)).text(),
    ]) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toMatch(/"\s*onmouseover=/);
      expect(html).not.toContain('href="javascript:');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const page = await (await t.app.request('/en/p/safe')).text();
    expect(page).toContain(
      '<ul><li>one <strong>bold</strong> <a href="https://example.org/" rel="nofollow ugc noopener">site</a></li><li>two</li></ul>',
    );
  });
});
