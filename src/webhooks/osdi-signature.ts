// A confirmed signature as an OSDI record signature helper takes it (Action Network's
// POST /api/v2/petitions/:id/signatures, or any OSDI-speaking CRM's): the person with their name, email, postal
// address and language, the comment, and tags — "firma", the source code, and the organizer's own.
import type { Petition } from '../petitions/petition.js';
import type { WebhookSignature } from './webhook-event.js';

/**
 * Firma keeps one name as the signer typed it. OSDI has a given and a family name: the first word is the given
 * name and the rest the family name ("Rosa Martínez López" → "Rosa" / "Martínez López"), as a CRM would show it.
 */
export function splitName(name: string): { given_name: string; family_name?: string } {
  const words = name.trim().split(/\s+/);
  const [given = '', ...rest] = words;
  return rest.length === 0 ? { given_name: given } : { given_name: given, family_name: rest.join(' ') };
}

export function osdiSignature(signature: WebhookSignature, petition: Petition, tags: readonly string[]) {
  const allTags = [
    'firma',
    `firma:${petition.slug}`,
    ...(signature.source === null ? [] : [`source:${signature.source}`]),
    ...tags,
  ];
  return {
    person: {
      ...splitName(signature.name),
      email_addresses: [{ address: signature.email, primary: true }],
      postal_addresses: [
        {
          postal_code: signature.postalCode,
          ...(signature.town === null ? {} : { locality: signature.town }),
          country: petition.country,
          primary: true,
        },
      ],
      languages_spoken: [signature.locale],
    },
    ...(signature.comment === null ? {} : { comments: signature.comment }),
    add_tags: [...new Set(allTags)],
    ...(signature.source === null ? {} : { referrer_data: { source: signature.source } }),
  };
}
