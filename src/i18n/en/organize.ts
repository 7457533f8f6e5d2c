// English messages of one feature: Starting, editing, previewing and publishing a petition. Spread into ../en.ts.
import type { Message } from '../message.js';

export const organizeEn = {
} satisfies Record<string, Message>;
