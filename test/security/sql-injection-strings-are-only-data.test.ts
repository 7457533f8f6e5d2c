import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { enginesToTest } from '../support/databases.js';
import { ownTables } from '../support/own-tables.js';
import { TEST_ORIGIN, type TestApp, useTestApp } from '../support/test-app.js';
import { fillPath, registeredRoutes, stateChanging } from './app-routes.js';
import { attackScene, type Scene } from './attack-scene.js';
import { copy } from '../support/copy.js';

// A walk over every route the app registers: it grows with the app and runs slower on a loaded machine than one
// test's usual 30 s allow.
vi.setConfig({ testTimeout: 180_000 });

const INJECTIONS = [
  "' OR '1'='1",
  '1 OR 1=1',
  '1; DROP TABLE signatures; --',
  "x' UNION SELECT email, email FROM users --",
  '") OR ("1"="1',
  "'; UPDATE users SET role='admin'; --",
  '1e3',
  '-1',
  '99999999999999999999999',
  '0x1F',
  '%',
  '_',
  '\\',
  "\u0000' --",
  '$1',
  '?',
  'NULL',
];

/** The query parameters any page reads, each set to the same string. */
const QUERY_NAMES = [
  'source',
  'next',
  'status',
  'from',
  'to',
  'town',
  'zip',
  'postal_code',
  'q',
  'page',
  'after',
  'before',
  'confirm',
  'already',
  'recorded',
  'tab',
  'petition',
  'slug',
  'id',
];

/** The form fields any form reads. */
const FIELD_NAMES = [
  'name',
  'email',
  'postal_code',
  'comment',
  'name_display',
  'opt_in',
  'website',
  'source',
  'next',
  'intent',
  'languages',
  'slug',
  'country',
  'closes_on',
  'delivery_method',
  'requires_verification',
  'target_count',
  'title_en',
  'statement_en',
  'why_en',
  'delivery_details_en',
  'target_0_en',
  'title_es',
  'statement_es',
  'why_es',
  'delivery_details_es',
  'target_0_es',
  'body_en',
  'body_es',
  'email_signers',
  'message_en',
  'message_es',
  'delivered_on',
  'recipients',
  'location',
  'notes',
  'reason',
  'note',
  'details',
  'role',
  'user_id',
  'value',
  'entry',
  'kind',
  'pattern',
  'domain',
  'cidr',
  'from',
  'to',
  'zip',
  'petition',
  'id',
];

const tableShape = ownTables;

async function rowCounts(t: TestApp) {
  const count = async (table: 'petitions' | 'signatures' | 'users' | 'petition_translations') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    petitions: await count('petitions'),
    signatures: await count('signatures'),
    users: await count('users'),
    translations: await count('petition_translations'),
  };
}

describe.each(enginesToTest())('SQL injection strings in every parameter on $name', (engine) => {
  const t = useTestApp(engine);
  let scene: Scene;
  beforeEach(async () => {
    scene = await attackScene(t);
  });

  /** A fresh admin session per request, so signing out on one route does not disarm the next. */
  const adminCookie = async () =>
    `${SESSION_COOKIE}=${await createSession(t.deps.db, scene.admin.user.id, t.deps.now())}`;

  it('in every path parameter and query string of every page: a normal page or a 4xx, never a 5xx', async () => {
    const shape = await tableShape(t);
    const before = await rowCounts(t);
    const gets = registeredRoutes(t).filter((r) => r.method === 'GET');
    const cookie = await adminCookie();
    const failures: string[] = [];
    let requests = 0;
    for (const injection of INJECTIONS) {
      const query = new URLSearchParams(QUERY_NAMES.map((name): [string, string] => [name, injection])).toString();
      for (const route of gets) {
        const names = [...route.pattern.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] ?? '');
        // Each parameter in turn holds the injection, the others real values; then the query string does.
        const variants = [
          ...names.map((name) => fillPath(route.pattern, { ...scene.params, [name]: encodeURIComponent(injection) })),
          `${fillPath(route.pattern, scene.params)}?${query}`,
        ];
        for (const path of variants) {
          const res = await t.app.request(path, { headers: { Cookie: cookie } });
          requests += 1;
          if (res.status >= 500) failures.push(`${res.status} GET ${path}`);
          await res.arrayBuffer();
        }
      }
    }
    // Every failure at once, so one run names every route that needs fixing.
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(INJECTIONS.length * gets.length);
    expect(await tableShape(t)).toEqual(shape);
    expect(await rowCounts(t)).toEqual(before);
    expect((await t.app.request(`/en/p/${scene.petition.slug}`)).status).toBe(200);
  });

  it('in every form field and path parameter of every form, sent from this site by an admin: stored as typed or refused, never a 5xx, no table lost', async () => {
    const shape = await tableShape(t);
    const before = await rowCounts(t);
    const posts = stateChanging(registeredRoutes(t));
    const failures: string[] = [];
    for (const injection of INJECTIONS) {
      const body = new URLSearchParams(FIELD_NAMES.map((name): [string, string] => [name, injection])).toString();
      for (const route of posts) {
        const names = [...route.pattern.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] ?? '');
        const paths = [
          fillPath(route.pattern, scene.params),
          ...names.map((name) => fillPath(route.pattern, { ...scene.params, [name]: encodeURIComponent(injection) })),
        ];
        for (const path of paths) {
          const res = await t.app.request(path, {
            method: route.method,
            headers: {
              'Content-Type': 'application/x-www-form-urlencoded',
              Origin: TEST_ORIGIN,
              'Sec-Fetch-Site': 'same-origin',
              Cookie: await adminCookie(),
            },
            body,
          });
          if (res.status >= 500) failures.push(`${res.status} ${route.method} ${path}: ${JSON.stringify(injection)}`);
          await res.arrayBuffer();
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await tableShape(t)).toEqual(shape);
    const after = await rowCounts(t);
    // Forms may add rows (a petition titled "' OR '1'='1" is a petition); none may vanish.
    expect(after.petitions).toBeGreaterThanOrEqual(before.petitions);
    expect(after.users).toBeGreaterThanOrEqual(before.users);
    expect(after.translations).toBeGreaterThanOrEqual(before.translations);
    const roles = await t.deps.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('id', 'in', [scene.owner.user.id, scene.other.user.id])
      .orderBy('id')
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['organizer', 'organizer']);
    expect((await t.app.request(`/p/${scene.othersPetition.slug}.json`)).status).toBe(200);
  });

  it('a NUL byte in the query of an organizer, moderator or admin page, or in a form field of a moderator or admin page, gets a 400 page in the reader’s language, on PostgreSQL as on SQLite', async () => {
    const cookie = await adminCookie();
    for (const path of [
      '/admin/users?q=%00',
      `/organize/${scene.petition.id}/export.csv?town=a%00b`,
      `/organize/${scene.petition.id}/exports?source=%00`,
      '/organize?x=%00',
      '/moderate?tab=%00',
    ]) {
      const res = await t.app.request(path, { headers: { Cookie: cookie, 'Accept-Language': 'es' } });
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain(copy('es', 'security.badAddress.title'));
    }
    // A NUL in a form field of a moderator or admin page: the form could not be read.
    const form = await t.app.request('/admin/settings/pow', {
      method: 'POST',
      headers: {
        Cookie: cookie,
        'Accept-Language': 'es',
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
      },
      body: 'slug=a%00b&mode=on',
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain(copy('es', 'page.unsupportedType.title'));
    // The organizer's editor says which field holds it.
    const editor = await t.app.request('/organize/new', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
      body: 'intent=save&languages=en&title_en=a%00b',
    });
    expect(editor.status).toBe(422);
    expect(await editor.text()).toContain('id="title_en-error">This contains characters that cannot be used.</p>');
    // Elsewhere each page reads its own parameters: an unusable ?source= is ignored.
    expect((await t.app.request(`/en/p/${scene.petition.slug}?source=%00`)).status).toBe(200);
    expect(
      (await t.app.request(`/organize/${scene.petition.id}/exports?source=%2500`, { headers: { Cookie: cookie } }))
        .status,
    ).toBe(200);
  });

  it('a string that looks like SQL typed into the sign form is stored exactly as typed', async () => {
    for (const [i, injection] of INJECTIONS.filter((s) => !s.includes('\u0000') && !s.includes('\\')).entries()) {
      // A name needs a letter or digit ('%' alone is refused as no name), so those go after one.
      const name = /[\p{L}\p{N}]/u.test(injection) ? injection : `Rosa ${injection}`;
      const res = await t.app.request(`/en/p/${scene.petition.slug}/sign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
        body: new URLSearchParams({
          name,
          email: `inj${i}@example.org`,
          postal_code: '06106',
          comment: injection,
          name_display: 'full',
          website: '',
        }).toString(),
      });
      expect(res.status, injection).toBe(303);
      const row = await t.deps.db
        .selectFrom('signatures')
        .select(['name', 'comment'])
        .where('email_normalized', '=', `inj${i}@example.org`)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ name: name.trim(), comment: injection.trim() });
    }
  });
});
