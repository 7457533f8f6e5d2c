import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTokenSalt, signerToken, tokenHash } from '../../src/platform/tokens/signer-token.js';
import { linkFor, openMailroom, useLink, type Mailroom } from '../accounts/sign-in-mail.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { petitionJson } from '../support/requests.js';
import { postForm, TEST_ORIGIN, useTestApp } from '../support/test-app.js';
import { databaseSnapshot } from './app-routes.js';
import { signerWithToken } from './attack-scene.js';
import { copy } from '../support/copy.js';

/** The same token with one character changed: what a guess or a typo looks like. */
function tampered(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return token.slice(0, -1) + last;
}

const MALFORMED = [
  'short',
  'x'.repeat(200),
  `${'A'.repeat(42)}!`,
  "' OR '1'='1",
  '..%2F..%2Fetc%2Fpasswd',
  `${'A'.repeat(43)}%20`,
];

describe.each(enginesToTest())('forged and replayed tokens on $name', (engine) => {
  const t = useTestApp(engine);
  let petition: { id: number; slug: string };
  beforeEach(async () => {
    petition = await makePetition(t.deps.db, { requiresVerification: true });
  });

  const count = async () => {
    t.advance(2000);
    return (await petitionJson(t, petition.slug)).signature_count;
  };
  const statusOf = async (token: string) =>
    (await t.deps.db
      .selectFrom('signatures')
      .select(['status', 'unsubscribed_at'])
      .where('token_hash', '=', tokenHash(token))
      .executeTakeFirst()) ?? 'gone';

  it('signer links that were guessed, altered, made with another secret or malformed get the same 404 page, in the reader’s language, and change nothing', async () => {
    const pending = await signerWithToken(t, petition.id, { requiresVerification: true });
    const confirmed = await signerWithToken(t, petition.id);
    const salt = newTokenSalt();
    await makeSignature(t.deps.db, petition.id, {
      tokenSalt: salt,
      tokenHash: tokenHash(signerToken('test-secret-test-secret-test-secret-0123', salt)),
    });
    const before = await databaseSnapshot(t);
    const forgeries = [
      tampered(pending),
      tampered(confirmed),
      'A'.repeat(43),
      // The right salt, the wrong server secret: a database copy alone cannot make a working link.
      signerToken('another-secret-another-secret-another-0', salt),
      ...MALFORMED,
    ];
    for (const token of forgeries) {
      for (const locale of ['en', 'es'] as const) {
        const expected = locale === 'es' ? copy('es', 'link.invalid.title') : copy('en', 'link.invalid.title');
        for (const action of ['confirm', 'withdraw', 'unsubscribe']) {
          const path = `/${locale}/s/${token}/${action}`;
          const get = await t.app.request(path);
          expect(get.status, path).toBe(404);
          expect(await get.text(), path).toContain(expected);
          const post = await postForm(t, path, {});
          expect(post.status, `POST ${path}`).toBe(404);
          expect(await post.text(), `POST ${path}`).toContain(expected);
        }
      }
    }
    expect(await databaseSnapshot(t)).toEqual(before);
  });

  it('opening a confirm link changes nothing; pressing its button twice counts once; a token confirms its own signature and no other', async () => {
    const first = await signerWithToken(t, petition.id, { requiresVerification: true });
    const second = await signerWithToken(t, petition.id, { requiresVerification: true });
    expect(await count()).toBe(0);
    const before = await databaseSnapshot(t);
    for (let i = 0; i < 3; i += 1) expect((await t.app.request(`/en/s/${first}/confirm`)).status).toBe(200);
    expect(await databaseSnapshot(t)).toEqual(before);
    expect(await statusOf(first)).toMatchObject({ status: 'pending' });
    expect((await postForm(t, `/en/s/${first}/confirm`, {})).status).toBe(200);
    const again = await postForm(t, `/en/s/${first}/confirm`, {});
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(copy('en', 'confirm.already.title'));
    expect(await count()).toBe(1);
    expect(await statusOf(first)).toMatchObject({ status: 'confirmed' });
    expect(await statusOf(second)).toMatchObject({ status: 'pending' });
  });

  it('a withdrawn signature’s links stop working: withdrawing again, confirming or unsubscribing is a 404 and the count drops only once', async () => {
    const token = await signerWithToken(t, petition.id);
    const neighbour = await signerWithToken(t, petition.id);
    expect(await count()).toBe(2);
    const done = await postForm(t, `/es/s/${token}/withdraw`, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(copy('es', 'withdraw.done.title'));
    expect(await count()).toBe(1);
    const before = await databaseSnapshot(t);
    for (const [method, action] of [
      ['POST', 'withdraw'],
      ['GET', 'withdraw'],
      ['GET', 'confirm'],
      ['POST', 'confirm'],
      ['GET', 'unsubscribe'],
      ['POST', 'unsubscribe'],
    ] as const) {
      const path = `/en/s/${token}/${action}`;
      const res = method === 'POST' ? await postForm(t, path, {}) : await t.app.request(path);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(await databaseSnapshot(t)).toEqual(before);
    expect(await count()).toBe(1);
    expect(await statusOf(neighbour)).toMatchObject({ status: 'confirmed', unsubscribed_at: null });
  });

  it('unsubscribing twice is harmless, keeps the signature counted, and touches no other signer', async () => {
    const token = await signerWithToken(t, petition.id);
    const neighbour = await signerWithToken(t, petition.id);
    for (let i = 0; i < 2; i += 1) expect((await postForm(t, `/en/s/${token}/unsubscribe`, {})).status).toBe(200);
    expect(await statusOf(token)).toMatchObject({ status: 'confirmed' });
    expect(await statusOf(neighbour)).toMatchObject({ unsubscribed_at: null });
    expect(await count()).toBe(2);
  });

  describe('sign-in links', () => {
    let mailroom: Mailroom;
    beforeEach(async () => {
      mailroom = await openMailroom(t);
    });
    afterEach(async () => mailroom?.close());

    const sessions = async () => (await t.deps.db.selectFrom('sessions').select('id_hash').execute()).length;

    it('a link works once: used again it says so, and signs no one in', async () => {
      const path = await linkFor(t, mailroom, 'ana@example.org');
      expect((await useLink(t, path)).status).toBe(303);
      expect(await sessions()).toBe(1);
      const replay = await useLink(t, path);
      expect(replay.status).toBe(410);
      expect(await replay.text()).toContain(copy('en', 'signin.used.title'));
      expect(replay.headers.getSetCookie()).toEqual([]);
      expect(await sessions()).toBe(1);
    });

    it('an altered, expired or malformed link signs no one in and creates no account', async () => {
      const path = await linkFor(t, mailroom, 'ana@example.org');
      const token = path.slice('/signin/'.length);
      for (const forged of [tampered(token), ...MALFORMED]) {
        const res = await useLink(t, `/signin/${forged}`);
        expect(res.status, forged).toBe(404);
        expect(res.headers.getSetCookie(), forged).toEqual([]);
      }
      t.advance(20 * 60_000 + 1);
      const expired = await useLink(t, path);
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain(copy('en', 'signin.expired.title'));
      expect(await sessions()).toBe(0);
      expect(await t.deps.db.selectFrom('users').select('id').execute()).toEqual([]);
    });

    it('a link posted from another site is refused and stays usable by its owner', async () => {
      const path = await linkFor(t, mailroom, 'ana@example.org');
      const res = await t.app.request(path, {
        method: 'POST',
        headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      });
      expect(res.status).toBe(403);
      expect(await sessions()).toBe(0);
      expect((await postForm(t, path, {}, { Origin: TEST_ORIGIN })).status).toBe(303);
    });
  });
});
