import { beforeEach, describe, expect, it } from 'vitest';
import { matchAddressOrRange } from '../../src/moderation/invalidation/address-range.js';
import { processInvalidations } from '../../src/moderation/invalidation/invalidation-job.js';
import { createAddressHasher } from '../../src/signing/address-hash.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, TEST_SECRET } from '../support/factories.js';
import { TEST_ORIGIN, useTestApp } from '../support/test-app.js';
import { addSigners } from './seed.js';
import { copy } from '../support/copy.js';

describe('addresses and ranges an admin types', () => {
  const hash = createAddressHasher(TEST_SECRET);
  it.each([
    ['203.0.113.7', 2, 0],
    ['203.0.113.0/24', 0, 1],
    ['198.51.0.0/16', 0, 256],
    ['198.51.100.128/25', 256, 0],
    ['2001:db8::/40', 0, 256],
    ['2001:db8:1::/48', 0, 1],
    ['2001:db8::1/128', 1, 0],
  ])('%s stands for %i address hashes and %i network hashes', (input, ips, networks) => {
    const match = matchAddressOrRange(hash, input);
    expect(match.kind).toBe('ok');
    if (match.kind === 'ok') {
      expect(new Set(match.ipHashes).size).toBe(ips);
      expect(new Set(match.prefixHashes).size).toBe(networks);
    }
  });
  it.each([
    ['10.0.0.0/8', 'too_large'],
    ['198.50.0.0/15', 'too_large'],
    ['2001:db8::/32', 'too_large'],
    ['2001:db8:1:2::/64', 'v6_between'],
    ['203.0.113.0/33', 'invalid'],
    ['203.0.113.0/-1', 'invalid'],
    ['203.0.113', 'invalid'],
    ['example.org', 'invalid'],
    ["1' OR '1'='1", 'invalid'],
  ])('%s is refused as %s', (input, kind) => {
    expect(matchAddressOrRange(hash, input).kind).toBe(kind);
  });
});

describe.each(enginesToTest())('bad bulk invalidation forms on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  let petition: { id: number; slug: string };
  const valid = () => ({ slug: petition.slug, domain: 'mailinator.com', reason: 'Scripted' });

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    petition = await makePetition(t.deps.db);
    await addSigners(t, petition.id, [
      { email: 'bot@mailinator.com', address: '10.1.2.3' },
      { email: 'rosa@example.org' },
    ]);
  });

  async function nothingQueuedBut(n: number) {
    expect(await t.deps.db.selectFrom('invalidations').select('id').execute()).toHaveLength(n);
  }

  async function nothingQueued() {
    expect(await t.deps.db.selectFrom('invalidations').select('id').execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('audit_log').select('id').execute()).toEqual([]);
  }

  it('a range too large is a 422 in Spanish, beside the field, with what was typed kept', async () => {
    for (const path of ['/admin/invalidations/preview', '/admin/invalidations']) {
      const res = await postFormAs(t, admin, path, { ...valid(), address: '10.0.0.0/8' }, { 'Accept-Language': 'es' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('<html lang="es">');
      expect(html).toContain(
        'Este rango es demasiado grande: lo más amplio permitido es /16 en IPv4 y /40 en IPv6 (256 redes).',
      );
      expect(html).toContain('id="address-error"');
      expect(html).toContain('value="10.0.0.0/8"');
      expect(html).toContain('aria-invalid="true"');
    }
    await nothingQueued();
  });

  it.each([
    ['no petition', { slug: '' }, copy('en', 'invalidation.error.slug')],
    ['an unknown petition', { slug: 'no-such-petition' }, copy('en', 'invalidation.error.noPetition')],
    ['no reason', { reason: '   ' }, copy('en', 'invalidation.error.reason')],
    ['a reason too long', { reason: 'x'.repeat(501) }, copy('en', 'invalidation.error.reasonLong')],
    ['no criterion', { domain: '' }, 'Choose at least one criterion besides the petition'],
    ['a pattern of stars only', { email_pattern: '**' }, 'Enter a pattern without spaces'],
    ['a domain that is not one', { domain: 'not a domain' }, copy('en', 'invalidation.error.domain')],
    ['a forged network', { network: "x' OR 1=1 --" }, 'This is not a network from the trending report.'],
    ['an address that is not one', { address: '999.1.1.1' }, 'Enter an IP address'],
    ['an IPv6 range inside a /48', { address: '2001:db8:1:2::/64' }, 'An IPv6 range must be from /40 to /48'],
    ['a date that does not exist', { from: '2026-02-30T10:00' }, 'Enter a date and time'],
    [
      'an end before the start',
      { from: '2026-11-25T11:00', to: '2026-11-25T10:59' },
      copy('en', 'invalidation.error.range'),
    ],
    ['a ZIP code with symbols', { zip: '<b>' }, 'Enter a ZIP code of up to 10'],
  ])('%s gets a 422 with its message', async (_name, change, message) => {
    for (const path of ['/admin/invalidations/preview', '/admin/invalidations']) {
      const res = await postFormAs(t, admin, path, { ...valid(), ...change });
      expect(res.status, path).toBe(422);
      expect(await res.text()).toContain(message);
    }
    await nothingQueued();
  });

  it('SQL in a pattern is only text to match, and selects nothing', async () => {
    for (const email_pattern of ["'OR'1'='1", '%', '_', '\\%', "*');DROP/**/TABLE/**/signatures;--"]) {
      const res = await postFormAs(t, admin, '/admin/invalidations/preview', { ...valid(), domain: '', email_pattern });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(copy('en', 'invalidation.noMatch'));
    }
    expect(await t.deps.db.selectFrom('signatures').select('id').execute()).toHaveLength(2);
  });

  it('a body that is not a form, or fields sent twice, get a 4xx, never a 500', async () => {
    const json = await t.app.request('/admin/invalidations', {
      method: 'POST',
      headers: {
        Cookie: admin.cookie,
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(valid()),
    });
    expect([415, 422]).toContain(json.status);
    const twice = await t.app.request('/admin/invalidations', {
      method: 'POST',
      headers: {
        Cookie: admin.cookie,
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `slug=${petition.slug}&reason=a&reason=b&domain=mailinator.com&domain=example.org`,
    });
    expect([303, 422]).toContain(twice.status);
    const broken = await t.app.request('/admin/invalidations/preview', {
      method: 'POST',
      headers: {
        Cookie: admin.cookie,
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'multipart/form-data; boundary=nope',
      },
      body: '--x\r\nbroken',
    });
    // Refused before or by this route (the body never parses): a 4xx either way.
    expect([400, 415, 422]).toContain(broken.status);
    await nothingQueuedBut(twice.status === 303 ? 1 : 0);
  });

  it('a NUL in a multipart form (which no middleware reads) is a 422, not a database error', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...valid(), reason: 'nul\u0000here', slug: `${petition.slug}\u0000` }))
      form.append(name, value);
    const res = await t.app.request('/admin/invalidations', {
      method: 'POST',
      headers: { Cookie: admin.cookie, Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
      body: form,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(copy('en', 'invalidation.error.invalid'));
    await nothingQueued();
  });

  it('a link fills in the form but never an address (it would sit in URLs and logs)', async () => {
    const html = await (
      await getAs(
        t,
        admin,
        `/admin/invalidations?slug=${petition.slug}&domain=mailinator.com&address=198.51.100.7&reason=because`,
      )
    ).text();
    expect(html).toContain('value="mailinator.com"');
    expect(html).not.toContain('198.51.100.7');
    expect(html).not.toContain('because');
  });

  it('the reason and the criteria are shown escaped', async () => {
    const reason = '<script>alert(1)</script> "quoted" & <img src=x onerror=alert(2)>';
    const res = await postFormAs(t, admin, '/admin/invalidations', { ...valid(), reason, email_pattern: '<b>*' });
    const path = res.headers.get('location')?.replace(/\?.*/, '') ?? '';
    await processInvalidations(t.deps);
    for (const page of [path, '/admin/invalidations']) {
      const html = await (await getAs(t, admin, page)).text();
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>*');
    }
    const html = await (await getAs(t, admin, path)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
