// An account made straight in the stage's database, and pages signed in as it: the browser stories about what an
// organizer, moderator or admin does start signed in (signing in itself has its own story).
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { createSession } from '../../../src/accounts/session-store.js';
import type { Db } from '../../../src/platform/db/connect.js';
import { SESSION_COOKIE } from '../../../src/web/middleware/session.js';
import type { Stage } from './stage.js';

export interface StageAccount {
  id: number;
  /** The session's id: the value of the session cookie. */
  session: string;
}

export async function makeAccount(
  db: Db,
  account: { email: string; name: string; role: 'organizer' | 'moderator' | 'admin'; locale?: string },
): Promise<StageAccount> {
  const { id } = await db
    .insertInto('users')
    .values({ locale: 'en', ...account, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, session: await createSession(db, id, new Date()) };
}

/** A new page (its own context) holding `account`'s session cookie for the stage's server. */
export async function signedInPage(
  stage: Stage,
  test: TestContext,
  account: StageAccount,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await stage.newPage(test, options);
  const { hostname } = new URL(stage.server.baseUrl);
  await page
    .context()
    .addCookies([
      { name: SESSION_COOKIE, value: account.session, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
    ]);
  return page;
}
