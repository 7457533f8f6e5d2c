// Why an organizer's petition is not public (a draft, held for review, rejected or hidden by a moderator):
// its dashboard and share kit then offer no link, share links, QR code or embed, and say why instead.
import type { Db } from '../platform/db/connect.js';
import type { Locale } from '../platform/i18n/translator.js';
import { listReasons, reasonLabel } from './reasons-store.js';
import { isVisible, type Petition } from '../petitions/petition.js';

export type NotPublic =
  { kind: 'draft' } | { kind: 'held' } | { kind: 'rejected' | 'hidden'; reason: string; note: string | null };

/** Undefined when the petition is public; the reason's label is in `locale` (its code when it left the list). */
export async function whyNotPublic(db: Db, petition: Petition, locale: Locale): Promise<NotPublic | undefined> {
  if (isVisible(petition)) return undefined;
  if (petition.status === 'draft') return { kind: 'draft' };
  // Hidden first: a hidden petition may also have been approved, and the hiding is what keeps it from view.
  if (petition.hiddenAt !== null)
    return {
      kind: 'hidden',
      reason: reasonLabel(await listReasons(db), petition.hiddenReason, locale),
      note: petition.hiddenNote,
    };
  if (petition.moderation === 'rejected')
    return {
      kind: 'rejected',
      reason: reasonLabel(await listReasons(db), petition.reviewReason, locale),
      note: petition.reviewNote,
    };
  return { kind: 'held' };
}

/** Where the organizer previews a petition that is not public (in `locale` when it has that text); undefined when it is public. */
export function previewHrefFor(petition: Petition, locale: Locale): string | undefined {
  if (isVisible(petition)) return undefined;
  const previewLocale = petition.locales.includes(locale) ? locale : petition.defaultLocale;
  return `/organize/${petition.id}/preview/${previewLocale}`;
}

/** Why the petition is not public and where its organizer previews it; undefined when it is public. */
export async function notPublicNotice(
  db: Db,
  petition: Petition,
  locale: Locale,
): Promise<{ why: NotPublic; previewHref: string } | undefined> {
  const why = await whyNotPublic(db, petition, locale);
  const previewHref = previewHrefFor(petition, locale);
  return why === undefined || previewHref === undefined ? undefined : { why, previewHref };
}
