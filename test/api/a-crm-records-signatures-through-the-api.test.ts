// A CRM or another form records signatures through OSDI's record_signature_helper, on both engines: a new person is
// signed as the petition page's form signs them (201, Location, counted or pending as the petition says, the
// confirmation email in their language), a second time answers 200 with the same signature and changes nothing, a
// bad field answers 422 with the form's own message beside it (Spanish too), and a read-only key, a closed petition,
// another organizer's petition and a body that is not JSON are refused. Answers are checked against the OpenAPI
// document.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../support/test-app.js';
import { makePetition } from '../support/factories.js';
import { makeUser } from '../support/accounts.js';
import { openMailroom } from '../support/mailroom.js';
import { createApiKey } from '../../src/api-keys/manage-api-keys.js';
import { findUserById } from '../../src/accounts/user-store.js';
import type { User } from '../../src/accounts/user.js';
import { openApiDocument } from '../../src/web/api/v1/openapi-document.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read loosely, checked by schema

const document = openApiDocument(TEST_ORIGIN);
const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ $id: 'openapi.json', components: document.components });

function expectAnswer(status: number, body: unknown) {
  const answer = (document.paths as Json)['/petitions/{id}/signatures'].post.responses[String(status)];
  expect(answer, `${status} is in the document`).toBeDefined();
  const validate = ajv.getSchema(`openapi.json${(Object.values(answer.content as Json)[0] as Json).schema.$ref}`);
  expect(validate?.(body), JSON.stringify(validate?.errors)).toBe(true);
}

async function writeKey(t: TestApp, user: User, canWrite = true) {
  const result = await createApiKey(
    {
      db: t.deps.db,
      now: t.deps.now,
      petitions: t.deps.petitions,
      users: { byId: (id) => findUserById(t.deps.db, id) },
    },
    { user, name: 'crm', petitionId: null, canWrite },
  );
  if (result.kind !== 'created') throw new Error(result.kind);
  return result.text;
}

const person = (overrides: Json = {}) => ({
  person: {
    given_name: 'Rosa',
    family_name: 'Martínez López',
    email_addresses: [{ address: 'rosa@example.org' }],
    postal_addresses: [{ postal_code: '06106' }],
    languages_spoken: ['es'],
    ...overrides,
  },
  comments: 'Por mi familia.',
  referrer_data: { source: 'an-sync' },
});

async function record(
  t: TestApp,
  petitionId: number,
  key: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await t.app.request(`/api/v1/petitions/${petitionId}/signatures`, {
    method: 'POST',
    headers: { 'OSDI-API-Token': key, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { res, body: (await res.json()) as Json };
}

describe.each(enginesToTest())('a CRM records signatures through the API on $name', (engine) => {
  const t = useTestApp(engine);

  it('signs a new person as the form does, with the confirmation email, and answers a second time with the same signature', async () => {
    const organizer = await makeUser(t);
    const { id } = await makePetition(t.deps.db, { ownerId: organizer.id, requiresVerification: true });
    const key = await writeKey(t, organizer);

    const first = await record(t, id, key, person());
    expect(first.res.status).toBe(201);
    expectAnswer(201, first.body);
    expect(first.res.headers.get('location')).toBe(first.body['_links'].self.href);
    expect(first.body).toMatchObject({
      comments: 'Por mi familia.',
      person: { given_name: 'Rosa Martínez López', email_addresses: [{ address: 'rosa@example.org', primary: true }] },
      referrer_data: { source: 'an-sync' },
      'firma:status': 'pending',
      'firma:language': 'es',
    });
    const rows = await t.deps.db.selectFrom('signatures').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'Rosa Martínez López',
      postal_code: '06106',
      town: 'Hartford',
      name_display: 'hidden',
      opt_in: 0,
    });

    const again = await record(
      t,
      id,
      key,
      person({ given_name: 'Rosa M.', email_addresses: [{ address: 'ROSA@example.org' }] }),
    );
    expect(again.res.status).toBe(200);
    expectAnswer(200, again.body);
    expect(again.body['identifiers']).toEqual(first.body['identifiers']);
    expect(await t.deps.db.selectFrom('signatures').select('name').execute()).toEqual([
      { name: 'Rosa Martínez López' },
    ]);

    const mailroom = await openMailroom(t);
    try {
      const mails = await mailroom.deliver();
      expect(mails.length).toBeGreaterThanOrEqual(1);
      expect(mails.every((m) => m.to === 'rosa@example.org')).toBe(true);
      expect(mails[0]?.subject).toMatch(/Confirma/);
    } finally {
      await mailroom.close();
    }
  });

  it('a bad field is answered 422 with the form’s own message, in Spanish too; nothing is signed', async () => {
    const organizer = await makeUser(t);
    const { id } = await makePetition(t.deps.db, { ownerId: organizer.id });
    const key = await writeKey(t, organizer);
    const bad = await record(
      t,
      id,
      key,
      person({ email_addresses: [{ address: 'not-an-email' }], postal_addresses: [{ postal_code: '123' }] }),
    );
    expect(bad.res.status).toBe(422);
    expectAnswer(422, bad.body);
    expect(Object.keys(bad.body['error'].fields).sort()).toEqual(['email', 'postal_code']);
    const spanish = await record(t, id, key, person({ given_name: '', family_name: '' }), { 'Accept-Language': 'es' });
    expect(spanish.res.status).toBe(422);
    expect(spanish.body['error'].message).toMatch(/^Algunos campos no son correctos/);
    expect(spanish.body['error'].fields.name).toMatch(/nombre/i);
    expect(await t.deps.db.selectFrom('signatures').selectAll().execute()).toEqual([]);
  });

  it('refuses a read-only key, a closed petition, another organizer’s petition, and what is not a person', async () => {
    const organizer = await makeUser(t);
    const other = await makeUser(t);
    const open = await makePetition(t.deps.db, { ownerId: organizer.id });
    const closed = await makePetition(t.deps.db, { ownerId: organizer.id, status: 'closed' });
    const theirs = await makePetition(t.deps.db, { ownerId: other.id });
    const key = await writeKey(t, organizer);
    const readOnly = await writeKey(t, organizer, false);

    const refusals: [number, string | Json, string, number][] = [
      [open.id, person(), readOnly, 403],
      [closed.id, person(), key, 409],
      [theirs.id, person(), key, 404],
      [open.id, '{"person":', key, 400],
      [open.id, { person: { given_name: 'Rosa' } }, key, 400],
      [open.id, [person()], key, 400],
      // Over 16 KiB: refused in JSON, like every other error of the API, before the body is read.
      [open.id, person({ 'firma:comment': 'x'.repeat(17 * 1024) }), key, 413],
    ];
    for (const [petitionId, body, k, status] of refusals) {
      const answer = await record(t, petitionId, k, body);
      expect(answer.res.status, JSON.stringify(body)).toBe(status);
      expectAnswer(status, answer.body);
      if (status === 413) expect(answer.body['error'].code).toBe('too_large');
    }
    expect(await t.deps.db.selectFrom('signatures').selectAll().execute()).toEqual([]);
  });

  it('a signature marked as gathered in person is counted at once, with a notice instead of the confirmation email', async () => {
    const organizer = await makeUser(t);
    const { id, slug } = await makePetition(t.deps.db, { ownerId: organizer.id, requiresVerification: true });
    const key = await writeKey(t, organizer);

    const paper = await record(t, id, key, {
      ...person(),
      'firma:method': 'paper',
      'firma:sheet': 4,
      'firma:sheet_line': 7,
    });
    expect(paper.res.status).toBe(201);
    expectAnswer(201, paper.body);
    expect(paper.body).toMatchObject({
      'firma:status': 'confirmed',
      'firma:method': 'paper',
      'firma:sheet': 4,
      'firma:sheet_line': 7,
    });
    const kiosk = await record(t, id, key, {
      ...person({ email_addresses: [{ address: 'luis@example.org' }], languages_spoken: ['en'] }),
      'firma:method': 'kiosk',
    });
    expect(kiosk.res.status).toBe(201);
    expect(kiosk.body).toMatchObject({ 'firma:status': 'confirmed', 'firma:method': 'kiosk' });
    const rows = await t.deps.db
      .selectFrom('signatures')
      .select(['email', 'status', 'method', 'sheet', 'sheet_line', 'source'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { email: 'rosa@example.org', status: 'confirmed', method: 'paper', sheet: 4, sheet_line: 7, source: 'an-sync' },
      {
        email: 'luis@example.org',
        status: 'confirmed',
        method: 'kiosk',
        sheet: null,
        sheet_line: null,
        source: 'an-sync',
      },
    ]);
    const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as Json;
    expect(json['signature_count']).toBe(2);
    expect(json['signatures_by_method']).toEqual({ online: 0, paper: 1, kiosk: 1 });

    // The same sheet line again, by someone else: 409, nothing written. The same person again: 200, the same one.
    const line = await record(t, id, key, {
      ...person({ email_addresses: [{ address: 'ana@example.org' }] }),
      'firma:method': 'paper',
      'firma:sheet': 4,
      'firma:sheet_line': 7,
    });
    expect(line.res.status).toBe(409);
    expectAnswer(409, line.body);
    const again = await record(t, id, key, { ...person(), 'firma:method': 'kiosk' });
    expect(again.res.status).toBe(200);
    expect(again.body['identifiers']).toEqual(paper.body['identifiers']);
    // A sheet without its line, or with a kiosk: 400.
    for (const bad of [
      { ...person(), 'firma:method': 'paper', 'firma:sheet': 4 },
      { ...person(), 'firma:method': 'kiosk', 'firma:sheet': 4, 'firma:sheet_line': 1 },
    ]) {
      const refused = await record(t, id, key, bad);
      expect(refused.res.status).toBe(400);
      expectAnswer(400, refused.body);
    }
    expect(await t.deps.db.selectFrom('signatures').selectAll().execute()).toHaveLength(2);

    // Each signer is told, in their language, how it was gathered, with the withdraw link; no confirmation email.
    const mailroom = await openMailroom(t);
    try {
      const mails = await mailroom.deliver();
      expect(mails.map((m) => m.to).sort()).toEqual(['luis@example.org', 'rosa@example.org']);
      const rosa = mails.find((m) => m.to === 'rosa@example.org');
      expect(rosa?.text).toContain('hoja de firmas');
      const luis = mails.find((m) => m.to === 'luis@example.org');
      expect(luis?.text).toContain('tablet');
      expect(mails.some((m) => /Confirm/.test(m.subject))).toBe(false);
    } finally {
      await mailroom.close();
    }
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'signatures.in_person')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actor_id === organizer.id)).toBe(true);
  });
});
