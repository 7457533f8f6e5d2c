// Secret tokens of links (a signer's confirm/withdraw/unsubscribe, an organizer's sign-in) never go into a log
// line: whoever reads the logs could act as that person. The paths keep their shape, the token becomes "…".
// Anchored at the start of a path or just after a URL's host: a petition whose slug is "s" or "signin" is no link.
const TOKEN_SEGMENTS: RegExp[] = [
  // A language tag of any site (en, es, pt-BR, zh-Hant-TW), whatever the site speaks.
  /((?:^|https?:\/\/[^/\s]+)\/[a-z]{2,3}(?:-[A-Za-z0-9]{2,4}){0,2}\/s\/)[^/?#\s]+/g,
  /((?:^|https?:\/\/[^/\s]+)\/signin\/)[^/?#\s]+/g,
];

export function redactTokens(text: string): string {
  return TOKEN_SEGMENTS.reduce((masked, pattern) => masked.replace(pattern, '$1…'), text);
}
