// The one signing pipeline, behind the petition page's form and the embedded form alike: check the form,
// screen the signer (block lists, rate limits, proof of work), write the signature, and say what the signer
// sees next. The routes only read the body and render the answer in their own pages.
import type { Logger } from 'pino';
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { Locale } from '../platform/i18n/translator.js';
import type { Petition } from '../petitions/petition.js';
import { POW_FIELD } from '../abuse/proof-of-work.js';
import { screenSigner, type ScreenDeps } from '../abuse/screen-signer.js';
import { signRefusal, SLOWER_PATH_QUERY } from './sign-refusal.js';
import { parseSignForm, type FieldErrors, type SignFormValues } from './sign-form.js';
import { signPetition, type SignDeps } from './sign-petition.js';
import type { SigningMetrics } from './signing-metrics.js';
import { DISTRICT_TICKET_QUERY, hasOpenDistricts, sealDecidedTicket, sealDistrictTicket } from './district-ticket.js';

/** The sign form as shown again: what was typed, and the mistakes beside its fields or above it. */
export interface SignFormState {
  values: SignFormValues;
  errors: FieldErrors;
  formError?: MessageKey;
}

export type SignFromFormOutcome =
  /** Show the form again with what was typed and why it was not signed. */
  | { kind: 'form'; status: 409 | 422 | 429; form: SignFormState }
  /** A page of its own instead of the form (a blocked network: nothing in the form can fix it). */
  | { kind: 'refused'; status: 403; title: MessageKey; body: MessageKey }
  /** Signed (or signed before): the thank-you page, with this query saying what it should tell the signer. */
  | { kind: 'signed'; thanksQuery: string };

export interface SignFromFormRequest {
  petition: Petition;
  /** The posted fields, as read from the body. */
  body: Record<string, unknown>;
  locale: Locale;
  clientAddress: string;
  /** The request's log, told why a signer was refused. */
  log: Logger;
}

/**
 * Where verification is on, a new signer and someone re-using an address both see "check your email":
 * the page never tells a stranger whether an address has signed. Without verification the signer
 * is told plainly that they had already signed. The slower path of proof of work tells every signer to
 * check their email, and why (where the petition would not have asked for it anyway).
 */
function thanksQuery(petition: Petition, kind: 'signed' | 'already_signed', confirmByEmail: boolean): string {
  if (confirmByEmail && !petition.requiresVerification) return `?confirm=1&${SLOWER_PATH_QUERY}`;
  if (petition.requiresVerification) return '?confirm=1';
  return kind === 'already_signed' ? '?already=1' : '';
}

export async function signFromForm(
  deps: SignDeps & ScreenDeps & { signingMetrics: SigningMetrics },
  { petition, body, locale, clientAddress, log }: SignFromFormRequest,
): Promise<SignFromFormOutcome> {
  const parsed = parseSignForm(body, petition.country);
  if (!parsed.ok) {
    deps.signingMetrics.refused('invalid_form');
    return { kind: 'form', status: 422, form: { values: parsed.values, errors: parsed.errors } };
  }
  const values: SignFormValues = { ...parsed.form, opt_in: parsed.form.opt_in ? 'yes' : '' };
  const screening = await screenSigner(deps, {
    petition,
    email: parsed.form.email,
    clientAddress,
    solution: body[POW_FIELD],
  });
  if (screening.kind !== 'pass') {
    const refusal = signRefusal(screening);
    deps.signingMetrics.refused(screening.kind === 'limited' ? `limit_${screening.scope}` : `blocked_${screening.by}`);
    log.info(
      {
        refused: screening.kind === 'limited' ? `limit:${screening.scope}` : `block:${screening.by}`,
        petitionId: petition.id,
      },
      'signature refused',
    );
    if (refusal.kind === 'page')
      return { kind: 'refused', status: refusal.status, title: refusal.title, body: refusal.body };
    const form: SignFormState = { values, errors: refusal.errors };
    if (refusal.formError !== undefined) form.formError = refusal.formError;
    return { kind: 'form', status: refusal.status, form };
  }
  const { confirmByEmail } = screening;
  const result = await signPetition(deps, { petition, form: parsed.form, locale, clientAddress, confirmByEmail });
  if (result.kind === 'closed') {
    deps.signingMetrics.refused('closed');
    return { kind: 'form', status: 409, form: { values, errors: {}, formError: 'error.petitionClosed' } };
  }
  deps.signingMetrics.accepted(result.kind, result.pending);
  let query = thanksQuery(petition, result.kind, confirmByEmail);
  if (result.districts.length > 0) {
    const about = { petitionId: petition.id, postalCode: parsed.form.postal_code, matches: result.districts };
    const ticket = hasOpenDistricts(result.districts)
      ? sealDistrictTicket(
          deps.secret,
          { ...about, signatureId: result.kind === 'signed' ? result.signatureId : null },
          deps.now(),
        )
      : sealDecidedTicket(deps.secret, about, deps.now());
    query = `${query === '' ? '?' : `${query}&`}${DISTRICT_TICKET_QUERY}=${ticket}`;
  }
  return { kind: 'signed', thanksQuery: query };
}
