import { describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { postForm, useTestApp } from '../support/test-app.js';
import { auditRows, moderationState } from './moderation-support.js';

const MODERATOR_PAGES = ['/moderate', '/moderate?view=reported', '/moderate?view=overdue'];
const ADMIN_PAGES = ['/admin', '/admin/audit', '/admin/reasons'];

describe.each(enginesToTest())('who reaches the moderation and admin pages on $name', (engine) => {
  const t = useTestApp(engine);

  it('anonymous readers are sent to sign in (GET) or refused (POST), and never reach a page', async () => {
    const p = await makePetition(t.deps.db);
    for (const path of [...MODERATOR_PAGES, ...ADMIN_PAGES, `/moderate/petitions/${p.id}`]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toMatch(/^\/signin\?next=/);
    }
    expect((await postForm(t, `/moderate/petitions/${p.id}/hide`, { reason: 'spam' })).status).toBe(403);
    expect(
      (await postForm(t, '/admin/reasons', { code: 'x', label_en: 'x', label_es: 'x', position: '9' })).status,
    ).toBe(403);
    expect(await moderationState(t, p.id)).toMatchObject({ hidden_at: null });
  });

  it('an organizer gets 404 on every moderator and admin page and form, and nothing changes', async () => {
    const ana = await signedIn(t);
    const p = await makePetition(t.deps.db, { ownerId: ana.user.id });
    for (const path of [...MODERATOR_PAGES, ...ADMIN_PAGES, `/moderate/petitions/${p.id}`])
      expect((await getAs(t, ana, path)).status, path).toBe(404);
    for (const decision of ['approve', 'reject', 'hide', 'restore']) {
      expect(
        (await postFormAs(t, ana, `/moderate/petitions/${p.id}/${decision}`, { reason: 'spam', note: 'x' })).status,
      ).toBe(404);
    }
    expect(
      (await postFormAs(t, ana, '/admin/reasons', { code: 'mine', label_en: 'Mine', label_es: 'Mío', position: '9' }))
        .status,
    ).toBe(404);
    expect(
      (
        await postFormAs(t, ana, '/admin/reasons/1', {
          label_en: 'Hacked',
          label_es: 'Hacked',
          position: '1',
          active: '1',
        })
      ).status,
    ).toBe(404);
    expect(await moderationState(t, p.id)).toMatchObject({ moderation_state: 'approved', hidden_at: null });
    expect(
      await t.deps.db
        .selectFrom('moderation_reason_labels')
        .select('label')
        .where('reason_id', '=', 1)
        .where('locale', '=', 'en')
        .executeTakeFirstOrThrow(),
    ).toEqual({ label: 'Duplicate of another petition' });
    expect(await auditRows(t)).toEqual([]);
    const header = await (await getAs(t, ana, '/organize')).text();
    expect(header).not.toContain('href="/moderate"');
    expect(header).not.toContain('href="/admin"');
  });

  it('a moderator reaches the queue but gets 404 on admin pages; the header links to Moderation only', async () => {
    const mo = await signedIn(t, { role: 'moderator' });
    for (const path of MODERATOR_PAGES) expect((await getAs(t, mo, path)).status, path).toBe(200);
    for (const path of ADMIN_PAGES) expect((await getAs(t, mo, path)).status, path).toBe(404);
    const header = await (await getAs(t, mo, '/moderate')).text();
    expect(header).toContain('<a href="/moderate" aria-current="page">Moderation</a>');
    expect(header).not.toContain('href="/admin"');
  });

  it('an admin reaches every page; the header links to Moderation and Admin, and the admin index links every admin page', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    for (const path of [...MODERATOR_PAGES, ...ADMIN_PAGES])
      expect((await getAs(t, admin, path)).status, path).toBe(200);
    const index = await (await getAs(t, admin, '/admin', { 'Accept-Language': 'es' })).text();
    expect(index).toContain('<a href="/admin" aria-current="page">Administración</a>');
    expect(index).toContain('<a href="/moderate">Moderación</a>');
    for (const href of [
      '/admin/audit',
      '/admin/reasons',
      '/admin/settings',
      '/admin/blocks',
      '/admin/trending',
      '/admin/invalidations',
      '/admin/privacy',
      '/moderate',
    ]) {
      expect(index).toContain(`href="${href}"`);
    }
  });

  it('a moderator’s forms posted from another site are refused (403) and change nothing', async () => {
    const p = await makePetition(t.deps.db);
    const mo = await signedIn(t, { role: 'admin' });
    const evil = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    expect(
      (await postFormAs(t, mo, `/moderate/petitions/${p.id}/hide`, { reason: 'spam', note: 'x' }, evil)).status,
    ).toBe(403);
    expect(
      (await postFormAs(t, mo, '/admin/reasons', { code: 'evil', label_en: 'x', label_es: 'x', position: '9' }, evil))
        .status,
    ).toBe(403);
    expect((await postFormAs(t, mo, `/en/p/${p.slug}/report`, { reason: 'spam' }, evil)).status).toBe(403);
    expect(await moderationState(t, p.id)).toMatchObject({ hidden_at: null });
    expect(await t.deps.db.selectFrom('reports').select('id').execute()).toEqual([]);
    expect(await auditRows(t)).toEqual([]);
  });

  it('drafts have no moderation panel, and ids that are not numbers are 404', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const draft = await makePetition(t.deps.db, { status: 'draft' });
    expect((await getAs(t, admin, `/moderate/petitions/${draft.id}`)).status).toBe(404);
    expect((await postFormAs(t, admin, `/moderate/petitions/${draft.id}/approve`, {})).status).toBe(404);
    for (const bad of ['abc', '1e3', "1'--", '99999999999'])
      expect((await getAs(t, admin, `/moderate/petitions/${bad}`)).status).toBe(404);
    expect((await postFormAs(t, admin, '/moderate/petitions/1/delete', {})).status).toBe(404);
    expect((await postFormAs(t, admin, '/moderate/reports/999/dismiss', {})).status).toBe(404);
  });
});
