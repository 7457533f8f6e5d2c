// A page in a new browser context signed in as a new admin of the stage's server, speaking `language`.
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { createSession } from '../../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../../src/web/middleware/session.js';
import { speaking } from './browser.js';
import type { Stage } from './stage.js';

let admins = 0;

export async function adminPage(
  stage: Stage,
  test: TestContext,
  language: string,
  device: BrowserContextOptions,
): Promise<Page> {
  const n = ++admins;
  const db = stage.server.deps.db;
  const { id } = await db
    .insertInto('users')
    .values({
      email: `admin-${n}-${language}@example.org`,
      name: `Admin ${n}`,
      role: 'admin',
      locale: language,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // axe is injected as a script: the pages' own CSP would refuse it.
  const page = await stage.newPage(test, { ...device, ...speaking(language), bypassCSP: true });
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: await createSession(db, id, new Date()), url: stage.server.baseUrl }]);
  return page;
}
