// Spanish messages of one feature: requests the site refuses before any page sees them. Same keys as ../en/security.ts (checked by the compiler).
import type { Message } from '../message.js';
import type { securityEn } from '../en/security.js';

export const securityEs = {
  'security.badAddress.title': 'No pudimos leer ese enlace',
  'security.badAddress.body':
    'La dirección contiene caracteres que ninguna página de este sitio usa. Revisa el enlace o vuelve a empezar desde la página principal.',
} satisfies Record<keyof typeof securityEn, Message>;
