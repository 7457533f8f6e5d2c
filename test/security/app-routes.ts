// The routes the app really registers (read from the Hono app, so a route added later is attacked too),
// with their parameters filled in, and a snapshot of every table to prove an attack changed nothing.
import { ownTables } from '../support/own-tables.js';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.js';
import { flushSignatureDistricts } from '../../src/targets/signature-districts.js';

export interface Route {
  method: string;
  /** As registered, with Hono's parameter patterns: /organize/:id{[0-9]+}/share */
  pattern: string;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every method and path registered, once each (a route with middleware is listed once per handler). */
export function registeredRoutes(t: TestApp): Route[] {
  const seen = new Map<string, Route>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || r.path.includes('*')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, pattern: r.path });
  }
  return [...seen.values()];
}

export const stateChanging = (routes: Route[]) => routes.filter((r) => STATE_CHANGING.has(r.method));

/** The path with each `:name` or `:name{pattern}` replaced by values[name] (or `fallback`). */
export function fillPath(pattern: string, values: Record<string, string>, fallback = '1'): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    if (pattern[i] !== ':') {
      out += pattern[i];
      i += 1;
      continue;
    }
    const name = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(pattern.slice(i))?.[1] ?? '';
    i += name.length + 1;
    if (pattern[i] === '{') {
      // Skip the pattern, braces nested as in {[0-9]{1,9}}.
      let depth = 0;
      do {
        if (pattern[i] === '{') depth += 1;
        if (pattern[i] === '}') depth -= 1;
        i += 1;
      } while (depth > 0 && i < pattern.length);
    }
    out += values[name] ?? fallback;
  }
  return out;
}

/**
 * Every row of every table of this test's database, sorted, as one string: equal before and after
 * means nothing was written. Taken once the signatures' rows by district are written (on SQLite a job writes them
 * within a second, and any reader by district first): those follow from signatures already stored, whoever asks.
 */
export async function databaseSnapshot(t: TestApp): Promise<Record<string, string[]>> {
  await flushSignatureDistricts(t.deps.db);
  const snapshot: Record<string, string[]> = {};
  for (const table of await ownTables(t)) {
    // Table names come from the database itself; Kysely's typed builder cannot name them statically.
    const rows = await t.deps.db
      .selectFrom(table as 'petitions')
      .selectAll()
      .execute();
    snapshot[table] = rows
      .map((row) =>
        JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)),
      )
      .sort();
  }
  return snapshot;
}

/** The route asked as the browser holding `cookie` would: a GET, or a same-origin form post of `form`. */
export function requestRoute(
  t: TestApp,
  route: Route,
  path: string,
  cookie: string,
  form: Record<string, string>,
): Promise<Response> {
  if (route.method === 'GET') return Promise.resolve(t.app.request(path, { headers: { Cookie: cookie } }));
  return Promise.resolve(
    t.app.request(path, {
      method: route.method,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        Cookie: cookie,
      },
      body: new URLSearchParams(form).toString(),
    }),
  );
}
