// /admin/targets/:slug: one body — its names per language, its people in their seats, its boundary sets and
// ZIP crosswalk — with the forms that import its district boundaries and its crosswalk.
import type { User } from '../../../../accounts/user.js';
import { LOCALES, type Translator } from '../../../../platform/i18n/translator.js';
import { AdminTable } from '../../../views/admin-table.js';
import { describedBy, ErrorList, Field, type Errors } from '../../../views/form-parts.js';
import { languageSwitchHref, Layout } from '../../../views/layout.js';
import type { BoundarySetSummary } from '../../../../targets/boundary-store.js';
import { CHAMBERS } from '../../../../targets/directory.js';
import type { Body, Seat } from '../../../../targets/directory-store.js';
import { bodyName, SampleBadge } from './body-name.js';
import { FileField } from './file-field.js';
import { TableScroll } from '../../../views/table-scroll.js';
import { ImportOutcomeView, type ImportOutcome } from './import-outcome.js';

export interface DistrictsFormValues {
  chamber?: string | undefined;
  idProperty?: string | undefined;
}

export interface BodyPageProps {
  t: Translator;
  user: User;
  body: Body;
  seats: Seat[];
  boundaries: BoundarySetSummary[];
  zips: number;
  values: DistrictsFormValues;
  errors: Errors;
  outcome?: ImportOutcome | undefined;
  notice?: string | undefined;
}

export function BodyPage(p: BodyPageProps) {
  const { t, body } = p;
  const base = `/admin/targets/${body.slug}`;
  return (
    <Layout t={t} title={bodyName(t, body)} user={p.user} switchHref={(l) => languageSwitchHref(l, base)}>
      <section class="admin-page">
        <ErrorList t={t} errors={p.errors} summaryKey="targets.errorSummary" anchors={{ chamber: 'chamber-upper' }} />
        <p>
          <a href="/admin/targets">{t.t('targets.title')}</a>
        </p>
        <h1>
          {bodyName(t, body)} <SampleBadge t={t} body={body} />
        </h1>
        {body.sample ? <p class="sample-note">{t.t('targets.sample')}</p> : null}
        {p.notice === undefined ? null : (
          <p class="notice" role="status">
            {p.notice}
          </p>
        )}
        <ImportOutcomeView t={t} outcome={p.outcome} />
        <h2 id="names-heading">{t.t('targets.body.names.heading')}</h2>
        <p>{t.t('targets.body.names.help')}</p>
        <form method="post" action={`${base}/names`} aria-labelledby="names-heading">
          {LOCALES.map((locale) => (
            <div class="field">
              <label for={`name-${locale}`}>
                {t.t('targets.body.names.field', { language: t.languageName(locale) })}
              </label>
              <input
                id={`name-${locale}`}
                name={`name_${locale}`}
                type="text"
                value={body.names[locale] ?? ''}
                maxlength={200}
              />
            </div>
          ))}
          <button type="submit">{t.t('targets.body.names.submit')}</button>
        </form>
        <h2>{t.t('targets.body.boundaries.heading')}</h2>
        {p.boundaries.length === 0 ? (
          <p>{t.t('targets.body.boundaries.none')}</p>
        ) : (
          <ul>
            {p.boundaries.map((set) => (
              <li>
                {t.t('targets.body.boundaries.set', {
                  chamber: t.t(`targets.chamber.${set.chamber}`),
                  version: set.version,
                  districts: set.districts,
                  source: set.source,
                  date: t.date(set.importedAt),
                })}
              </li>
            ))}
          </ul>
        )}
        <p>{t.t('targets.body.zips', { count: p.zips })}</p>
        <DistrictsForm t={t} slug={body.slug} values={p.values} errors={p.errors} />
        <h2 id="zips-heading">{t.t('targets.zips.heading')}</h2>
        <p>{t.t('targets.zips.help')}</p>
        <form
          method="post"
          action={`/admin/targets/imports/${body.slug}/zips`}
          enctype="multipart/form-data"
          novalidate
          aria-labelledby="zips-heading"
        >
          <FileField t={t} id="zips-file" accept=".csv,text/csv" errors={p.errors} />
          <button type="submit">{t.t('targets.zips.submit')}</button>
        </form>
        <TableScroll label={t.t('targets.body.seats.caption', { count: p.seats.length })}>
          <AdminTable
            rows={p.seats}
            empty={t.t('targets.body.seats.caption', { count: 0 })}
            caption={t.t('targets.body.seats.caption', { count: p.seats.length })}
            columns={[
              t.t('targets.col.name'),
              t.t('targets.col.chamber'),
              t.t('targets.col.district'),
              t.t('targets.col.party'),
              t.t('targets.col.email'),
              t.t('targets.col.phone'),
            ]}
            cells={(s) => (
              <>
                <th scope="row">{s.name}</th>
                <td>{t.t(`targets.chamber.${s.chamber}`)}</td>
                <td>{s.district}</td>
                <td>{s.party}</td>
                <td>{s.email ?? ''}</td>
                <td>{s.phone ?? ''}</td>
              </>
            )}
          />
        </TableScroll>
      </section>
    </Layout>
  );
}

function DistrictsForm(p: { t: Translator; slug: string; values: DistrictsFormValues; errors: Errors }) {
  const { t, errors } = p;
  return (
    <>
      <h2 id="districts-heading">{t.t('targets.districts.heading')}</h2>
      <p>{t.t('targets.districts.help')}</p>
      <form
        method="post"
        action={`/admin/targets/imports/${p.slug}/districts`}
        enctype="multipart/form-data"
        novalidate
        aria-labelledby="districts-heading"
      >
        <fieldset
          class={`field${errors['chamber'] === undefined ? '' : ' has-error'}`}
          aria-describedby={describedBy('chamber', errors, false)}
        >
          <legend>{t.t('targets.field.chamber')}</legend>
          {errors['chamber'] === undefined ? null : (
            <p class="field-error" id="chamber-error">
              {t.t('targets.error.chamber')}
            </p>
          )}
          {CHAMBERS.map((chamber) => (
            <div class="choice">
              <input
                type="radio"
                id={`chamber-${chamber}`}
                name="chamber"
                value={chamber}
                checked={p.values.chamber === chamber}
              />
              <label for={`chamber-${chamber}`}>{t.t(`targets.chamber.${chamber}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field
          t={t}
          id="id_property"
          label={t.t('targets.field.idProperty')}
          hint={t.t('targets.field.idProperty.help')}
          errors={errors}
        >
          <input
            id="id_property"
            name="id_property"
            type="text"
            value={p.values.idProperty ?? ''}
            maxlength={100}
            autocomplete="off"
            spellcheck={false}
            aria-describedby={describedBy('id_property', errors, true)}
            aria-invalid={errors['id_property'] === undefined ? undefined : 'true'}
          />
        </Field>
        <FileField t={t} id="districts-file" accept=".geojson,.json,.topojson,.zip" errors={errors} />
        <button type="submit">{t.t('targets.districts.submit')}</button>
      </form>
    </>
  );
}
