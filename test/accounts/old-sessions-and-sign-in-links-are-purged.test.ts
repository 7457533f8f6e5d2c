import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeStaleSignIns } from '../../src/accounts/purge-accounts.js';
import { SESSION_TTL_MS } from '../../src/accounts/session-store.js';
import { getAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { linkFor, openMailroom, useLink, type Mailroom } from './sign-in-mail.js';

describe.each(enginesToTest())('old sessions and sign-in links are purged on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;

  beforeEach(async () => {
    mailroom = await openMailroom(t);
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  it('expired links go, used ones after an hour, live ones stay; expired sessions go, live ones stay', async () => {
    const used = await linkFor(t, mailroom, 'used@example.org');
    await useLink(t, used);
    await linkFor(t, mailroom, 'expiring@example.org');
    const old = await signedIn(t);
    t.advance(SESSION_TTL_MS - 10 * 60_000);
    const fresh = await linkFor(t, mailroom, 'fresh@example.org');
    const recent = await signedIn(t);
    t.advance(10 * 60_000 + 1);

    expect(await purgeStaleSignIns(t.deps.db, t.deps.now())).toEqual({ sessions: 2, tokens: 2 });
    const left = await t.deps.db.selectFrom('sign_in_tokens').select('email').execute();
    expect(left.map((r) => r.email)).toEqual(['fresh@example.org']);
    expect((await getAs(t, recent, '/account')).status).toBe(200);
    expect((await getAs(t, old, '/account')).status).toBe(303);
    expect((await useLink(t, fresh)).status).toBe(303);
  });
});
