// Client addresses are never stored: only a keyed hash, enough to group bursts from one source.
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';

export type AddressHasher = (address: string) => string;

export function createAddressHasher(secret: string): AddressHasher {
  return (address) => createHmac('sha256', secret).update(address).digest('base64url').slice(0, 22);
}

/** The eight 16-bit groups of an IPv6 address (zone dropped), or undefined when it is not one. */
export function ipv6Groups(address: string): number[] | undefined {
  const bare = address.split('%')[0] ?? address;
  if (isIP(bare) !== 6) return undefined;
  // A trailing dotted IPv4 part (::ffff:192.0.2.1) is two groups.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  const v4 = dotted === null ? [] : (dotted[2] ?? '').split('.').map(Number);
  const text =
    dotted === null
      ? bare
      : `${dotted[1]}${(((v4[0] ?? 0) << 8) | (v4[1] ?? 0)).toString(16)}:${(((v4[2] ?? 0) << 8) | (v4[3] ?? 0)).toString(16)}`;
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), or undefined. */
function mappedIpv4(groups: number[]): string | undefined {
  if (groups.slice(0, 5).some((g) => g !== 0) || groups[5] !== 0xffff) return undefined;
  const [hi = 0, lo = 0] = groups.slice(6);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * The network an address belongs to, as text: its /24 for IPv4 ("192.0.2.0/24"), its /48 for IPv6
 * ("2001:db8:1::/48"); an IPv4-mapped IPv6 address counts as its IPv4 address. Undefined for anything
 * that is not an IP address (app.request() in tests has none).
 */
export function networkOf(address: string): string | undefined {
  // The common case first, without splitting: a valid IPv4 address has no leading zeros to normalize.
  if (isIP(address) === 4) return `${address.slice(0, address.lastIndexOf('.'))}.0/24`;
  const groups = ipv6Groups(address);
  if (groups === undefined) return undefined;
  const v4 = mappedIpv4(groups);
  if (v4 !== undefined) return networkOf(v4);
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::/48`;
}

/** The keyed hash of a network (same key as the address hash, its own input space): never the network itself. */
export function networkHash(hashAddress: AddressHasher, network: string): string {
  return hashAddress(`net:${network}`);
}

/** The keyed hash of the network of a client address, or null when it is not an IP address. */
export function addressNetworkHash(hashAddress: AddressHasher, address: string): string | null {
  const network = networkOf(address);
  return network === undefined ? null : networkHash(hashAddress, network);
}
