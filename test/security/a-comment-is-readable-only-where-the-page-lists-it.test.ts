// The report page of a comment (/p/:slug/comments/:id/report) shows the comment: it must show nothing the
// petition page would not list. A pending, withdrawn, hidden, erased, invalidated or moderated signer's
// comment, or a signature of another petition, is a page that does not exist.
import { describe, expect, it } from 'vitest';
import { eraseSignatureBatch } from '../../src/privacy/retention-store.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('reading a comment by its id on $name', (engine) => {
  const t = useTestApp(engine);

  async function signatureWith(
    petitionId: number,
    email: string,
    overrides: Parameters<typeof makeSignature>[2] = {},
  ): Promise<number> {
    await makeSignature(t.deps.db, petitionId, { email, comment: `Secret words of ${email}`, ...overrides });
    const row = await t.deps.db
      .selectFrom('signatures')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('shows a listed comment, and 404 for every comment the page would not list', async () => {
    const { id: petitionId, slug } = await makePetition(t.deps.db);
    const { id: otherPetition } = await makePetition(t.deps.db);
    const listed = await signatureWith(petitionId, 'listed@example.org');
    const pending = await signatureWith(petitionId, 'pending@example.org', { requiresVerification: true });
    const hidden = await signatureWith(petitionId, 'hidden@example.org', { nameDisplay: 'hidden' });
    const withdrawn = await signatureWith(petitionId, 'withdrawn@example.org');
    await t.deps.db.deleteFrom('signatures').where('id', '=', withdrawn).execute();
    const invalidated = await signatureWith(petitionId, 'invalidated@example.org');
    await t.deps.db
      .updateTable('signatures')
      .set({ status: 'invalidated', status_before_invalidation: 'confirmed' })
      .where('id', '=', invalidated)
      .execute();
    const removed = await signatureWith(petitionId, 'removed@example.org');
    await t.deps.db.updateTable('signatures').set({ comment: null }).where('id', '=', removed).execute();
    const elsewhere = await signatureWith(otherPetition, 'elsewhere@example.org');
    const erasedPetition = await makePetition(t.deps.db);
    const erased = await signatureWith(erasedPetition.id, 'erased@example.org');
    await eraseSignatureBatch(t.deps.db, erasedPetition.id, 0, 100, t.deps.now().toISOString());

    const page = (slugOf: string, id: number) => t.app.request(`/en/p/${slugOf}/comments/${id}/report`);
    const shown = await page(slug, listed);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('Secret words of listed@example.org');
    for (const id of [pending, hidden, withdrawn, invalidated, removed, elsewhere]) {
      const res = await page(slug, id);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Secret words');
    }
    expect((await page(erasedPetition.slug, erased)).status).toBe(404);
  });
});
