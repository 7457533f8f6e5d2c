// The admin's "block something" form: a kind, a value checked and written canonically for its kind, and a note.
import type { MessageKey } from '../platform/i18n/message-key.js';
import { normalizeEmail } from '../platform/normalize-email.js';
import { BLOCK_KINDS, type BlockKind } from './block-store.js';
import { formatCidr, parseCidr } from './cidr.js';

export const NOTE_MAX = 500;

export interface BlockFormValues {
  kind?: string;
  value?: string;
  note?: string;
}

export type BlockFormErrors = Partial<Record<keyof BlockFormValues, MessageKey>>;

export type ParsedBlock =
  { ok: true; kind: BlockKind; value: string; note: string } | { ok: false; errors: BlockFormErrors };

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;

/** A domain as typed ('@Example.COM.' too) in the form the block list compares, or undefined. */
export function canonicalDomain(input: string): string | undefined {
  const domain = input.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : undefined;
}

function canonicalValue(kind: BlockKind, input: string): string | undefined {
  if (kind === 'domain') return canonicalDomain(input);
  if (kind === 'email') {
    const email = normalizeEmail(input);
    const at = email.lastIndexOf('@');
    if (at < 1 || /\s/.test(email)) return undefined;
    const domain = canonicalDomain(email.slice(at + 1));
    return domain === undefined ? undefined : `${email.slice(0, at)}@${domain}`;
  }
  const cidr = parseCidr(input);
  return cidr === undefined ? undefined : formatCidr(cidr);
}

export function parseBlockForm(values: BlockFormValues): ParsedBlock {
  const errors: BlockFormErrors = {};
  const kind = BLOCK_KINDS.find((k) => k === values.kind);
  if (kind === undefined) errors.kind = 'blocks.error.kind';
  const value = kind === undefined ? undefined : canonicalValue(kind, values.value ?? '');
  if (kind !== undefined && value === undefined) errors.value = `blocks.error.${kind}`;
  const note = (values.note ?? '').trim();
  if (note === '' || note.length > NOTE_MAX) errors.note = 'blocks.error.note';
  if (kind === undefined || value === undefined || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, kind, value, note };
}

/** What the audit log keeps of a blocked address: enough to recognise it, not the whole address. */
export function auditValue(kind: BlockKind, value: string): string {
  if (kind !== 'email') return value;
  const at = value.lastIndexOf('@');
  return `${value.slice(0, 1)}***${value.slice(at)}`;
}
