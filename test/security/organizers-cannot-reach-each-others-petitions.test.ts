import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { type TestApp, useTestApp } from '../support/test-app.js';
import { databaseSnapshot, fillPath, registeredRoutes, requestRoute, type Route } from './app-routes.js';
import { attackScene, type Scene } from './attack-scene.js';

// A walk over every route the app registers: it grows with the app and runs slower on a loaded machine than one
// test's usual 30 s allow.
vi.setConfig({ testTimeout: 180_000 });

const ORGANIZER_PETITION_ROUTE = /^\/organize\/:id\b/;
const STAFF_ROUTE = /^\/(admin|moderate)(\/|$)/;

/** Every field any organizer form reads, with values that would change something if accepted. */
const FORM = {
  intent: 'publish',
  languages: 'en',
  title_en: 'Taken over',
  statement_en: 'Taken over',
  why_en: 'Taken over',
  target_count: '1',
  target_0_en: 'Nobody',
  delivery_method: 'by_hand',
  country: 'US',
  slug: 'taken-over',
  title_es: 'x',
  body_en: 'Taken over',
  body_es: 'x',
  email_signers: 'yes',
  message_en: 'We won',
  message_es: 'Ganamos',
  delivered_on: '2026-11-24',
  location: 'Nowhere',
  notes: 'x',
  recipients: '0',
  reason: 'spam',
  note: 'x',
  role: 'admin',
  value: '1',
  domain: 'example.org',
};

const request = (t: TestApp, route: Route, path: string, cookie: string) => requestRoute(t, route, path, cookie, FORM);

describe.each(enginesToTest())('one organizer against another’s petition on $name', (engine) => {
  const t = useTestApp(engine);
  let scene: Scene;
  beforeEach(async () => {
    scene = await attackScene(t);
  });

  it('every /organize/:id page and form, GET and POST, answers 404 for someone else’s petition, reveals nothing and changes nothing', async () => {
    const routes = registeredRoutes(t).filter((r) => ORGANIZER_PETITION_ROUTE.test(r.pattern));
    for (const known of [
      '/organize/:id/edit',
      '/organize/:id/publish',
      '/organize/:id/export.csv',
      '/organize/:id/packet.pdf',
      '/organize/:id/delivery',
      '/organize/:id{[0-9]+}/updates/new',
      '/organize/:id{[0-9]+}/qr.png',
    ]) {
      expect(
        routes.map((r) => r.pattern),
        known,
      ).toContain(known);
    }
    const before = await databaseSnapshot(t);
    // The other organizer tries the owner's petition and draft; both exist, neither is theirs.
    for (const target of [scene.petition, scene.draft]) {
      for (const route of routes) {
        const path = fillPath(route.pattern, { ...scene.params, id: String(target.id), locale: 'en' });
        const res = await request(t, route, path, scene.other.cookie);
        expect(res.status, `${route.method} ${path}`).toBe(404);
        const body = await res.text();
        expect(body, `${route.method} ${path}`).not.toContain('Fix the bus shelter');
        expect(body, `${route.method} ${path}`).not.toContain('Signer ');
      }
    }
    // A missing id is answered exactly like someone else's: ids cannot be probed.
    for (const route of routes) {
      const mine = await request(
        t,
        route,
        fillPath(route.pattern, { ...scene.params, id: String(scene.petition.id), locale: 'en' }),
        scene.other.cookie,
      );
      const missing = await request(
        t,
        route,
        fillPath(route.pattern, { ...scene.params, id: '987654', locale: 'en' }),
        scene.other.cookie,
      );
      expect(missing.status, route.pattern).toBe(mine.status);
      // The page names its own path (the language switch), so compare with the ids taken out.
      const withoutId = (html: string, id: number | string) =>
        html.replaceAll(`%2Forganize%2F${id}`, '%2Forganize%2F:id');
      expect(withoutId(await missing.text(), '987654'), route.pattern).toBe(
        withoutId(await mine.text(), scene.petition.id),
      );
    }
    expect(await databaseSnapshot(t)).toEqual(before);
    // The same pages are there for the owner: the 404s above are about who asks.
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const res = await request(
        t,
        route,
        fillPath(route.pattern, { ...scene.params, id: String(scene.petition.id), locale: 'en' }),
        scene.owner.cookie,
      );
      expect(res.status, route.pattern).toBe(200);
    }
  });

  it('every moderator and admin page and form answers 404 to an organizer and changes nothing', async () => {
    const routes = registeredRoutes(t).filter((r) => STAFF_ROUTE.test(r.pattern));
    const before = await databaseSnapshot(t);
    for (const route of routes) {
      const path = fillPath(route.pattern, { ...scene.params, id: String(scene.petition.id) });
      const res = await request(t, route, path, scene.owner.cookie);
      expect(res.status, `${route.method} ${path}`).toBe(404);
    }
    expect(await databaseSnapshot(t)).toEqual(before);
    // Admin pages exist (this walk is not empty once the admin areas are mounted).
    expect(routes.length).toBeGreaterThan(0);
  });

  it('anonymous visitors are sent to sign in from every organizer page and refused on every organizer form', async () => {
    const routes = registeredRoutes(t).filter(
      (r) => ORGANIZER_PETITION_ROUTE.test(r.pattern) || STAFF_ROUTE.test(r.pattern),
    );
    const before = await databaseSnapshot(t);
    for (const route of routes) {
      const path = fillPath(route.pattern, { ...scene.params, id: String(scene.petition.id) });
      const res = await request(t, route, path, '');
      if (route.method === 'GET') {
        expect(res.status, path).toBe(303);
        expect(res.headers.get('location'), path).toBe(`/signin?next=${encodeURIComponent(path)}`);
      } else {
        expect(res.status, `${route.method} ${path}`).toBe(403);
      }
    }
    expect(await databaseSnapshot(t)).toEqual(before);
  });
});
