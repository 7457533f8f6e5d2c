// The public's report form (about a petition or one comment) and the thank-you page after it.
import type { Translator } from '../../../platform/i18n/translator.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { REPORT_DETAILS_MAX } from '../../../moderation/report-form.js';
import { REPORT_REASONS } from '../../../moderation/reports-store.js';

export interface ReportPageProps {
  t: Translator;
  petitionTitle: string;
  petitionPath: string;
  /** The form's own path without the language (/p/slug/report or /p/slug/comments/7/report). */
  path: string;
  /** The reported comment, when it is a comment. */
  comment?: string | undefined;
  values: Record<string, string>;
  errors: Errors;
}

export function ReportPage(p: ReportPageProps) {
  const { t } = p;
  const title = p.comment === undefined ? t.t('report.title') : t.t('report.commentTitle');
  const intro =
    p.comment === undefined
      ? t.t('report.intro', { title: p.petitionTitle })
      : t.t('report.commentIntro', { title: p.petitionTitle });
  return (
    <Layout t={t} title={title} switchHref={(locale) => languageSwitchHref(locale, `/${locale}${p.path}`)}>
      <section class="report-page">
        <ErrorList t={t} errors={p.errors} summaryKey="report.errorSummary" />
        <h1>{title}</h1>
        <p>{intro}</p>
        {p.comment === undefined ? null : (
          <blockquote class="reported-comment" dir="auto">
            {p.comment}
          </blockquote>
        )}
        <form method="post" action={`/${t.locale}${p.path}`} accept-charset="utf-8" novalidate>
          <Field t={t} id="reason" label={t.t('report.reason')} errors={p.errors}>
            <select
              id="reason"
              name="reason"
              aria-required="true"
              aria-invalid={p.errors['reason'] === undefined ? undefined : 'true'}
              aria-describedby={describedBy('reason', p.errors, false)}
            >
              <option value="">{t.t('moderation.form.chooseReason')}</option>
              {REPORT_REASONS.map((reason) => (
                <option value={reason} selected={p.values['reason'] === reason}>
                  {t.t(`report.reason.${reason}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            t={t}
            id="details"
            label={t.t('report.details')}
            hint={t.t('report.detailsHint', { max: REPORT_DETAILS_MAX })}
            errors={p.errors}
          >
            <textarea
              id="details"
              name="details"
              rows={5}
              maxlength={REPORT_DETAILS_MAX}
              aria-invalid={p.errors['details'] === undefined ? undefined : 'true'}
              aria-describedby={describedBy('details', p.errors, true)}
            >
              {p.values['details'] ?? ''}
            </textarea>
          </Field>
          <button type="submit">{t.t('report.submit')}</button>
        </form>
        <p>
          <a href={p.petitionPath}>{t.t('report.back')}</a>
        </p>
      </section>
    </Layout>
  );
}

export function ReportThanksPage({ t, petitionPath, path }: { t: Translator; petitionPath: string; path: string }) {
  return (
    <Layout
      t={t}
      title={t.t('report.thanks.title')}
      switchHref={(locale) => languageSwitchHref(locale, `/${locale}${path}`)}
    >
      <section class="status-page">
        <h1>{t.t('report.thanks.title')}</h1>
        <p>{t.t('report.thanks.body')}</p>
        <p>
          <a href={petitionPath}>{t.t('report.back')}</a>
        </p>
      </section>
    </Layout>
  );
}
