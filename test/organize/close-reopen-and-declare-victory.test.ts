import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { validSignature, postForm, useTestApp } from '../support/test-app.js';
import { editedId, petitionFields } from './petition-form-fields.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { auditRows } from '../moderation/moderation-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('closing, reopening and victory on $name', (engine) => {
  const t = useTestApp(engine);
  beforeEach(async () => {
    // Not about moderation: what an organizer publishes is public at once (post-moderation).
    await writeSetting(t.deps.db, 'moderationMode', 'post', null, t.deps.now());
    t.deps.settings.invalidate();
  });

  const SLUG = 'light-the-park-street-crossing';

  async function published() {
    const ana = await signedIn(t);
    const id = editedId(await postFormAs(t, ana, '/organize/new', petitionFields()));
    await postFormAs(t, ana, `/organize/${id}/publish`, {});
    return { ana, id };
  }

  it('a closed petition refuses signatures at once, and reopening takes them again', async () => {
    const { ana, id } = await published();
    expect(await (await t.app.request(`/en/p/${SLUG}`)).text()).toContain('class="sign-form"');
    const closed = await postFormAs(t, ana, `/organize/${id}/close`, {});
    expect(closed.headers.get('location')).toBe(`/organize/${id}/edit?done=closed`);
    const page = await (await t.app.request(`/en/p/${SLUG}`)).text();
    expect(page).toContain(copy('en', 'petition.closed'));
    expect(page).not.toContain('class="sign-form"');
    expect((await postForm(t, `/en/p/${SLUG}/sign`, validSignature())).status).not.toBe(303);
    expect(await (await getAs(t, ana, `/organize/${id}/edit?done=closed`)).text()).toContain(
      copy('en', 'organize.actions.reopen'),
    );

    await postFormAs(t, ana, `/organize/${id}/reopen`, {});
    expect(await (await t.app.request(`/en/p/${SLUG}`)).text()).toContain('class="sign-form"');
    const row = await t.deps.db.selectFrom('petitions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });

  it('publishing, closing, reopening and victory are each kept in the audit log with who did them', async () => {
    const { ana, id } = await published();
    await postFormAs(t, ana, `/organize/${id}/close`, {});
    await postFormAs(t, ana, `/organize/${id}/close`, {}); // already closed: changes nothing, logs nothing
    await postFormAs(t, ana, `/organize/${id}/reopen`, {});
    await postFormAs(t, ana, `/organize/${id}/victory`, { message_en: 'We won!', message_es: '¡Ganamos!' });
    const rows = await auditRows(t);
    expect(rows.map((r) => [r.action, r.actor_id, r.petition_id])).toEqual([
      ['petition.publish', ana.user.id, id],
      ['petition.close', ana.user.id, id],
      ['petition.reopen', ana.user.id, id],
      ['petition.victory', ana.user.id, id],
    ]);
    expect(rows[0]?.details).toEqual({ moderation: 'unreviewed' });
  });

  it('a draft can be neither closed nor reopened', async () => {
    const ana = await signedIn(t);
    const id = editedId(await postFormAs(t, ana, '/organize/new', petitionFields()));
    expect((await postFormAs(t, ana, `/organize/${id}/close`, {})).headers.get('location')).toBe(
      `/organize/${id}/edit`,
    );
    expect((await postFormAs(t, ana, `/organize/${id}/reopen`, {})).headers.get('location')).toBe(
      `/organize/${id}/edit`,
    );
    const row = await t.deps.db.selectFrom('petitions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
  });

  it('victory needs a message in each language, then shows a banner and writes one update to email signers', async () => {
    const { ana, id } = await published();
    const form = await getAs(t, ana, `/organize/${id}/victory`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('name="message_en"');
    expect(formHtml).toContain('name="message_es"');

    const missing = await postFormAs(t, ana, `/organize/${id}/victory`, { message_en: 'We won!', message_es: ' ' });
    expect(missing.status).toBe(422);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('id="message_es-error">Write a short message.</p>');
    expect(missingHtml).toContain('We won!</textarea>');

    t.advance(86_400_000);
    const won = await postFormAs(t, ana, `/organize/${id}/victory`, {
      message_en: 'We **won**: the light goes up in March.',
      message_es: '¡Ganamos! El semáforo se instala en marzo.',
    });
    expect(won.headers.get('location')).toBe(`/organize/${id}/edit?done=victory`);

    const petition = await t.deps.db
      .selectFrom('petitions')
      .select('victory_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(petition.victory_at).toBe('2026-11-26T12:00:00.000Z');
    const updates = await t.deps.db.selectFrom('petition_updates').selectAll().where('petition_id', '=', id).execute();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      author_id: ana.user.id,
      email_signers: 1,
      created_at: '2026-11-26T12:00:00.000Z',
      fanout_done_at: null,
    });
    const texts = await t.deps.db
      .selectFrom('petition_update_texts')
      .select(['locale', 'title', 'body'])
      .where('update_id', '=', updates[0]?.id ?? 0)
      .orderBy('locale')
      .execute();
    expect(texts).toEqual([
      {
        locale: 'en',
        title: copy('en', 'organize.victory.updateTitle'),
        body: 'We **won**: the light goes up in March.',
      },
      {
        locale: 'es',
        title: copy('es', 'organize.victory.updateTitle'),
        body: '¡Ganamos! El semáforo se instala en marzo.',
      },
    ]);

    // The banner carries the organizer's message in the reader's language; the updates list does not repeat it.
    const en = await (await t.app.request(`/en/p/${SLUG}`)).text();
    const banner = /<section class="victory-banner"[\s\S]*?<\/section>/.exec(en)?.[0] ?? '';
    expect(banner).toContain('Victory! This petition won on November 26, 2026.');
    expect(banner).toContain(`<h2 class="victory-title">${copy('en', 'organize.victory.updateTitle')}</h2>`);
    expect(banner).toContain('We <strong>won</strong>: the light goes up in March.');
    expect(en).not.toContain('class="petition-updates"');
    const es = await (await t.app.request(`/es/p/${SLUG}`)).text();
    expect(es).toContain('¡Victoria! Esta petición ganó el 26 de noviembre de 2026.');
    expect(es).toContain('¡Ganamos! El semáforo se instala en marzo.');

    // Declared once: a second post changes nothing.
    await postFormAs(t, ana, `/organize/${id}/victory`, { message_en: 'Again', message_es: 'Otra vez' });
    expect(
      await t.deps.db.selectFrom('petition_updates').select('id').where('petition_id', '=', id).execute(),
    ).toHaveLength(1);
  });
});
