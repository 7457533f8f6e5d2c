// The delivery page: the deliveries recorded so far and the form to record one (multipart, for the optional photo).
import type { PetitionRole } from '../../../teams/team-role.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { describedBy, ErrorList, Field, FieldMessage, type Errors } from '../../views/form-parts.js';

export interface DeliveryFormValues {
  delivered_on?: string;
  recipients?: string[];
  location?: string;
  notes?: string;
}

export interface DeliveryPageProps {
  t: Translator;
  petitionId: number;
  /** The reader's role on the petition: the links shown are the pages it includes. */
  role: PetitionRole;
  title: string;
  /** The petition's targets in the reader's language, by position. */
  targets: string[];
  history: { date: string; recipients: string; location: string; photoHref: string | undefined }[];
  values: DeliveryFormValues;
  errors: Errors;
  recorded: boolean;
  notesMax: number;
}

export function DeliveryPage(p: DeliveryPageProps) {
  const { t, values, errors } = p;
  const base = `/organize/${p.petitionId}`;
  const chosen = new Set(values.recipients ?? []);
  const invalid = (id: string) => (errors[id] === undefined ? undefined : 'true');
  return (
    <Layout t={t} title={t.t('delivery.title')} switchHref={(locale) => languageSwitchHref(locale, `${base}/delivery`)}>
      <section class="organize-delivery">
        <p class="breadcrumb">
          <a href={`${base}/exports`}>{t.t('delivery.backToExports')}</a>
        </p>
        <h1>{t.t('delivery.title')}</h1>
        <p class="petition-name">{p.title}</p>
        {p.recorded ? (
          <p class="flash" role="status">
            {t.t('delivery.recorded')}
          </p>
        ) : null}
        <h2>{t.t('delivery.history')}</h2>
        {p.history.length === 0 ? (
          <p>{t.t('delivery.none')}</p>
        ) : (
          <ul class="delivery-history">
            {p.history.map((d) => (
              <li>
                {t.t('delivery.entry', { date: d.date, recipients: d.recipients, location: d.location })}
                {d.photoHref === undefined ? null : (
                  <>
                    {' '}
                    <a href={d.photoHref}>{t.t('delivery.photo')}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <h2>{t.t('delivery.submit')}</h2>
        <p>{t.t('delivery.intro')}</p>
        <ErrorList t={t} errors={errors} summaryKey="export.errorSummary" anchors={{ recipients: 'recipient-0' }} />
        <form class="delivery-form" method="post" action={`${base}/delivery`} enctype="multipart/form-data" novalidate>
          <Field t={t} id="delivered_on" label={t.t('delivery.date')} hint={t.t('delivery.dateHint')} errors={errors}>
            <input
              id="delivered_on"
              name="delivered_on"
              type="date"
              required
              value={values.delivered_on ?? ''}
              aria-invalid={invalid('delivered_on')}
              aria-describedby={describedBy('delivered_on', errors, true)}
            />
          </Field>
          <fieldset
            class={`choices${errors['recipients'] === undefined ? '' : ' has-error'}`}
            aria-describedby={describedBy('recipients', errors, true)}
          >
            <legend>{t.t('delivery.recipients')}</legend>
            <p class="hint" id="recipients-hint">
              {t.t('delivery.recipientsHint')}
            </p>
            <FieldMessage t={t} id="recipients" errors={errors} />
            {p.targets.map((name, i) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`recipient-${i}`}
                  name="recipients"
                  value={String(i)}
                  checked={chosen.has(String(i))}
                />
                <label for={`recipient-${i}`}>{name}</label>
              </div>
            ))}
          </fieldset>
          <Field
            t={t}
            id="location"
            label={t.t('delivery.location')}
            hint={t.t('delivery.locationHint')}
            errors={errors}
          >
            <input
              id="location"
              name="location"
              type="text"
              required
              maxlength={200}
              value={values.location ?? ''}
              aria-invalid={invalid('location')}
              aria-describedby={describedBy('location', errors, true)}
            />
          </Field>
          <Field
            t={t}
            id="notes"
            label={t.t('delivery.notes')}
            hint={t.t('delivery.notesHint', { max: p.notesMax })}
            errors={errors}
          >
            <textarea
              id="notes"
              name="notes"
              rows={5}
              maxlength={p.notesMax}
              aria-invalid={invalid('notes')}
              aria-describedby={describedBy('notes', errors, true)}
            >
              {values.notes ?? ''}
            </textarea>
          </Field>
          <Field t={t} id="photo" label={t.t('delivery.photo')} hint={t.t('delivery.photoHint')} errors={errors}>
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-invalid={invalid('photo')}
              aria-describedby={describedBy('photo', errors, true)}
            />
          </Field>
          <button type="submit">{t.t('delivery.submit')}</button>
        </form>
      </section>
    </Layout>
  );
}
