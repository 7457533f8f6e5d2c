import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenHash } from '../../src/platform/tokens/signer-token.js';
import { ONE_CLICK_POST_PATH } from '../../src/web/public/one-click-paths.js';
import { KEYED_API_PATH } from '../../src/web/api/v1/api-auth.js';
import { postFormAs } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { TEST_ORIGIN, validSignature, useTestApp } from '../support/test-app.js';
import { databaseSnapshot, fillPath, registeredRoutes, stateChanging } from './app-routes.js';
import { attackScene, signerWithToken, type Scene } from './attack-scene.js';
import { copy } from '../support/copy.js';

// A walk over every route the app registers: it grows with the app and runs slower on a loaded machine than one
// test's usual 30 s allow.
vi.setConfig({ testTimeout: 180_000 });

/** What another site's page can make a visitor's browser send. */
const CROSS_SITE: [string, Record<string, string>][] = [
  ['a form on another site', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }],
  ['another site, Origin only (an older browser)', { Origin: 'https://evil.example' }],
  ['a sibling subdomain', { Origin: 'https://evil.localhost:3000', 'Sec-Fetch-Site': 'same-site' }],
  ['a sandboxed frame', { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' }],
  ['a look-alike origin', { Origin: `${TEST_ORIGIN}.evil.example` }],
  ['no Origin and no Sec-Fetch-Site', {}],
];

/** A body that would do something if it got through: every field any of the forms reads. */
function plausibleForm(scene: Scene): Record<string, string> {
  return {
    ...validSignature({ email: 'victim@example.org' }),
    title_en: 'Hijacked',
    statement_en: 'Hijacked',
    why_en: 'Hijacked',
    title_es: 'Secuestrada',
    body_en: 'Hijacked',
    body_es: 'Secuestrada',
    message_en: 'Hijacked',
    message_es: 'Secuestrada',
    delivered_on: '2026-11-24',
    location: 'Nowhere',
    reason: 'spam',
    role: 'admin',
    user_id: String(scene.other.user.id),
    slug: scene.petition.slug,
    intent: 'publish',
    languages: 'en',
    target_count: '1',
    target_0_en: 'Nobody',
    delivery_method: 'by_hand',
    country: 'US',
  };
}

describe.each(enginesToTest())('cross-site posts to every state-changing route on $name', (engine) => {
  const t = useTestApp(engine);
  let scene: Scene;
  beforeEach(async () => {
    scene = await attackScene(t);
  });

  it('every POST, PUT, PATCH and DELETE the app registers is refused with 403 from another site, even for a signed-in admin, and nothing in the database changes', async () => {
    const routes = stateChanging(registeredRoutes(t));
    // The walk is over the real table: it must at least see the forms that exist today.
    for (const known of [
      '/organize/new',
      '/organize/:id/publish',
      '/signin',
      '/account',
      '/organize/:id{[0-9]+}/updates/new',
      '/organize/:id/delivery',
    ]) {
      expect(
        routes.map((r) => r.pattern),
        known,
      ).toContain(known);
    }
    const before = await databaseSnapshot(t);
    let attempts = 0;
    for (const route of routes) {
      for (const locale of ['en', 'es']) {
        const path = fillPath(route.pattern, { ...scene.params, locale });
        if (ONE_CLICK_POST_PATH.test(path)) continue; // the documented exceptions, tested below
        for (const [what, headers] of CROSS_SITE) {
          // The API reads no cookie: a signed-in admin's browser is, to it, a caller without a key.
          if (KEYED_API_PATH.test(path)) {
            const res = await t.app.request(path, {
              method: route.method,
              headers: { 'Content-Type': 'application/json', Cookie: scene.admin.cookie, ...headers },
              body: '{"person":{"email_addresses":[{"address":"x@example.org"}],"postal_addresses":[{"postal_code":"06106"}]}}',
            });
            attempts += 1;
            expect(res.status, `${route.method} ${path} from ${what}`).toBe(401);
            continue;
          }
          for (const method of [route.method, 'PUT', 'PATCH', 'DELETE']) {
            const res = await t.app.request(path, {
              method,
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: scene.admin.cookie, ...headers },
              body: new URLSearchParams(plausibleForm(scene)).toString(),
            });
            attempts += 1;
            expect(res.status, `${method} ${path} from ${what}`).toBe(403);
            expect(await res.text(), `${method} ${path} from ${what}`).toContain(
              path.startsWith('/es/') ? copy('es', 'page.forbidden.title') : copy('en', 'page.forbidden.title'),
            );
          }
        }
      }
    }
    expect(attempts).toBeGreaterThan(routes.length * CROSS_SITE.length);
    expect(await databaseSnapshot(t)).toEqual(before);
  });

  it('the same posts from this site do take effect (the refusals above are about the origin, not the form)', async () => {
    const publish = await postFormAs(t, scene.owner, `/organize/${scene.draft.id}/publish`, {});
    expect(publish.status).toBe(303);
    const row = await t.deps.db
      .selectFrom('petitions')
      .select('status')
      .where('id', '=', scene.draft.id)
      .executeTakeFirstOrThrow();
    expect(row.status).not.toBe('draft');
    const sign = await postFormAs(
      t,
      scene.owner,
      `/en/p/${scene.petition.slug}/sign`,
      validSignature({ email: 'fresh@example.org' }),
    );
    expect(sign.status).toBe(303);
  });

  it('no GET changes anything (a GET needs no same-origin check), not even the links in signer emails; only the audit row an export writes', async () => {
    // A pending signer, so the confirm link has something it could change (and withdraw something to delete).
    const pending = await signerWithToken(t, scene.petition.id, { requiresVerification: true });
    const gets = registeredRoutes(t).filter((r) => r.method === 'GET');
    for (const route of gets) {
      for (const [who, cookie] of [
        ['an admin', scene.admin.cookie],
        ['the owner', scene.owner.cookie],
        ['anonymous', ''],
      ] as const) {
        const path = fillPath(route.pattern, { ...scene.params, token: pending });
        const before = await databaseSnapshot(t);
        const res = await t.app.request(path, { headers: cookie === '' ? {} : { Cookie: cookie } });
        await res.arrayBuffer();
        const after = await databaseSnapshot(t);
        const changed = Object.keys(after).filter(
          (table) => JSON.stringify(after[table]) !== JSON.stringify(before[table]),
        );
        if (/\/(export\.csv|packet\.pdf|packets\.zip|sheets\.pdf)$/.test(path) && res.status === 200) {
          expect(changed, `${path} as ${who}`).toEqual(['audit_log']);
          const added = (after['audit_log'] ?? []).filter((row) => !(before['audit_log'] ?? []).includes(row));
          expect(added, `${path} as ${who}`).toHaveLength(1);
          expect(added[0], `${path} as ${who}`).toMatch(/"action":"export/);
        } else {
          expect(changed, `${path} as ${who}`).toEqual([]);
        }
      }
    }
    // The walk did open the signer's links, and they are still there to be used.
    for (const action of ['confirm', 'withdraw', 'unsubscribe'])
      expect(gets.map((r) => r.pattern)).toContain(`/:locale{(?:en|es)}/s/:token/${action}`);
    const row = await t.deps.db
      .selectFrom('signatures')
      .select(['status', 'unsubscribed_at'])
      .where('token_hash', '=', tokenHash(pending))
      .executeTakeFirst();
    expect(row).toEqual({ status: 'pending', unsubscribed_at: null });
  });

  it('a confirm link’s button pressed from another site is refused and the signature stays pending; from this site it confirms', async () => {
    const pending = await signerWithToken(t, scene.petition.id, { requiresVerification: true });
    const status = async () =>
      (
        await t.deps.db
          .selectFrom('signatures')
          .select('status')
          .where('token_hash', '=', tokenHash(pending))
          .executeTakeFirst()
      )?.status;
    for (const [what, headers] of CROSS_SITE) {
      const res = await t.app.request(`/en/s/${pending}/confirm`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: '',
      });
      expect(res.status, what).toBe(403);
    }
    expect(await status()).toBe('pending');
    const res = await t.app.request(`/en/s/${pending}/confirm`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
      },
      body: '',
    });
    expect(res.status).toBe(200);
    expect(await status()).toBe('confirmed');
  });

  it('the exceptions, one-click unsubscribe and digest stop, work from outside only with their own token and do nothing else', async () => {
    const unsubscribe = stateChanging(registeredRoutes(t)).filter((r) =>
      ONE_CLICK_POST_PATH.test(fillPath(r.pattern, scene.params)),
    );
    expect(unsubscribe.map((r) => `${r.method} ${r.pattern}`).sort()).toEqual([
      'POST /:locale{(?:en|es)}/p/:slug/digests/:personId{[0-9]{1,9}}/:token{[A-Za-z0-9_-]{43}}/stop',
      'POST /:locale{(?:en|es)}/s/:token/unsubscribe',
    ]);
    const before = await databaseSnapshot(t);
    const forgedStop = await t.app.request(`/en/p/${scene.petition.slug}/digests/1/${'A'.repeat(43)}/stop`, {
      method: 'POST',
      headers: { Origin: 'https://mail.example', 'Sec-Fetch-Site': 'cross-site' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forgedStop.status).toBe(404);
    const forged = await t.app.request(`/en/s/${'A'.repeat(43)}/unsubscribe`, {
      method: 'POST',
      headers: { Origin: 'https://mail.example', 'Sec-Fetch-Site': 'cross-site' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forged.status).toBe(404);
    expect(await databaseSnapshot(t)).toEqual(before);
    const real = await t.app.request(`/en/s/${scene.tokens[0]}/unsubscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(real.status).toBe(200);
    const after = await t.deps.db
      .selectFrom('signatures')
      .select(['unsubscribed_at', 'status'])
      .where('petition_id', '=', scene.petition.id)
      .orderBy('id')
      .execute();
    expect(after[0]?.unsubscribed_at).not.toBeNull();
    expect(after[0]?.status).toBe('confirmed');
    expect(after[1]?.unsubscribed_at).toBeNull();
    // Withdrawing, by contrast, is not exempt.
    const withdraw = await t.app.request(`/en/s/${scene.tokens[1]}/withdraw`, {
      method: 'POST',
      headers: { Origin: 'https://mail.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(withdraw.status).toBe(403);
    expect(
      await t.deps.db.selectFrom('signatures').select('id').where('petition_id', '=', scene.petition.id).execute(),
    ).toHaveLength(2);
  });
});
