import { beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { processInvalidations } from '../../src/moderation/invalidation/invalidation-job.js';
import { eraseDuePersonalData, retentionDeps } from '../../src/privacy/erase-due.js';
import { addressNetworkHash } from '../../src/signing/address-hash.js';
import { countSignatures } from '../../src/signing/signature-counts.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { addSigners } from '../invalidation/seed.js';
import { tablesHolding } from './personal-data.js';

const DAY = 24 * 3600_000;

describe.each(enginesToTest())('retention and bulk invalidations on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  let petition: { id: number; slug: string };

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    petition = await makePetition(t.deps.db, { slug: 'closes-in-november', closesAt: '2026-11-30T23:59:59.000Z' });
    await addSigners(t, petition.id, [
      { email: 'rosa.martinez@example.org', address: '203.0.113.7', zip: '06106' },
      { email: 'sam.lee@example.net', address: '192.0.2.44', zip: '06106' },
      ...Array.from({ length: 6 }, (_, i) => ({
        email: `bot${i}@mailinator.com`,
        address: `198.51.100.${i + 1}`,
        zip: '06510',
      })),
    ]);
  });

  async function invalidate(fields: Record<string, string>): Promise<number> {
    const res = await postFormAs(t, admin, '/admin/invalidations', { slug: petition.slug, ...fields });
    expect(res.status).toBe(303);
    return Number(/\/admin\/invalidations\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
  }
  const stored = async (id: number) =>
    JSON.parse(
      (await t.deps.db.selectFrom('invalidations').select('criteria').where('id', '=', id).executeTakeFirstOrThrow())
        .criteria,
    ) as Record<string, unknown>;
  const signInAgain = async () => {
    admin = {
      user: admin.user,
      cookie: `${SESSION_COOKIE}=${await createSession(t.deps.db, admin.user.id, t.deps.now())}`,
    };
  };

  it('erases the email pattern, network and address of the petition’s invalidations; keeps petition, domain, ZIP and time window', async () => {
    const network = addressNetworkHash(t.deps.hashAddress, '198.51.100.1') ?? '';
    expect(network).toHaveLength(22);
    const byEmail = await invalidate({
      email_pattern: 'rosa.martinez@example.org',
      zip: '06106',
      from: '2026-11-25T11:00',
      to: '2026-11-25T12:00',
      reason: 'Signed for someone else',
    });
    const byRange = await invalidate({
      address: '198.51.100.0/24',
      domain: 'mailinator.com',
      reason: 'Scripted from one network',
    });
    const byNetwork = await invalidate({ network, zip: '06510', reason: 'Burst in the trending report' });
    await processInvalidations(t.deps);
    const countBefore = 1;
    expect((await countSignatures(t.deps.db, [petition.id])).get(petition.id)).toBe(countBefore);

    t.advance(190 * DAY);
    const [erasure] = await eraseDuePersonalData(retentionDeps(t.deps));
    expect(erasure?.petitionId).toBe(petition.id);

    expect(await stored(byEmail)).toEqual({
      emailPattern: null,
      domain: null,
      network: null,
      address: null,
      zip: '06106',
      from: '2026-11-25T11:00:00.000Z',
      until: '2026-11-25T12:01:00.000Z',
      upToId: expect.any(Number),
      erased: ['emailPattern'],
    });
    expect(await stored(byRange)).toMatchObject({ address: null, domain: 'mailinator.com', erased: ['address'] });
    expect(await stored(byNetwork)).toMatchObject({ network: null, zip: '06510', erased: ['network'] });

    // Nothing in any table still holds the address, the range or the network.
    expect(
      await tablesHolding(t, ['rosa.martinez@example.org', '198.51.100.0/24', network, network.slice(0, 6)]),
    ).toEqual({});
    const created = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'invalidation.create')
      .orderBy('id')
      .execute();
    expect(created.map((r) => JSON.parse(r.details) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        reason: 'Signed for someone else',
        criteria: { zip: '06106', from: '2026-11-25T11:00:00.000Z', until: '2026-11-25T12:01:00.000Z' },
        criteriaErased: true,
      }),
      expect.objectContaining({
        reason: 'Scripted from one network',
        criteria: { domain: 'mailinator.com' },
        criteriaErased: true,
      }),
      expect.objectContaining({
        reason: 'Burst in the trending report',
        criteria: { zip: '06510' },
        criteriaErased: true,
      }),
    ]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'retention.erase')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ invalidationCriteriaErased: 3 });

    // What was invalidated stays invalidated and the count does not move.
    expect((await countSignatures(t.deps.db, [petition.id])).get(petition.id)).toBe(countBefore);
    const states = await t.deps.db.selectFrom('invalidations').select(['state', 'processed']).orderBy('id').execute();
    expect(states.map((s) => [s.state, Number(s.processed)])).toEqual([
      ['done', 1],
      ['done', 6],
      // The same bots, already taken out by the range.
      ['done', 0],
    ]);

    // The admin's pages still show each invalidation, saying which criteria were erased.
    await signInAgain();
    const page = await getAs(t, admin, `/admin/invalidations/${byEmail}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<dt>Email pattern<\/dt><dd>erased \(it could identify a signer\)<\/dd>/);
    expect(html).toContain('<dt>ZIP code</dt><dd>06106</dd>');
    expect(html).toContain('Signed for someone else');
    const es = await (await getAs(t, admin, `/admin/invalidations/${byRange}`, { 'Accept-Language': 'es' })).text();
    expect(es).toContain('<dt>Dirección o rango del cliente</dt><dd>borrado (podía identificar a quien firmó)</dd>');
    expect(es).toContain('<dd>mailinator.com</dd>');
    const networkPage = await (await getAs(t, admin, `/admin/invalidations/${byNetwork}`)).text();
    expect(networkPage).toMatch(
      /<dt>Network \(from the trending report\)<\/dt><dd>erased \(it could identify a signer\)<\/dd>/,
    );
    const list = await getAs(t, admin, '/admin/invalidations');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`href="/admin/invalidations/${byNetwork}"`);
    const auditPage = await getAs(t, admin, '/admin/audit?action=invalidation.create');
    expect(auditPage.status).toBe(200);
    expect(await auditPage.text()).not.toContain('rosa.martinez');

    // Reversing still puts the signatures back by the record, without the erased criteria.
    expect((await postFormAs(t, admin, `/admin/invalidations/${byRange}/reverse`, {})).status).toBe(303);
    await processInvalidations(t.deps);
    expect((await countSignatures(t.deps.db, [petition.id])).get(petition.id)).toBe(countBefore + 6);
  });

  it('an invalidation still queued when its criteria are erased selects nothing more, rather than everything left', async () => {
    const queued = await invalidate({ email_pattern: 'bot*', zip: '06510', reason: 'Bots' });
    t.advance(190 * DAY);
    await eraseDuePersonalData(retentionDeps(t.deps));
    await processInvalidations(t.deps);
    const row = await t.deps.db
      .selectFrom('invalidations')
      .select(['state', 'processed'])
      .where('id', '=', queued)
      .executeTakeFirstOrThrow();
    expect([row.state, Number(row.processed)]).toEqual(['done', 0]);
    expect((await countSignatures(t.deps.db, [petition.id])).get(petition.id)).toBe(8);
  });

  it('invalidations of other petitions keep their criteria', async () => {
    const other = await makePetition(t.deps.db, { slug: 'still-open' });
    await addSigners(t, other.id, [{ email: 'rosa.martinez@example.org', address: '203.0.113.7' }]);
    const res = await postFormAs(t, admin, '/admin/invalidations', {
      slug: 'still-open',
      email_pattern: 'rosa.martinez@example.org',
      reason: 'Checked by phone',
    });
    const id = Number(/\/admin\/invalidations\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    t.advance(190 * DAY);
    await eraseDuePersonalData(retentionDeps(t.deps));
    expect(await stored(id)).toMatchObject({ emailPattern: 'rosa.martinez@example.org' });
    expect((await stored(id))['erased']).toBeUndefined();
  });
});
