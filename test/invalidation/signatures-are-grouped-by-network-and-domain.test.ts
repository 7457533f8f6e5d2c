import { beforeEach, describe, expect, it } from 'vitest';
import { addressNetworkHash, createAddressHasher, networkOf } from '../../src/signing/address-hash.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, TEST_SECRET } from '../support/factories.js';
import { signatureRows } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';

describe('the network of a client address', () => {
  const hash = createAddressHasher(TEST_SECRET);
  const net = (address: string) => addressNetworkHash(hash, address);

  it('is the /24 of an IPv4 address: one hash for the /24, another for the next', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.0/24');
    expect(net('203.0.113.7')).toBe(net('203.0.113.250'));
    expect(net('203.0.113.7')).not.toBe(net('203.0.114.7'));
    expect(net('203.0.113.7')).not.toBe(net('204.0.113.7'));
  });

  it('is the /48 of an IPv6 address, however it is written', () => {
    expect(networkOf('2001:db8:1:2::1')).toBe('2001:db8:1::/48');
    expect(net('2001:db8:1:2::1')).toBe(net('2001:0db8:0001:ffff:1:2:3:4'));
    expect(net('2001:db8:1::1')).toBe(net('2001:DB8:1::9%eth0'));
    expect(net('2001:db8:1::1')).not.toBe(net('2001:db8:2::1'));
    expect(networkOf('::1')).toBe('0:0:0::/48');
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.0/24');
    expect(net('::ffff:203.0.113.7')).toBe(net('203.0.113.9'));
    expect(net('::ffff:cb00:7107')).toBe(net('203.0.113.9'));
  });

  it('is a keyed hash, not the network nor the address hash', () => {
    const value = net('203.0.113.7');
    expect(value).not.toContain('203');
    expect(value).not.toBe(hash('203.0.113.7'));
    expect(value).not.toBe(
      addressNetworkHash(createAddressHasher('another-secret-another-secret-0123456789'), '203.0.113.7'),
    );
  });

  it('is unknown for something that is not an address', () => {
    expect(net('unknown')).toBeNull();
    expect(net('203.0.113')).toBeNull();
  });
});

describe.each(enginesToTest())('what signing stores for grouping on $name', (engine) => {
  const t = useTestApp(engine, { env: { TRUST_PROXY: 'true' } });
  let slug: string;
  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
  });

  it('a signature keeps its email domain and its network hash, never the address', async () => {
    await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'Rosa.M@Correo.Example.COM' }), {
      'X-Forwarded-For': '198.51.100.23',
    });
    await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'luis@example.org' }), {
      'X-Forwarded-For': '198.51.100.99',
    });
    await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'ana@example.org' }), {
      'X-Forwarded-For': '2001:db8:7::5',
    });
    const [rosa, luis, ana] = await signatureRows(t.deps.db);
    expect(rosa?.email_domain).toBe('correo.example.com');
    expect(rosa?.ip_prefix_hash).toBe(addressNetworkHash(t.deps.hashAddress, '198.51.100.1'));
    expect(luis?.ip_prefix_hash).toBe(rosa?.ip_prefix_hash);
    expect(ana?.ip_prefix_hash).toBe(addressNetworkHash(t.deps.hashAddress, '2001:db8:7:ffff::1'));
    expect(ana?.ip_prefix_hash).not.toBe(rosa?.ip_prefix_hash);
    const stored = JSON.stringify(await signatureRows(t.deps.db));
    expect(stored).not.toContain('198.51.100');
    expect(stored).not.toContain('2001:db8');
  });
});
