// What a form's validation says about its fields: for each field, the message (a catalog key, with its
// parameters when it has any) that the page shows beside it. Features validate; src/web/ shows.
import type { MessageKey } from './i18n/message-key.js';
import type { Params } from './i18n/translator.js';

/** A field's error: a message key, with its parameters when it has any. */
export type FieldErrorMessage = MessageKey | { key: MessageKey; params?: Params };
export type Errors = Record<string, FieldErrorMessage | undefined>;
