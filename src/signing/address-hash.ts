// Client addresses are never stored: only a keyed hash, enough to group bursts from one source.
import { createHmac } from 'node:crypto';

export type AddressHasher = (address: string) => string;

export function createAddressHasher(secret: string): AddressHasher {
  return (address) => createHmac('sha256', secret).update(address).digest('base64url').slice(0, 22);
}
