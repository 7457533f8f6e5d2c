// Signing a petition: the domain decision, with every expected outcome a value.
import type { Locale } from '../platform/i18n/translator.js';
import { isSignable, type Petition } from '../petitions/petition.js';
import { newTokenSalt, signerToken, tokenHash } from '../platform/tokens/signer-token.js';
import { addressNetworkHash, type AddressHasher } from './address-hash.js';
import { normalizeEmail } from '../platform/normalize-email.js';
import type { SignForm } from './sign-form.js';
import type { SignatureWriter } from './signature-writer.js';
import { townForPostalCode } from '../platform/zip-towns.js';
import type { DistrictMatch, SignerMatcher } from '../targets/match-signer.js';

/** `pending`: the signer must open the emailed link before the signature counts. */
/**
 * `districts`: the signer's district in each chamber the petition targets (empty for a petition without district
 * targets), found from what they typed, the same whether or not they had signed before.
 */
export type SignResult =
  | { kind: 'signed'; pending: boolean; signatureId: number; districts: DistrictMatch[]; createdAt: string }
  | { kind: 'already_signed'; pending: boolean; districts: DistrictMatch[] }
  | { kind: 'closed' };

export interface SignDeps {
  now: () => Date;
  secret: string;
  hashAddress: AddressHasher;
  signatures: SignatureWriter;
  signerMatcher: SignerMatcher;
}

export interface SignRequest {
  petition: Petition;
  form: SignForm;
  locale: Locale;
  clientAddress: string;
  /**
   * Pending until confirmed by email even where the petition does not ask for it: the slower path of a
   * signer without a valid proof of work.
   */
  confirmByEmail?: boolean;
}

export async function signPetition(
  deps: SignDeps,
  { petition, form, locale, clientAddress, confirmByEmail = false }: SignRequest,
): Promise<SignResult> {
  const now = deps.now();
  const requiresVerification = petition.requiresVerification || confirmByEmail;
  if (!isSignable(petition, now)) return { kind: 'closed' };
  const districts =
    petition.seatTargets.length === 0
      ? []
      : await deps.signerMatcher.match(petition.seatTargets, {
          postalCode: form.postal_code,
          country: petition.country,
          street: form.street,
        });
  const tokenSalt = newTokenSalt();
  const signature = {
    petitionId: petition.id,
    locale,
    name: form.name,
    email: form.email,
    emailNormalized: normalizeEmail(form.email),
    postalCode: form.postal_code,
    town: townForPostalCode(petition.country, form.postal_code) ?? null,
    comment: form.comment === '' ? null : form.comment,
    nameDisplay: form.name_display,
    optIn: form.opt_in,
    source: form.source ?? null,
    ipHash: deps.hashAddress(clientAddress),
    ipPrefixHash: addressNetworkHash(deps.hashAddress, clientAddress),
    createdAt: now.toISOString(),
    requiresVerification,
    tokenSalt,
    tokenHash: tokenHash(signerToken(deps.secret, tokenSalt)),
    districts,
  };
  const outcome = await deps.signatures.write(signature);
  if (outcome.inserted)
    return {
      kind: 'signed',
      pending: requiresVerification,
      signatureId: outcome.id,
      districts,
      createdAt: signature.createdAt,
    };
  return { kind: 'already_signed', pending: outcome.status === 'pending', districts };
}
