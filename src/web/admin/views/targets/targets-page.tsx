// /admin/targets: the bodies of the directory with what each holds, and the form that imports a body's people
// from an Open States CSV (a new body is made by its first import).
import type { User } from '../../../../accounts/user.js';
import type { Translator } from '../../../../platform/i18n/translator.js';
import { AdminTable } from '../../../views/admin-table.js';
import { describedBy, ErrorList, Field, type Errors } from '../../../views/form-parts.js';
import { languageSwitchHref, Layout } from '../../../views/layout.js';
import type { Body } from '../../../../targets/directory-store.js';
import { FileField } from './file-field.js';
import { TableScroll } from '../../../views/table-scroll.js';
import { ImportOutcomeView, type ImportOutcome } from './import-outcome.js';
import { bodyName, SampleBadge } from './body-name.js';

export interface BodyOverview {
  body: Body;
  people: number;
  districts: { upper: number; lower: number };
  zips: number;
}

export interface PeopleFormValues {
  body?: string | undefined;
  state?: string | undefined;
}

export interface TargetsPageProps {
  t: Translator;
  user: User;
  bodies: BodyOverview[];
  values: PeopleFormValues;
  errors: Errors;
  outcome?: ImportOutcome | undefined;
}

export function TargetsPage(p: TargetsPageProps) {
  const { t } = p;
  const invalid = (id: string) => (p.errors[id] === undefined ? undefined : 'true');
  return (
    <Layout
      t={t}
      title={t.t('targets.title')}
      user={p.user}
      switchHref={(l) => languageSwitchHref(l, '/admin/targets')}
    >
      <section class="admin-page">
        <ErrorList t={t} errors={p.errors} summaryKey="targets.errorSummary" />
        <p>
          <a href="/admin">{t.t('targets.back')}</a>
        </p>
        <h1>{t.t('targets.title')}</h1>
        <p>{t.t('targets.intro')}</p>
        <ImportOutcomeView t={t} outcome={p.outcome} />
        <TableScroll label={t.t('targets.caption', { count: p.bodies.length })}>
          <AdminTable
            rows={p.bodies}
            empty={t.t('targets.none')}
            caption={t.t('targets.caption', { count: p.bodies.length })}
            columns={[
              t.t('targets.col.body'),
              t.t('targets.col.people'),
              t.t('targets.col.districts'),
              t.t('targets.col.zips'),
            ]}
            cells={(o) => (
              <>
                <th scope="row">
                  <a href={`/admin/targets/${o.body.slug}`}>{bodyName(t, o.body)}</a>{' '}
                  <SampleBadge t={t} body={o.body} />
                </th>
                <td>{t.number(o.people)}</td>
                <td>
                  {t.number(o.districts.upper)} / {t.number(o.districts.lower)}
                </td>
                <td>{t.number(o.zips)}</td>
              </>
            )}
          />
        </TableScroll>
        <h2 id="people-heading">{t.t('targets.import.heading')}</h2>
        <p>{t.t('targets.import.help')}</p>
        <form
          method="post"
          action="/admin/targets/imports/people"
          enctype="multipart/form-data"
          novalidate
          aria-labelledby="people-heading"
        >
          <Field
            t={t}
            id="body"
            label={t.t('targets.field.body')}
            hint={t.t('targets.field.body.help')}
            errors={p.errors}
          >
            <input
              id="body"
              name="body"
              type="text"
              value={p.values.body ?? ''}
              maxlength={63}
              autocomplete="off"
              spellcheck={false}
              aria-describedby={describedBy('body', p.errors, true)}
              aria-invalid={invalid('body')}
            />
          </Field>
          <Field
            t={t}
            id="state"
            label={t.t('targets.field.state')}
            hint={t.t('targets.field.state.help')}
            errors={p.errors}
          >
            <input
              id="state"
              name="state"
              type="text"
              value={p.values.state ?? ''}
              maxlength={2}
              size={3}
              autocomplete="off"
              aria-describedby={describedBy('state', p.errors, true)}
              aria-invalid={invalid('state')}
            />
          </Field>
          <FileField t={t} id="people-file" accept=".csv,text/csv" errors={p.errors} />
          <button type="submit">{t.t('targets.import.submit')}</button>
        </form>
      </section>
    </Layout>
  );
}
