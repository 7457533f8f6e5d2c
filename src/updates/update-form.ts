// The update form: a title and a body in each of the petition's languages, and whether to email it.
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { Locale } from '../platform/i18n/translator.js';
import type { UpdateText } from './update-text.js';
import { UNSAFE_CHARACTERS as CONTROL } from '../platform/text-rules.js';

export const UPDATE_LIMITS = { title: 150, body: 4000 } as const;

export type UpdateField = `${'title' | 'body'}_${Locale}`;
export type UpdateErrors = Partial<Record<UpdateField, MessageKey>>;
export type UpdateValues = Partial<Record<UpdateField | 'email_signers', string>>;

export type ParsedUpdate =
  | { ok: true; texts: Partial<Record<Locale, UpdateText>>; emailSigners: boolean }
  | { ok: false; errors: UpdateErrors; values: UpdateValues };

function clean(input: unknown): string {
  return typeof input === 'string' ? input.normalize('NFC').replace(/\r\n?/g, '\n').trim() : '';
}

function check(
  value: string,
  max: number,
  required: MessageKey,
  tooLong: MessageKey,
  singleLine: boolean,
): MessageKey | undefined {
  if (value === '') return required;
  if (value.length > max) return tooLong;
  if (CONTROL.test(value) || (singleLine && value.includes('\n'))) return 'updates.error.invalidCharacters';
  return undefined;
}

/** Every language of the petition needs its title and body: signers read the update in theirs. */
export function parseUpdateForm(body: Record<string, unknown>, locales: readonly Locale[]): ParsedUpdate {
  const values: UpdateValues = {};
  const errors: UpdateErrors = {};
  const texts: Partial<Record<Locale, UpdateText>> = {};
  for (const locale of locales) {
    const title = clean(body[`title_${locale}`]);
    const text = clean(body[`body_${locale}`]);
    values[`title_${locale}`] = title.slice(0, 5000);
    values[`body_${locale}`] = text.slice(0, 20000);
    const titleError = check(
      title,
      UPDATE_LIMITS.title,
      'updates.error.title.required',
      'updates.error.title.tooLong',
      true,
    );
    const bodyError = check(
      text,
      UPDATE_LIMITS.body,
      'updates.error.body.required',
      'updates.error.body.tooLong',
      false,
    );
    if (titleError !== undefined) errors[`title_${locale}`] = titleError;
    if (bodyError !== undefined) errors[`body_${locale}`] = bodyError;
    texts[locale] = { title, body: text };
  }
  const emailSigners = body['email_signers'] === 'yes';
  values.email_signers = emailSigners ? 'yes' : '';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, texts, emailSigners };
}
