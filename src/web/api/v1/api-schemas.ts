// The shapes the API answers with, as zod schemas: the routes build their answers to these types, and the OpenAPI
// document (openapi-document.ts) is generated from the same schemas, so the two cannot drift apart.
import { MAX_SHEET, MAX_SHEET_LINE } from '../../../signing/paper-signatures.js';
import { z } from 'zod';

/** Every named schema, for the OpenAPI document's components. */
export const apiSchemas = z.registry<{ id: string }>();

function named<T extends z.ZodType>(id: string, schema: T): T {
  apiSchemas.add(schema, { id });
  return schema;
}

const link = named('Link', z.object({ href: z.string(), title: z.string().optional() }));
const curie = z.object({ name: z.literal('osdi'), href: z.string(), templated: z.literal(true) });

export const errorSchema = named(
  'Error',
  z.object({
    error: z.object({
      /** Stable, for programs: unauthorized, forbidden, not_found, bad_request, rate_limited. */
      code: z.string(),
      /** For people, in the language of the request's Accept-Language when Firma has it. */
      message: z.string(),
      /** 422: what is wrong with each field (name, email, postal_code, comment, name_display), for people. */
      fields: z.record(z.string(), z.string()).optional(),
    }),
  }),
);

export const entryPointSchema = named(
  'EntryPoint',
  z.object({
    motd: z.string(),
    vendor_name: z.literal('Firma'),
    product_name: z.literal('Firma'),
    osdi_version: z.literal('1.1'),
    max_pagesize: z.number().int(),
    namespace: z.literal('firma'),
    _links: z.object({
      self: link,
      curies: z.array(curie),
      'osdi:petitions': link,
      docs: link,
    }),
  }),
);

const paging = {
  total_pages: z.number().int(),
  per_page: z.number().int(),
  page: z.number().int(),
  total_records: z.number().int(),
};
const pageLinks = { self: link, next: link.optional(), prev: link.optional() };

export const petitionSchema = named(
  'Petition',
  z.object({
    identifiers: z.array(z.string()),
    origin_system: z.literal('Firma'),
    created_date: z.string(),
    modified_date: z.string(),
    title: z.string(),
    description: z.string(),
    petition_text: z.string(),
    browser_url: z.string(),
    total_signatures: z.number().int(),
    target: z.array(z.object({ name: z.string() })),
    'firma:slug': z.string(),
    'firma:status': z.string(),
    'firma:language': z.string(),
    'firma:pending_signatures': z.number().int(),
    /** Every language the petition is written in: its title and page. */
    'firma:translations': z.record(z.string(), z.object({ title: z.string(), browser_url: z.string() })),
    _links: z.object({ self: link, 'osdi:signatures': link, 'firma:count_history': link }),
  }),
);

export const petitionsSchema = named(
  'Petitions',
  z.object({
    ...paging,
    _links: z.object({ ...pageLinks, 'osdi:petitions': z.array(link) }),
    _embedded: z.object({ 'osdi:petitions': z.array(petitionSchema) }),
  }),
);

export const signatureSchema = named(
  'Signature',
  z.object({
    identifiers: z.array(z.string()),
    origin_system: z.literal('Firma'),
    created_date: z.string(),
    modified_date: z.string(),
    comments: z.string().optional(),
    person: z.object({
      /** Firma asks for one name field; it is given here whole (never split into given and family names). */
      given_name: z.string().optional(),
      email_addresses: z.array(z.object({ address: z.string(), primary: z.boolean() })),
      postal_addresses: z.array(
        z.object({
          postal_code: z.string(),
          locality: z.string().optional(),
          country: z.string(),
          primary: z.boolean(),
        }),
      ),
      languages_spoken: z.array(z.string()),
    }),
    referrer_data: z.object({ source: z.string() }).optional(),
    'firma:status': z.enum(['confirmed', 'pending']),
    'firma:language': z.string(),
    'firma:email_opt_in': z.boolean(),
    /** Retention erased the name, email and comment: only the dates, the place and the language are left. */
    'firma:erased': z.boolean(),
    /** Gathered online (the page, the embed, the API) or entered from a paper signature sheet. */
    'firma:method': z.enum(['online', 'paper', 'kiosk']),
    /** For a paper signature: the sheet's number and the line on it. */
    'firma:sheet': z.number().int().optional(),
    'firma:sheet_line': z.number().int().optional(),
    _links: z.object({ self: link, 'osdi:petition': link }),
  }),
);

export const signaturesSchema = named(
  'Signatures',
  z.object({
    ...paging,
    _links: z.object({ ...pageLinks, 'osdi:signatures': z.array(link) }),
    _embedded: z.object({ 'osdi:signatures': z.array(signatureSchema) }),
  }),
);

const countStep = z.object({ confirmed: z.number().int(), pending: z.number().int(), total: z.number().int() });

/** The petition's count over time (UTC): by day since the first signature, by hour for the last 48 hours. */
export const countHistorySchema = named(
  'CountHistory',
  z.object({
    by_day: z.array(countStep.extend({ date: z.string() })),
    by_hour: z.array(countStep.extend({ hour: z.string() })),
    _links: z.object({ self: link, 'osdi:petition': link }),
  }),
);

/** What OSDI's record_signature_helper is given: a person, and what they wrote. */
export const recordSignatureSchema = named(
  'RecordSignature',
  z.object({
    person: z.object({
      given_name: z.string().max(1000).optional(),
      family_name: z.string().max(1000).optional(),
      email_addresses: z
        .array(z.object({ address: z.string().max(1000) }))
        .min(1)
        .max(10),
      postal_addresses: z
        .array(z.object({ postal_code: z.string().max(100) }))
        .min(1)
        .max(10),
      languages_spoken: z.array(z.string().max(20)).max(10).optional(),
    }),
    comments: z.string().max(5000).optional(),
    referrer_data: z.object({ source: z.string().max(200).optional() }).optional(),
    /** Whether the signer asked for news of the petition by email (off unless true). */
    'firma:email_opt_in': z.boolean().optional(),
    /** How the name is shown on the petition page: full, first_initial or hidden (the default). */
    'firma:name_display': z.enum(['full', 'first_initial', 'hidden']).optional(),
    /**
     * How the signature was gathered: online (the default: signed as the form signs, with its confirmation email), or
     * in person — 'paper' (a signature sheet) or 'kiosk' — counted at once, with a notice and the withdraw link
     * instead of the confirmation email.
     */
    'firma:method': z.enum(['online', 'paper', 'kiosk']).optional(),
    /** For 'paper': the sheet's number and the line on it, both or neither. */
    'firma:sheet': z.number().int().min(1).max(MAX_SHEET).optional(),
    'firma:sheet_line': z.number().int().min(1).max(MAX_SHEET_LINE).optional(),
  }),
);

export type RecordSignature = z.infer<typeof recordSignatureSchema>;
export type CountHistoryResource = z.infer<typeof countHistorySchema>;
export type EntryPoint = z.infer<typeof entryPointSchema>;
export type PetitionResource = z.infer<typeof petitionSchema>;
export type PetitionsPage = z.infer<typeof petitionsSchema>;
export type SignatureResource = z.infer<typeof signatureSchema>;
export type SignaturesPage = z.infer<typeof signaturesSchema>;
export type ApiError = z.infer<typeof errorSchema>;
