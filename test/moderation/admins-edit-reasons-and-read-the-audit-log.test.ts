import { beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/audit-store.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { auditRows, decisionRows, moderator, publishAs } from './moderation-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('admins edit the reasons and read the audit log on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin', name: 'Ada Admin', email: 'ada@example.org' });
  });

  const reasonId = async (code: string) =>
    (await t.deps.db.selectFrom('moderation_reasons').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;

  it('an admin adds a reason, relabels one in both languages, moves it, and deactivates another; moderators see the result', async () => {
    const added = await postFormAs(t, admin, '/admin/reasons', {
      code: 'copyright',
      label_en: 'Copyright infringement',
      label_es: 'Infracción de derechos de autor',
      position: '3',
      needs_text: '1',
    });
    expect(added.headers.get('location')).toBe('/admin/reasons?done=added');
    const spamId = await reasonId('spam');
    expect(
      (
        await postFormAs(t, admin, `/admin/reasons/${spamId}`, {
          label_en: 'Spam',
          label_es: 'Spam',
          position: '1',
          active: '1',
        })
      ).status,
    ).toBe(303);
    const duplicateId = await reasonId('duplicate');
    expect(
      (
        await postFormAs(t, admin, `/admin/reasons/${duplicateId}`, {
          label_en: 'Duplicate of another petition',
          label_es: 'Duplicada de otra petición',
          position: '1',
        })
      ).status,
    ).toBe(303);

    const rows = await t.deps.db
      .selectFrom('moderation_reasons')
      .innerJoin('moderation_reason_labels', 'moderation_reason_labels.reason_id', 'moderation_reasons.id')
      .select(['code', 'label as label_en', 'position', 'active', 'needs_text'])
      .where('code', 'in', ['copyright', 'spam', 'duplicate'])
      .where('locale', '=', 'en')
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: 'copyright', label_en: 'Copyright infringement', position: 3, active: 1, needs_text: 1 },
      { code: 'duplicate', label_en: 'Duplicate of another petition', position: 1, active: 0, needs_text: 0 },
      { code: 'spam', label_en: 'Spam', position: 1, active: 1, needs_text: 0 },
    ]);
    expect((await auditRows(t)).map((r) => r.action)).toEqual(['reason.add', 'reason.update', 'reason.update']);
    expect((await auditRows(t, 'reason.update'))[1]?.details).toMatchObject({
      code: 'duplicate',
      from: { active: true },
      to: { active: false },
    });

    const p = await publishAs(t, await signedIn(t));
    const mo = await moderator(t, 'es');
    const queue = await (await getAs(t, mo, '/moderate', { 'Accept-Language': 'es' })).text();
    expect(queue).toContain('<option value="copyright">Infracción de derechos de autor</option>');
    expect(queue).not.toContain('<option value="duplicate">');
    expect(queue.indexOf('<option value="spam">')).toBeLessThan(queue.indexOf('<option value="copyright">'));
    // An inactive reason can no longer be chosen; a new one that needs text needs text.
    expect((await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, { reason: 'duplicate' })).status).toBe(422);
    expect((await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, { reason: 'copyright' })).status).toBe(422);
    expect(
      (
        await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, {
          reason: 'copyright',
          note: 'Copies a newspaper article.',
        })
      ).status,
    ).toBe(303);
  });

  it('bad reason forms are answered 422 with messages beside the fields, in the reader’s language; a taken code is refused', async () => {
    const bad = await postFormAs(
      t,
      admin,
      '/admin/reasons',
      { code: 'Not OK!', label_en: '', label_es: 'x', position: '0' },
      { 'Accept-Language': 'es' },
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain(
      '<p class="field-error" id="code-new-error">Use de 1 a 40 letras minúsculas, dígitos y guiones bajos.</p>',
    );
    expect(html).toContain('<p class="field-error" id="label_en-new-error">');
    expect(html).toContain('<p class="field-error" id="position-new-error">Escriba un número entero del 1 al 999.</p>');
    const taken = await postFormAs(t, admin, '/admin/reasons', {
      code: 'spam',
      label_en: 'Spam again',
      label_es: 'Spam',
      position: '9',
    });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain(copy('en', 'reasons.error.codeTaken'));
    expect(
      (await postFormAs(t, admin, '/admin/reasons/999999', { label_en: 'x', label_es: 'x', position: '1' })).status,
    ).toBe(404);
    expect(await auditRows(t)).toEqual([]);
  });

  it('the audit log shows who, what, when and why, newest first, 50 to a page, with keyset pages and filters', async () => {
    const petition = await makePetition(t.deps.db, { slug: 'audited-petition' });
    const other = await makePetition(t.deps.db);
    for (let i = 0; i < 60; i++) {
      t.advance(1000);
      await recordAudit(t.deps.db, {
        actorId: admin.user.id,
        action: i % 2 === 0 ? 'petition.hide' : 'report.dismiss',
        petitionId: i < 55 ? petition.id : other.id,
        details: { reason: 'spam', note: `note ${i}` },
        now: t.deps.now(),
      });
    }
    await recordAudit(t.deps.db, {
      actorId: null,
      action: 'retention.erase',
      petitionId: null,
      details: { signatures: 12 },
      now: t.deps.now(),
    });

    const first = await (await getAs(t, admin, '/admin/audit')).text();
    const ids = [...first.matchAll(/data-audit-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(50);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(first).toContain(copy('en', 'audit.system'));
    expect(first).toContain('Ada Admin &lt;ada@example.org&gt;');
    expect(first).toContain('<dt>note</dt><dd>note 59</dd>');
    const older = /href="(\/admin\/audit\?before=\d+)"/.exec(first)?.[1];
    expect(older).toBe(`/admin/audit?before=${ids.at(-1)}`);
    const second = await (await getAs(t, admin, older ?? '')).text();
    expect([...second.matchAll(/data-audit-id="(\d+)"/g)]).toHaveLength(11);
    expect(second).not.toContain(copy('en', 'audit.older'));
    expect(second).toContain(copy('en', 'audit.newest'));

    const hides = await (await getAs(t, admin, '/admin/audit?action=petition.hide&petition=audited-petition')).text();
    const hideRows = [...hides.matchAll(/<tr data-audit-id="\d+">([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? '');
    expect(hideRows).toHaveLength(28);
    expect(hideRows.every((r) => r.includes('<code>petition.hide</code>') && r.includes('audited-petition'))).toBe(
      true,
    );
    const byUrl = await (
      await getAs(
        t,
        admin,
        `/admin/audit?petition=${encodeURIComponent(`http://localhost:3000/es/p/audited-petition`)}`,
      )
    ).text();
    expect([...byUrl.matchAll(/data-audit-id=/g)]).toHaveLength(50);
    const byId = await (await getAs(t, admin, `/admin/audit?petition=${other.id}`)).text();
    expect([...byId.matchAll(/data-audit-id=/g)]).toHaveLength(5);
    const none = await (await getAs(t, admin, '/admin/audit?petition=no-such-petition')).text();
    expect(none).toContain(copy('en', 'audit.empty'));
    for (const attack of ["' OR 1=1 --", '<script>x</script>', '%00']) {
      const res = await getAs(
        t,
        admin,
        `/admin/audit?action=${encodeURIComponent(attack)}&petition=${encodeURIComponent(attack)}&before=${encodeURIComponent(attack)}`,
      );
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain('<script>x</script>');
    }
  });

  it('every moderator action is in the audit log with actor, petition and reason', async () => {
    const p = await publishAs(t, await signedIn(t));
    const mo = await moderator(t);
    await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, { reason: 'spam', note: 'Ads' });
    await postFormAs(t, mo, `/moderate/petitions/${p.id}/approve`, {});
    await postFormAs(t, mo, `/moderate/petitions/${p.id}/hide`, { reason: 'offensive', note: '' });
    await postFormAs(t, mo, `/moderate/petitions/${p.id}/restore`, {});
    const log = await (await getAs(t, admin, `/admin/audit?petition=${p.id}`)).text();
    for (const action of ['petition.reject', 'petition.approve', 'petition.hide', 'petition.restore'])
      expect(log).toContain(`<code>${action}</code>`);
    expect(log).toContain('<dt>reason</dt><dd>offensive</dd>');
    expect(log).toContain('<dt>note</dt><dd>Ads</dd>');
    expect((await decisionRows(t)).every((r) => r.actor_id === mo.user.id && r.petition_id === p.id)).toBe(true);
  });
});
