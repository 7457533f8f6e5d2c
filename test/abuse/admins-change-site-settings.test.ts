import { afterEach, describe, expect, it } from 'vitest';
import { formValuesOf } from '../../src/abuse/settings-form.js';
import { defaultSettings } from '../../src/settings/instance-settings.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { fieldBlock, inputValue } from '../support/html-fields.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('the site settings page on $name', (engine) => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  async function start(ctx: { skip: () => void }) {
    if (engine.skipReason !== undefined) ctx.skip();
    const app = await createTestApp(engine);
    t = app;
    const admin = await signedIn(app, { role: 'admin', locale: 'es' });
    return { app, admin, form: formValuesOf(defaultSettings(app.deps.config)) };
  }

  it('shows every setting with a label and help text, in English and Spanish', async (ctx) => {
    const { app, admin } = await start(ctx);
    const en = await (await getAs(app, admin, '/admin/settings', { 'Accept-Language': 'en' })).text();
    for (const label of [
      copy('en', 'settings.moderationMode'),
      copy('en', 'settings.reviewDeadlineHours'),
      copy('en', 'settings.signPerAddressPerMinute'),
      copy('en', 'settings.signPerPetitionPerMinute'),
      copy('en', 'settings.signPerDomainPerMinute'),
      copy('en', 'settings.reportsPerAddressPerHour'),
      copy('en', 'settings.powSiteWide'),
      copy('en', 'settings.powDifficulty'),
      copy('en', 'settings.retentionDays'),
    ]) {
      expect(en).toContain(label);
    }
    const es = await (
      await getAs(app, admin, '/admin/settings', { Cookie: `${admin.cookie}; lang=es`, 'Accept-Language': 'es' })
    ).text();
    expect(es).toContain(copy('es', 'settings.signPerAddressPerMinute'));
    expect(es).toContain('Los grandes proveedores gratuitos están exentos');
  });

  it('bad values are answered with 422 and a message beside each field, keeping what was typed; nothing is saved', async (ctx) => {
    const { app, admin, form } = await start(ctx);
    const res = await postFormAs(
      app,
      admin,
      '/admin/settings',
      {
        ...form,
        signPerAddressPerMinute: 'many',
        retentionDays: '0',
        powDifficulty: '',
        moderationMode: 'never',
        powSiteWide: 'maybe',
      },
      { 'Accept-Language': 'en' },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldBlock(html, 'signPerAddressPerMinute')).toContain('Enter a whole number from 0 to 1,000,000.');
    expect(fieldBlock(html, 'retentionDays')).toContain('Enter a whole number from 1 to 3,650.');
    expect(fieldBlock(html, 'powDifficulty')).toContain('Enter a whole number from 1,000 to 10,000,000.');
    expect(html).toContain(copy('en', 'settings.invalid.choice'));
    expect(inputValue(html, 'signPerAddressPerMinute')).toBe('many');
    expect(html).toContain('There are 5 problems with the settings');
    expect(await app.deps.db.selectFrom('instance_settings').selectAll().execute()).toHaveLength(0);
    expect(await app.deps.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
  });

  it('saved changes are in the audit log with their old and new values, and take effect at once', async (ctx) => {
    const { app, admin, form } = await start(ctx);
    await app.deps.settings.current(); // cached before the change
    const res = await postFormAs(app, admin, '/admin/settings', {
      ...form,
      signPerDomainPerMinute: '25',
      moderationMode: 'pre',
      retentionDays: '90',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/settings?done=saved');
    expect(await (await getAs(app, admin, '/admin/settings?done=saved', { 'Accept-Language': 'en' })).text()).toContain(
      copy('en', 'settings.saved'),
    );
    const current = await app.deps.settings.current();
    expect(current).toMatchObject({ signPerDomainPerMinute: 25, moderationMode: 'pre', retentionDays: 90 });
    const [audit] = await app.deps.db.selectFrom('audit_log').selectAll().execute();
    expect(audit?.action).toBe('settings.update');
    expect(audit?.actor_id).toBe(admin.user.id);
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({
      changes: {
        moderationMode: { from: 'first_petition', to: 'pre' },
        signPerDomainPerMinute: { from: 0, to: 25 },
        retentionDays: { from: 180, to: 90 },
      },
    });
    // Saving again without a change writes no audit row.
    await postFormAs(app, admin, '/admin/settings', formValuesOf(current));
    expect(await app.deps.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(1);
  });

  it('only admins may change settings', async (ctx) => {
    const { app, form } = await start(ctx);
    const moderator = await signedIn(app, { role: 'moderator' });
    expect((await postFormAs(app, moderator, '/admin/settings', { ...form, powSiteWide: '1' })).status).toBe(404);
    expect((await postFormAs(app, moderator, '/admin/settings/pow', { slug: 'x', mode: 'on' })).status).toBe(404);
    expect(await app.deps.db.selectFrom('instance_settings').selectAll().execute()).toHaveLength(0);
  });
});
