// A draft has no signers to tell and nothing to deliver: its update and delivery forms say to publish first,
// and a post to either changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('a draft on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let id: number;

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id } = await makePetition(t.deps.db, { ownerId: owner.user.id, status: 'draft' }));
  });

  it('takes no update and no delivery record, and says to publish first (in English and Spanish)', async () => {
    for (const path of [`/organize/${id}/updates/new`, `/organize/${id}/delivery`]) {
      const page = await getAs(t, owner, path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(copy('en', 'organize.draftOnly.title'));
      expect(await (await getAs(t, owner, path, { 'Accept-Language': 'es' })).text()).toContain(
        copy('es', 'organize.draftOnly.title'),
      );
    }
    const update = await postFormAs(t, owner, `/organize/${id}/updates/new`, {
      title_en: 'News',
      body_en: 'We met the mayor.',
      title_es: 'Noticias',
      body_es: 'Nos reunimos.',
    });
    expect(update.status).toBe(409);
    const delivery = await postFormAs(t, owner, `/organize/${id}/delivery`, {
      delivered_on: '2026-11-24',
      recipients: '0',
      location: 'Hartford',
    });
    expect(delivery.status).toBe(409);
    expect(await t.deps.db.selectFrom('petition_updates').selectAll().execute()).toHaveLength(0);
    expect(await t.deps.db.selectFrom('deliveries').selectAll().execute()).toHaveLength(0);
  });
});
