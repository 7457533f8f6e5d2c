// Spanish messages of one feature: The delivery packet, exports and delivery records. Same keys as ../en/delivery.ts (checked by the compiler).
import type { Message } from '../message.js';
import type { deliveryEn } from '../en/delivery.js';

export const deliveryEs = {
} satisfies Record<keyof typeof deliveryEn, Message>;
