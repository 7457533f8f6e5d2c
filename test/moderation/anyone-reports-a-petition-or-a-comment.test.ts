import { beforeEach, describe, expect, it } from 'vitest';
import { writeSetting } from '../../src/settings/settings-store.js';
import { getAs, postFormAs } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { postForm, useTestApp } from '../support/test-app.js';
import { auditRows, moderator } from './moderation-support.js';
import { copy } from '../support/copy.js';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe.each(enginesToTest())('reports from the public on $name', (engine) => {
  const t = useTestApp(engine, { env: { TRUST_PROXY: 'true' } });
  let petition: { id: number; slug: string };
  let commentId: number;
  beforeEach(async () => {
    petition = await makePetition(t.deps.db);
    await makeSignature(t.deps.db, petition.id, { name: 'Sam Signer', comment: 'Buy cheap watches at spam.example' });
    commentId = (
      await t.deps.db
        .selectFrom('signatures')
        .select('id')
        .where('petition_id', '=', petition.id)
        .executeTakeFirstOrThrow()
    ).id;
  });

  const from = (address: string) => ({ 'X-Forwarded-For': address });

  it('the petition page links to reporting it and to reporting each public comment, the same for every visitor', async () => {
    const html = await (await t.app.request(`/en/p/${petition.slug}`)).text();
    expect(html).toContain(`href="/en/p/${petition.slug}/report"`);
    expect(html).toContain(`href="/en/p/${petition.slug}/comments/${commentId}/report"`);
    expect(html).toContain('aria-label="Report the comment by Sam Signer"');
    t.advance(2000);
    expect(await (await t.app.request(`/en/p/${petition.slug}`, { headers: from('198.51.100.9') })).text()).toBe(html);
  });

  it('a report of the petition is stored with a hashed address only, thanks the reporter, and shows in the queue with its text escaped', async () => {
    const form = await t.app.request(`/es/p/${petition.slug}/report`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<option value="false_information">Información falsa</option>');
    const res = await postForm(
      t,
      `/en/p/${petition.slug}/report`,
      { reason: 'offensive', details: XSS },
      from('203.0.113.7'),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/en/p/${petition.slug}/report/thanks`);
    expect(await (await t.app.request(res.headers.get('location') ?? '')).text()).toContain(
      copy('en', 'report.thanks.title'),
    );
    const [row] = await t.deps.db.selectFrom('reports').selectAll().execute();
    expect(row).toMatchObject({
      petition_id: petition.id,
      signature_id: null,
      reason: 'offensive',
      details: XSS,
      locale: 'en',
      reporter_hash: t.deps.hashAddress('203.0.113.7'),
    });
    expect(JSON.stringify(row)).not.toContain('203.0.113.7');

    const mo = await moderator(t);
    const queue = await (await getAs(t, mo, '/moderate?view=reported')).text();
    expect(queue).toContain('Reported (1)');
    expect(queue).toContain('Fix the bus shelter');
    expect(queue).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(queue).not.toContain('<script>alert(1)');
    expect(queue).not.toContain('<img src=x');
  });

  it('a bad reason or over-long details are answered 422 with the message beside the field', async () => {
    const res = await postForm(
      t,
      `/es/p/${petition.slug}/report`,
      { reason: 'bored', details: 'x'.repeat(2001) },
      from('203.0.113.7'),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<p class="field-error" id="reason-error">Elija qué problema hay.</p>');
    expect(html).toContain(
      '<p class="field-error" id="details-error">Los detalles pueden tener como máximo 2000 caracteres.</p>',
    );
    expect(await t.deps.db.selectFrom('reports').selectAll().execute()).toEqual([]);
  });

  it('reports are limited per client address per hour by the reportsPerAddressPerHour setting (429 in the reader’s language)', async () => {
    await writeSetting(t.deps.db, 'reportsPerAddressPerHour', 2, null, t.deps.now());
    t.deps.settings.invalidate();
    const report = (address: string, lang = 'en') =>
      postForm(t, `/${lang}/p/${petition.slug}/report`, { reason: 'spam', details: '' }, from(address));
    expect((await report('203.0.113.7')).status).toBe(303);
    expect((await report('203.0.113.7')).status).toBe(303);
    const refused = await report('203.0.113.7', 'es');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain(copy('es', 'report.rateLimited.title'));
    // Another address is not affected, and the hour passing lets the first one report again.
    expect((await report('198.51.100.20')).status).toBe(303);
    t.advance(3600_000 + 1000);
    expect((await report('203.0.113.7')).status).toBe(303);
    expect(await t.deps.db.selectFrom('reports').select('id').execute()).toHaveLength(4);
  });

  it('a comment is reported; the moderator removes it (the signature still counts, the text is kept in the audit row) and it can no longer be reported', async () => {
    expect(
      (
        await postForm(
          t,
          `/en/p/${petition.slug}/comments/${commentId}/report`,
          { reason: 'spam', details: 'An ad' },
          from('203.0.113.7'),
        )
      ).status,
    ).toBe(303);
    expect(
      (
        await postForm(
          t,
          `/en/p/${petition.slug}/comments/${commentId}/report`,
          { reason: 'offensive', details: '' },
          from('198.51.100.20'),
        )
      ).status,
    ).toBe(303);
    const mo = await moderator(t);
    const queue = await (await getAs(t, mo, '/moderate?view=reported')).text();
    expect(queue).toContain('Buy cheap watches at spam.example');
    const [first] = await t.deps.db.selectFrom('reports').select('id').orderBy('id').execute();
    const res = await postFormAs(t, mo, `/moderate/reports/${first?.id}/remove-comment`, { back: 'reported' });
    expect(res.headers.get('location')).toBe('/moderate?view=reported&done=remove-comment');

    const signature = await t.deps.db
      .selectFrom('signatures')
      .select(['comment', 'status'])
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    expect(signature).toEqual({ comment: null, status: 'confirmed' });
    const reports = await t.deps.db.selectFrom('reports').select(['resolution', 'resolved_by']).execute();
    expect(reports).toEqual([
      { resolution: 'comment_removed', resolved_by: mo.user.id },
      { resolution: 'comment_removed', resolved_by: mo.user.id },
    ]);
    expect(await auditRows(t, 'comment.remove')).toMatchObject([
      {
        actor_id: mo.user.id,
        petition_id: petition.id,
        details: { signature: commentId, comment: 'Buy cheap watches at spam.example', reportsClosed: 2 },
      },
    ]);
    const page = await (await t.app.request(`/en/p/${petition.slug}`)).text();
    expect(page).not.toContain('Buy cheap watches');
    expect(page).toContain('Sam Signer');
    expect((await t.app.request(`/en/p/${petition.slug}/comments/${commentId}/report`)).status).toBe(404);
    expect(
      (await postForm(t, `/en/p/${petition.slug}/comments/${commentId}/report`, { reason: 'spam' }, from('192.0.2.1')))
        .status,
    ).toBe(404);
  });

  it('only public comments can be reported: not a hidden-name signer’s, not a pending one, not one of another petition, not a made-up id', async () => {
    await makeSignature(t.deps.db, petition.id, { comment: 'Anonymous comment', nameDisplay: 'hidden' });
    await makeSignature(t.deps.db, petition.id, { comment: 'Pending comment', requiresVerification: true });
    const other = await makePetition(t.deps.db);
    const ids = await t.deps.db
      .selectFrom('signatures')
      .select(['id', 'comment'])
      .where('petition_id', '=', petition.id)
      .orderBy('id')
      .execute();
    for (const id of ids.filter((s) => s.comment !== 'Buy cheap watches at spam.example').map((s) => s.id)) {
      expect((await t.app.request(`/en/p/${petition.slug}/comments/${id}/report`)).status).toBe(404);
    }
    expect((await t.app.request(`/en/p/${other.slug}/comments/${commentId}/report`)).status).toBe(404);
    for (const bad of ['999999', '1e3', '-1', "1'--", '%00'])
      expect((await t.app.request(`/en/p/${petition.slug}/comments/${bad}/report`)).status).toBe(404);
  });

  it('a petition that is not public cannot be reported (held, hidden, draft)', async () => {
    const held = await makePetition(t.deps.db);
    await t.deps.db.updateTable('petitions').set({ moderation_state: 'held' }).where('id', '=', held.id).execute();
    const hidden = await makePetition(t.deps.db);
    await t.deps.db
      .updateTable('petitions')
      .set({ hidden_at: t.deps.now().toISOString(), hidden_reason: 'spam' })
      .where('id', '=', hidden.id)
      .execute();
    const draft = await makePetition(t.deps.db, { status: 'draft' });
    for (const p of [held, hidden, draft]) {
      expect((await t.app.request(`/en/p/${p.slug}/report`)).status).toBe(404);
      expect((await postForm(t, `/en/p/${p.slug}/report`, { reason: 'spam' }, from('192.0.2.1'))).status).toBe(404);
    }
  });

  it('dismissing and resolving close a report and each leave an audit row', async () => {
    for (const reason of ['spam', 'offensive'])
      await postForm(t, `/en/p/${petition.slug}/report`, { reason }, from('192.0.2.1'));
    const [a, b] = await t.deps.db.selectFrom('reports').select('id').orderBy('id').execute();
    const mo = await moderator(t);
    expect(
      (await postFormAs(t, mo, `/moderate/reports/${a?.id}/dismiss`, { back: 'panel' })).headers.get('location'),
    ).toBe(`/moderate/petitions/${petition.id}?done=dismiss`);
    expect((await postFormAs(t, mo, `/moderate/reports/${b?.id}/resolve`, {})).status).toBe(303);
    expect((await auditRows(t)).map((r) => [r.action, r.details['report']])).toEqual([
      ['report.dismiss', a?.id],
      ['report.resolve', b?.id],
    ]);
    expect(await (await getAs(t, mo, '/moderate?view=reported')).text()).toContain('Reported (0)');
    // Again: nothing left to close, no second audit row.
    await postFormAs(t, mo, `/moderate/reports/${a?.id}/dismiss`, {});
    expect(await auditRows(t)).toHaveLength(2);
  });
});
