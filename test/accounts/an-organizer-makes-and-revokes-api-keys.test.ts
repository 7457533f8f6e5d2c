// API keys from the account page and the command line, on both engines: a key is shown once, in the page that made
// it, and works at once; only a hash is stored; a key without a name or for someone else's petition is refused
// beside the field (English and Spanish); revoking it stops it; another account's key cannot be revoked; a cross-site
// form cannot make one; `firma api-key create|list|revoke` does the same for scripts.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { makePetition } from '../support/factories.js';
import { getAs, makeUser, postFormAs, signedIn } from '../support/accounts.js';
import { hashKey } from '../../src/api-keys/api-key.js';
import { runApiKeyCommand } from '../../src/api-keys/api-key-command.js';
import { API_KEY_CACHE_MS } from '../../src/api-keys/manage-api-keys.js';
import { findUserByEmail, findUserById } from '../../src/accounts/user-store.js';
import { findPetitionBySlug } from '../../src/petitions/petition-store.js';

const KEY = /firma_[A-Za-z0-9_-]{43}/;

async function apiStatus(t: TestApp, key: string) {
  return (await t.app.request('/api/v1/petitions', { headers: { 'OSDI-API-Token': key } })).status;
}

describe.each(enginesToTest())('an organizer makes and revokes API keys on $name', (engine) => {
  const t = useTestApp(engine);

  it('a key made on the account page is shown once, works at once, is stored only as a hash, and can be revoked', async () => {
    const ana = await signedIn(t);
    const { id } = await makePetition(t.deps.db, { ownerId: ana.user.id });
    const page = await (await getAs(t, ana, '/account')).text();
    expect(page).toContain('API keys');
    expect(page).toContain('You have no API keys.');
    expect(page).toContain(`<option value="${id}">Fix the bus shelter</option>`);

    const made = await postFormAs(t, ana, '/account/api-keys', { name: 'Action Network sync', petition: String(id) });
    expect(made.status).toBe(200);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const html = await made.text();
    expect(html).toContain('Your key “Action Network sync” is made. Copy it now');
    const key = KEY.exec(html)?.[0] ?? '';
    expect(key).not.toBe('');
    expect(await apiStatus(t, key)).toBe(200);

    const stored = await t.deps.db.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow();
    expect(stored.key_hash).toBe(hashKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    const later = await (await getAs(t, ana, '/account')).text();
    expect(later).not.toContain(key);
    expect(later).toContain(`${key.slice(0, 12)}…`);
    expect(later).toContain('Revoke the key “Action Network sync”');

    const revoked = await postFormAs(t, ana, `/account/api-keys/${stored.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/account?revoked=1#api-keys');
    expect(await (await getAs(t, ana, '/account?revoked=1')).text()).toContain('The key is revoked');
    expect(await apiStatus(t, key)).toBe(401);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['api_key.create', 'api.call', 'api_key.revoke']);
  });

  it('no name, a name too long, or another organizer’s petition are refused beside the field, in Spanish too', async () => {
    const ana = await signedIn(t);
    const ben = await makeUser(t);
    const bens = await makePetition(t.deps.db, { ownerId: ben.id });
    for (const [fields, message, lang] of [
      [{ name: ' ', petition: 'all' }, 'Give the key a name, up to 100 characters.', 'en'],
      [{ name: 'x'.repeat(101), petition: 'all' }, 'Give the key a name, up to 100 characters.', 'en'],
      [{ name: 'sync', petition: String(bens.id) }, 'Choose one of your petitions, or all of them.', 'en'],
      [{ name: 'sync', petition: 'abc' }, 'Choose one of your petitions, or all of them.', 'en'],
      [{ name: '', petition: 'all' }, 'Dé un nombre a la clave, de hasta 100 caracteres.', 'es'],
    ] as const) {
      const res = await postFormAs(t, ana, '/account/api-keys', fields, { Cookie: `${ana.cookie}; lang=${lang}` });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain('aria-invalid="true"');
      expect(html).not.toMatch(KEY);
    }
    expect(await t.deps.db.selectFrom('api_keys').selectAll().execute()).toEqual([]);
  });

  it('another account’s key cannot be revoked, and a cross-site form cannot make a key', async () => {
    const ana = await signedIn(t);
    const ben = await signedIn(t);
    const made = await (await postFormAs(t, ana, '/account/api-keys', { name: 'mine', petition: 'all' })).text();
    const key = KEY.exec(made)?.[0] ?? '';
    const { id } = await t.deps.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow();
    expect((await postFormAs(t, ben, `/account/api-keys/${id}/revoke`, {})).status).toBe(303);
    expect(await apiStatus(t, key)).toBe(200);

    const forged = await postFormAs(
      t,
      ana,
      '/account/api-keys',
      { name: 'forged', petition: 'all' },
      {
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
    );
    expect(forged.status).toBe(403);
    expect(await t.deps.db.selectFrom('api_keys').select('name').execute()).toEqual([{ name: 'mine' }]);
  });

  it('firma api-key create, list and revoke (the server notices a revocation within seconds)', async () => {
    const ana = await makeUser(t, { email: 'ana@example.org' });
    const { slug } = await makePetition(t.deps.db, { ownerId: ana.id });
    const run = async (args: string[], options: Record<string, string> = {}) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runApiKeyCommand(
        {
          db: t.deps.db,
          now: t.deps.now,
          petitions: t.deps.petitions,
          users: { byId: (id) => findUserById(t.deps.db, id), byEmail: (email) => findUserByEmail(t.deps.db, email) },
          petitionIdOf: async (s) => (await findPetitionBySlug(t.deps.db, s))?.id,
        },
        args,
        options,
        { out: (l) => out.push(l), err: (l) => err.push(l) },
      );
      return { code, out, err };
    };
    const made = await run(['create'], { user: 'Ana@Example.org', petition: slug, name: 'nightly export' });
    expect(made.code).toBe(0);
    expect(made.out).toHaveLength(1);
    const key = made.out[0] ?? '';
    expect(key).toMatch(new RegExp(`^${KEY.source}$`));
    expect(await apiStatus(t, key)).toBe(200);

    const listed = await run(['list'], { user: 'ana@example.org' });
    expect(listed.out.join('\n')).toContain(`"nightly export"  petition ${slug}`);
    expect(listed.out.join('\n')).not.toContain(key);

    expect((await run(['create'], { user: 'nobody@example.org' })).code).toBe(2);
    expect((await run(['create'], { user: 'ana@example.org', petition: 'no-such-petition' })).code).toBe(2);
    expect((await run(['create'])).code).toBe(2);
    const { id } = await t.deps.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow();
    expect((await run(['revoke'], { user: 'ana@example.org', id: String(id) })).code).toBe(0);
    // The command is another process: the server notices within API_KEY_CACHE_MS, when its check of the key expires.
    t.advance(API_KEY_CACHE_MS);
    expect(await apiStatus(t, key)).toBe(401);
    expect((await run(['revoke'], { user: 'ana@example.org', id: String(id) })).code).toBe(1);
  });
});
