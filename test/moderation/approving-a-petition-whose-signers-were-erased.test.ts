import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { eraseDuePersonalData, retentionDeps } from '../../src/privacy/erase-due.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makeSignature } from '../support/factories.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import {
  auditRows,
  moderationState,
  moderator,
  postAndFollow,
  publishAs,
  setModerationMode,
} from './moderation-support.js';
import { copy } from '../support/copy.js';
import { insertEndpoint } from '../../src/webhooks/webhook-store.js';

const DAY = 24 * 3600_000;

describe.each(enginesToTest())('approving a petition whose signers were erased, on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;
  beforeEach(async () => {
    mailroom = await openMailroom(t);
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  const again = async (who: SignedIn): Promise<SignedIn> => ({
    user: who.user,
    cookie: `${SESSION_COOKIE}=${await createSession(t.deps.db, who.user.id, t.deps.now())}`,
  });
  const count = async (slug: string) => {
    t.advance(1500);
    return ((await (await t.app.request(`/p/${slug}.json`)).json()) as { signature_count: number }).signature_count;
  };

  /** Post-moderation: public at once, signed by three people, then rejected; retention erases them 181 days later. */
  async function rejectedAndErased() {
    await setModerationMode(t, 'post');
    const ana = await signedIn(t, { email: 'ana@example.org' });
    const p = await publishAs(t, ana);
    for (const name of ['Rosa Martínez', 'Sam Lee', 'Mei Chen'])
      await makeSignature(t.deps.db, p.id, {
        name,
        email: `${name.split(' ')[0]?.toLowerCase() ?? ''}@example.org`,
        comment: 'Por mi barrio',
      });
    const mo = await moderator(t);
    expect(
      (await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, { reason: 'spam', back: 'new' })).status,
    ).toBe(303);
    t.advance(181 * DAY);
    expect((await eraseDuePersonalData(retentionDeps(t.deps))).map((e) => e.petitionId)).toEqual([p.id]);
    const { personal_data_erased_at: erasedAt } = await t.deps.db
      .selectFrom('petitions')
      .select('personal_data_erased_at')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(erasedAt).not.toBeNull();
    return { p, mo: await again(mo), ana: await again(ana), erasedAt };
  }

  it('the moderator is told before approving; approval publishes it closed, the erased signatures stay erased and still count', async () => {
    const { p, mo, erasedAt } = await rejectedAndErased();

    const panel = await (await getAs(t, mo, `/moderate/petitions/${p.id}`)).text();
    expect(panel).toContain('Retention erased the personal data of this petition’s signers on');
    expect(panel).toContain('Approving it makes it public but closed');
    const panelEs = await (await getAs(t, mo, `/moderate/petitions/${p.id}`, { 'Accept-Language': 'es' })).text();
    expect(panelEs).toContain('Si la aprueba, será pública pero cerrada');

    // The organizer's tools hear of the closing (a webhook on the petition gets `petition.closed`, once).
    await insertEndpoint(t.deps.db, {
      petitionId: p.id,
      kind: 'standard',
      url: 'https://hooks.example.org/firma',
      description: '',
      events: ['petition.closed'],
      secret: 'whsec_test',
      createdBy: mo.user.id,
      now: t.deps.now().toISOString(),
    });
    const after = await postAndFollow(t, mo, `/moderate/petitions/${p.id}/approve`, { back: 'panel' });
    const queued = await t.deps.db.selectFrom('webhook_deliveries').select(['event_type', 'occurred_at']).execute();
    expect(queued).toEqual([{ event_type: 'petition.closed', occurred_at: t.deps.now().toISOString() }]);
    expect(await after.text()).toContain(
      'Approved: the petition is public but closed, because its signers’ personal data was already erased.',
    );
    expect(await moderationState(t, p.id)).toMatchObject({ moderation_state: 'approved', status: 'closed' });
    const petition = await t.deps.db
      .selectFrom('petitions')
      .select(['personal_data_erased_at', 'closed_at'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    // The record of the erasure stays: the approval does not pretend the data is back.
    expect(petition).toEqual({ personal_data_erased_at: erasedAt, closed_at: t.deps.now().toISOString() });
    const rows = await t.deps.db
      .selectFrom('signatures')
      .select(['name', 'email', 'comment', 'erased_at', 'status'])
      .where('petition_id', '=', p.id)
      .execute();
    expect(rows).toHaveLength(3);
    expect(
      rows.every(
        (r) =>
          r.name === '' && r.email === '' && r.comment === null && r.erased_at === erasedAt && r.status === 'confirmed',
      ),
    ).toBe(true);
    expect(await auditRows(t, 'petition.approve')).toMatchObject([
      { actor_id: mo.user.id, petition_id: p.id, details: { personalDataErasedAt: erasedAt, published: 'closed' } },
    ]);

    // Public, counted, closed, and nobody is listed.
    expect(await count(p.slug)).toBe(3);
    const page = await (await t.app.request(`/en/p/${p.slug}`)).text();
    expect(page).toContain(copy('en', 'petition.closed'));
    expect(page).not.toContain('Rosa');
    const signing = await postForm(t, `/en/p/${p.slug}/sign`, validSignature({ email: 'new.signer@example.org' }));
    expect(signing.status).toBe(409);
    expect(
      await t.deps.db.selectFrom('signatures').select('id').where('petition_id', '=', p.id).execute(),
    ).toHaveLength(3);

    // Retention has nothing more to do here; the organizer's email says how things stand.
    t.advance(400 * DAY);
    expect(await eraseDuePersonalData(retentionDeps(t.deps))).toEqual([]);
    await mailroom.worker.drainAll();
    const mails = await mailroom.sink.waitFor(2);
    const approval = mails.find((m) => m.subject.startsWith('Your petition was approved'));
    expect(approval?.to).toBe('ana@example.org');
    expect(approval?.text).toContain('It is public but closed');
    expect(approval?.text).toContain('You can reopen the petition to collect new signatures.');
    expect(approval?.text).not.toContain('anyone can sign it');
  });

  it('reopened by its organizer, it takes new signers, whom a later closing erases again', async () => {
    const { p, mo, ana } = await rejectedAndErased();
    await postFormAs(t, mo, `/moderate/petitions/${p.id}/approve`, { back: 'panel' });
    expect((await postFormAs(t, ana, `/organize/${p.id}/reopen`, {})).status).toBe(303);
    expect(
      await t.deps.db
        .selectFrom('petitions')
        .select(['status', 'personal_data_erased_at'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'open', personal_data_erased_at: null });
    expect(
      (await postForm(t, `/en/p/${p.slug}/sign`, validSignature({ email: 'new.signer@example.org' }))).status,
    ).toBe(303);
    const signers = await t.deps.db
      .selectFrom('signatures')
      .select(['email', 'erased_at'])
      .where('petition_id', '=', p.id)
      .orderBy('id')
      .execute();
    expect(signers.map((s) => s.email)).toEqual(['', '', '', 'new.signer@example.org']);
    expect((await postFormAs(t, ana, `/organize/${p.id}/close`, {})).status).toBe(303);
    t.advance(181 * DAY);
    expect(await eraseDuePersonalData(retentionDeps(t.deps))).toMatchObject([{ petitionId: p.id, signatures: 1 }]);
  });

  it('a petition never erased is approved as before: public and open', async () => {
    await setModerationMode(t, 'pre');
    const p = await publishAs(t, await signedIn(t));
    const mo = await moderator(t);
    const res = await postFormAs(t, mo, `/moderate/petitions/${p.id}/approve`, { back: 'new' });
    expect(res.headers.get('location')).toBe('/moderate?done=approve');
    expect(await moderationState(t, p.id)).toMatchObject({ moderation_state: 'approved', status: 'open' });
    const queue = await (await getAs(t, mo, '/moderate')).text();
    expect(queue).not.toContain('Retention erased');
  });
});
