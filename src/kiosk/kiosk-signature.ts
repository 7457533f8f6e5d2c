// A signature taken at a kiosk: checked as the sign form checks it, then stored as gathered in person (counted at
// once, method 'kiosk', a notice with the withdraw link to a signer who gave an email). Exactly once: the tablet
// names each signature with an id of its own (a UUID) and sends it until it hears back; a signer without email is
// keyed by that id, one with email by the address, so sending the same signature again finds it and adds nothing.
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { Petition } from '../petitions/petition.js';
import { recordInPersonSignature, type InPersonDeps } from '../signing/in-person-signatures.js';
import { parseSignForm } from '../signing/sign-form.js';
import { KIOSK_GRACE_MS, markKioskUsed, type KioskLink } from './kiosk-links.js';

export interface KioskEntry {
  submissionId: string;
  name: string;
  email: string;
  postalCode: string;
  locale: string;
  /** When the tablet took it (ISO 8601): a signature taken before the link expired still counts. */
  takenAt: string;
}

export type KioskSignResult =
  | { kind: 'recorded'; signatureId: number }
  | { kind: 'exists'; signatureId: number }
  | { kind: 'invalid'; errors: Record<string, MessageKey> }
  | { kind: 'expired' }
  | { kind: 'closed' };

const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isSubmissionId(value: unknown): value is string {
  return typeof value === 'string' && SUBMISSION_ID.test(value);
}

export async function signAtKiosk(
  deps: InPersonDeps,
  kiosk: { link: KioskLink; createdBy: number | null; expired: boolean },
  petition: Petition,
  entry: KioskEntry,
): Promise<KioskSignResult> {
  const now = deps.now();
  const takenAt = new Date(entry.takenAt);
  // Taken while the link worked (not in the future), and sent within a week of its end.
  const takenInTime =
    !Number.isNaN(takenAt.getTime()) &&
    takenAt.getTime() <= now.getTime() + 5 * 60_000 &&
    takenAt < new Date(kiosk.link.expiresAt) &&
    now.getTime() < new Date(kiosk.link.expiresAt).getTime() + KIOSK_GRACE_MS;
  if (kiosk.expired && !takenInTime) return { kind: 'expired' };
  const email = entry.email.trim();
  const parsed = parseSignForm(
    {
      name: entry.name,
      // A signer at a kiosk may give no email: the form's other rules are checked with a stand-in.
      email: email === '' ? 'no-email@example.org' : email,
      postal_code: entry.postalCode,
      comment: '',
      name_display: 'hidden',
      website: '',
      source: 'kiosk',
    },
    petition.country,
  );
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors as Record<string, MessageKey> };
  const locale = petition.locales.find((l) => l === entry.locale) ?? petition.defaultLocale;
  const result = await recordInPersonSignature(
    deps,
    petition,
    {
      form: parsed.form,
      hasEmail: email !== '',
      locale,
      method: 'kiosk',
      sheet: null,
      sheetLine: null,
      noEmailKey: `kiosk:${kiosk.link.id}:${entry.submissionId}`,
    },
    { actorId: kiosk.createdBy, action: 'signatures.in_person', details: { method: 'kiosk', kiosk: kiosk.link.id } },
  );
  if (result.kind === 'closed') return { kind: 'closed' };
  await markKioskUsed(deps.db, kiosk.link.id, now);
  return result.kind === 'recorded'
    ? { kind: 'recorded', signatureId: result.signatureId }
    : { kind: 'exists', signatureId: result.signatureId };
}
