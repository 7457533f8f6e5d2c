// What the dashboard and the share kit say, in place of links, about a petition that is not public.
import type { Translator } from '../../../platform/i18n/translator.js';
import type { NotPublic } from '../../../moderation/not-public.js';

export interface NotPublicNoticeProps {
  t: Translator;
  petitionId: number;
  why: NotPublic;
  /** The organizer's preview of the petition (in a language it is written in). */
  previewHref: string;
}

export function NotPublicNotice({ t, petitionId, why, previewHref }: NotPublicNoticeProps) {
  const line =
    why.kind === 'draft'
      ? t.t('dashboard.notPublic.draft')
      : why.kind === 'held'
        ? t.t('dashboard.notPublic.held')
        : why.kind === 'rejected'
          ? t.t('dashboard.notPublic.rejected', { reason: why.reason })
          : t.t('dashboard.notPublic.hidden', { reason: why.reason });
  return (
    <section class="notice not-public" aria-labelledby="not-public-heading">
      <h2 id="not-public-heading">
        {why.kind === 'held' ? t.t('dashboard.notPublic.waitingHeading') : t.t('dashboard.notPublic.heading')}
      </h2>
      <p>{line}</p>
      {why.kind !== 'rejected' && why.kind !== 'hidden' ? null : why.note === null ? null : (
        <p>{t.t('moderation.organizer.note', { note: why.note })}</p>
      )}
      <p>{t.t('dashboard.notPublic.noLinks')}</p>
      <ul class="inline-links">
        <li>
          <a href={`/organize/${petitionId}/edit`}>{t.t('dashboard.notPublic.edit')}</a>
        </li>
        <li>
          <a href={previewHref}>{t.t('dashboard.nav.preview')}</a>
        </li>
      </ul>
    </section>
  );
}
