// Spanish messages of one feature: The organizer's dashboard, updates to signers and the share kit. Same keys as ../en/dashboard.ts (checked by the compiler).
import type { Message } from '../message.js';
import type { dashboardEn } from '../en/dashboard.js';

export const dashboardEs = {
} satisfies Record<keyof typeof dashboardEn, Message>;
