import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseInvalidationForm,
  type InvalidationFormValues,
} from '../../src/moderation/invalidation/invalidation-criteria.js';
import { whereMatches } from '../../src/moderation/invalidation/invalidation-store.js';
import { addressNetworkHash } from '../../src/signing/address-hash.js';
import { postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { addSigners } from './seed.js';
import { copy } from '../support/copy.js';

const SIGNERS = [
  { email: 'rosa@example.org', address: '198.51.100.10', zip: '06106', createdAt: '2026-11-25T10:00:00.000Z' },
  { email: 'bot1@mailinator.com', address: '203.0.113.5', zip: '06106', createdAt: '2026-11-25T11:00:00.000Z' },
  {
    email: 'bot2@mailinator.com',
    address: '203.0.113.6',
    zip: '10001',
    createdAt: '2026-11-25T11:05:00.000Z',
    status: 'pending' as const,
  },
  { email: 'bottle@example.org', address: '203.0.114.7', zip: '10001', createdAt: '2026-11-25T11:10:59.000Z' },
  { email: 'luis@Example.ORG', address: '2001:db8:1::5', zip: '06106', createdAt: '2026-11-25T11:20:00.000Z' },
  {
    email: 'ana@mail.example.net',
    address: '::ffff:198.51.100.77',
    zip: '06106',
    createdAt: '2026-11-25T11:30:00.000Z',
  },
  { email: 'x_y@example.org', address: '192.0.2.1', zip: '06106', createdAt: '2026-11-25T11:40:00.000Z' },
  { email: 'xzy@example.org', address: '192.0.2.2', zip: '06106', createdAt: '2026-11-25T11:41:00.000Z' },
  { email: 'legacy@mailinator.com', zip: '06106', createdAt: '2026-11-25T11:50:00.000Z' },
];

const CASES: [string, InvalidationFormValues, string[]][] = [
  [
    'an email pattern ending in a domain',
    { email_pattern: '*@MAILINATOR.com' },
    ['bot1@mailinator.com', 'bot2@mailinator.com', 'legacy@mailinator.com'],
  ],
  [
    'an email pattern by its start',
    { email_pattern: 'bot*' },
    ['bot1@mailinator.com', 'bot2@mailinator.com', 'bottle@example.org'],
  ],
  ['an email pattern with LIKE characters taken literally', { email_pattern: 'x_y*' }, ['x_y@example.org']],
  ['a whole address as a pattern', { email_pattern: 'rosa@example.org' }, ['rosa@example.org']],
  [
    'a domain (and the older signatures without one recorded)',
    { domain: 'mailinator.com' },
    ['bot1@mailinator.com', 'bot2@mailinator.com', 'legacy@mailinator.com'],
  ],
  [
    'a domain typed with @ and capitals',
    { domain: '@Example.org' },
    ['rosa@example.org', 'bottle@example.org', 'luis@Example.ORG', 'x_y@example.org', 'xzy@example.org'],
  ],
  ['one IPv4 address', { address: '203.0.113.5' }, ['bot1@mailinator.com']],
  ['an IPv4 address that signed as IPv4-mapped IPv6', { address: '198.51.100.77' }, ['ana@mail.example.net']],
  ['a /24', { address: '203.0.113.0/24' }, ['bot1@mailinator.com', 'bot2@mailinator.com']],
  [
    'a /22 (four /24s)',
    { address: '203.0.112.0/22' },
    ['bot1@mailinator.com', 'bot2@mailinator.com', 'bottle@example.org'],
  ],
  [
    'a /25 (its addresses, not the whole /24)',
    { address: '198.51.100.0/25' },
    ['rosa@example.org', 'ana@mail.example.net'],
  ],
  ['a /28', { address: '198.51.100.64/28' }, ['ana@mail.example.net']],
  ['an IPv6 /48', { address: '2001:db8:1::/48' }, ['luis@Example.ORG']],
  ['an IPv6 /40', { address: '2001:db8::/40' }, ['luis@Example.ORG']],
  ['one IPv6 address, written long', { address: '2001:0db8:0001:0000:0000:0000:0000:0005' }, ['luis@Example.ORG']],
  ['a ZIP code', { zip: '10001' }, ['bot2@mailinator.com', 'bottle@example.org']],
  [
    'a time window (the "to" minute included)',
    { from: '2026-11-25T11:05', to: '2026-11-25T11:10' },
    ['bot2@mailinator.com', 'bottle@example.org'],
  ],
  ['from a moment on', { from: '2026-11-25T11:40' }, ['x_y@example.org', 'xzy@example.org', 'legacy@mailinator.com']],
  [
    'several criteria together',
    { domain: 'mailinator.com', zip: '06106' },
    ['bot1@mailinator.com', 'legacy@mailinator.com'],
  ],
  ['nothing matching', { email_pattern: '*@nowhere.example' }, []],
];

describe.each(enginesToTest())('bulk invalidation criteria on $name', (engine) => {
  let t: TestApp;
  let admin: SignedIn;
  let petition: { id: number; slug: string };
  beforeAll(async () => {
    if (engine.skipReason !== undefined) return;
    t = await createTestApp(engine);
    admin = await signedIn(t, { role: 'admin' });
    petition = await makePetition(t.deps.db);
    const other = await makePetition(t.deps.db);
    await addSigners(t, petition.id, SIGNERS);
    // Another petition's signers never match, whatever the criteria.
    await addSigners(t, other.id, [{ email: 'bot1@mailinator.com', address: '203.0.113.5', zip: '10001' }]);
    // A signature recorded before the domain was: it is found through its address.
    await t.deps.db
      .updateTable('signatures')
      .set({ email_domain: null })
      .where('email_normalized', '=', 'legacy@mailinator.com')
      .execute();
  });
  afterAll(async () => t?.close());

  it.each(CASES)('%s selects exactly its signatures', async (_name, values, expected) => {
    if (engine.skipReason !== undefined) return;
    const parsed = parseInvalidationForm({ slug: petition.slug, reason: 'test', ...values }, t.deps.hashAddress);
    if (!parsed.ok) throw new Error(`the form was refused: ${JSON.stringify(parsed.errors)}`);
    const rows = await whereMatches(t.deps.db.selectFrom('signatures'), petition.id, parsed.criteria)
      .select('email')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.email)).toEqual(expected);
    const preview = await postFormAs(t, admin, '/admin/invalidations/preview', {
      slug: petition.slug,
      reason: 'test',
      ...values,
    });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain(
      expected.length === 0
        ? copy('en', 'invalidation.noMatch')
        : `${expected.length} signature${expected.length === 1 ? '' : 's'} match`,
    );
  });

  it('a network from the trending report selects its /24', async () => {
    if (engine.skipReason !== undefined) return;
    const network = addressNetworkHash(t.deps.hashAddress, '203.0.113.200') ?? '';
    const parsed = parseInvalidationForm({ slug: petition.slug, reason: 'test', network }, t.deps.hashAddress);
    if (!parsed.ok) throw new Error('refused');
    const rows = await whereMatches(t.deps.db.selectFrom('signatures'), petition.id, parsed.criteria)
      .select('email')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.email)).toEqual(['bot1@mailinator.com', 'bot2@mailinator.com']);
  });

  it('the preview shows masked addresses only', async () => {
    if (engine.skipReason !== undefined) return;
    const html = await (
      await postFormAs(t, admin, '/admin/invalidations/preview', {
        slug: petition.slug,
        reason: 'test',
        domain: 'mailinator.com',
      })
    ).text();
    expect(html).toContain('b***@mailinator.com');
    expect(html).toContain('l***@mailinator.com');
    expect(html).not.toContain('bot1@');
    expect(html).not.toContain('legacy@');
  });
});
