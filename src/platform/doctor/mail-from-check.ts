// MAIL_FROM: an address at a real domain; receiving servers refuse mail from firma@localhost.
import type { Config } from '../config.js';
import type { Finding } from './check.js';

/** The domain of a From header, lowercased ('Petitions <p@Example.org>' → 'example.org'). */
export function mailFromDomain(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  return address.trim().split('@').pop()?.toLowerCase() ?? '';
}

export function checkMailFrom(config: Config): Finding {
  const { from } = config.mail;
  const domain = mailFromDomain(from);
  if (!from.includes('@') || domain === 'localhost' || !domain.includes('.'))
    return {
      ok: false,
      message: `${from}: receiving servers refuse mail from ${domain === '' ? 'an address without a domain' : domain}; set MAIL_FROM to an address at your own domain, e.g. "Petitions <petitions@example.org>"`,
    };
  return { ok: true, message: from };
}
