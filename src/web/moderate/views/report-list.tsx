// Open reports of one petition as moderators see them: what was reported, why, and what they can do about it.
import type { Translator } from '../../../platform/i18n/translator.js';
import { languageOf } from '../../../platform/i18n/languages.js';
import { BackFields, type BackTo } from './decision-forms.js';
import { REPORT_REASONS, type OpenReport, type ReportReason } from '../../../moderation/reports-store.js';

function reasonText(t: Translator, reason: string): string {
  return (REPORT_REASONS as readonly string[]).includes(reason)
    ? t.t(`report.reason.${reason as ReportReason}`)
    : reason; // checked just before
}

export function ReportList({
  t,
  reports,
  back,
  backPage,
}: {
  t: Translator;
  reports: OpenReport[];
  back: BackTo;
  backPage?: number | undefined;
}) {
  return (
    <ul class="report-list">
      {reports.map((r) => (
        <li class="report" data-report-id={r.id}>
          <p>
            <strong>
              {t.t(
                r.responseId !== null
                  ? 'moderation.report.aboutResponse'
                  : r.signatureId === null
                    ? 'moderation.report.aboutPetition'
                    : 'moderation.report.aboutComment',
              )}
            </strong>
            {' · '}
            {t.t('moderation.report.reason', { reason: reasonText(t, r.reason) })}
            {' · '}
            <time datetime={r.createdAt}>{t.date(r.createdAt)}</time>
          </p>
          {r.details === '' ? (
            <p class="hint">{t.t('moderation.report.noDetails')}</p>
          ) : (
            <blockquote class="report-details">{r.details}</blockquote>
          )}
          {r.signatureId === null ? null : r.comment === null ? (
            <p class="hint">{t.t('moderation.report.commentGone')}</p>
          ) : (
            <div class="reported-comment">
              <p class="hint">{t.t('moderation.report.comment')}</p>
              <blockquote dir="auto">{r.comment}</blockquote>
            </div>
          )}
          {r.responseId === null ? null : r.response === null ? (
            <p class="hint">{t.t('moderation.report.responseGone')}</p>
          ) : (
            <div class="reported-comment">
              <p class="hint">
                {t.t(r.response.hidden ? 'moderation.report.responseHidden' : 'moderation.report.response')}
              </p>
              <blockquote lang={r.response.locale} dir={languageOf(r.response.locale).dir}>
                {r.response.body}
              </blockquote>
            </div>
          )}
          <div class="report-actions">
            <form method="post" action={`/moderate/reports/${r.id}/dismiss`}>
              <BackFields back={back} page={backPage} />
              <button type="submit" class="secondary">
                {t.t('moderation.report.dismiss')}
              </button>
            </form>
            <form method="post" action={`/moderate/reports/${r.id}/resolve`}>
              <BackFields back={back} page={backPage} />
              <button type="submit" class="secondary">
                {t.t('moderation.report.resolve')}
              </button>
            </form>
            {r.signatureId === null || r.comment === null ? null : (
              <form method="post" action={`/moderate/reports/${r.id}/remove-comment`}>
                <BackFields back={back} page={backPage} />
                <button type="submit">{t.t('moderation.report.removeComment')}</button>
              </form>
            )}
            {r.response === null || r.response.hidden ? null : (
              <form method="post" action={`/moderate/reports/${r.id}/hide-response`}>
                <BackFields back={back} page={backPage} />
                <button type="submit">{t.t('moderation.report.hideResponse')}</button>
              </form>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
