// English messages of one feature: Sign-in, sessions and accounts. Spread into ../en.ts.
import type { Message } from '../message.js';

export const accountsEn = {
} satisfies Record<string, Message>;
