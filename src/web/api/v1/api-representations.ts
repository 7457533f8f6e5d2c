// Firma's petitions and signatures as OSDI resources (HAL+JSON): OSDI's fields where OSDI has one, Firma's own
// under the `firma:` prefix.
import type { Petition } from '../../../petitions/petition.js';
import type { ListedSignature } from '../../../signing/signature-listing-store.js';
import type { PetitionResource, SignatureResource } from './api-schemas.js';

export const ORIGIN_SYSTEM = 'Firma';

export function apiRoot(baseUrl: string): string {
  return `${baseUrl}/api/v1`;
}

export function petitionHref(baseUrl: string, petitionId: number): string {
  return `${apiRoot(baseUrl)}/petitions/${petitionId}`;
}

export function petitionResource(
  petition: Petition,
  counts: { confirmed: number; pending: number },
  baseUrl: string,
): PetitionResource {
  const main = petition.texts[petition.defaultLocale];
  const page = (locale: string) => `${baseUrl}/${locale}/p/${petition.slug}`;
  const self = petitionHref(baseUrl, petition.id);
  return {
    identifiers: [`firma:${petition.id}`],
    origin_system: ORIGIN_SYSTEM,
    created_date: petition.createdAt,
    modified_date: petition.updatedAt,
    title: main?.title ?? petition.slug,
    description: main?.html?.why ?? main?.why ?? '',
    petition_text: main?.html?.statement ?? main?.statement ?? '',
    browser_url: page(petition.defaultLocale),
    total_signatures: counts.confirmed,
    target: petition.targets.map((t) => ({
      name: t.names[petition.defaultLocale] ?? Object.values(t.names).find((n) => n !== undefined) ?? '',
    })),
    'firma:slug': petition.slug,
    'firma:status': petition.status,
    'firma:language': petition.defaultLocale,
    'firma:pending_signatures': counts.pending,
    'firma:translations': Object.fromEntries(
      petition.locales.flatMap((l) => {
        const text = petition.texts[l];
        return text === undefined ? [] : [[l, { title: text.title, browser_url: page(l) }]];
      }),
    ),
    _links: {
      self: { href: self },
      'osdi:signatures': { href: `${self}/signatures` },
      'firma:count_history': { href: `${self}/count_history` },
    },
  };
}

export function signatureResource(
  s: ListedSignature,
  of: { id: number; country: string },
  baseUrl: string,
): SignatureResource {
  const petition = petitionHref(baseUrl, of.id);
  const erased = s.erased;
  return {
    identifiers: [`firma:${s.id}`],
    origin_system: ORIGIN_SYSTEM,
    created_date: s.createdAt,
    modified_date: s.modifiedAt,
    ...(erased || s.comment === null || s.comment === '' ? {} : { comments: s.comment }),
    person: {
      ...(erased ? {} : { given_name: s.name }),
      // A paper signer may have given no email: then there is none to list.
      email_addresses: erased || s.email === '' ? [] : [{ address: s.email, primary: true }],
      postal_addresses: [
        {
          postal_code: s.postalCode,
          ...(s.town === null || s.town === '' ? {} : { locality: s.town }),
          country: of.country,
          primary: true,
        },
      ],
      languages_spoken: [s.locale],
    },
    ...(s.source === null ? {} : { referrer_data: { source: s.source } }),
    'firma:status': s.status === 'pending' ? 'pending' : 'confirmed',
    'firma:language': s.locale,
    'firma:email_opt_in': s.optIn,
    'firma:erased': erased,
    'firma:method': s.method,
    ...(s.sheet === null ? {} : { 'firma:sheet': s.sheet }),
    ...(s.sheetLine === null ? {} : { 'firma:sheet_line': s.sheetLine }),
    _links: { self: { href: `${petition}/signatures/${s.id}` }, 'osdi:petition': { href: petition } },
  };
}
