// The public JSON for a petition: what integrators may read; never anything about signers.
import type { Locale } from '../../platform/i18n/translator.js';
import { lastMilestone, nextGoal } from '../../milestones/milestones.js';
import type { Petition } from '../../petitions/petition.js';

export function petitionJson(
  petition: Petition,
  count: number,
  pendingCount: number,
  signaturesByLocale: Record<string, number>,
  baseUrl: string,
  now: Date,
) {
  const byLocale = <T>(pick: (locale: Locale) => T | undefined) =>
    Object.fromEntries(petition.locales.map((locale) => [locale, pick(locale)]).filter(([, v]) => v !== undefined));
  return {
    slug: petition.slug,
    // A petition past its closing date is closed to integrators too, even before anyone changes its state.
    status:
      petition.status === 'open' && petition.closesAt !== null && new Date(petition.closesAt) <= now
        ? 'closed'
        : petition.status,
    default_locale: petition.defaultLocale,
    locales: petition.locales,
    title: byLocale((l) => petition.texts[l]?.title),
    targets: petition.targets.map((target) => ({ name: target.names })),
    url: byLocale((l) => `${baseUrl}/${l}/p/${petition.slug}`),
    /** Confirmed signatures: the public count. */
    signature_count: count,
    /** Signatures waiting for their email confirmation, not (yet) counted. */
    pending_count: pendingCount,
    /** Confirmed signatures by the language they were made in; counted at most a minute ago. */
    signatures_by_locale: signaturesByLocale,
    requires_verification: petition.requiresVerification,
    last_milestone: lastMilestone(count) ?? null,
    next_goal: nextGoal(count),
    created_at: petition.createdAt,
    updated_at: petition.updatedAt,
    published_at: petition.publishedAt,
    closes_at: petition.closesAt,
  };
}
