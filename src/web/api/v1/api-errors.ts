// The API's errors: JSON with a stable code for programs and a message for people (in the request's language when
// Firma speaks it), with the status that says what went wrong. Never a page, never a stack trace.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { AppEnv } from '../../env.js';
import type { ApiError } from './api-schemas.js';

export const API_ERRORS = {
  bad_request: { status: 400, message: 'api.error.badRequest' },
  unauthorized: { status: 401, message: 'api.error.unauthorized' },
  forbidden: { status: 403, message: 'api.error.forbidden' },
  not_found: { status: 404, message: 'api.error.notFound' },
  conflict: { status: 409, message: 'api.error.conflict' },
  invalid: { status: 422, message: 'api.error.invalid' },
  too_large: { status: 413, message: 'api.error.tooLarge' },
  rate_limited: { status: 429, message: 'api.error.rateLimited' },
  unavailable: { status: 503, message: 'api.error.unavailable' },
  server_error: { status: 500, message: 'api.error.serverError' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: MessageKey }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/**
 * The error answer; `detail` (already in the reader's language) says what exactly, where there is more to say, and
 * `fields` what is wrong with each field of the body.
 */
export function apiError<E extends AppEnv>(
  c: Context<E>,
  code: ApiErrorCode,
  detail?: string,
  fields?: Record<string, string>,
) {
  const { status, message } = API_ERRORS[code];
  const text = c.var.t.t(message);
  const body: ApiError = {
    error: {
      code,
      message: detail === undefined ? text : `${text} ${detail}`,
      ...(fields === undefined ? {} : { fields }),
    },
  };
  c.header('Cache-Control', 'no-store');
  if (code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="firma-api"');
  return c.json(body, status);
}
