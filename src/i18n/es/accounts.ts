// Spanish messages of one feature: Sign-in, sessions and accounts. Same keys as ../en/accounts.ts (checked by the compiler).
import type { Message } from '../message.js';
import type { accountsEn } from '../en/accounts.js';

export const accountsEs = {
} satisfies Record<keyof typeof accountsEn, Message>;
