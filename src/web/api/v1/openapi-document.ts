// The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json: the paths by hand, every schema generated
// from the zod schemas the routes answer with (api-schemas.ts).
import { z } from 'zod';
import { apiSchemas } from './api-schemas.js';
import { API_REQUESTS_PER_KEY_PER_MINUTE } from './api-auth.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './api-paging.js';

const HAL = 'application/hal+json';
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const answer = (description: string, id: string, type = HAL) => ({
  description,
  content: { [type]: { schema: ref(id) } },
});
const error = (description: string) => answer(description, 'Error', 'application/json');
const errorsFor = (perMinute: number) => ({
  '401': error('No key, or a key that is unknown or revoked.'),
  '429': error(`More than ${perMinute} requests in a minute with this key.`),
});
const petitionId = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const paging = [
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
  {
    name: 'per_page',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
  },
  {
    name: 'after',
    in: 'query',
    description:
      'Set by `_links.next`: the last id of the previous page (pages after it are read as fast as the first).',
    schema: { type: 'integer', minimum: 0 },
  },
];

function schemas(): Record<string, unknown> {
  const generated = z.toJSONSchema(apiSchemas, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  // Each schema is a component, not a document of its own: no $schema or $id inside.
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

export function openApiDocument(baseUrl: string, perMinute = API_REQUESTS_PER_KEY_PER_MINUTE) {
  const errors = errorsFor(perMinute);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Firma API',
      version: '1',
      description:
        'OSDI-compatible (Open Supporter Data Interface): petitions and their signatures as HAL+JSON. A key is made on the account page or with `firma api-key create`.',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ osdiToken: [] }, { bearer: [] }],
    paths: {
      '/': {
        get: {
          summary: 'The entry point: links to what the key may use',
          responses: { '200': answer('The entry point.', 'EntryPoint'), ...errors },
        },
      },
      '/petitions': {
        get: {
          summary: 'The petitions the key reaches',
          parameters: paging.slice(0, 2),
          responses: { '200': answer('A page of petitions.', 'Petitions'), '400': error('Bad paging.'), ...errors },
        },
      },
      '/petitions/{id}': {
        get: {
          summary: 'One petition',
          parameters: [petitionId],
          responses: {
            '200': answer('The petition.', 'Petition'),
            '404': error('No such petition for this key.'),
            ...errors,
          },
        },
      },
      '/petitions/{id}/count_history': {
        get: {
          summary: 'The petition’s count over time: by day, and by hour for the last 48 hours (UTC)',
          parameters: [petitionId],
          responses: {
            '200': answer('Confirmed, pending and the running confirmed total per step.', 'CountHistory'),
            '404': error('No such petition for this key.'),
            ...errors,
          },
        },
      },
      '/petitions/{id}/signatures': {
        get: {
          summary: 'The petition’s signatures, oldest first',
          parameters: [
            petitionId,
            ...paging,
            {
              name: 'status',
              in: 'query',
              schema: { type: 'string', enum: ['confirmed', 'all'], default: 'confirmed' },
            },
            {
              name: 'filter',
              in: 'query',
              description: "OSDI's OData subset: `modified_date gt '2026-12-01'`, `lt`, joined by `and`.",
              schema: { type: 'string', maxLength: 200 },
            },
          ],
          responses: {
            '200': answer('A page of signatures.', 'Signatures'),
            '400': error('Bad paging or filter.'),
            '404': error('No such petition for this key.'),
            ...errors,
          },
        },
        post: {
          summary: 'Records a signature (OSDI record_signature_helper), as the petition page’s form signs',
          description:
            'The same checks, the same dedupe and the same confirmation email (where the petition asks for one) as the form. Needs a key with write access.',
          parameters: [petitionId],
          requestBody: { required: true, content: { 'application/json': { schema: ref('RecordSignature') } } },
          responses: {
            '201': answer('Signed: the new signature (its address in Location).', 'Signature'),
            '200': answer('This person had signed already: their signature, unchanged.', 'Signature'),
            '400': error('Not JSON, or not a person.'),
            '403': error('A key that may only read.'),
            '404': error('No such petition for this key.'),
            '409': error('The petition is closed.'),
            '413': error('A body over 16 KiB.'),
            '422': error('A field is not right (see error.fields).'),
            ...errors,
          },
        },
      },
      '/petitions/{id}/signatures/{signature}': {
        get: {
          summary: 'One signature',
          parameters: [
            petitionId,
            { name: 'signature', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: {
            '200': answer('The signature.', 'Signature'),
            '404': error('No such signature for this key.'),
            ...errors,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        osdiToken: { type: 'apiKey', in: 'header', name: 'OSDI-API-Token' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: schemas(),
    },
  };
}
