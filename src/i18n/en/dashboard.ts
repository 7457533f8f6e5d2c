// English messages of one feature: The organizer's dashboard, updates to signers and the share kit. Spread into ../en.ts.
import type { Message } from '../message.js';

export const dashboardEn = {
} satisfies Record<string, Message>;
