// The form a legislator answers a petition with, reached through their single-use link.
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { ErrorList, type Errors } from '../../views/form-parts.js';
import { ResponseFields } from '../../views/response-text.js';
import { recipientName } from '../../../targets/recipients.js';
import { RESPONSE_MAX } from '../../../targets/respond.js';

export interface RespondPageProps {
  t: Translator;
  path: string;
  title: string;
  petitionUrl: string;
  person: { name: string; chamber: 'upper' | 'lower'; district: string };
  locales: readonly Locale[];
  values: Record<string, string>;
  errors: Errors;
}

export function RespondPage(p: RespondPageProps) {
  const { t } = p;
  const who = recipientName(t, p.person.chamber, p.person.district, [p.person.name]);
  const rest = p.path.split('/').slice(2).join('/');
  return (
    <Layout t={t} title={t.t('responses.respond.title')} switchHref={(l) => languageSwitchHref(l, `/${l}/${rest}`)}>
      <section class="respond">
        <ErrorList t={t} errors={p.errors} summaryKey="responses.errorSummary" />
        <h1>{t.t('responses.respond.title')}</h1>
        <p>{t.t('responses.respond.intro', { who, title: p.title })}</p>
        <p>
          <a href={p.petitionUrl}>{t.t('responses.respond.read')}</a>
        </p>
        <form method="post" action={p.path} accept-charset="utf-8" novalidate class="response-form">
          <ResponseFields
            t={t}
            locales={p.locales}
            values={p.values}
            errors={p.errors}
            hint={t.t('responses.respond.hint', { max: RESPONSE_MAX })}
            rows={10}
          />
          <button type="submit" class="button">
            {t.t('responses.respond.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
