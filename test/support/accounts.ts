// Accounts and sessions for tests about organizers: a user of a role, signed in, and requests that carry the cookie.
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import type { Role, User } from '../../src/accounts/user.js';
import { TEST_ORIGIN, type Fields, type TestApp } from './test-app.js';

let sequence = 0;

export interface SignedIn {
  user: User;
  /** The Cookie header value of a browser signed in as `user`. */
  cookie: string;
}

export async function makeUser(
  t: TestApp,
  overrides: { email?: string; role?: Role; name?: string; locale?: string } = {},
): Promise<User> {
  sequence += 1;
  const values = {
    email: overrides.email ?? `organizer-${sequence}@example.org`,
    name: overrides.name ?? `Organizer ${sequence}`,
    role: overrides.role ?? 'organizer',
    locale: overrides.locale ?? 'en',
    created_at: t.deps.now().toISOString(),
  };
  const { id } = await t.deps.db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return { id, email: values.email, name: values.name, role: values.role, locale: values.locale };
}

/** A user with a live session, as if they had used a sign-in link. */
export async function signedIn(t: TestApp, overrides: Parameters<typeof makeUser>[1] = {}): Promise<SignedIn> {
  const user = await makeUser(t, overrides);
  const sessionId = await createSession(t.deps.db, user.id, t.deps.now());
  return { user, cookie: `${SESSION_COOKIE}=${sessionId}` };
}

export function getAs(
  t: TestApp,
  who: SignedIn,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(t.app.request(path, { headers: { Cookie: who.cookie, ...headers } }));
}

/** Posts a same-origin form with the session cookie, as the signed-in browser would. */
export function postFormAs(
  t: TestApp,
  who: SignedIn,
  path: string,
  fields: Fields,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    t.app.request(path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        Cookie: who.cookie,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** Posts a same-origin multipart form (with files) with the session cookie, as the signed-in browser would. */
export function postMultipartAs(
  t: TestApp,
  who: SignedIn,
  path: string,
  form: FormData,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    t.app.request(path, {
      method: 'POST',
      headers: { Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin', Cookie: who.cookie, ...headers },
      body: form,
    }),
  );
}
