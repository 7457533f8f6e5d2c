// An address or CIDR range typed by an admin, turned into the keyed hashes signatures carry: the
// address hash (ip_hash) for single addresses, the network hash (ip_prefix_hash) for whole networks.
import { isIP } from 'node:net';
import { ipv6Groups, networkHash, type AddressHasher } from '../../signing/address-hash.js';

/** The widest ranges matched: 256 networks (/16 of IPv4 = 256 × /24, /40 of IPv6 = 256 × /48). */
export const WIDEST_IPV4 = 16;
export const WIDEST_IPV6 = 40;

export type AddressMatch =
  /** `range`: the range as typed (kept for the record); null for one address, which is kept only as hashes. */
  | { kind: 'ok'; ipHashes: string[]; prefixHashes: string[]; range: string | null }
  | { kind: 'invalid' }
  | { kind: 'too_large'; widest: number }
  /** An IPv6 range narrower than a /48 but wider than one address: the stored hashes cannot tell its addresses apart. */
  | { kind: 'v6_between' };

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function ipv4Text(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

function ipv6Text(groups: number[]): string {
  // The WHATWG URL parser writes IPv6 the canonical way (lower case, longest zero run as ::).
  return new URL(`http://[${groups.map((g) => g.toString(16)).join(':')}]`).hostname.slice(1, -1);
}

/** Every way a client address may have been written when it was hashed: an IPv4 address also as IPv4-mapped IPv6. */
function addressVariants(address: string): string[] {
  if (isIP(address) === 4) return [address, `::ffff:${address}`];
  const groups = ipv6Groups(address);
  if (groups === undefined) return [];
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return addressVariants(ipv4Text((groups[6] ?? 0) * 65536 + (groups[7] ?? 0)));
  return [...new Set([ipv6Text(groups), address.toLowerCase()])];
}

function single(hash: AddressHasher, address: string): AddressMatch {
  return { kind: 'ok', ipHashes: addressVariants(address).map(hash), prefixHashes: [], range: null };
}

function ipv4Range(hash: AddressHasher, base: string, bits: number, range: string): AddressMatch {
  if (bits === 32) return single(hash, base);
  if (bits < WIDEST_IPV4) return { kind: 'too_large', widest: WIDEST_IPV4 };
  const size = 2 ** (32 - bits);
  const start = Math.floor(ipv4Number(base) / size) * size;
  if (bits > 24) {
    // Part of one /24: its addresses one by one (at most 128), so the rest of the /24 is left alone.
    const ipHashes = Array.from({ length: size }, (_, i) => addressVariants(ipv4Text(start + i)).map(hash)).flat();
    return { kind: 'ok', ipHashes, prefixHashes: [], range };
  }
  const prefixHashes = Array.from({ length: size / 256 }, (_, i) =>
    networkHash(hash, `${ipv4Text(start + i * 256)}/24`),
  );
  return { kind: 'ok', ipHashes: [], prefixHashes, range };
}

function ipv6Range(hash: AddressHasher, base: string, bits: number, range: string): AddressMatch {
  const groups = ipv6Groups(base);
  if (groups === undefined) return { kind: 'invalid' };
  if (bits === 128) return single(hash, base);
  if (bits > 48) return { kind: 'v6_between' };
  if (bits < WIDEST_IPV6) return { kind: 'too_large', widest: WIDEST_IPV6 };
  // Bits 32–47 are the third group: the /48s of the range differ only there.
  const count = 2 ** (48 - bits);
  const third = Math.floor((groups[2] ?? 0) / count) * count;
  const prefixHashes = Array.from({ length: count }, (_, i) =>
    networkHash(
      hash,
      `${(groups[0] ?? 0).toString(16)}:${(groups[1] ?? 0).toString(16)}:${(third + i).toString(16)}::/48`,
    ),
  );
  return { kind: 'ok', ipHashes: [], prefixHashes, range };
}

/** "203.0.113.7", "203.0.113.0/24", "198.51.0.0/16", "2001:db8:1::/48", "2001:db8::/40" … */
export function matchAddressOrRange(hash: AddressHasher, input: string): AddressMatch {
  const text = input.trim();
  const slash = text.indexOf('/');
  const base = slash < 0 ? text : text.slice(0, slash);
  const bitsText = slash < 0 ? undefined : text.slice(slash + 1);
  const version = isIP(base.split('%')[0] ?? base);
  if (version === 0) return { kind: 'invalid' };
  if (bitsText === undefined) return single(hash, base);
  if (!/^\d{1,3}$/.test(bitsText)) return { kind: 'invalid' };
  const bits = Number(bitsText);
  if (bits > (version === 4 ? 32 : 128)) return { kind: 'invalid' };
  const range = `${base.toLowerCase()}/${bits}`;
  return version === 4 ? ipv4Range(hash, base, bits, range) : ipv6Range(hash, base, bits, range);
}
