// How each refused signer is answered: which status, and which message beside which field.
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { FieldErrors } from './sign-form.js';
import type { Screening } from '../abuse/screen-signer.js';

export type SignRefusal =
  /** A blocked network: a page of its own (403), since nothing in the form can fix it. */
  | { kind: 'page'; status: 403; title: MessageKey; body: MessageKey }
  /** The form again with what was typed: the message beside the email field, or above the form. */
  | { kind: 'form'; status: 422 | 429; errors: FieldErrors; formError?: MessageKey };

const LIMITED: Record<Extract<Screening, { kind: 'limited' }>['scope'], MessageKey> = {
  address: 'page.rateLimited.body',
  petition: 'abuse.limited.petition',
  domain: 'abuse.limited.domain',
};

export function signRefusal(screening: Exclude<Screening, { kind: 'pass' }>): SignRefusal {
  if (screening.kind === 'limited')
    return { kind: 'form', status: 429, errors: {}, formError: LIMITED[screening.scope] };
  switch (screening.by) {
    case 'cidr':
      return { kind: 'page', status: 403, title: 'abuse.blocked.network.title', body: 'abuse.blocked.network.body' };
    case 'email':
      return { kind: 'form', status: 422, errors: { email: 'abuse.blocked.email' } };
    case 'domain':
    case 'disposable':
      return { kind: 'form', status: 422, errors: { email: 'abuse.blocked.domain' } };
  }
}

/** The thank-you page's query: the slower path says why an email confirmation is needed. */
export const SLOWER_PATH_QUERY = 'check=1';
