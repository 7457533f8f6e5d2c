// The authorization walk of a petition's team, on both engines: a co-organizer, a data-entry volunteer and a viewer
// each try every /organize/:id route the app registers (read from the Hono app, so a route added later is tried
// too), GET and POST. A route outside the role answers 403 with the page that names the role, reveals no signer and
// changes nothing; a page inside it answers 200; a member of another petition's team gets 404 here, as a stranger.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { type TestApp, useTestApp } from '../support/test-app.js';
import { signedIn, type SignedIn } from '../support/accounts.js';
import { copy } from '../support/copy.js';
import { databaseSnapshot, fillPath, registeredRoutes, requestRoute, type Route } from './app-routes.js';
import { attackScene, type Scene } from './attack-scene.js';
import { roleMay, type PetitionPower, type TeamRole } from '../../src/teams/team-role.js';
import { putMember } from '../../src/teams/team-store.js';

// A walk over every route the app registers: it grows with the app and runs slower on a loaded machine than one
// test's usual 30 s allow.
vi.setConfig({ testTimeout: 180_000 });

const PETITION_ROUTE = /^\/organize\/:id\b/;

/** The power each route needs. A route not listed needs 'manage'; the walk checks that every listed one exists. */
const NEEDS: Record<string, PetitionPower> = {
  'GET /organize/:id{[0-9]+}': 'dashboard',
  'GET /organize/:id{[0-9]+}/qr.svg': 'dashboard',
  'GET /organize/:id{[0-9]+}/qr.png': 'dashboard',
  'GET /organize/:id{[0-9]+}/paper': 'paper',
  'POST /organize/:id{[0-9]+}/paper': 'paper',
  'POST /organize/:id{[0-9]+}/paper/accept': 'paper',
  // The upload's body limits, registered before the guard with their own pattern (organize-area.ts).
  'POST /organize/:id{[0-9]{1,9}}/paper': 'paper',
  'POST /organize/:id{[0-9]{1,9}}/paper/accept': 'paper',
  'GET /organize/:id{[0-9]+}/paper/enter': 'paper',
  'POST /organize/:id{[0-9]+}/paper/enter': 'paper',
  'GET /organize/:id{[0-9]+}/team': 'team',
  'POST /organize/:id{[0-9]+}/team': 'team',
  'POST /organize/:id{[0-9]+}/team/members/:user{[0-9]{1,9}}/role': 'team',
  'POST /organize/:id{[0-9]+}/team/members/:user{[0-9]{1,9}}/remove': 'team',
  'POST /organize/:id{[0-9]+}/team/invitations/:invitation{[0-9]{1,9}}/cancel': 'team',
};

const FORM = {
  intent: 'publish',
  title_en: 'Taken over',
  body_en: 'Taken over',
  email: 'intruder@example.org',
  role: 'co_organizer',
  locale: 'en',
  sheet: '1',
  name_1: 'Intruder',
  postal_code_1: '06106',
  url: 'https://hooks.example.org/x',
  delivered_on: '2026-11-24',
  location: 'Nowhere',
};

const request = (t: TestApp, route: Route, path: string, cookie: string) => requestRoute(t, route, path, cookie, FORM);

describe.each(enginesToTest())('each team role against every organizer route on $name', (engine) => {
  const t = useTestApp(engine);
  let scene: Scene;
  let members: Record<TeamRole, SignedIn>;
  let routes: Route[];
  const needs = (route: Route): PetitionPower => NEEDS[`${route.method} ${route.pattern}`] ?? 'manage';
  const pathOf = (route: Route, id: number) =>
    fillPath(route.pattern, { ...scene.params, id: String(id), user: String(members.viewer.user.id), locale: 'en' });

  beforeEach(async () => {
    scene = await attackScene(t);
    members = {
      co_organizer: await signedIn(t, { name: 'Co Organizer' }),
      data_entry: await signedIn(t, { name: 'Data Entry' }),
      viewer: await signedIn(t, { name: 'Team Viewer' }),
    };
    for (const [role, member] of Object.entries(members) as [TeamRole, SignedIn][])
      await putMember(t.deps.db, {
        petitionId: scene.petition.id,
        userId: member.user.id,
        role,
        addedBy: scene.owner.user.id,
        now: t.deps.now().toISOString(),
      });
    routes = registeredRoutes(t).filter((r) => PETITION_ROUTE.test(r.pattern));
  });

  it('the table of powers names only routes that exist, and the walk covers the pages of every power', async () => {
    const registered = new Set(routes.map((r) => `${r.method} ${r.pattern}`));
    for (const listed of Object.keys(NEEDS)) expect(registered, listed).toContain(listed);
    const powers = new Set(routes.map(needs));
    expect([...powers].sort()).toEqual(['dashboard', 'manage', 'paper', 'team']);
    expect(routes.filter((r) => needs(r) === 'manage').length).toBeGreaterThan(30);
  });

  it.each(['co_organizer', 'data_entry', 'viewer'] as const)(
    'a %s gets 403 on every route outside the role, sees no signer and changes nothing; 200 on its pages',
    async (role) => {
      const member = members[role];
      const forbidden = routes.filter((r) => !roleMay(role, needs(r)));
      expect(forbidden.length, role).toBeGreaterThan(0);
      const before = await databaseSnapshot(t);
      for (const route of forbidden) {
        const path = pathOf(route, scene.petition.id);
        const res = await request(t, route, path, member.cookie);
        expect(res.status, `${role}: ${route.method} ${path}`).toBe(403);
        const body = await res.text();
        expect(body, `${role}: ${route.method} ${path}`).toContain(copy('en', 'team.forbidden.title'));
        expect(body, `${role}: ${route.method} ${path}`).not.toContain('Signer ');
      }
      expect(await databaseSnapshot(t)).toEqual(before);

      // Someone else's petition, and the owner's draft: no role there, so 404 as for a stranger.
      for (const other of [scene.othersPetition, scene.draft])
        for (const route of routes) {
          const res = await request(t, route, pathOf(route, other.id), member.cookie);
          expect(res.status, `${role}: ${route.method} ${pathOf(route, other.id)}`).toBe(404);
        }
      expect(await databaseSnapshot(t)).toEqual(before);

      for (const route of routes.filter((r) => r.method === 'GET' && roleMay(role, needs(r)))) {
        const res = await request(t, route, pathOf(route, scene.petition.id), member.cookie);
        expect(res.status, `${role}: GET ${route.pattern}`).toBe(200);
      }
    },
  );

  it('a co-organizer’s forms inside the role are not refused for the role', async () => {
    for (const route of routes.filter((r) => r.method === 'POST' && roleMay('co_organizer', needs(r)))) {
      const res = await request(t, route, pathOf(route, scene.petition.id), members.co_organizer.cookie);
      expect(res.status, `POST ${route.pattern}`).not.toBe(403);
      expect(await res.text(), `POST ${route.pattern}`).not.toContain(copy('en', 'team.forbidden.title'));
    }
  });
});
