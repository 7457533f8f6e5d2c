// A petition as the rest of Firma sees it: states, texts per language, targets.
import type { Locale } from '../i18n/translator.js';

export const PETITION_STATES = ['draft', 'open', 'closed'] as const;
export type PetitionState = (typeof PETITION_STATES)[number];
/** States in which people may add signatures. */
export const SIGNABLE_STATES: readonly PetitionState[] = ['open'];
/** States whose petition page the public may see. */
export const VISIBLE_STATES: readonly PetitionState[] = ['open', 'closed'];

export const DELIVERY_METHODS = ['by_hand', 'by_email', 'by_mail', 'other'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface PetitionText {
  title: string;
  statement: string;
  why: string;
  deliveryDetails: string;
}

export interface Target {
  names: Partial<Record<Locale, string>>;
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
}

/** The petition's text in `locale`, falling back to its default language. */
export function textFor(petition: Petition, locale: Locale): PetitionText {
  const text = petition.texts[locale] ?? petition.texts[petition.defaultLocale];
  if (text === undefined) throw new Error(`petition ${petition.slug} has no text in its default language`);
  return text;
}

export function targetName(target: Target, locale: Locale, fallback: Locale): string {
  return target.names[locale] ?? target.names[fallback] ?? Object.values(target.names)[0] ?? '';
}

export function isVisible(petition: Petition): boolean {
  return VISIBLE_STATES.includes(petition.status);
}

export function isSignable(petition: Petition, now: Date): boolean {
  if (!SIGNABLE_STATES.includes(petition.status)) return false;
  return petition.closesAt === null || new Date(petition.closesAt) > now;
}
