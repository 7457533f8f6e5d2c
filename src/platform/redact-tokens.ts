// Secret tokens of links (a signer's confirm/withdraw/unsubscribe, an organizer's sign-in, a team invitation) never go into a log
// line: whoever reads the logs could act as that person. The paths keep their shape, the token becomes "…".
// Anchored at the start of a path or just after a URL's host: a petition whose slug is "s" or "signin" is no link.
import { TAG_IN_PATH } from './i18n/languages.js';

const TOKEN_SEGMENTS: RegExp[] = [
  // A language tag of any site (en, es, pt-BR, zh-Hant-TW), whatever the site speaks.
  new RegExp(`((?:^|https?://[^/\\s]+)/${TAG_IN_PATH}/s/)[^/?#\\s]+`, 'g'),
  /((?:^|https?:\/\/[^/\s]+)\/signin\/)[^/?#\s]+/g,
  // A team invitation, and the same path carried through sign-in as ?next= (percent-encoded).
  /((?:^|https?:\/\/[^/\s]+)\/organize\/invitations\/)[^/?#\s]+/g,
  /(%2Forganize%2Finvitations%2F)[A-Za-z0-9_-]+/gi,
];

export function redactTokens(text: string): string {
  return TOKEN_SEGMENTS.reduce((masked, pattern) => masked.replace(pattern, '$1…'), text);
}
