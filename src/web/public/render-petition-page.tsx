// Gathers what the petition page shows (count, milestone, recent signers) and renders it.
import type { Child } from 'hono/jsx';
import type { Db } from '../../platform/db/connect.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { isLocale, translator, type Locale } from '../../platform/i18n/translator.js';
import { listDeliveries } from '../../delivery/delivery-store.js';
import { deliveredLine } from '../../delivery/record-delivery.js';
import { countSignatures } from '../../signing/signature-counts.js';
import { publicName } from '../../signing/public-name.js';
import type { FieldErrors, SignFormValues } from '../../signing/sign-form.js';
import { recentPublicSignatures } from '../../signing/signature-store.js';
import { lastMilestone, nextGoal } from '../../milestones/milestones.js';
import {
  publicPicture,
  isSignable,
  petitionUrl,
  targetName,
  targetNameLocale,
  textFor,
  textLocaleFor,
  type Petition,
} from '../../petitions/petition.js';
import { PetitionPage } from './views/petition-page.js';
import { publicUpdates } from '../../updates/public-updates.js';
import { asksForStreet, seatTargetLines } from '../views/seat-targets.js';
import { listResponses } from '../../targets/responses-store.js';
import { cardPath, cardPicture, petitionCard } from '../../sharing/card-content.js';
import { CARD_SIZES } from '../../sharing/social-card.js';
import { pictureView } from '../views/petition-picture.js';
import { offeredMessage } from './offered-message.js';
import { listShareMessages } from '../../sharing/share-message-store.js';

export const RECENT_SIGNERS_SHOWN = 10;

export interface PetitionPageDeps {
  db: Db;
  now: () => Date;
  config: { baseUrl: string };
  signerMatcher: { geocodes: boolean };
}

export interface PetitionPageForm {
  values: SignFormValues;
  errors: FieldErrors;
  formError?: MessageKey;
}

export async function renderPetitionPage(
  deps: PetitionPageDeps,
  petition: Petition,
  locale: Locale,
  options: { form?: PetitionPageForm; source?: string | undefined; preview?: Child } = {},
): Promise<string> {
  const t = translator(locale);
  const now = deps.now();
  const [counts, recent] = await Promise.all([
    countSignatures(deps.db, [petition.id]),
    recentPublicSignatures(deps.db, petition.id, RECENT_SIGNERS_SHOWN),
  ]);
  const count = counts.get(petition.id) ?? 0;
  const allUpdates = await publicUpdates(deps.db, petition, locale);
  // The update posted when victory was declared is the banner's message, shown there rather than twice.
  const victory = allUpdates.find((u) => petition.victoryAt !== null && u.createdAt === petition.victoryAt);
  const updates = allUpdates.filter((u) => u !== victory);
  const responses = petition.seatTargets.length === 0 ? [] : await listResponses(deps.db, petition.id, true);
  const deliveries = (await listDeliveries(deps.db, petition.id)).map((d) => {
    const { line, alt } = deliveredLine(petition, d, locale);
    return { line, ...(d.hasPhoto ? { photo: { src: `/delivery-photos/${d.id}`, alt } } : {}) };
  });
  const picture = publicPicture(petition);
  const shareMessage =
    options.preview === undefined
      ? offeredMessage(petition.id, await listShareMessages(deps.db, petition.id), locale, petition.slug)
      : undefined;
  const card = petitionCard(petition, locale, count, deps.config.baseUrl, cardPicture(petition));
  const page = (
    <PetitionPage
      t={t}
      now={now}
      slug={petition.slug}
      text={textFor(petition, locale)}
      textLocale={textLocaleFor(petition, locale)}
      targets={petition.targets.map((target) => ({
        name: targetName(target, locale, petition.defaultLocale),
        locale: targetNameLocale(target, locale, petition.defaultLocale),
      }))}
      seatTargets={seatTargetLines(t, petition.seatTargets)}
      askStreet={asksForStreet(petition.seatTargets, deps.signerMatcher.geocodes)}
      deliveryMethod={petition.deliveryMethod}
      count={count}
      milestone={lastMilestone(count)}
      goal={nextGoal(count)}
      // A preview (of a draft, or of a petition waiting for a moderator) shows the sign form as it will be once public.
      signable={isSignable(
        options.preview !== undefined
          ? {
              ...petition,
              status: petition.status === 'draft' ? 'open' : petition.status,
              moderation: 'approved',
              hiddenAt: null,
            }
          : petition,
        now,
      )}
      requiresVerification={petition.requiresVerification}
      recentSigners={recent.flatMap((s) => {
        const displayName = publicName(s.name, s.nameDisplay);
        return displayName === undefined
          ? []
          : [{ id: s.id, displayName, town: s.town, comment: s.comment, createdAt: s.createdAt }];
      })}
      canonicalUrl={petitionUrl(deps.config.baseUrl, locale, petition.slug)}
      // Only the languages this site speaks have pages: a petition's other texts are read at its default.
      alternates={petition.locales.filter(isLocale).map((l) => ({
        locale: l,
        href: petitionUrl(deps.config.baseUrl, l, petition.slug),
      }))}
      signAction={`/${locale}/p/${petition.slug}/sign`}
      form={options.form ?? { values: {}, errors: {} }}
      source={options.source}
      updates={updates}
      responses={responses}
      editedAt={petition.editedAt}
      victoryAt={petition.victoryAt}
      victory={victory}
      picture={picture === undefined ? undefined : pictureView(petition, picture, locale)}
      shareMessage={shareMessage}
      // A preview is not public: neither is its card.
      card={
        options.preview !== undefined
          ? undefined
          : {
              url: `${deps.config.baseUrl}${cardPath(locale, petition.slug, 'card', card.version)}`,
              alt: card.alt,
              ...CARD_SIZES.card,
            }
      }
      preview={options.preview}
      deliveries={deliveries}
    />
  );
  return `<!doctype html>${await page.toString()}`;
}
