// Client addresses as bytes: parsing IPv4 and IPv6, CIDR ranges, and the network (/24, /48) a burst is grouped by.
import { isIPv4, isIPv6 } from 'node:net';

export interface Cidr {
  /** 4 bytes (IPv4) or 16 (IPv6); IPv4-mapped IPv6 ranges are kept as IPv4. */
  bytes: Uint8Array;
  prefix: number;
}

function parseIpv4(text: string): Uint8Array | undefined {
  if (!isIPv4(text)) return undefined;
  return Uint8Array.from(text.split('.').map(Number));
}

function parseIpv6(text: string): Uint8Array | undefined {
  if (!isIPv6(text)) return undefined;
  let head = text;
  const bytes = new Uint8Array(16);
  // A dotted IPv4 tail (::ffff:192.0.2.1) becomes the last 4 bytes.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(head)?.[1];
  const tailBytes = tail === undefined ? undefined : parseIpv4(tail);
  if (tail !== undefined) head = `${head.slice(0, -tail.length)}0:0`;
  const [left = '', right] = head.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const leftGroups = groups(left);
  const rightGroups = right === undefined ? [] : groups(right);
  const all = [...leftGroups, ...new Array<number>(8 - leftGroups.length - rightGroups.length).fill(0), ...rightGroups];
  all.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  if (tailBytes !== undefined) bytes.set(tailBytes, 12);
  return bytes;
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** The address's bytes; IPv4-mapped IPv6 (::ffff:a.b.c.d) as IPv4. Undefined when it is not an address. */
export function parseAddress(text: string): Uint8Array | undefined {
  const trimmed = text
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return v4;
  const v6 = parseIpv6(trimmed);
  if (v6 !== undefined && MAPPED_PREFIX.every((b, i) => v6[i] === b)) return v6.slice(12);
  return v6;
}

/** "203.0.113.0/24", "2001:db8::/32", or a single address (a /32 or /128). Undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const bytes = parseAddress(address);
  if (bytes === undefined) return undefined;
  const max = bytes.length * 8;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  let prefix = prefixText === undefined ? max : Number(prefixText);
  // A mapped IPv6 range (::ffff:192.0.2.0/120) counts in IPv4 bits.
  if (bytes.length === 4 && address.includes(':')) prefix -= 96;
  if (prefix < 0 || prefix > max) return undefined;
  return { bytes: maskTo(bytes, prefix), prefix };
}

function maskTo(bytes: Uint8Array, prefix: number): Uint8Array {
  const masked = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    masked[i] = (bytes[i] ?? 0) & ((0xff << (8 - bits)) & 0xff);
  }
  return masked;
}

export function cidrContains(range: Cidr, address: Uint8Array): boolean {
  if (range.bytes.length !== address.length) return false;
  const masked = maskTo(address, range.prefix);
  return masked.every((b, i) => b === range.bytes[i]);
}

/** The canonical text of a range (what the block list stores and shows). */
export function formatCidr(range: Cidr): string {
  if (range.bytes.length === 4) return `${range.bytes.join('.')}/${range.prefix}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((range.bytes[i] ?? 0) << 8) | (range.bytes[i + 1] ?? 0)).toString(16));
  // The longest run of zero groups becomes '::'.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  const text =
    best.start < 0
      ? groups.join(':')
      : `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
  return `${text}/${range.prefix}`;
}

/**
 * The network a client address belongs to, as text: its /24 (IPv4) or /48 (IPv6). Bursts are
 * counted per network, since one machine easily has many addresses of one range. Undefined when
 * the address is not known (a request without a socket).
 */
export function networkOf(address: string): string | undefined {
  // The common case, a plain IPv4 address, without building bytes.
  if (isIPv4(address)) return `${address.slice(0, address.lastIndexOf('.'))}.0/24`;
  const bytes = parseAddress(address);
  if (bytes === undefined) return undefined;
  return formatCidr({ bytes: maskTo(bytes, bytes.length === 4 ? 24 : 48), prefix: bytes.length === 4 ? 24 : 48 });
}
