// A petition as the rest of Firma sees it: states, texts per language, targets.
import { languageOf } from '../platform/i18n/languages.js';
import type { Locale } from '../platform/i18n/translator.js';
import type { Chamber } from '../targets/directory.js';

export const PETITION_STATES = ['draft', 'open', 'closed'] as const;
export type PetitionState = (typeof PETITION_STATES)[number];
/** States in which people may add signatures. */
export const SIGNABLE_STATES: readonly PetitionState[] = ['open'];
/** States whose petition page the public may see. */
export const VISIBLE_STATES: readonly PetitionState[] = ['open', 'closed'];

/**
 * Where a published petition stands with the moderators: 'held' waits for review and is not public,
 * 'unreviewed' is public and still in the queue, 'approved' passed review, 'rejected' is never public.
 */
export const MODERATION_STATES = ['held', 'unreviewed', 'approved', 'rejected'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];
/** Moderation states in which a published petition may be public. */
export const PUBLIC_MODERATION_STATES: readonly ModerationState[] = ['unreviewed', 'approved'];
/** Moderation states that put a published petition in the review queue. */
export const AWAITING_REVIEW_STATES: readonly ModerationState[] = ['held', 'unreviewed'];

export const DELIVERY_METHODS = ['by_hand', 'by_email', 'by_mail', 'other'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface PetitionText {
  title: string;
  statement: string;
  why: string;
  deliveryDetails: string;
  /** The Markdown texts' HTML as stored when they were saved (absent on a text not yet stored: a form's). */
  html?: { statement: string | null; why: string | null; deliveryDetails: string | null };
}

export interface Target {
  names: Partial<Record<Locale, string>>;
}

/**
 * A chamber of a body in the directory of decision-makers: the petition goes to each signer's own member of it
 * (their senator, their representative), matched from the signer's ZIP code or street address.
 */
export interface SeatTarget {
  bodyId: number;
  bodySlug: string;
  bodyNames: Partial<Record<Locale, string>>;
  /** The body's people and districts are Firma's generated sample data (shown as such). */
  sample: boolean;
  chamber: Chamber;
}

/** The petition's picture: its files' sizes and formats, its text alternative per language, its crop focus. */
export interface PetitionPicture {
  /** Names this picture and crop: part of its files' addresses, which can be cached for good. */
  version: string;
  width: number;
  height: number;
  /** The point kept in view when it is cropped, 0–1 from the left and from the top. */
  focusX: number;
  focusY: number;
  alts: Partial<Record<Locale, string>>;
  /** A moderator keeps it out of public view. */
  hidden: boolean;
  files: { format: 'webp' | 'jpeg'; width: number; height: number }[];
}

export interface Petition {
  id: number;
  slug: string;
  status: PetitionState;
  defaultLocale: Locale;
  /** The languages the petition is written in, default first. */
  locales: Locale[];
  country: string;
  deliveryMethod: DeliveryMethod;
  texts: Partial<Record<Locale, PetitionText>>;
  targets: Target[];
  /** The chambers whose members each get their own constituents' signatures, upper first. */
  seatTargets: SeatTarget[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  closesAt: string | null;
  /** New signatures wait for an email confirmation before they count. */
  requiresVerification: boolean;
  /** Opted-in signers are emailed when a milestone is reached (the organizer always is). */
  milestoneEmailsToSigners: boolean;
  organizer: { name: string | null; email: string | null };
  /** The account that started the petition (null for the demo petition and petitions made on the command line). */
  ownerId: number | null;
  /** When the organizer declared victory. */
  victoryAt: string | null;
  /** When a published petition with signatures was last edited (the public page says so). */
  editedAt: string | null;
  moderation: ModerationState;
  /** When the petition entered the review queue (publishing). */
  submittedAt: string | null;
  /** The reason code (moderation_reasons) and the moderator's note of the last approval or rejection. */
  reviewReason: string | null;
  reviewNote: string | null;
  /** Set while a moderator keeps a published petition out of public view (restorable). */
  hiddenAt: string | null;
  hiddenReason: string | null;
  hiddenNote: string | null;
  /** Null without a picture. */
  picture: PetitionPicture | null;
}

/** The petition's text for a reader of `locale`: in that language, or the closest it has (textLocaleFor). */
export function textFor(petition: Petition, locale: Locale): PetitionText {
  const text = petition.texts[textLocaleFor(petition, locale)] ?? petition.texts[petition.defaultLocale];
  if (text === undefined) throw new Error(`petition ${petition.slug} has no text in its default language`);
  return text;
}

/**
 * The language of the text a reader of `locale` gets: `locale` when the petition has it; else the closest
 * it has (the language's parent, pt-BR → pt, or another variant of the same language, pt-BR → pt-PT); else
 * the petition's main language. The page marks that text with its own `lang` and `dir`.
 */
export function textLocaleFor(petition: Pick<Petition, 'texts' | 'locales' | 'defaultLocale'>, locale: Locale): Locale {
  if (petition.texts[locale] !== undefined) return locale;
  const parent = languageOf(locale).parent;
  if (parent !== undefined && petition.texts[parent] !== undefined) return parent;
  const base = locale.split('-')[0];
  return petition.locales.find((l) => l.split('-')[0] === base) ?? petition.defaultLocale;
}

export function targetName(target: Target, locale: Locale, fallback: Locale): string {
  return target.names[locale] ?? target.names[fallback] ?? Object.values(target.names)[0] ?? '';
}

/** The language of the name `targetName` gives a reader of `locale` (for the page's `lang`). */
export function targetNameLocale(target: Target, locale: Locale, fallback: Locale): Locale {
  if (target.names[locale] !== undefined) return locale;
  if (target.names[fallback] !== undefined) return fallback;
  return Object.keys(target.names)[0] ?? fallback;
}

/** Public: published (open or closed), not held or rejected by moderators, not hidden. */
/** Published by its organizer (public, or waiting for a moderator): no longer a draft. */
export function isPublished(petition: Pick<Petition, 'status'>): boolean {
  return petition.status !== 'draft';
}

export function isVisible(petition: Pick<Petition, 'status' | 'moderation' | 'hiddenAt'>): boolean {
  return (
    VISIBLE_STATES.includes(petition.status) &&
    PUBLIC_MODERATION_STATES.includes(petition.moderation) &&
    petition.hiddenAt === null
  );
}

export function isSignable(petition: Petition, now: Date): boolean {
  if (!SIGNABLE_STATES.includes(petition.status) || !isVisible(petition)) return false;
  return petition.closesAt === null || new Date(petition.closesAt) > now;
}

/** The petition's public page, in one language. */
export function petitionUrl(baseUrl: string, locale: Locale, slug: string): string {
  return `${baseUrl}/${locale}/p/${slug}`;
}

/** The picture the public sees: none while a moderator hides it. */
export function publicPicture(petition: Pick<Petition, 'picture'>): PetitionPicture | undefined {
  return petition.picture === null || petition.picture.hidden ? undefined : petition.picture;
}

/** The picture's text alternative for a reader of `locale`: in the language the petition's text is read in. */
export function pictureAlt(petition: Petition, picture: PetitionPicture, locale: Locale): string {
  return picture.alts[textLocaleFor(petition, locale)] ?? picture.alts[petition.defaultLocale] ?? '';
}
