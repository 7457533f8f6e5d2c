// English messages of one feature: The delivery packet, exports and delivery records. Spread into ../en.ts.
import type { Message } from '../message.js';

export const deliveryEn = {
} satisfies Record<string, Message>;
