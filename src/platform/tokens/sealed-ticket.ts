// A small value sealed for a browser to carry back: encrypted and authenticated with a key derived from the
// server secret (AES-256-GCM), with an expiry. The browser can neither read it nor change it; the server trusts
// only what it sealed itself, within the time it allowed.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Tickets longer than this (base64url characters) are refused unread. */
export const MAX_TICKET_LENGTH = 2048;

/** Derived keys by secret and purpose: every signer of a spike gets a ticket, the key is the same for all. */
const keys = new Map<string, Buffer>();

function keyFor(secret: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (key === undefined) {
    key = createHmac('sha256', secret).update(`sealed-ticket:${purpose}`).digest();
    if (keys.size > 16) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/** IVs are drawn from the OS a few kilobytes at a time: one system call per 341 tickets, not one per signer. */
let pool = Buffer.alloc(0);
let offset = 0;

function newIv(): Buffer {
  if (offset + IV_BYTES > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const iv = pool.subarray(offset, offset + IV_BYTES);
  offset += IV_BYTES;
  return iv;
}

/** Seals `value` (anything JSON can carry) for `purpose`, good until `expiresAt`. */
export function sealTicket(secret: string, purpose: string, value: unknown, expiresAt: Date): string {
  const iv = newIv();
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  const plain = Buffer.from(JSON.stringify({ v: value, e: Math.floor(expiresAt.getTime() / 1000) }), 'utf8');
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** What was sealed, or undefined for a ticket that is malformed, altered, sealed for another purpose, or expired. */
export function openTicket(secret: string, purpose: string, ticket: string, now: Date): unknown {
  if (ticket.length > MAX_TICKET_LENGTH || !/^[A-Za-z0-9_-]+$/.test(ticket)) return undefined;
  const bytes = Buffer.from(ticket, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const parsed = JSON.parse(plain.toString('utf8')) as { v?: unknown; e?: unknown }; // sealed by sealTicket
    if (typeof parsed.e !== 'number' || parsed.e * 1000 < now.getTime()) return undefined;
    return parsed.v;
  } catch {
    // An altered ticket fails authentication: the same answer as any other bad ticket.
    return undefined;
  }
}
