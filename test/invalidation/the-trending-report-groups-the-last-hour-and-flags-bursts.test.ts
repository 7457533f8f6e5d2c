import { beforeEach, describe, expect, it } from 'vitest';
import { addressNetworkHash } from '../../src/signing/address-hash.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { addSigners, burst } from './seed.js';
import { copy } from '../support/copy.js';

// The test clock says 2026-11-25T12:00:00Z: the last hour starts at 11:00.
describe.each(enginesToTest())('the trending report on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  let attacked: { id: number; slug: string };
  let quiet: { id: number; slug: string };

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    attacked = await makePetition(t.deps.db);
    quiet = await makePetition(t.deps.db);
    await addSigners(t, attacked.id, [
      // 30 from one /24 with one disposable domain, between 11:40 and 11:41.
      ...burst(15, '203.0.113', 'mailinator.com', '2026-11-25T11:40:10.000Z'),
      ...burst(15, '203.0.113', 'mailinator.com', '2026-11-25T11:41:30.000Z').map((s) => ({
        ...s,
        email: s.email.replace('bot', 'bat'),
      })),
      // 10 honest signers from distinct networks and domains.
      ...Array.from({ length: 10 }, (_, i) => ({
        email: `person${i}@town${i}.example`,
        address: `198.51.${i}.1`,
        createdAt: '2026-11-25T11:20:00.000Z',
      })),
      // Older than an hour: not in the report.
      ...burst(40, '192.0.2', 'old.example', '2026-11-25T10:30:00.000Z'),
    ]);
    await addSigners(t, quiet.id, [
      { email: 'a@example.org', address: '198.51.200.1', createdAt: '2026-11-25T11:50:00.000Z' },
      { email: 'b@example.org', address: '198.51.200.2', createdAt: '2026-11-25T11:51:00.000Z' },
      { email: 'c@other.example', address: '198.51.201.2', createdAt: '2026-11-25T11:52:00.000Z' },
    ]);
  });

  it('groups the last hour by network and domain, and calls out the burst in words', async () => {
    const res = await getAs(t, admin, '/admin/trending');
    expect(res.status).toBe(200);
    const html = await res.text();
    const label = (addressNetworkHash(t.deps.hashAddress, '203.0.113.1') ?? '').slice(0, 6);
    expect(html).toContain(`network #${label}`);
    expect(html).toContain('40 signatures in the last hour');
    expect(html).toContain('3 signatures in the last hour');
    // The attacked petition first: 30 from one network (75% of its hour), 30 with one domain.
    expect(html.indexOf(attacked.slug)).toBeLessThan(html.indexOf(quiet.slug));
    expect(html).toContain('75% of the hour');
    expect(html.match(/Burst: more than 20 in one hour/g)).toHaveLength(2);
    // The quiet petition's pair from one network and one domain is listed, not flagged.
    expect(html).toContain('67% of the hour');
    expect(html).not.toContain('old.example');
    expect(html).not.toContain('192.0.2');
    expect(html).not.toContain('203.0.113');
    expect(html).toContain('mailinator.com');
  });

  it('links each group to the invalidation form, filled in with the petition, the group and its minutes', async () => {
    const html = await (await getAs(t, admin, '/admin/trending')).text();
    const network = addressNetworkHash(t.deps.hashAddress, '203.0.113.1') ?? '';
    const networkLink = `/admin/invalidations?slug=${attacked.slug}&amp;network=${network}&amp;from=2026-11-25T11%3A40&amp;to=2026-11-25T11%3A41`;
    expect(html).toContain(`href="${networkLink}"`);
    const domainLink = `/admin/invalidations?slug=${attacked.slug}&amp;domain=mailinator.com&amp;from=2026-11-25T11%3A40&amp;to=2026-11-25T11%3A41`;
    expect(html).toContain(`href="${domainLink}"`);
    const form = await (await getAs(t, admin, networkLink.replaceAll('&amp;', '&'))).text();
    expect(form).toContain(`value="${network}"`);
    expect(form).toContain('value="2026-11-25T11:40"');
    expect(form).toContain('value="2026-11-25T11:41"');
  });

  it("a share of more than half of a petition's hour is a burst even under 20", async () => {
    await addSigners(t, quiet.id, burst(12, '203.0.50', 'burst.example', '2026-11-25T11:55:00.000Z'));
    const html = await (await getAs(t, admin, '/admin/trending')).text();
    expect(html).toContain(copy('en', 'trending.burst.share'));
  });

  it('leaves out invalidated signatures and petitions no longer open', async () => {
    await t.deps.db
      .updateTable('signatures')
      .set({ status: 'invalidated' })
      .where('email_domain', '=', 'mailinator.com')
      .execute();
    await t.deps.db.updateTable('petitions').set({ status: 'closed' }).where('id', '=', quiet.id).execute();
    const html = await (await getAs(t, admin, '/admin/trending')).text();
    expect(html).not.toContain('mailinator.com');
    expect(html).not.toContain('Burst:');
    expect(html).not.toContain(quiet.slug);
    expect(html).toContain('10 signatures in the last hour');
  });

  it('is in Spanish for a Spanish reader', async () => {
    const html = await (await getAs(t, admin, '/admin/trending', { 'Accept-Language': 'es' })).text();
    expect(html).toContain(copy('es', 'trending.title'));
    expect(html).toContain(copy('es', 'trending.burst.count'));
    expect(html).toContain('75 % de la hora');
  });
});
