// POST /api/v1/petitions/:id/signatures, OSDI's record_signature_helper: a person and a comment, signed exactly as
// the petition page's form signs (the same checks, the same dedupe, the same confirmation email where the petition
// asks for one). 201 with the new signature; 200 with the existing one for someone who had signed. Only for a key
// made to write. The key stands in for the page's abuse defences (proof of work, limits per address): it belongs
// to the petition's organizer, and is limited per minute. A signature its caller marks as gathered in person
// (`firma:method` paper or kiosk) is counted at once, without the confirmation email (src/signing/in-person-signatures.ts).
import { Hono } from 'hono';
import type { Deps } from '../../../deps.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import { isLocale } from '../../../platform/i18n/languages.js';
import { clientAddress } from '../../../platform/http/client-address.js';
import { normalizeEmail } from '../../../platform/normalize-email.js';
import { parseSignForm, type SignForm } from '../../../signing/sign-form.js';
import { townForPostalCode } from '../../../platform/zip-towns.js';
import { recordInPersonSignature } from '../../../signing/in-person-signatures.js';
import { signPetition } from '../../../signing/sign-petition.js';
import { findListedSignature, type ListedSignature } from '../../../signing/signature-listing-store.js';
import { apiError } from './api-errors.js';
import type { ApiEnv } from './api-auth.js';
import { signatureResource } from './api-representations.js';
import { recordSignatureSchema, type RecordSignature } from './api-schemas.js';
import { hal } from './hal.js';
import { reachablePetition } from './petition-api-routes.js';

/** The form's fields from an OSDI person; given and family names are joined as the form's one name field. */
function formFields(body: RecordSignature): Record<string, string> {
  const { person } = body;
  return {
    name: [person.given_name, person.family_name].filter((n) => n !== undefined && n.trim() !== '').join(' '),
    email: person.email_addresses[0]?.address ?? '',
    postal_code: person.postal_addresses[0]?.postal_code ?? '',
    comment: body.comments ?? '',
    name_display: body['firma:name_display'] ?? 'hidden',
    opt_in: body['firma:email_opt_in'] === true ? 'yes' : '',
    source: body.referrer_data?.source ?? '',
    website: '',
  };
}

function newRow(
  id: number,
  form: SignForm,
  locale: string,
  pending: boolean,
  createdAt: string,
  country: string,
  gathered: Pick<ListedSignature, 'method' | 'sheet' | 'sheetLine'> = {
    method: 'online',
    sheet: null,
    sheetLine: null,
  },
): ListedSignature {
  return {
    id,
    name: form.name,
    email: form.email,
    postalCode: form.postal_code,
    town: townForPostalCode(country, form.postal_code) ?? null,
    comment: form.comment === '' ? null : form.comment,
    source: form.source ?? null,
    locale,
    status: pending ? 'pending' : 'confirmed',
    optIn: form.opt_in,
    createdAt,
    modifiedAt: createdAt,
    erased: false,
    ...gathered,
  };
}

export function recordSignatureRoutes(deps: Deps) {
  const app = new Hono<ApiEnv>();
  const base = deps.config.baseUrl;

  app.post('/petitions/:id{[0-9]{1,9}}/signatures', async (c) => {
    const petition = await reachablePetition(deps, c);
    if (petition === undefined) return apiError(c, 'not_found');
    if (!c.var.apiKey.canWrite) return apiError(c, 'forbidden', c.var.t.t('api.error.readOnlyKey'));
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return apiError(c, 'bad_request', c.var.t.t('api.error.notJson'));
    }
    const body = recordSignatureSchema.safeParse(raw);
    if (!body.success) return apiError(c, 'bad_request', c.var.t.t('api.error.notAPerson'));
    const parsed = parseSignForm(formFields(body.data), petition.country);
    if (!parsed.ok) {
      const fields = Object.fromEntries(
        Object.entries(parsed.errors).map(([field, key]) => [field, c.var.t.t(key as MessageKey)]),
      );
      return apiError(c, 'invalid', undefined, fields);
    }
    const spoken = body.data.person.languages_spoken?.find((l) => isLocale(l) && petition.locales.includes(l));
    const method = body.data['firma:method'] ?? 'online';
    const sheet = body.data['firma:sheet'] ?? null;
    const sheetLine = body.data['firma:sheet_line'] ?? null;
    if ((sheet === null) !== (sheetLine === null) || (sheet !== null && method !== 'paper'))
      return apiError(c, 'bad_request', c.var.t.t('api.error.sheetLine'));
    if (method !== 'online') {
      const locale = spoken ?? petition.defaultLocale;
      const gathered = await recordInPersonSignature(
        deps,
        petition,
        { form: parsed.form, hasEmail: true, locale, method, sheet, sheetLine },
        {
          actorId: c.var.apiUser.id,
          action: 'signatures.in_person',
          details: { method, via: 'api', key: c.var.apiKey.name },
        },
      );
      if (gathered.kind === 'closed') return apiError(c, 'conflict', c.var.t.t('error.petitionClosed'));
      if (gathered.kind === 'exists' && gathered.reason === 'line')
        return apiError(c, 'conflict', c.var.t.t('api.error.lineEntered', { id: gathered.signatureId }));
      const row =
        gathered.kind === 'recorded'
          ? newRow(gathered.signatureId, parsed.form, locale, false, gathered.createdAt, petition.country, {
              method,
              sheet,
              sheetLine,
            })
          : await findListedSignature(deps.db, petition.id, { id: gathered.signatureId });
      if (row === undefined) return apiError(c, 'conflict', c.var.t.t('api.error.gone'));
      const resource = signatureResource(row, petition, base);
      if (gathered.kind === 'recorded') c.header('Location', resource._links.self.href);
      return hal(c, resource, gathered.kind === 'recorded' ? 201 : 200);
    }
    const result = await signPetition(deps, {
      petition,
      form: parsed.form,
      locale: spoken ?? petition.defaultLocale,
      clientAddress: clientAddress(c, deps.config.trustProxy),
    });
    if (result.kind === 'closed') return apiError(c, 'conflict', c.var.t.t('error.petitionClosed'));
    deps.signingMetrics.accepted(result.kind, result.pending);
    // A new signature is answered from what was just written; an existing one is read back as it is stored.
    const row =
      result.kind === 'signed'
        ? newRow(
            result.signatureId,
            parsed.form,
            spoken ?? petition.defaultLocale,
            result.pending,
            result.createdAt,
            petition.country,
          )
        : await findListedSignature(deps.db, petition.id, { emailNormalized: normalizeEmail(parsed.form.email) });
    // Withdrawn at this very instant: nothing to show, and nothing was signed.
    if (row === undefined) return apiError(c, 'conflict', c.var.t.t('api.error.gone'));
    const resource = signatureResource(row, petition, base);
    if (result.kind === 'signed') c.header('Location', resource._links.self.href);
    return hal(c, resource, result.kind === 'signed' ? 201 : 200);
  });

  return app;
}
