import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import type { ReceivedMail } from '../support/smtp-sink.js';
import { openMailroom, type Mailroom } from '../support/mailroom.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { petitionFields } from '../organize/petition-form-fields.js';
import {
  auditRows,
  decisionRows,
  moderationState,
  moderator,
  postAndFollow,
  publicStatus,
  publishAs,
  setModerationMode,
} from './moderation-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('moderators decide about petitions on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;
  beforeEach(async () => {
    mailroom = await openMailroom(t);
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  const sendMail = () => mailroom.worker.drainAll();

  it('the queue lists held petitions oldest first with organizer, submission time, preview and the reasons in the reader’s language', async () => {
    const ana = await signedIn(t, { name: 'Ana Organizer', email: 'ana@example.org' });
    const older = await publishAs(t, ana, { title_en: 'Older petition' });
    t.advance(60_000);
    const newer = await publishAs(t, await signedIn(t), { title_en: 'Newer petition' });
    const mo = await moderator(t, 'es');
    const html = await (await getAs(t, mo, '/moderate', { 'Accept-Language': 'es' })).text();
    expect(html.indexOf('Older petition')).toBeGreaterThan(-1);
    expect(html.indexOf('Older petition')).toBeLessThan(html.indexOf('Newer petition'));
    expect(html).toContain('Ana Organizer · ana@example.org');
    expect(html).toContain(`href="/organize/${older.id}/preview/en"`);
    expect(html).toContain('Nuevas (2)');
    expect(html).toContain('<option value="duplicate">Duplicada de otra petición</option>');
    // A moderator may open the organizer's preview of a petition that is not public.
    expect((await getAs(t, mo, `/organize/${newer.id}/preview/en`)).status).toBe(200);
  });

  it('approving makes a held petition public, clears the public cache, writes an audit row and emails the organizer', async () => {
    const ana = await signedIn(t, { email: 'ana@example.org' });
    const p = await publishAs(t, ana);
    expect(await publicStatus(t, p.slug)).toEqual([404, 404, 404]);
    const mo = await moderator(t);
    const after = await postAndFollow(t, mo, `/moderate/petitions/${p.id}/approve`, { back: 'new' });
    expect(await after.text()).toContain('Approved: the petition is public.');
    // No clock move: the cached 404 must have been dropped by the decision.
    expect((await t.app.request(`/en/p/${p.slug}`)).status).toBe(200);
    expect(await moderationState(t, p.id)).toMatchObject({ moderation_state: 'approved', reviewed_by: mo.user.id });
    expect(await auditRows(t, 'petition.approve')).toMatchObject([
      { actor_id: mo.user.id, petition_id: p.id, details: {} },
    ]);
    await sendMail();
    const [mail] = await mailroom.sink.waitFor(1);
    expect(mail?.to).toBe('ana@example.org');
    expect(mail?.subject).toBe('Your petition is public: Light the Park Street crossing');
    // A second approval changes nothing and says so.
    expect(await (await postAndFollow(t, mo, `/moderate/petitions/${p.id}/approve`, {})).text()).toContain(
      'Nothing changed',
    );
    expect(await auditRows(t, 'petition.approve')).toHaveLength(1);
  });

  it('a petition whose closing date passed while it waited is approved closed, and the organizer is told it no longer accepts signatures', async () => {
    const ana = await signedIn(t, { email: 'ana@example.org' });
    const p = await publishAs(t, ana, {
      closes_on: new Date(t.deps.now().getTime() + 2 * 24 * 3600_000).toISOString().slice(0, 10),
    });
    t.advance(5 * 24 * 3600_000);
    const mo = await moderator(t);
    await postAndFollow(t, mo, `/moderate/petitions/${p.id}/approve`, { back: 'new' });
    expect(await moderationState(t, p.id)).toMatchObject({ moderation_state: 'approved' });
    expect((await postForm(t, `/en/p/${p.slug}/sign`, validSignature())).status).toBe(409);
    await sendMail();
    const [mail] = (await mailroom.sink.waitFor(1)) as [ReceivedMail];
    expect(mail.subject).toBe('Your petition is public: Light the Park Street crossing');
    expect(mail.text).toContain(
      'its closing date passed while it waited for review, so it no longer accepts signatures',
    );
    expect(mail.text).not.toContain('anyone can sign it');
  });

  it('rejecting with a reason keeps the petition private, and a Spanish organizer is emailed the reason and note in Spanish', async () => {
    const lucia = await signedIn(t, { email: 'lucia@example.org', locale: 'es', name: 'Lucía' });
    const p = await publishAs(t, lucia, {
      languages: 'es',
      title_en: '',
      statement_en: '',
      why_en: '',
      delivery_details_en: '',
      target_0_en: '',
    });
    const mo = await moderator(t);
    const res = await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, {
      reason: 'duplicate',
      note: 'Ya existe una petición igual.',
      back: 'panel',
    });
    expect(res.headers.get('location')).toBe(`/moderate/petitions/${p.id}?done=reject`);
    expect(await moderationState(t, p.id)).toMatchObject({
      moderation_state: 'rejected',
      review_reason: 'duplicate',
      review_note: 'Ya existe una petición igual.',
    });
    expect(await publicStatus(t, p.slug)).toEqual([404, 404, 404]);
    expect(await auditRows(t, 'petition.reject')).toMatchObject([
      {
        actor_id: mo.user.id,
        petition_id: p.id,
        details: { reason: 'duplicate', note: 'Ya existe una petición igual.' },
      },
    ]);

    await sendMail();
    const [mail] = (await mailroom.sink.waitFor(1)) as [ReceivedMail];
    expect(mail.to).toBe('lucia@example.org');
    expect(mail.subject).toBe('Su petición no fue aprobada: Un semáforo en el cruce de Park Street');
    expect(mail.parsed.headers.get('content-language')).toBe('es');
    expect(mail.text).toContain('Motivo: Duplicada de otra petición');
    expect(mail.text).toContain('Nota de moderación: Ya existe una petición igual.');
    expect(mail.text).toContain(`http://localhost:3000/organize/${p.id}/edit`);

    const list = await (await getAs(t, lucia, '/organize', { 'Accept-Language': 'es' })).text();
    expect(list).toContain('Rechazada: Duplicada de otra petición');
    expect(list).toContain('Nota de moderación: Ya existe una petición igual.');
    const edit = await (await getAs(t, lucia, `/organize/${p.id}/edit`, { 'Accept-Language': 'es' })).text();
    expect(edit).toContain('<p class="moderation-state">Rechazada: Duplicada de otra petición</p>');
  });

  it('“other” without a note is refused with 422 and the message beside the note; nothing changes', async () => {
    const p = await publishAs(t, await signedIn(t));
    const mo = await moderator(t);
    const res = await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, {
      reason: 'other',
      note: '  ',
      back: 'new',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(
      new RegExp(
        `<p class="field-error" id="reject-${p.id}-note-error">Please write the reason out in the note: this reason needs one.</p>`,
      ),
    );
    expect(html).toContain(`aria-describedby="reject-${p.id}-note-hint reject-${p.id}-note-error"`);
    expect(html).toContain('<option value="other" selected="">Other</option>');
    const noReason = await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, { reason: 'made_up', note: 'x' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain(copy('en', 'moderation.error.reasonRequired'));
    const spanish = await postFormAs(
      t,
      mo,
      `/moderate/petitions/${p.id}/reject`,
      { reason: 'other' },
      { 'Accept-Language': 'es' },
    );
    expect(await spanish.text()).toContain(copy('es', 'moderation.error.noteRequired'));
    expect((await moderationState(t, p.id)).moderation_state).toBe('held');
    expect(await decisionRows(t)).toEqual([]);
    // With the text, 'other' is accepted.
    expect(
      (
        await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, {
          reason: 'other',
          note: 'Asks for a private person’s address.',
        })
      ).status,
    ).toBe(303);
    expect((await moderationState(t, p.id)).moderation_state).toBe('rejected');
  });

  it('a published petition is hidden with a reason and restored: 404 while hidden, organizer told why, audit rows, emails', async () => {
    await setModerationMode(t, 'post');
    const ana = await signedIn(t, { email: 'ana@example.org' });
    const p = await publishAs(t, ana);
    expect(await publicStatus(t, p.slug)).toEqual([200, 200, 200]);
    const mo = await moderator(t);
    expect(
      (
        await postFormAs(t, mo, `/moderate/petitions/${p.id}/hide`, {
          reason: 'personal_information',
          note: 'Names a private person.',
          back: 'panel',
        })
      ).status,
    ).toBe(303);
    expect(await publicStatus(t, p.slug)).toEqual([404, 404, 404]);
    expect(await (await t.app.request('/en')).text()).not.toContain('Light the Park Street crossing');
    const list = await (await getAs(t, ana, '/organize')).text();
    expect(list).toContain('Hidden by a moderator: Publishes personal information');
    const panel = await (await getAs(t, mo, `/moderate/petitions/${p.id}`)).text();
    expect(panel).toContain('Hidden because: Publishes personal information');
    expect(panel).toContain(copy('en', 'moderation.restore'));

    expect((await postFormAs(t, mo, `/moderate/petitions/${p.id}/restore`, { back: 'panel' })).status).toBe(303);
    expect(await publicStatus(t, p.slug)).toEqual([200, 200, 200]);
    expect((await decisionRows(t)).map((r) => [r.action, r.details])).toEqual([
      ['petition.hide', { reason: 'personal_information', note: 'Names a private person.' }],
      ['petition.restore', {}],
    ]);
    await sendMail();
    const subjects = (await mailroom.sink.waitFor(2)).map((m) => m.subject).sort();
    expect(subjects).toEqual([
      'Your petition has been hidden: Light the Park Street crossing',
      'Your petition is public again: Light the Park Street crossing',
    ]);
  });

  it('a closed petition restored is announced as public again but closed, not as open to anyone', async () => {
    await setModerationMode(t, 'post');
    const ana = await signedIn(t, { email: 'ana@example.org' });
    const p = await publishAs(t, ana);
    expect((await postFormAs(t, ana, `/organize/${p.id}/close`, {})).status).toBe(303);
    const mo = await moderator(t);
    expect((await postFormAs(t, mo, `/moderate/petitions/${p.id}/hide`, { reason: 'spam' })).status).toBe(303);
    expect((await postFormAs(t, mo, `/moderate/petitions/${p.id}/restore`, {})).status).toBe(303);
    expect(await publicStatus(t, p.slug)).toEqual([200, 200, 200]);
    await sendMail();
    const restored = (await mailroom.sink.waitFor(2)).find((m) =>
      m.subject.startsWith('Your petition is public again'),
    );
    expect(restored?.text).toContain('it is public again, but it is closed and no longer accepts signatures');
    expect(restored?.text).not.toContain('anyone can sign it');
  });

  it('an approved petition edited by its organizer goes back into the queue, still public; a moderator’s edit does not', async () => {
    const ana = await signedIn(t);
    const p = await publishAs(t, ana);
    const mo = await moderator(t);
    await postFormAs(t, mo, `/moderate/petitions/${p.id}/approve`, {});
    t.advance(60_000);
    await postFormAs(
      t,
      mo,
      `/organize/${p.id}/edit`,
      petitionFields({ slug: p.slug, title_en: 'Edited by a moderator' }),
    );
    expect((await moderationState(t, p.id)).moderation_state).toBe('approved');
    expect(
      (
        await postFormAs(
          t,
          ana,
          `/organize/${p.id}/edit`,
          petitionFields({ slug: p.slug, title_en: 'Something else entirely' }),
        )
      ).status,
    ).toBe(303);
    expect(await moderationState(t, p.id)).toMatchObject({
      moderation_state: 'unreviewed',
      submitted_at: t.deps.now().toISOString(),
    });
    expect(await publicStatus(t, p.slug)).toEqual([200, 200, 200]);
    expect(await (await getAs(t, mo, '/moderate')).text()).toContain('Something else entirely');
  });

  it('a rejected petition is edited and sent for review again: held, back in the queue, audited; only a rejected one can be', async () => {
    const ana = await signedIn(t);
    const p = await publishAs(t, ana);
    const mo = await moderator(t);
    await postFormAs(t, mo, `/moderate/petitions/${p.id}/reject`, { reason: 'not_a_petition' });
    const edit = await (await getAs(t, ana, `/organize/${p.id}/edit`)).text();
    expect(edit).toContain(`action="/organize/${p.id}/resubmit"`);
    expect(edit).toContain(copy('en', 'moderation.resubmit.button'));
    t.advance(3600_000);
    const res = await postFormAs(t, ana, `/organize/${p.id}/resubmit`, {});
    expect(res.headers.get('location')).toBe(`/organize/${p.id}/edit?done=submitted`);
    expect(await moderationState(t, p.id)).toMatchObject({
      moderation_state: 'held',
      submitted_at: t.deps.now().toISOString(),
    });
    expect(await publicStatus(t, p.slug)).toEqual([404, 404, 404]);
    expect(await auditRows(t, 'petition.resubmit')).toMatchObject([{ actor_id: ana.user.id, petition_id: p.id }]);
    expect(await (await getAs(t, mo, '/moderate')).text()).toContain(`data-petition-id="${p.id}"`);
    // Held already: asking again changes nothing; someone else's petition is 404.
    expect((await postFormAs(t, ana, `/organize/${p.id}/resubmit`, {})).headers.get('location')).toBe(
      `/organize/${p.id}/edit`,
    );
    expect((await postFormAs(t, await signedIn(t), `/organize/${p.id}/resubmit`, {})).status).toBe(404);
    expect(await auditRows(t, 'petition.resubmit')).toHaveLength(1);
  });

  it('overdue lists only petitions waiting longer than the review deadline setting', async () => {
    const old = await publishAs(t, await signedIn(t), { title_en: 'Waiting a long time' });
    t.advance(49 * 3600_000);
    await publishAs(t, await signedIn(t), { title_en: 'Just arrived' });
    const mo = await moderator(t);
    const html = await (await getAs(t, mo, '/moderate?view=overdue')).text();
    expect(html).toContain('Waiting a long time');
    expect(html).not.toContain('Just arrived');
    expect(html).toContain('Overdue (1)');
    expect(html).toContain('more than 48 hours');
    expect(old.id).toBeGreaterThan(0);
  });
});
