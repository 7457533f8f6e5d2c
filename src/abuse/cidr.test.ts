import { describe, expect, it } from 'vitest';
import { cidrContains, formatCidr, networkOf, parseAddress, parseCidr } from './cidr.js';

const contains = (range: string, address: string) => {
  const cidr = parseCidr(range);
  const bytes = parseAddress(address);
  if (cidr === undefined || bytes === undefined) throw new Error(`bad test input ${range} ${address}`);
  return cidrContains(cidr, bytes);
};

describe('CIDR ranges', () => {
  it('match IPv4 addresses inside the range and not outside it', () => {
    expect(contains('203.0.113.0/24', '203.0.113.77')).toBe(true);
    expect(contains('203.0.113.0/24', '203.0.114.1')).toBe(false);
    expect(contains('10.0.0.0/8', '10.255.1.2')).toBe(true);
    expect(contains('198.51.100.7', '198.51.100.7')).toBe(true);
    expect(contains('198.51.100.7', '198.51.100.8')).toBe(false);
    expect(contains('0.0.0.0/0', '192.0.2.1')).toBe(true);
    expect(contains('192.0.2.128/25', '192.0.2.127')).toBe(false);
    expect(contains('192.0.2.128/25', '192.0.2.200')).toBe(true);
  });

  it('match IPv6 addresses, compressed or not', () => {
    expect(contains('2001:db8::/32', '2001:db8:1234::1')).toBe(true);
    expect(contains('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(contains('2001:db8:abcd::/48', '2001:0db8:abcd:0012:0000:0000:0000:0001')).toBe(true);
    expect(contains('2001:db8:abcd::/48', '2001:db8:abce::1')).toBe(false);
    expect(contains('::1', '::1')).toBe(true);
  });

  it('treat IPv4-mapped IPv6 addresses as IPv4, and never mix families', () => {
    expect(contains('203.0.113.0/24', '::ffff:203.0.113.9')).toBe(true);
    expect(contains('::ffff:203.0.113.0/120', '203.0.113.9')).toBe(true);
    expect(contains('2001:db8::/32', '203.0.113.9')).toBe(false);
    expect(contains('0.0.0.0/0', '2001:db8::1')).toBe(false);
  });

  it('refuse malformed ranges', () => {
    for (const bad of [
      '',
      'x',
      '203.0.113.0/33',
      '203.0.113/24',
      '2001:db8::/129',
      '1.2.3.4/-1',
      '1.2.3.4/24/1',
      '1.2.3.4/ 8',
      '256.1.1.1',
      'gmail.com',
    ]) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });

  it('are written back canonically', () => {
    const canonical = (text: string) => {
      const cidr = parseCidr(text);
      return cidr === undefined ? undefined : formatCidr(cidr);
    };
    expect(canonical('203.0.113.77/24')).toBe('203.0.113.0/24');
    expect(canonical('2001:0DB8:0000:0000::/32')).toBe('2001:db8::/32');
    expect(canonical('198.51.100.7')).toBe('198.51.100.7/32');
  });
});

describe('the network of an address', () => {
  it('is the /24 for IPv4 and the /48 for IPv6', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(networkOf('unknown')).toBeUndefined();
  });
});
