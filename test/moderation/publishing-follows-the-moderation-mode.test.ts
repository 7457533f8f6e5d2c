import { describe, expect, it } from 'vitest';
import { getAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import {
  moderationState,
  moderator,
  postAndFollow,
  publicStatus,
  publishAs,
  setModerationMode,
} from './moderation-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('publishing under each moderation mode on $name', (engine) => {
  const t = useTestApp(engine);

  it('by default an organizer’s first petition is held: not public (page, JSON, embed, sign, home) and they are told it waits for review', async () => {
    const ana = await signedIn(t);
    const first = await publishAs(t, ana);
    expect(first.location).toBe(`/organize/${first.id}/edit?done=submitted`);
    expect(await moderationState(t, first.id)).toMatchObject({
      status: 'open',
      moderation_state: 'held',
      submitted_at: t.deps.now().toISOString(),
    });
    expect(await publicStatus(t, first.slug)).toEqual([404, 404, 404]);
    expect((await postForm(t, `/en/p/${first.slug}/sign`, validSignature())).status).toBe(404);
    expect(await (await t.app.request('/en')).text()).not.toContain('Light the Park Street crossing');

    const notice = await (await getAs(t, ana, first.location)).text();
    expect(notice).toContain('Sent for review. Your petition will be public once a moderator approves it');
    expect(notice).toContain('<p class="moderation-state">Waiting for review</p>');
    expect(notice).not.toContain(`href="/p/${first.slug}"`);
    const list = await (await getAs(t, ana, '/organize')).text();
    expect(list).toContain(copy('en', 'moderation.organizer.waiting'));
    expect(list).not.toContain(`href="/p/${first.slug}"`);
  });

  it('in first-petition mode, once one petition is approved the organizer’s next ones are public at once (unreviewed)', async () => {
    const ana = await signedIn(t);
    const first = await publishAs(t, ana);
    const second = await publishAs(t, ana);
    expect((await moderationState(t, second.id)).moderation_state).toBe('held');
    const mo = await moderator(t);
    expect((await postAndFollow(t, mo, `/moderate/petitions/${first.id}/approve`, {})).status).toBe(200);
    const third = await publishAs(t, ana);
    expect(third.location).toBe(`/organize/${third.id}/edit?done=published`);
    expect((await moderationState(t, third.id)).moderation_state).toBe('unreviewed');
    expect(await publicStatus(t, third.slug)).toEqual([200, 200, 200]);
    // The second one still waits: approving one petition does not approve the others.
    expect(await publicStatus(t, second.slug)).toEqual([404, 404, 404]);
  });

  it('in pre-moderation every petition waits, even from an organizer with approved petitions', async () => {
    await setModerationMode(t, 'pre');
    const ana = await signedIn(t);
    const first = await publishAs(t, ana);
    await t.deps.db.updateTable('petitions').set({ moderation_state: 'approved' }).where('id', '=', first.id).execute();
    const second = await publishAs(t, ana);
    expect((await moderationState(t, second.id)).moderation_state).toBe('held');
    expect(await publicStatus(t, second.slug)).toEqual([404, 404, 404]);
  });

  it('in post-moderation every petition is public at once and waits in the queue as unreviewed', async () => {
    await setModerationMode(t, 'post');
    const ana = await signedIn(t);
    const first = await publishAs(t, ana);
    expect(first.location).toBe(`/organize/${first.id}/edit?done=published`);
    expect((await moderationState(t, first.id)).moderation_state).toBe('unreviewed');
    expect(await publicStatus(t, first.slug)).toEqual([200, 200, 200]);
    expect(await (await t.app.request('/en')).text()).toContain('Light the Park Street crossing');
    const mo = await moderator(t);
    expect(await (await getAs(t, mo, '/moderate')).text()).toContain(copy('en', 'moderation.state.unreviewed'));
  });

  it('a moderator’s or an admin’s own petition is approved when published, whatever the mode', async () => {
    await setModerationMode(t, 'pre');
    for (const role of ['moderator', 'admin'] as const) {
      const staff = await signedIn(t, { role });
      const own = await publishAs(t, staff);
      expect((await moderationState(t, own.id)).moderation_state).toBe('approved');
      expect(await publicStatus(t, own.slug)).toEqual([200, 200, 200]);
    }
  });
});
