// What a petition's social card says in one language, and the version that names it. The count on the card is
// the last milestone reached ("1,000 signatures and counting"): true until the next one, so the card is drawn
// again only when a milestone is crossed, never for each signature, and every server draws the same card.
import { createHash } from 'node:crypto';
import { lastMilestone } from '../milestones/milestones.js';
import { publicPicture, targetName, textFor, type Petition } from '../petitions/petition.js';
import { translator, type Locale } from '../platform/i18n/translator.js';
import type { CardContent, CardShape } from './social-card.js';

/** Changed when the drawing changes, so that every card gets a new version (and crawlers fetch it again). */
const DRAWING_VERSION = 1;

export interface CardPictureRef {
  /** Names the stored picture and its crop focus: a new picture or focus makes a new card. */
  version: string;
  focusX: number;
  focusY: number;
}

export interface PetitionCard {
  content: Omit<CardContent, 'picture'>;
  picture: CardPictureRef | undefined;
  /** The card's version: a hash of all it shows, so a validator and a cache key. */
  version: string;
  /** The image's text alternative (og:image:alt). */
  alt: string;
}

/**
 * Whom the petition is to, in one line: its named targets, then the bodies whose members each get signatures.
 * A named target that is one of those bodies (the demo's "Connecticut General Assembly") is named once, as the
 * body, in the reader's language.
 */
function recipients(petition: Petition, locale: Locale): string[] {
  const bodyNames = new Set(petition.seatTargets.flatMap((seat) => Object.values(seat.bodyNames)));
  const named = petition.targets
    .filter((target) => !Object.values(target.names).some((name) => name !== undefined && bodyNames.has(name)))
    .map((target) => targetName(target, locale, petition.defaultLocale));
  const bodies = petition.seatTargets.map(
    (seat) => seat.bodyNames[locale] ?? seat.bodyNames[petition.defaultLocale] ?? seat.bodySlug,
  );
  return [...new Set([...named, ...bodies])].filter((name) => name.trim() !== '');
}

export function petitionCard(
  petition: Petition,
  locale: Locale,
  count: number,
  baseUrl: string,
  picture?: CardPictureRef,
): PetitionCard {
  const t = translator(locale);
  const milestone = lastMilestone(count);
  const names = recipients(petition, locale);
  const content = {
    title: textFor(petition, locale).title,
    to: names.length === 0 ? '' : `${t.t('petition.to')} ${t.list(names)}`,
    count: milestone === undefined ? t.t('card.first') : t.t('card.count', { count: milestone }),
    site: new URL(baseUrl).host,
    dir: t.dir,
  };
  const version = createHash('sha256')
    .update(JSON.stringify([DRAWING_VERSION, content, picture ?? null]))
    .digest('base64url')
    .slice(0, 22);
  return { content, picture, version, alt: t.t('card.alt', { title: content.title, count: content.count }) };
}

/** What of the petition's picture the card shows: none while it has none the public may see. */
export function cardPicture(petition: Petition): CardPictureRef | undefined {
  const picture = publicPicture(petition);
  return picture === undefined
    ? undefined
    : { version: picture.version, focusX: picture.focusX, focusY: picture.focusY };
}

/** The card's address on this site; the version in the query makes a new URL when the card changes. */
export function cardPath(locale: Locale, slug: string, shape: CardShape, version?: string): string {
  const file = shape === 'card' ? 'card.png' : 'story.png';
  return `/${locale}/p/${slug}/${file}${version === undefined ? '' : `?v=${version.slice(0, 12)}`}`;
}
