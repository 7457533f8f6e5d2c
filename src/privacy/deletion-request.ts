// An admin acting on a deletion request: the form, the signatures an address made, and erasing them.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../platform/db/connect.js';
import { forgetPublicPages, type PetitionDirectory } from '../petitions/petition-directory.js';
import type { Locale } from '../platform/i18n/translator.js';
import { textFor } from '../petitions/petition.js';
import { normalizeEmail } from '../platform/normalize-email.js';
import { pickCountShard } from '../signing/signature-counts.js';
import type { Errors } from '../platform/form-errors.js';
import { deleteSignaturesOfAddress, signaturesOfAddress } from './deletion-request-store.js';

export const NOTE_MAX = 1000;

const emailField = z
  .string()
  .trim()
  .max(254, { error: 'privacyAdmin.error.email' })
  .regex(/^[^\s@]+@[^\s@]+$/, { error: 'privacyAdmin.error.email' });

export const searchSchema = z.object({ email: emailField });
export const eraseSchema = z.object({
  email: emailField,
  note: z
    .string()
    .trim()
    .min(1, { error: 'privacyAdmin.error.noteRequired' })
    .max(NOTE_MAX, { error: 'privacyAdmin.error.noteTooLong' }),
});

/** zod's issues as one message per field (the note's length limit carries its number). */
export function requestErrors(error: z.ZodError): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'email');
    if (errors[field] !== undefined) continue;
    errors[field] =
      issue.message === 'privacyAdmin.error.noteTooLong'
        ? { key: 'privacyAdmin.error.noteTooLong', params: { max: NOTE_MAX } }
        : issue.message === 'privacyAdmin.error.noteRequired'
          ? 'privacyAdmin.error.noteRequired'
          : 'privacyAdmin.error.email';
  }
  return errors;
}

/**
 * What the audit log keeps instead of the address: a keyed hash, so a second request for the same
 * address can be recognised, but the log never says whose it was.
 */
export function requestedAddressHash(secret: string, emailNormalized: string): string {
  return createHmac('sha256', secret).update(`privacy-request:${emailNormalized}`).digest('base64url').slice(0, 22);
}

export interface SignedPetition {
  title: string;
  petitionStatus: string;
  signedAt: string;
  signatureStatus: string;
}

/** The petitions this address signed, in the reader's language; nothing about any other signer. */
export async function findSignedPetitions(
  deps: { db: Db; petitions: Pick<PetitionDirectory, 'byId'> },
  email: string,
  locale: Locale,
): Promise<SignedPetition[]> {
  const signatures = await signaturesOfAddress(deps.db, normalizeEmail(email));
  const found: SignedPetition[] = [];
  for (const s of signatures) {
    const petition = await deps.petitions.byId(s.petitionId);
    if (petition === undefined) continue;
    found.push({
      title: textFor(petition, locale).title,
      petitionStatus: petition.status,
      signedAt: s.createdAt,
      signatureStatus: s.status,
    });
  }
  return found;
}

/** Deletes every signature of the address (counts adjust) and records who did it, why, and how many. */
export async function eraseSignaturesOf(
  deps: {
    db: Db;
    secret: string;
    now: () => Date;
    random: () => number;
    petitions: { forget(): void };
    responses: { clear(): void };
  },
  email: string,
  note: string,
  actorId: number,
): Promise<number> {
  const normalized = normalizeEmail(email);
  const result = await deleteSignaturesOfAddress(deps.db, normalized, pickCountShard(deps.random), {
    actorId,
    now: deps.now(),
    details: { note, addressHash: requestedAddressHash(deps.secret, normalized) },
  });
  // Counts and public lists change: every process's cached pages follow within their second, this one now.
  forgetPublicPages(deps);
  return result.signatures;
}
