// Spanish messages of one feature: Starting, editing, previewing and publishing a petition. Same keys as ../en/organize.ts (checked by the compiler).
import type { Message } from '../message.js';
import type { organizeEn } from '../en/organize.js';

export const organizeEs = {
} satisfies Record<keyof typeof organizeEn, Message>;
