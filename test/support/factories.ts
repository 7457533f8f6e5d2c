// Factories with sensible defaults, so a test states only what it is about.
import type { Db } from '../../src/platform/db/connect.js';
import type { PetitionState } from '../../src/petitions/petition.js';
import { insertPetition, type NewPetition } from '../../src/petitions/petition-store.js';
import { newTokenSalt, signerToken, tokenHash } from '../../src/platform/tokens/signer-token.js';
import { normalizeEmail } from '../../src/platform/normalize-email.js';
import { insertSignature, type NewSignature } from '../../src/signing/signature-store.js';

let sequence = 0;

/** The FIRMA_SECRET of test apps (test-app.ts), so factory-made signatures have working links. */
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

export async function makePetition(
  db: Db,
  overrides: Partial<NewPetition> & { status?: PetitionState } = {},
): Promise<{ id: number; slug: string }> {
  sequence += 1;
  const slug = overrides.slug ?? `test-petition-${sequence}`;
  const id = await insertPetition(db, {
    slug,
    status: 'open',
    defaultLocale: 'en',
    country: 'US',
    deliveryMethod: 'by_hand',
    now: '2026-11-01T00:00:00.000Z',
    // Counted at once unless a test is about email confirmation; those say requiresVerification: true.
    requiresVerification: false,
    targets: [{ names: { en: 'Town Council', es: 'Concejo Municipal' } }],
    texts: {
      en: {
        title: 'Fix the bus shelter',
        statement: 'Please fix the bus shelter on Main Street.',
        why: 'People wait in the rain.',
        deliveryDetails: '',
      },
      es: {
        title: 'Arreglen la parada',
        statement: 'Arreglen la parada de autobús de la calle Main.',
        why: 'La gente espera bajo la lluvia.',
        deliveryDetails: '',
      },
    },
    ...overrides,
  });
  return { id, slug };
}

/**
 * A petition row as the code before a migration wrote it, for tests of that migration's data step: no texts, no
 * targets, nothing a later migration added (makePetition writes what the current schema has).
 */
export async function makeBarePetition(db: Db): Promise<{ id: number; slug: string }> {
  sequence += 1;
  const slug = `bare-petition-${sequence}`;
  const at = '2026-11-01T00:00:00.000Z';
  const { id } = await db
    .insertInto('petitions')
    .values({
      slug,
      status: 'open',
      default_locale: 'en',
      country: 'US',
      delivery_method: 'by_hand',
      created_at: at,
      updated_at: at,
      published_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, slug };
}

/** A signature as the sign form would make it (counted at once, with working links), not yet written. */
export function newSignature(petitionId: number, overrides: Partial<NewSignature> = {}): NewSignature {
  sequence += 1;
  const email = overrides.email ?? `signer-${sequence}@example.org`;
  const tokenSalt = newTokenSalt();
  return {
    petitionId,
    locale: 'en',
    name: `Signer ${sequence}`,
    email,
    emailNormalized: normalizeEmail(email),
    postalCode: '06106',
    town: 'Hartford',
    comment: null,
    nameDisplay: 'full',
    optIn: false,
    source: null,
    ipHash: null,
    createdAt: '2026-11-20T12:00:00.000Z',
    requiresVerification: false,
    tokenSalt,
    tokenHash: tokenHash(signerToken(TEST_SECRET, tokenSalt)),
    ...overrides,
  };
}

export async function makeSignature(
  db: Db,
  petitionId: number,
  overrides: Partial<NewSignature> = {},
): Promise<boolean> {
  const outcome = await insertSignature(db, newSignature(petitionId, overrides), sequence);
  return outcome.inserted;
}
