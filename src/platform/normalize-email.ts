// One person, one signature: the form of an address under which aliases of one mailbox compare equal.

/** Providers that ignore dots in the local part (and treat googlemail.com as gmail.com). */
const DOTS_IGNORED = new Set(['gmail.com']);
const DOMAIN_ALIASES: Record<string, string> = { 'googlemail.com': 'gmail.com' };

/** Providers that deliver `name+anything@` to `name@`. */
const PLUS_TAGS_IGNORED = new Set([
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'fastmail.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
]);

export function normalizeEmail(input: string): string {
  const email = input.normalize('NFC').trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  let local = email.slice(0, at);
  // Trailing dots and the spaces between them go together, so normalizing twice changes nothing.
  let domain = email.slice(at + 1).replace(/[.\s]+$/, '');
  domain = DOMAIN_ALIASES[domain] ?? domain;
  if (PLUS_TAGS_IGNORED.has(domain)) local = local.split('+')[0] ?? local;
  if (DOTS_IGNORED.has(domain)) local = local.replaceAll('.', '');
  // Dropping dots can bare a space at the start ('.\t@gmail.com') or join a letter to an accent
  // ('a.\u0301'): compose and trim again, so that normalizing twice changes nothing.
  return `${local}@${domain}`.normalize('NFC').trim();
}
