// One petition's moderation panel: its review state and history in short, its open reports, and the forms.
import type { User } from '../../../accounts/user.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { ErrorList, type Errors } from '../../views/form-parts.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import type { ModerationReason } from '../../../moderation/reasons-store.js';
import type { OpenReport } from '../../../moderation/reports-store.js';
import type { QueuedPetition } from '../../../moderation/review-store.js';
import { DecisionForms } from './decision-forms.js';
import { PetitionSummary } from './queue-page.js';
import { ReportList } from './report-list.js';
import { PictureFigure, type PictureView } from '../../views/petition-picture.js';

export interface PanelPageProps {
  t: Translator;
  user: User;
  now: Date;
  petition: QueuedPetition;
  /** The last decision and the current hiding, with reasons already in the reader's language. */
  lastReview: { reason: string; note: string | null } | null;
  hidden: { reason: string; note: string | null } | null;
  reports: OpenReport[];
  reasons: ModerationReason[];
  values: Record<string, string>;
  errors: Errors;
  notice?: string | undefined;
  /** The petition's picture, which a moderator can hide while the petition stays up. */
  picture?: (PictureView & { hidden: boolean }) | undefined;
}

export function PanelPage(p: PanelPageProps) {
  const { t } = p;
  const path = `/moderate/petitions/${p.petition.id}`;
  return (
    <Layout
      t={t}
      title={t.t('moderation.panel.title', { title: p.petition.title })}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, path)}
    >
      <section class="moderation-panel">
        <p class="breadcrumb">
          <a href="/moderate">{t.t('moderation.panel.back')}</a>
        </p>
        <h1>{t.t('moderation.panel.heading')}</h1>
        <ErrorList t={t} errors={p.errors} summaryKey="moderation.error.summary" />
        {p.notice === undefined ? null : (
          <p class="notice" role="status">
            {p.notice}
          </p>
        )}
        <PetitionSummary t={t} now={p.now} petition={p.petition} onPanel />
        {p.lastReview === null || p.lastReview.reason === '' ? null : (
          <p>{t.t('moderation.panel.lastReason', { reason: p.lastReview.reason })}</p>
        )}
        {p.lastReview?.note == null ? null : <p>{t.t('moderation.panel.lastNote', { note: p.lastReview.note })}</p>}
        {p.hidden === null ? null : <p>{t.t('moderation.panel.hiddenReason', { reason: p.hidden.reason })}</p>}
        {p.hidden?.note == null ? null : <p>{t.t('moderation.panel.lastNote', { note: p.hidden.note })}</p>}
        <h2>{t.t('moderation.panel.actions')}</h2>
        <DecisionForms
          t={t}
          petition={p.petition}
          reasons={p.reasons}
          values={p.values}
          errors={p.errors}
          back="panel"
        />
        {p.picture === undefined ? null : (
          <>
            <h2>{t.t('moderate.picture.heading')}</h2>
            <PictureFigure class="petition-picture organizer-picture" picture={p.picture} sizes="36rem" />
            {p.picture.hidden ? <p>{t.t('moderate.picture.hidden')}</p> : null}
            <form method="post" action={`${path}/picture/${p.picture.hidden ? 'show' : 'hide'}`}>
              <button type="submit">{t.t(p.picture.hidden ? 'moderate.picture.show' : 'moderate.picture.hide')}</button>
            </form>
          </>
        )}
        <h2>{t.t('moderation.reports.heading')}</h2>
        {p.reports.length === 0 ? (
          <p>{t.t('moderation.panel.noReports')}</p>
        ) : (
          <ReportList t={t} reports={p.reports} back="panel" />
        )}
      </section>
    </Layout>
  );
}
