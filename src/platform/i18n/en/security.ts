// English messages of one feature: requests the site refuses before any page sees them (src/web/middleware). Spread into ../en.ts.
import type { Message } from '../message.js';

export const securityEn = {
  'security.badAddress.title': 'That link could not be read',
  'security.badAddress.body':
    'The address contains characters that no page of this site uses. Please check the link, or start again from the home page.',
} satisfies Record<string, Message>;
