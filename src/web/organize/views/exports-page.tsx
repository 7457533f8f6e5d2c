// The exports page: the filters and packet options, and the two download buttons (a GET form: works without JavaScript).
import type { PetitionRole } from '../../../teams/team-role.js';
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';

export interface ExportFormValues {
  status?: string;
  from?: string;
  to?: string;
  town?: string;
  zip?: string;
  source?: string;
  paper?: string;
  summary_only?: string;
}

export interface ExportsPageProps {
  t: Translator;
  petitionId: number;
  /** The reader's role on the petition: the links shown are the pages it includes. */
  role: PetitionRole;
  slug: string;
  title: string;
  values: ExportFormValues;
  errors: Errors;
  /** Signatures matching the filters; undefined while the filters are invalid. */
  matching: number | undefined;
  /** The petition goes to each signer's own legislators: offer a packet per legislator. */
  perTarget: boolean;
  /** The petition's languages, for its signature sheets. */
  locales: readonly Locale[];
  maxSheets: number;
}

export function ExportsPage(p: ExportsPageProps) {
  const { t, values, errors } = p;
  const base = `/organize/${p.petitionId}`;
  const status = values.status === 'all' ? 'all' : 'confirmed';
  const paper = values.paper === 'a4' ? 'a4' : 'letter';
  const text = (id: 'from' | 'to' | 'town' | 'zip' | 'source', label: string, hint: string, type = 'text') => (
    <Field t={t} id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        name={id}
        type={type}
        value={values[id] ?? ''}
        aria-invalid={errors[id] === undefined ? undefined : 'true'}
        aria-describedby={describedBy(id, errors, true)}
      />
    </Field>
  );
  return (
    <Layout t={t} title={t.t('export.title')} switchHref={(locale) => languageSwitchHref(locale, `${base}/exports`)}>
      <section class="organize-exports">
        <p class="breadcrumb">
          <a href={base}>{t.t('export.backToDashboard')}</a>
        </p>
        <h1>{t.t('export.title')}</h1>
        <p class="petition-name">{p.title}</p>
        <p>{t.t('export.intro')}</p>
        <ErrorList
          t={t}
          errors={errors}
          summaryKey="export.errorSummary"
          anchors={{ status: 'status-confirmed', paper: 'paper-letter' }}
        />
        <form class="export-form" method="get" action={`${base}/export.csv`} novalidate>
          <fieldset>
            <legend>{t.t('export.filters')}</legend>
            <fieldset class="choices">
              <legend>{t.t('export.status')}</legend>
              <div class="choice">
                <input
                  type="radio"
                  id="status-confirmed"
                  name="status"
                  value="confirmed"
                  checked={status === 'confirmed'}
                />
                <label for="status-confirmed">{t.t('export.status.confirmed')}</label>
              </div>
              <div class="choice">
                <input type="radio" id="status-all" name="status" value="all" checked={status === 'all'} />
                <label for="status-all">{t.t('export.status.all')}</label>
              </div>
            </fieldset>
            {text('from', t.t('export.from'), t.t('export.dateHint'), 'date')}
            {text('to', t.t('export.to'), t.t('export.dateHint'), 'date')}
            {text('town', t.t('export.town'), t.t('export.optionalHint'))}
            {text('zip', t.t('export.zip'), t.t('export.optionalHint'))}
            {text('source', t.t('export.source'), t.t('export.optionalHint'))}
            {p.matching === undefined ? null : (
              <p class="export-matching" aria-live="polite">
                {t.t('export.matching', { count: p.matching })}
              </p>
            )}
            <button type="submit" class="secondary" formaction={`${base}/exports`}>
              {t.t('export.update')}
            </button>
          </fieldset>
          <fieldset>
            <legend>{t.t('export.packetOptions')}</legend>
            <fieldset class="choices">
              <legend>{t.t('export.paper')}</legend>
              <div class="choice">
                <input type="radio" id="paper-letter" name="paper" value="letter" checked={paper === 'letter'} />
                <label for="paper-letter">{t.t('export.paper.letter')}</label>
              </div>
              <div class="choice">
                <input type="radio" id="paper-a4" name="paper" value="a4" checked={paper === 'a4'} />
                <label for="paper-a4">{t.t('export.paper.a4')}</label>
              </div>
            </fieldset>
            <div class="choice">
              <input
                type="checkbox"
                id="summary_only"
                name="summary_only"
                value="1"
                checked={values.summary_only === '1'}
                aria-describedby="summary_only-hint"
              />
              <label for="summary_only">{t.t('export.summaryOnly')}</label>
            </div>
            <p class="hint" id="summary_only-hint">
              {t.t('export.summaryOnlyHint')}
            </p>
          </fieldset>
          <div class="export-buttons">
            <button type="submit">{t.t('export.downloadCsv')}</button>
            <button type="submit" formaction={`${base}/packet.pdf`}>
              {t.t('export.downloadPdf')}
            </button>
            {p.perTarget ? (
              <button type="submit" formaction={`${base}/packets.zip`} aria-describedby="per-target-hint">
                {t.t('export.downloadPerTarget')}
              </button>
            ) : null}
          </div>
          {p.perTarget ? (
            <p class="hint" id="per-target-hint">
              {t.t('export.perTargetHint')}
            </p>
          ) : null}
        </form>
        <p class="export-cli">{t.t('export.cli', { command: `npx firma export pdf --petition ${p.slug}` })}</p>
        {p.perTarget ? (
          <p class="export-cli">
            {t.t('export.cliPerTarget', {
              command: `npx firma export pdf --petition ${p.slug} --per-target --out packets`,
            })}
          </p>
        ) : null}
        <form id="sheets" class="export-form sheets-form" method="get" action={`${base}/sheets.pdf`} novalidate>
          <h2>{t.t('export.sheets.heading')}</h2>
          <p>{t.t('export.sheets.intro')}</p>
          <div class="field">
            <label for="sheets-locale">{t.t('export.sheets.language')}</label>
            <select id="sheets-locale" name="locale">
              {p.locales.map((locale) => (
                <option value={locale}>{t.languageName(locale)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="sheets-count">{t.t('export.sheets.count', { max: p.maxSheets })}</label>
            <input id="sheets-count" name="sheets" type="number" min="1" max={p.maxSheets} value="10" />
          </div>
          <div class="field">
            <label for="sheets-first">{t.t('export.sheets.first')}</label>
            <input id="sheets-first" name="first" type="number" min="1" value="1" />
          </div>
          <input type="hidden" name="paper" value={paper} />
          <button type="submit">{t.t('export.sheets.submit')}</button>
        </form>
        <p class="export-cli">
          {t.t('export.cli', {
            command: `npx firma export sheets --petition ${p.slug} --locale ${p.locales[0] ?? 'en'} --sheets 10`,
          })}
        </p>
        <p>
          <a href={`${base}/delivery`}>{t.t('export.recordDelivery')}</a>
        </p>
      </section>
    </Layout>
  );
}
