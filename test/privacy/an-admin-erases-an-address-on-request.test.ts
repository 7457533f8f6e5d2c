import { beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/audit-store.js';
import { requestedAddressHash } from '../../src/privacy/deletion-request.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature, TEST_SECRET } from '../support/factories.js';
import { TEST_ORIGIN, useTestApp } from '../support/test-app.js';
import { tablesHolding } from './personal-data.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('deletion requests on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  let first: { id: number; slug: string };
  let second: { id: number; slug: string };

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    first = await makePetition(t.deps.db, { slug: 'bus-shelter' });
    second = await makePetition(t.deps.db, {
      slug: 'library-hours',
      texts: {
        en: { title: 'Keep the library open late', statement: 'Please.', why: 'Students.', deliveryDetails: '' },
        es: {
          title: 'Biblioteca abierta hasta tarde',
          statement: 'Por favor.',
          why: 'Estudiantes.',
          deliveryDetails: '',
        },
      },
    });
    // The same mailbox typed two ways (Gmail ignores dots and +tags), and other signers on both petitions.
    await makeSignature(t.deps.db, first.id, {
      name: 'Rosa Martínez',
      email: 'rosa.martinez@gmail.com',
      comment: 'Por mi hija',
    });
    await makeSignature(t.deps.db, second.id, { name: 'Rosa M', email: 'RosaMartinez+library@gmail.com' });
    await makeSignature(t.deps.db, first.id, { name: 'Sam Lee', email: 'sam@example.org' });
    await makeSignature(t.deps.db, second.id, {
      name: 'Mei Chen',
      email: 'mei@example.org',
      requiresVerification: true,
    });
  });

  const count = async (slug: string) => {
    t.advance(1500);
    return ((await (await t.app.request(`/p/${slug}.json`)).json()) as { signature_count: number }).signature_count;
  };

  it('finds every petition an address signed, and nothing about other signers', async () => {
    const page = await getAs(t, admin, '/admin/privacy');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Deletion requests</h1>');

    const found = await postFormAs(t, admin, '/admin/privacy/search', { email: ' Rosa.Martinez@GMAIL.com ' });
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toBe('no-store');
    const html = await found.text();
    expect(html).toContain('2 signatures by this address');
    expect(html).toContain('<td>Fix the bus shelter</td>');
    expect(html).toContain('<td>Keep the library open late</td>');
    expect(html).toContain('<td>November 20, 2026</td>');
    expect(html).toContain('Erase all 2 signatures');
    for (const other of ['Sam Lee', 'sam@example.org', 'Mei Chen', 'mei@example.org', 'Rosa M', 'Por mi hija'])
      expect(html).not.toContain(other);

    const none = await (await postFormAs(t, admin, '/admin/privacy/search', { email: 'nobody@example.org' })).text();
    expect(none).toContain(copy('en', 'privacyAdmin.none'));
  });

  it('erases them all with a note: counts drop, mail goes, and the audit log keeps no address', async () => {
    expect([await count('bus-shelter'), await count('library-hours')]).toEqual([2, 1]);
    const rosa = await t.deps.db
      .selectFrom('signatures')
      .select('id')
      .where('email_normalized', '=', 'rosamartinez@gmail.com')
      .orderBy('id')
      .execute();
    expect(rosa).toHaveLength(2);
    const sam = await t.deps.db
      .selectFrom('signatures')
      .select('id')
      .where('email_normalized', '=', 'sam@example.org')
      .executeTakeFirstOrThrow();
    // Moderators had removed a comment of Rosa's and one of Sam's: the audit rows kept the texts.
    await recordAudit(t.deps.db, {
      actorId: admin.user.id,
      action: 'comment.remove',
      petitionId: first.id,
      details: { signature: rosa[0]?.id, comment: 'Por mi hija' },
      now: t.deps.now(),
    });
    await recordAudit(t.deps.db, {
      actorId: admin.user.id,
      action: 'comment.remove',
      petitionId: first.id,
      details: { signature: sam.id, comment: 'Sam said this' },
      now: t.deps.now(),
    });

    const missingNote = await postFormAs(t, admin, '/admin/privacy/erase', {
      email: 'rosa.martinez@gmail.com',
      note: '  ',
    });
    expect(missingNote.status).toBe(422);
    const missingHtml = await missingNote.text();
    expect(missingHtml).toContain('id="note-error">Write a note: how and when the request arrived.</p>');
    expect(missingHtml).toContain('2 signatures by this address');
    expect(
      await t.deps.db
        .selectFrom('signatures')
        .select('id')
        .where('email_normalized', '=', 'rosamartinez@gmail.com')
        .execute(),
    ).toHaveLength(2);

    const note = 'Request received by email on 24 November';
    const erased = await postFormAs(t, admin, '/admin/privacy/erase', { email: 'rosa.martinez@gmail.com', note });
    expect(erased.status).toBe(303);
    expect(erased.headers.get('location')).toBe('/admin/privacy?erased=2');
    expect(await (await getAs(t, admin, '/admin/privacy?erased=2')).text()).toContain(
      '2 signatures erased. Counts have been adjusted.',
    );

    expect([await count('bus-shelter'), await count('library-hours')]).toEqual([1, 0]);
    expect(
      await t.deps.db
        .selectFrom('signatures')
        .select('id')
        .where('email_normalized', '=', 'rosamartinez@gmail.com')
        .execute(),
    ).toEqual([]);
    expect(
      await t.deps.db
        .selectFrom('mail_outbox')
        .select('id')
        .where(
          'signature_id',
          'in',
          rosa.map((r) => r.id),
        )
        .execute(),
    ).toEqual([]);
    expect(await t.deps.db.selectFrom('signatures').select('name').orderBy('name').execute()).toEqual([
      { name: 'Mei Chen' },
      { name: 'Sam Lee' },
    ]);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'privacy.erase_request')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.user.id, petition_id: null });
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
      note,
      addressHash: requestedAddressHash(TEST_SECRET, 'rosamartinez@gmail.com'),
      signatures: 2,
      petitions: [first.id, second.id],
    });
    expect(audit[0]?.details.toLowerCase()).not.toContain('rosa');
    expect(audit[0]?.details.toLowerCase()).not.toContain('gmail');

    // Rosa's removed comment is gone from the audit log; Sam's is not hers to erase.
    const removals = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'comment.remove')
      .orderBy('id')
      .execute();
    expect(removals.map((r) => JSON.parse(r.details) as unknown)).toEqual([
      { signature: rosa[0]?.id, comment: null, commentErased: true },
      { signature: sam.id, comment: 'Sam said this' },
    ]);

    // Asked again: nothing is left to find.
    expect(
      await (await postFormAs(t, admin, '/admin/privacy/search', { email: 'rosa.martinez@gmail.com' })).text(),
    ).toContain('No signatures were found');
  });

  it('an invalidation that picked the address out by its email pattern forgets the pattern; one naming only a domain keeps it', async () => {
    const invalidate = async (slug: string, pattern: string) => {
      const res = await postFormAs(t, admin, '/admin/invalidations', {
        slug,
        email_pattern: pattern,
        reason: `Checking ${slug}`,
      });
      expect(res.status).toBe(303);
      return Number(/\/admin\/invalidations\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    };
    const exact = await invalidate('bus-shelter', 'rosamartinez@gmail.com');
    const prefix = await invalidate('library-hours', 'rosamar*');
    const provider = await invalidate('bus-shelter', '*@gmail.com');
    const other = await invalidate('bus-shelter', 'sam*');
    expect(
      (await postFormAs(t, admin, '/admin/privacy/erase', { email: 'rosa.martinez@gmail.com', note: 'By email' }))
        .status,
    ).toBe(303);

    const criteria = async (id: number) =>
      JSON.parse(
        (await t.deps.db.selectFrom('invalidations').select('criteria').where('id', '=', id).executeTakeFirstOrThrow())
          .criteria,
      ) as Record<string, unknown>;
    expect(await criteria(exact)).toMatchObject({ emailPattern: null, erased: ['emailPattern'] });
    expect(await criteria(prefix)).toMatchObject({ emailPattern: null, erased: ['emailPattern'] });
    expect(await criteria(provider)).toMatchObject({ emailPattern: '*@gmail.com' });
    expect(await criteria(other)).toMatchObject({ emailPattern: 'sam*' });
    expect(Object.keys(await tablesHolding(t, ['rosamar']))).toEqual([]);
    const request = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'privacy.erase_request')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(request.details)).toMatchObject({ signatures: 2, invalidationPatternsErased: 2 });
    const page = await (await getAs(t, admin, `/admin/invalidations/${exact}`)).text();
    expect(page).toContain('<dt>Email pattern</dt><dd>erased (it could identify a signer)</dd>');
  });

  it('answers a mistyped address with a message in the admin’s language', async () => {
    const res = await postFormAs(
      t,
      admin,
      '/admin/privacy/search',
      { email: 'not an address' },
      { 'Accept-Language': 'es' },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain(copy('es', 'privacyAdmin.error.email'));
  });

  it('is not there for organizers, moderators or anonymous visitors, and refuses posts from other sites', async () => {
    for (const role of ['organizer', 'moderator'] as const) {
      const who = await signedIn(t, { role });
      expect((await getAs(t, who, '/admin/privacy')).status).toBe(404);
      expect((await postFormAs(t, who, '/admin/privacy/search', { email: 'rosa.martinez@gmail.com' })).status).toBe(
        404,
      );
      expect(
        (await postFormAs(t, who, '/admin/privacy/erase', { email: 'rosa.martinez@gmail.com', note: 'x' })).status,
      ).toBe(404);
    }
    expect((await t.app.request('/admin/privacy')).status).toBe(303);
    const anonymous = await t.app.request('/admin/privacy/erase', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
      },
      body: 'email=rosa.martinez%40gmail.com&note=x',
    });
    expect(anonymous.status).toBe(403);
    const crossSite = await postFormAs(
      t,
      admin,
      '/admin/privacy/erase',
      { email: 'rosa.martinez@gmail.com', note: 'x' },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect(
      await t.deps.db
        .selectFrom('signatures')
        .select('id')
        .where('email_normalized', '=', 'rosamartinez@gmail.com')
        .execute(),
    ).toHaveLength(2);
  });
});
