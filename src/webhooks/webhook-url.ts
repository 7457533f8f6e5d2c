// Where a webhook may go. An organizer chooses the URL and the server makes the request, so without a check an
// organizer could make Firma call into its own network (SSRF): a database's HTTP port, a cloud's metadata service
// at 169.254.169.254, an admin page on localhost. Unless the admin allows private addresses (WEBHOOKS_ALLOW_PRIVATE),
// a URL must be https, without a user or password, to a host whose every address is public unicast — checked when
// the URL is registered, and again on every request at the moment its name is resolved (a name may be pointed
// elsewhere later), on the very address the connection then uses.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export const MAX_URL_LENGTH = 2000;

export type UrlRefusal = 'not_url' | 'not_https' | 'credentials' | 'private_address' | 'unknown_host';

/** Whether the address is public unicast (ipaddr.js's ranges: not private, loopback, link-local, reserved...). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  return ipaddr.process(address).range() === 'unicast';
}

/** The URL's own checks, before any name is resolved. */
export function checkUrlShape(
  text: string,
  allowPrivate: boolean,
): { ok: true; url: URL } | { ok: false; refusal: UrlRefusal } {
  if (text.length > MAX_URL_LENGTH || !URL.canParse(text)) return { ok: false, refusal: 'not_url' };
  const url = new URL(text);
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    return { ok: false, refusal: url.protocol === 'http:' ? 'not_https' : 'not_url' };
  if (url.username !== '' || url.password !== '') return { ok: false, refusal: 'credentials' };
  if (url.hostname === '') return { ok: false, refusal: 'not_url' };
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(literal) !== 0 && !isPublicAddress(literal))
    return { ok: false, refusal: 'private_address' };
  return { ok: true, url };
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );
}

/** The whole check, resolving the host: for the organizer's form. */
export async function checkWebhookUrl(
  text: string,
  allowPrivate: boolean,
): Promise<{ ok: true; url: string } | { ok: false; refusal: UrlRefusal }> {
  const shape = checkUrlShape(text.trim(), allowPrivate);
  if (!shape.ok) return shape;
  const host = shape.url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) === 0) {
    const addresses = await resolveAll(host).catch(() => undefined);
    if (addresses === undefined || addresses.length === 0) return { ok: false, refusal: 'unknown_host' };
    if (!addresses.every((a) => isPublicAddress(a.address))) return { ok: false, refusal: 'private_address' };
  }
  return { ok: true, url: shape.url.toString() };
}

/** A refused address, as the delivery log shows it. */
export class PrivateAddressError extends Error {
  constructor(hostname: string) {
    super(`refused: ${hostname} resolves to a private or reserved address`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses a name with any non-public address, so the connection can only be made
 * to an address that was checked (no second resolution between the check and the connection).
 */
export function publicOnlyLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address)))
      return callback(Object.assign(new PrivateAddressError(hostname), { code: 'EPRIVATE' }), '', 0);
    if (options.all === true) return callback(null, addresses);
    const [first] = addresses;
    return callback(null, first?.address ?? '', first?.family ?? 4);
  });
}
