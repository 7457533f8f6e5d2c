// What typed text may contain, shared by every form: one definition of "unsafe characters".

/**
 * C0 and C1 control characters (except tab, line feed and carriage return), the bidi overrides and
 * isolates that can make text read differently from how it is stored, and the byte-order mark.
 * Forms refuse them with a message; a NUL would also fail an insert on PostgreSQL.
 */
export const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** Tabs and line breaks: fine in a statement or a comment, not in a one-line name or title. */
export const LINE_CONTROLS = /[\t\r\n]/;

/** The longest name a person may give, on any form (a signer's, an account's). */
export const MAX_NAME = 100;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whether a name has something a reader can see and say: at least one letter or digit in any
 * script. A name made only of spaces, punctuation or zero-width characters is no name.
 */
export function hasLetterOrDigit(text: string): boolean {
  return LETTER_OR_DIGIT.test(text);
}
