// The public's report form (about a petition, one comment or one legislator's response) and the thank-you page after it.
import type { Translator } from '../../../platform/i18n/translator.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import { languageOf } from '../../../platform/i18n/languages.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { REPORT_DETAILS_MAX } from '../../../moderation/report-form.js';
import { REPORT_REASONS } from '../../../moderation/reports-store.js';

export interface ReportPageProps {
  t: Translator;
  petitionTitle: string;
  petitionPath: string;
  /** The form's own path without the language (/p/slug/report, /p/slug/comments/7/report, /p/slug/responses/3/report). */
  path: string;
  /** The reported comment or response; none for the petition itself. */
  quoted?: ReportedText | undefined;
  values: Record<string, string>;
  errors: Errors;
}

/** A reported comment (its language unknown) or legislator's response (written in `lang`). */
export type ReportedText = { kind: 'comment'; text: string } | { kind: 'response'; text: string; lang: string };

const HEADINGS = {
  petition: { title: 'report.title', intro: 'report.intro' },
  comment: { title: 'report.commentTitle', intro: 'report.commentIntro' },
  response: { title: 'report.responseTitle', intro: 'report.responseIntro' },
} as const satisfies Record<string, { title: MessageKey; intro: MessageKey }>;

export function ReportPage(p: ReportPageProps) {
  const { t } = p;
  const headings = HEADINGS[p.quoted?.kind ?? 'petition'];
  const title = t.t(headings.title);
  const intro = t.t(headings.intro, { title: p.petitionTitle });
  return (
    <Layout t={t} title={title} switchHref={(locale) => languageSwitchHref(locale, `/${locale}${p.path}`)}>
      <section class="report-page">
        <ErrorList t={t} errors={p.errors} summaryKey="report.errorSummary" />
        <h1>{title}</h1>
        <p>{intro}</p>
        {p.quoted === undefined ? null : (
          <blockquote
            class="reported-comment"
            {...(p.quoted.kind === 'response'
              ? { lang: p.quoted.lang, dir: languageOf(p.quoted.lang).dir }
              : { dir: 'auto' })}
          >
            {p.quoted.text}
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
