// A data manager's script reads an organizer's petitions and signatures through /api/v1 with a key, on both engines:
// every answer is checked against the OpenAPI document the server publishes (itself checked as OpenAPI 3.1) by a
// JSON Schema validator; 2,500 signatures are read page by page through `_links.next`; the filter and the paging
// refuse what they do not understand, in the reader's language; another organizer's petition, a revoked key, a key
// for one petition and no key are refused; every call is in the audit log; no CORS; a key is limited per minute.
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../support/test-app.js';
import { makePetition } from '../support/factories.js';
import { addSignatures } from '../support/requests.js';
import { makeUser } from '../support/accounts.js';
import { createApiKey, revokeApiKey } from '../../src/api-keys/manage-api-keys.js';
import { findUserById } from '../../src/accounts/user-store.js';
import type { User } from '../../src/accounts/user.js';
import { API_REQUESTS_PER_KEY_PER_MINUTE } from '../../src/web/api/v1/api-auth.js';
import { openApiDocument } from '../../src/web/api/v1/openapi-document.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read loosely, checked by schema

/** Validates an answer against the document's schema for that path, method and status. */
let checkAnswer: (path: string, status: number, body: unknown) => void;

beforeAll(async () => {
  const document = openApiDocument(TEST_ORIGIN);
  const validity = await new Validator().validate(structuredClone(document));
  expect(validity.errors ?? []).toEqual([]);
  expect(validity.valid).toBe(true);
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
  checkAnswer = (path, status, body) => {
    const operation = (document.paths as Json)[path]?.get;
    const answer = operation?.responses?.[String(status)];
    expect(answer, `${path} ${status} is in the document`).toBeDefined();
    const schema = Object.values(answer.content as Json)[0].schema as Json;
    const validate = ajv.getSchema(`openapi.json${schema['$ref']}`);
    expect(validate, schema['$ref']).toBeDefined();
    const ok = validate?.(body);
    expect(validate?.errors ?? [], `${path} ${status}`).toEqual([]);
    expect(ok).toBe(true);
  };
});

async function call(t: TestApp, url: string, key: string | undefined, headers: Record<string, string> = {}) {
  const res = await t.app.request(url.replace(TEST_ORIGIN, ''), {
    headers: { ...(key === undefined ? {} : { 'OSDI-API-Token': key }), ...headers },
  });
  return { res, body: (await res.json()) as Json };
}

async function keyFor(t: TestApp, user: User, petitionId: number | null = null, name = 'AN sync') {
  const result = await createApiKey(
    {
      db: t.deps.db,
      now: t.deps.now,
      petitions: t.deps.petitions,
      users: { byId: (id) => findUserById(t.deps.db, id) },
    },
    { user, name, petitionId, canWrite: false },
  );
  if (result.kind !== 'created') throw new Error(result.kind);
  return result;
}

describe.each(enginesToTest())('a data manager reads petitions and signatures through the API on $name', (engine) => {
  const t = useTestApp(engine);

  it('pages through 2,500 signatures by following _links.next, every answer as the OpenAPI document says', async () => {
    const organizer = await makeUser(t);
    const { id } = await makePetition(t.deps.db, { ownerId: organizer.id });
    for (const prefix of ['bulk', 'b2', 'b3', 'b4', 'b5']) await addSignatures(t.deps.db, id, 500, prefix);
    const { text } = await keyFor(t, organizer);

    const entry = await call(t, '/api/v1', text);
    expect(entry.res.status).toBe(200);
    expect(entry.res.headers.get('content-type')).toContain('application/hal+json');
    checkAnswer('/', 200, entry.body);
    const petitions = await call(t, entry.body['_links']['osdi:petitions'].href, text);
    checkAnswer('/petitions', 200, petitions.body);
    expect(petitions.body['total_records']).toBe(1);
    const [petition] = petitions.body['_embedded']['osdi:petitions'];
    expect(petition).toMatchObject({
      identifiers: [`firma:${id}`],
      title: 'Fix the bus shelter',
      total_signatures: 2500,
    });
    expect(petition['firma:translations']['es'].title).toBe('Arreglen la parada');
    checkAnswer('/petitions/{id}', 200, (await call(t, petition['_links'].self.href, text)).body);

    const seen: number[] = [];
    let next: string | undefined = `${petition['_links']['osdi:signatures'].href}?per_page=100`;
    let pages = 0;
    while (next !== undefined) {
      const page = await call(t, next, text);
      expect(page.res.status).toBe(200);
      checkAnswer('/petitions/{id}/signatures', 200, page.body);
      expect(page.body['total_records']).toBe(2500);
      for (const s of page.body['_embedded']['osdi:signatures']) seen.push(Number(s.identifiers[0].split(':')[1]));
      next = page.body['_links'].next?.href;
      pages += 1;
    }
    expect(pages).toBe(25);
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const one = await call(t, `/api/v1/petitions/${id}/signatures/${seen[7]}`, text);
    checkAnswer('/petitions/{id}/signatures/{signature}', 200, one.body);
    expect(one.body['person']).toMatchObject({
      given_name: 'bulk Signer 7',
      email_addresses: [{ address: 'bulk-7@example.org', primary: true }],
      postal_addresses: [{ postal_code: '06106', locality: 'Hartford', country: 'US', primary: true }],
    });
    // The offset pages (page=N without `after`) hold the same signatures as the keyed ones.
    const third = await call(t, `/api/v1/petitions/${id}/signatures?page=3&per_page=100`, text);
    expect(third.body['_embedded']['osdi:signatures'][0].identifiers).toEqual([`firma:${seen[200]}`]);
  });

  it('pending signatures only when asked; the modified_date filter; bad paging and filters refused in Spanish', async () => {
    const organizer = await makeUser(t);
    const { id } = await makePetition(t.deps.db, { ownerId: organizer.id });
    await addSignatures(t.deps.db, id, 3, 'old');
    await addSignatures(t.deps.db, id, 2, 'new');
    const ids = (await t.deps.db.selectFrom('signatures').select('id').orderBy('id').execute()).map((r) => r.id);
    await t.deps.db
      .updateTable('signatures')
      .set({ status: 'pending' })
      .where('id', '=', ids[0] ?? 0)
      .execute();
    // Two confirmed on 1 December: modified then, though signed in November.
    await t.deps.db
      .updateTable('signatures')
      .set({ confirmed_at: '2026-12-01T09:00:00.000Z' })
      .where('id', 'in', [ids[3] ?? 0, ids[4] ?? 0])
      .execute();
    const { text } = await keyFor(t, organizer);
    const list = async (query: string, headers: Record<string, string> = {}) =>
      call(t, `/api/v1/petitions/${id}/signatures?${query}`, text, headers);

    expect((await list('')).body['total_records']).toBe(4);
    const all = await list('status=all');
    expect(all.body['total_records']).toBe(5);
    expect(all.body['_embedded']['osdi:signatures'][0]['firma:status']).toBe('pending');

    const changed = await list(`filter=${encodeURIComponent("modified_date gt '2026-11-30'")}`);
    checkAnswer('/petitions/{id}/signatures', 200, changed.body);
    expect(changed.body['_embedded']['osdi:signatures'].map((s: Json) => s['modified_date'])).toEqual([
      '2026-12-01T09:00:00.000Z',
      '2026-12-01T09:00:00.000Z',
    ]);
    const before = await list(`filter=${encodeURIComponent("modified_date lt '2026-11-30T00:00:00Z'")}`);
    expect(before.body['total_records']).toBe(2);
    const between = await list(
      `filter=${encodeURIComponent("modified_date gt '2026-11-01' and modified_date lt '2026-12-02'")}`,
    );
    expect(between.body['total_records']).toBe(4);

    for (const query of [
      `filter=${encodeURIComponent("email eq 'x'")}`,
      `filter=${encodeURIComponent("modified_date gt '2026-13-45'")}`,
      `filter=${encodeURIComponent("modified_date gt ''; DROP TABLE signatures; --'")}`,
      'per_page=0',
      'per_page=101',
      'page=abc',
      'status=withdrawn',
    ]) {
      const res = await list(query, { 'Accept-Language': 'es' });
      expect(res.res.status, query).toBe(400);
      expect(res.body['error'].code).toBe('bad_request');
      expect(res.body['error'].message).toMatch(/^No se puede leer esta solicitud\. (filter|page) /);
      checkAnswer('/petitions/{id}/signatures', 400, res.body);
    }
    expect((await list('')).body['total_records']).toBe(4);
  });

  it('refuses no key, an unknown or revoked key, another organizer’s petition, and a key made for another petition', async () => {
    const ana = await makeUser(t);
    const ben = await makeUser(t);
    const anas = await makePetition(t.deps.db, { ownerId: ana.id });
    const anasOther = await makePetition(t.deps.db, { ownerId: ana.id });
    const bens = await makePetition(t.deps.db, { ownerId: ben.id });
    await addSignatures(t.deps.db, bens.id, 3);
    const key = await keyFor(t, ana);

    const none = await call(t, '/api/v1/petitions', undefined);
    expect(none.res.status).toBe(401);
    expect(none.res.headers.get('www-authenticate')).toContain('Bearer');
    expect(none.body['error'].message).toContain('OSDI-API-Token');
    checkAnswer('/petitions', 401, none.body);
    const unknown = await call(t, '/api/v1/petitions', `firma_${'A'.repeat(43)}`);
    expect(unknown.res.status).toBe(401);
    expect((await call(t, '/api/v1/petitions', 'not a key at all')).res.status).toBe(401);
    // The browser's session is no key: a signed-in organizer's cookie opens nothing here.
    expect((await call(t, '/api/v1/petitions', undefined, { Cookie: 'firma_session=whatever' })).res.status).toBe(401);

    const listed = await call(t, '/api/v1/petitions', undefined, { Authorization: `Bearer ${key.text}` });
    expect(listed.res.status).toBe(200);
    expect(listed.body['_embedded']['osdi:petitions'].map((p: Json) => p.identifiers[0]).sort()).toEqual(
      [`firma:${anas.id}`, `firma:${anasOther.id}`].sort(),
    );
    // One petition a page, newest first, the second page reached by its link; past the end, an empty page.
    const first = await call(t, '/api/v1/petitions?per_page=1', key.text);
    expect(first.body['total_records']).toBe(2);
    expect(first.body['_embedded']['osdi:petitions'].map((p: Json) => p.identifiers[0])).toEqual([
      `firma:${Math.max(anas.id, anasOther.id)}`,
    ]);
    const second = await call(
      t,
      new URL(first.body['_links']['next'].href).pathname + new URL(first.body['_links']['next'].href).search,
      key.text,
    );
    expect(second.body['_embedded']['osdi:petitions'].map((p: Json) => p.identifiers[0])).toEqual([
      `firma:${Math.min(anas.id, anasOther.id)}`,
    ]);
    expect(second.body['_links']['next']).toBeUndefined();
    expect(
      (await call(t, '/api/v1/petitions?per_page=1&page=3', key.text)).body['_embedded']['osdi:petitions'],
    ).toEqual([]);
    for (const path of [
      `/api/v1/petitions/${bens.id}`,
      `/api/v1/petitions/${bens.id}/signatures`,
      '/api/v1/petitions/999999',
    ]) {
      const refused = await call(t, path, key.text);
      expect(refused.res.status, path).toBe(404);
      expect(refused.body['error'].code).toBe('not_found');
    }

    const narrow = await keyFor(t, ana, anas.id, 'one petition');
    const narrowList = await call(t, '/api/v1/petitions', narrow.text);
    expect(narrowList.body['_embedded']['osdi:petitions'].map((p: Json) => p.identifiers[0])).toEqual([
      `firma:${anas.id}`,
    ]);
    expect((await call(t, `/api/v1/petitions/${anasOther.id}/signatures`, narrow.text)).res.status).toBe(404);

    const deps = {
      db: t.deps.db,
      now: t.deps.now,
      petitions: t.deps.petitions,
      users: { byId: (id: number) => findUserById(t.deps.db, id) },
      // The server's own check of keys: revoking in this process takes effect at once.
      checked: t.deps.apiKeys,
    };
    expect(await revokeApiKey(deps, ben, key.key.id)).toBe(false); // not Ben's to revoke
    expect((await call(t, '/api/v1/petitions', key.text)).res.status).toBe(200);
    expect(await revokeApiKey(deps, ana, key.key.id)).toBe(true);
    expect((await call(t, '/api/v1/petitions', key.text)).res.status).toBe(401);
    expect((await call(t, '/api/v1/petitions', narrow.text)).res.status).toBe(200);
  });

  it('an admin’s key reaches every petition; every call is audited under the key’s name; no CORS', async () => {
    const admin = await makeUser(t, { role: 'admin' });
    const someone = await makeUser(t);
    const theirs = await makePetition(t.deps.db, { ownerId: someone.id });
    const { text, key } = await keyFor(t, admin, null, 'instance backup');
    const res = await call(t, `/api/v1/petitions/${theirs.id}/signatures`, text, {
      Origin: 'https://elsewhere.example',
    });
    expect(res.res.status).toBe(200);
    expect(res.res.headers.get('access-control-allow-origin')).toBeNull();
    await call(t, '/api/v1/nothing-here', text);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'petition_id', 'details'])
      .where('action', '=', 'api.call')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => ({ ...a, details: JSON.parse(a.details) }))).toEqual([
      {
        actor_id: admin.id,
        action: 'api.call',
        petition_id: theirs.id,
        details: {
          key: 'instance backup',
          key_id: key.id,
          method: 'GET',
          path: `/api/v1/petitions/${theirs.id}/signatures`,
          status: 200,
        },
      },
      {
        actor_id: admin.id,
        action: 'api.call',
        petition_id: null,
        details: { key: 'instance backup', key_id: key.id, method: 'GET', path: '/api/v1/nothing-here', status: 404 },
      },
    ]);
    const used = await t.deps.db.selectFrom('api_keys').select('last_used_at').executeTakeFirstOrThrow();
    expect(used.last_used_at).toBe(t.deps.now().toISOString());
  });

  it(`a key is answered 429 after ${API_REQUESTS_PER_KEY_PER_MINUTE} requests in a minute, and again the next minute`, async () => {
    const organizer = await makeUser(t);
    const { text } = await keyFor(t, organizer);
    const other = await keyFor(t, organizer, null, 'second');
    for (let i = 0; i < API_REQUESTS_PER_KEY_PER_MINUTE; i++)
      expect((await t.app.request('/api/v1', { headers: { 'OSDI-API-Token': text } })).status).toBe(200);
    const limited = await call(t, '/api/v1', text);
    expect(limited.res.status).toBe(429);
    expect(limited.res.headers.get('retry-after')).toBe('60');
    checkAnswer('/', 429, limited.body);
    expect((await call(t, '/api/v1', other.text)).res.status).toBe(200);
    t.advance(61_000);
    expect((await call(t, '/api/v1', text)).res.status).toBe(200);
  });
});
