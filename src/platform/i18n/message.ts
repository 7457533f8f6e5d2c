/** A catalog entry: plain text with `{placeholders}`, or plural forms chosen by Intl.PluralRules. */
export type Message = string | PluralMessage;

export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
