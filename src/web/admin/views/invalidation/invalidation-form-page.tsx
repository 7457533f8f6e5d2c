// /admin/invalidations: the bulk invalidation form (preview first, then invalidate) and the latest invalidations.
import type { User } from '../../../../accounts/user.js';
import type { Translator } from '../../../../platform/i18n/translator.js';
import { describedBy, ErrorList, Field, type Errors } from '../../../views/form-parts.js';
import { languageSwitchHref, Layout } from '../../../views/layout.js';
import type { InvalidationFormValues } from '../../../../moderation/invalidation/invalidation-criteria.js';
import type { Invalidation, Preview } from '../../../../moderation/invalidation/invalidation-store.js';
import { MatchedTable } from './matched-table.js';
import { TableScroll } from '../../../views/table-scroll.js';

export interface InvalidationFormPageProps {
  t: Translator;
  user: User;
  values: InvalidationFormValues;
  errors: Errors;
  /** Present after a successful preview: what "Invalidate" would take out now. */
  preview: Preview | undefined;
  recent: Invalidation[];
  /** Whether the "refresh the progress page" box is ticked. */
  follow: boolean;
  refreshSeconds: number;
}

type TextField = 'slug' | 'email_pattern' | 'domain' | 'network' | 'address' | 'zip' | 'from' | 'to';

export function InvalidationFormPage(p: InvalidationFormPageProps) {
  const { t, values, errors, preview } = p;
  const input = (id: TextField, label: string, hint: string, type = 'text', required = false) => (
    <Field t={t} id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        name={id}
        type={type}
        value={values[id] ?? ''}
        required={required}
        aria-invalid={errors[id] === undefined ? undefined : 'true'}
        aria-describedby={describedBy(id, errors, true)}
      />
    </Field>
  );
  const total = preview === undefined ? 0 : preview.confirmed + preview.pending;
  return (
    <Layout
      t={t}
      title={t.t('invalidation.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, '/admin/invalidations')}
    >
      <section class="admin-page">
        <p>
          <a href="/admin">{t.t('invalidation.back')}</a> · <a href="/admin/trending">{t.t('trending.title')}</a>
        </p>
        <h1>{t.t('invalidation.title')}</h1>
        <p>{t.t('invalidation.intro')}</p>
        <ErrorList t={t} errors={errors} summaryKey="invalidation.errorSummary" />
        <form method="post" action="/admin/invalidations/preview" class="invalidation-form" novalidate>
          <fieldset>
            <legend>{t.t('invalidation.select')}</legend>
            {input('slug', t.t('invalidation.field.slug'), t.t('invalidation.hint.slug'), 'text', true)}
            {input('email_pattern', t.t('invalidation.field.emailPattern'), t.t('invalidation.hint.emailPattern'))}
            {input('domain', t.t('invalidation.field.domain'), t.t('invalidation.hint.domain'))}
            {input('network', t.t('invalidation.field.network'), t.t('invalidation.hint.network'))}
            {input('address', t.t('invalidation.field.address'), t.t('invalidation.hint.address'))}
            {input('zip', t.t('invalidation.field.zip'), t.t('invalidation.hint.optional'))}
            {input('from', t.t('invalidation.field.from'), t.t('invalidation.hint.from'), 'datetime-local')}
            {input('to', t.t('invalidation.field.to'), t.t('invalidation.hint.to'), 'datetime-local')}
          </fieldset>
          <Field
            t={t}
            id="reason"
            label={t.t('invalidation.field.reason')}
            hint={t.t('invalidation.hint.reason')}
            errors={errors}
          >
            <textarea
              id="reason"
              name="reason"
              rows={3}
              maxlength={500}
              required
              aria-invalid={errors['reason'] === undefined ? undefined : 'true'}
              aria-describedby={describedBy('reason', errors, true)}
            >
              {values.reason ?? ''}
            </textarea>
          </Field>
          <div class="choice">
            <input type="checkbox" id="follow" name="follow" value="auto" checked={p.follow} />
            <label for="follow">{t.t('invalidation.follow', { seconds: p.refreshSeconds })}</label>
          </div>
          <button type="submit" class={preview === undefined ? 'button' : 'secondary-button'}>
            {t.t('invalidation.preview')}
          </button>
          {preview === undefined ? null : (
            <section class="invalidation-preview" aria-labelledby="preview-heading">
              <h2 id="preview-heading">{t.t('invalidation.previewHeading')}</h2>
              <p role="status">
                {total === 0
                  ? t.t('invalidation.noMatch')
                  : t.t('invalidation.matching', {
                      count: total,
                      confirmed: t.number(preview.confirmed),
                      pending: t.number(preview.pending),
                    })}
              </p>
              {total === 0 ? null : (
                <>
                  <MatchedTable
                    t={t}
                    rows={preview.sample}
                    caption={t.t('invalidation.sample', { count: preview.sample.length })}
                  />
                  <p class="hint">{t.t('invalidation.invalidateHint')}</p>
                  <button type="submit" class="button" formaction="/admin/invalidations">
                    {t.t('invalidation.invalidate', { count: total })}
                  </button>
                </>
              )}
            </section>
          )}
        </form>
        <h2>{t.t('invalidation.recent')}</h2>
        {p.recent.length === 0 ? (
          <p>{t.t('invalidation.none')}</p>
        ) : (
          <TableScroll label={t.t('invalidation.recent')}>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.t('invalidation.col.id')}</th>
                  <th scope="col">{t.t('invalidation.col.petition')}</th>
                  <th scope="col">{t.t('invalidation.col.state')}</th>
                  <th scope="col">{t.t('invalidation.col.progress')}</th>
                  <th scope="col">{t.t('invalidation.col.created')}</th>
                </tr>
              </thead>
              <tbody>
                {p.recent.map((inv) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/invalidations/${inv.id}`}>
                        {t.t('invalidation.number', { id: String(inv.id) })}
                      </a>
                    </th>
                    <td>{inv.slug}</td>
                    <td>{t.t(`invalidation.state.${inv.state}`)}</td>
                    <td>
                      {t.t('invalidation.processedOf', {
                        processed: t.number(inv.processed),
                        matched: t.number(inv.matched),
                      })}
                    </td>
                    <td>{t.moment(inv.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </Layout>
  );
}
