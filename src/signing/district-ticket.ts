// What the thank-you page knows of the signer it thanks: the districts they were matched to (to say whose desk the
// signature lands on) and, for a new signature, which one it is (so a signer whose ZIP is split can add their street
// address or choose their district). Carried in the thank-you page's address, sealed: nobody can read or change it,
// and a repeat signer's ticket looks the same as a new one's (it never tells a stranger that an address had signed).
import { z } from 'zod';
import { openTicket, sealTicket } from '../platform/tokens/sealed-ticket.js';
import { CHAMBERS } from '../targets/directory.js';
import { MATCH_METHODS, type DistrictMatch } from '../targets/match-signer.js';

const PURPOSE = 'district';
/** The thank-you page's query parameter that carries the ticket. */
export const DISTRICT_TICKET_QUERY = 'd';
/** The thank-you page can add an address or choose a district for this long after signing. */
export const DISTRICT_TICKET_MINUTES = 60;

export interface DistrictTicket {
  petitionId: number;
  /** The new signature; null for someone who had signed before (nothing of theirs is changed). */
  signatureId: number | null;
  postalCode: string;
  matches: DistrictMatch[];
}

const sealedSchema = z.object({
  p: z.number().int().positive(),
  // Fixed width, so a repeat signer's ticket is as long as a new one's.
  s: z.string().regex(/^\d{12}$/),
  z: z.string().max(10),
  m: z
    .array(
      z.tuple([
        z.number().int().positive(),
        z.enum(CHAMBERS),
        z.enum(MATCH_METHODS),
        z.string().max(20).nullable(),
        z.array(z.string().max(20)).max(20),
      ]),
    )
    .max(20),
});

/** A ticket with every district decided is the same for every signer of its ZIP: sealed once a minute, not per signer. */
const SHARED_FOR_MS = 60_000;
const MAX_SHARED = 5000;
const shared = new Map<string, { sealed: string; until: number }>();

/** Whether the thank-you page can still change this signer's districts (a ZIP split or unknown). */
export function hasOpenDistricts(matches: readonly DistrictMatch[]): boolean {
  return matches.some((m) => m.method === 'split' || m.method === 'unknown');
}

/**
 * The ticket of a signer whose districts are all decided: nothing on the thank-you page can change them, so it
 * names no signature, and is the same for a new signer and a repeat one. Sealed once a minute per petition, ZIP
 * and districts (a spike's signers share a few hundred ZIP codes), so it stays good for at least 59 minutes.
 */
export function sealDecidedTicket(secret: string, ticket: Omit<DistrictTicket, 'signatureId'>, now: Date): string {
  const key = JSON.stringify([secret, ticket.petitionId, ticket.postalCode, ticket.matches]);
  const cached = shared.get(key);
  if (cached !== undefined && cached.until > now.getTime()) return cached.sealed;
  const sealed = sealDistrictTicket(secret, { ...ticket, signatureId: null }, now);
  if (shared.size >= MAX_SHARED) shared.clear();
  shared.set(key, { sealed, until: now.getTime() + SHARED_FOR_MS });
  return sealed;
}

export function sealDistrictTicket(secret: string, ticket: DistrictTicket, now: Date): string {
  const value: z.infer<typeof sealedSchema> = {
    p: ticket.petitionId,
    s: String(ticket.signatureId ?? 0).padStart(12, '0'),
    z: ticket.postalCode,
    m: ticket.matches.map((m) => [m.bodyId, m.chamber, m.method, m.district, m.candidates]),
  };
  return sealTicket(secret, PURPOSE, value, new Date(now.getTime() + DISTRICT_TICKET_MINUTES * 60_000));
}

/** The ticket, when it was sealed here for this petition and has not expired. */
export function openDistrictTicket(
  secret: string,
  sealed: string,
  petitionId: number,
  now: Date,
): DistrictTicket | undefined {
  const parsed = sealedSchema.safeParse(openTicket(secret, PURPOSE, sealed, now));
  if (!parsed.success || parsed.data.p !== petitionId) return undefined;
  const signatureId = Number(parsed.data.s);
  return {
    petitionId,
    signatureId: signatureId === 0 ? null : signatureId,
    postalCode: parsed.data.z,
    matches: parsed.data.m.map(([bodyId, chamber, method, district, candidates]) => ({
      bodyId,
      chamber,
      method,
      district,
      candidates,
    })),
  };
}
