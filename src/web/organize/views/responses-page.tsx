// The organizer's page of legislators' responses: who can answer (the holders of the petition's targeted seats),
// a button to email each a single-use link, a form to enter an answer on a legislator's behalf, and the responses
// given, each of which can be hidden from the petition page and shown again.
import type { Locale } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { TableScroll } from '../../views/table-scroll.js';
import type { StoredResponse } from '../../../targets/response.js';
import { recipientName } from '../../../targets/recipients.js';
import { RESPONSE_MAX } from '../../../targets/respond.js';
import type { Chamber } from '../../../targets/directory.js';
import { PetitionNav } from './petition-nav.js';
import { ResponseFields, ResponseText } from '../../views/response-text.js';
import type { PetitionPageBase } from './petition-page-frame.js';

export interface Respondent {
  id: number;
  name: string;
  chamber: Chamber;
  district: string;
  hasEmail: boolean;
}

export interface ResponsesPageProps extends PetitionPageBase {
  locales: readonly Locale[];
  respondents: Respondent[];
  responses: StoredResponse[];
  values: Record<string, string>;
  errors: Errors;
  /** The legislature is Firma's generated sample data. */
  sample: boolean;
  /** The response options as saved (or as just typed, with their error). */
  options: { quorum: string; digests: boolean };
}

export function ResponsesPage(p: ResponsesPageProps) {
  const { t } = p;
  const base = `/organize/${p.petitionId}/responses`;
  return (
    <Layout t={t} title={t.t('responses.title', { title: p.title })} switchHref={(l) => languageSwitchHref(l, base)}>
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="responses"
        previewHref={p.previewHref}
      />
      {p.notice === undefined ? null : (
        <p class="flash" role="status">
          {p.notice}
        </p>
      )}
      <div class="responses-page">
        <ErrorList t={t} errors={p.errors} summaryKey="responses.errorSummary" />
        <h1>{t.t('responses.heading')}</h1>
        <p>{t.t('responses.intro')}</p>
        {p.sample ? <p class="sample-note">{t.t('targets.sample')}</p> : null}

        <section aria-labelledby="given-heading">
          <h2 id="given-heading">{t.t('responses.given')}</h2>
          {p.responses.length === 0 ? (
            <p>{t.t('responses.none')}</p>
          ) : (
            p.responses.map((r) => (
              <article class={`response${r.hiddenAt === null ? '' : ' hidden-response'}`}>
                <ResponseText t={t} response={r} />
                <p class="hint">{t.t('responses.emailed', { count: r.emailedCount })}</p>
                <form method="post" action={`${base}/${r.id}/${r.hiddenAt === null ? 'hide' : 'show'}`}>
                  <button type="submit" class="secondary">
                    {t.t(r.hiddenAt === null ? 'responses.hide' : 'responses.show')}
                  </button>
                </form>
              </article>
            ))
          )}
        </section>

        <section aria-labelledby="enter-heading">
          <h2 id="enter-heading">{t.t('responses.enter')}</h2>
          <p>{t.t('responses.enterHint')}</p>
          <form method="post" action={base} accept-charset="utf-8" novalidate class="response-form">
            <Field t={t} id="person_id" label={t.t('dashboard.districts.legislator')} errors={p.errors}>
              <select id="person_id" name="person_id">
                {p.respondents.map((r) => (
                  <option value={String(r.id)} selected={p.values['person_id'] === String(r.id)}>
                    {recipientName(t, r.chamber, r.district, [r.name])}
                  </option>
                ))}
              </select>
            </Field>
            <ResponseFields
              t={t}
              locales={p.locales}
              values={p.values}
              errors={p.errors}
              hint={t.t('responses.textHint', { max: RESPONSE_MAX })}
              rows={8}
            />
            <button type="submit" class="button">
              {t.t('responses.save')}
            </button>
          </form>
        </section>
        <section aria-labelledby="auto-heading">
          <h2 id="auto-heading">{t.t('responses.auto')}</h2>
          <form method="post" action={`${base}/options`} accept-charset="utf-8" novalidate class="response-options">
            <Field
              t={t}
              id="quorum"
              label={t.t('responses.quorum')}
              hint={t.t('responses.quorumHint')}
              errors={p.errors}
            >
              <input
                type="text"
                inputmode="numeric"
                id="quorum"
                name="quorum"
                size={8}
                value={p.options.quorum}
                aria-invalid={p.errors['quorum'] === undefined ? undefined : 'true'}
                aria-describedby={describedBy('quorum', p.errors, true)}
              />
            </Field>
            <div class="choice">
              <input
                type="checkbox"
                name="digests"
                id="digests"
                value="yes"
                checked={p.options.digests}
                aria-describedby="digests-hint"
              />
              <label for="digests">{t.t('responses.digests')}</label>
            </div>
            <p class="hint" id="digests-hint">
              {t.t('responses.digestsHint')}
            </p>
            <button type="submit" class="secondary">
              {t.t('responses.saveOptions')}
            </button>
          </form>
        </section>

        <section aria-labelledby="ask-heading">
          <h2 id="ask-heading">{t.t('responses.ask')}</h2>
          <p>{t.t('responses.askHint')}</p>
          <TableScroll label={t.t('responses.ask')}>
            <table class="data-table">
              <caption>{t.t('responses.legislators', { count: p.respondents.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.t('dashboard.districts.legislator')}</th>
                  <td></td>
                </tr>
              </thead>
              <tbody>
                {p.respondents.map((r) => (
                  <tr>
                    <th scope="row">{recipientName(t, r.chamber, r.district, [r.name])}</th>
                    <td>
                      {r.hasEmail ? (
                        <form method="post" action={`${base}/link`}>
                          <input type="hidden" name="person_id" value={String(r.id)} />
                          <button
                            type="submit"
                            class="secondary"
                            aria-label={t.t('responses.sendLinkTo', { name: r.name })}
                          >
                            {t.t('responses.sendLink')}
                          </button>
                        </form>
                      ) : (
                        t.t('responses.noEmail')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      </div>
    </Layout>
  );
}
