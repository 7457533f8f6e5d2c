// /admin/settings: every instance setting with its help text, and proof of work for one petition.
import type { User } from '../../../accounts/user.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { MODERATION_MODES, type SettingKey } from '../../../settings/instance-settings.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import type { PowPetition } from '../../../abuse/pow-store.js';
import type { SettingsFormValues } from '../../../abuse/settings-form.js';
import { AdminNotice } from './admin-notice.js';

export interface SettingsPageProps {
  t: Translator;
  user: User;
  values: SettingsFormValues;
  errors: Errors;
  /** The big free providers the per-domain limit leaves alone (named in its help text). */
  freeProviders: readonly string[];
  powPetitions: PowPetition[];
  powSiteWide: boolean;
  pow: { slug: string; mode: string; errors: Errors };
  notice?: string | undefined;
}

const GROUPS: {
  legend: 'settings.group.moderation' | 'settings.group.limits' | 'settings.group.pow' | 'settings.group.privacy';
  keys: SettingKey[];
}[] = [
  { legend: 'settings.group.moderation', keys: ['moderationMode', 'reviewDeadlineHours'] },
  {
    legend: 'settings.group.limits',
    keys: ['signPerAddressPerMinute', 'signPerPetitionPerMinute', 'signPerDomainPerMinute', 'reportsPerAddressPerHour'],
  },
  { legend: 'settings.group.pow', keys: ['powSiteWide', 'powAutoBurstPerMinute', 'powDifficulty'] },
  { legend: 'settings.group.privacy', keys: ['retentionDays'] },
];

function OnOff({
  t,
  name,
  value,
  legend,
  hint,
  errors,
}: {
  t: Translator;
  name: string;
  value: string | undefined;
  legend: string;
  hint?: string;
  errors: Errors;
}) {
  return (
    <fieldset
      class={`field${errors[name] === undefined ? '' : ' has-error'}`}
      aria-describedby={describedBy(name, errors, hint !== undefined)}
    >
      <legend>{legend}</legend>
      {hint === undefined ? null : (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {errors[name] === undefined ? null : (
        <p class="field-error" id={`${name}-error`}>
          {typeof errors[name] === 'string' ? t.t(errors[name]) : t.t(errors[name].key, errors[name].params)}
        </p>
      )}
      {(['1', '0'] as const).map((choice) => (
        <div class="choice">
          <input type="radio" id={`${name}-${choice}`} name={name} value={choice} checked={value === choice} />
          <label for={`${name}-${choice}`}>{t.t(choice === '1' ? 'settings.yes' : 'settings.no')}</label>
        </div>
      ))}
    </fieldset>
  );
}

function SettingField({
  t,
  name,
  values,
  errors,
  providers,
}: {
  t: Translator;
  name: SettingKey;
  values: SettingsFormValues;
  errors: Errors;
  providers: string;
}) {
  const label = t.t(`settings.${name}`);
  const hint = t.t(`settings.${name}.help`, { providers });
  if (name === 'powSiteWide')
    return <OnOff t={t} name={name} value={values[name]} legend={label} hint={hint} errors={errors} />;
  if (name === 'moderationMode') {
    return (
      <Field t={t} id={name} label={label} hint={hint} errors={errors}>
        <select
          id={name}
          name={name}
          aria-describedby={describedBy(name, errors, true)}
          aria-invalid={errors[name] === undefined ? undefined : 'true'}
        >
          {MODERATION_MODES.map((mode) => (
            <option value={mode} selected={values[name] === mode}>
              {t.t(`settings.moderationMode.${mode}`)}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  return (
    <Field t={t} id={name} label={label} hint={hint} errors={errors}>
      <input
        id={name}
        name={name}
        type="text"
        inputmode="numeric"
        value={values[name] ?? ''}
        aria-describedby={describedBy(name, errors, true)}
        aria-invalid={errors[name] === undefined ? undefined : 'true'}
      />
    </Field>
  );
}

/** The day in the reader's language, and the time in UTC (24-hour, the same in every language). */
function untilText(t: Translator, iso: string): string {
  return `${t.date(iso)} ${iso.slice(11, 16)} UTC`;
}

export function SettingsPage(p: SettingsPageProps) {
  const { t } = p;
  const providers = p.freeProviders.join(', ');
  return (
    <Layout
      t={t}
      title={t.t('settings.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, '/admin/settings')}
    >
      <section class="admin-page">
        <ErrorList
          t={t}
          errors={{ ...p.errors, ...p.pow.errors }}
          summaryKey="settings.errorSummary"
          anchors={{ powSiteWide: 'powSiteWide-1', mode: 'mode-on' }}
        />
        <p>
          <a href="/admin">{t.t('settings.back')}</a>
        </p>
        <h1>{t.t('settings.title')}</h1>
        <p>{t.t('settings.intro')}</p>
        <AdminNotice t={t} notice={p.notice} />
        <form method="post" action="/admin/settings" novalidate>
          {GROUPS.map((group) => (
            <fieldset class="settings-group">
              <legend>{t.t(group.legend)}</legend>
              {group.keys.map((key) => (
                <SettingField t={t} name={key} values={p.values} errors={p.errors} providers={providers} />
              ))}
            </fieldset>
          ))}
          <button type="submit">{t.t('settings.submit')}</button>
        </form>

        <h2 id="pow-heading">{t.t('settings.pow.heading')}</h2>
        <p>{t.t('settings.pow.intro')}</p>
        {p.powSiteWide ? <p class="notice">{t.t('settings.pow.siteWide')}</p> : null}
        <form method="post" action="/admin/settings/pow" novalidate aria-labelledby="pow-heading">
          <Field t={t} id="slug" label={t.t('settings.pow.slug')} errors={p.pow.errors}>
            <input
              id="slug"
              name="slug"
              type="text"
              value={p.pow.slug}
              maxlength={200}
              aria-describedby={describedBy('slug', p.pow.errors, false)}
              aria-invalid={p.pow.errors['slug'] === undefined ? undefined : 'true'}
            />
          </Field>
          <fieldset class="field">
            <legend>{t.t('settings.pow.mode')}</legend>
            {(['on', 'off'] as const).map((mode) => (
              <div class="choice">
                <input type="radio" id={`mode-${mode}`} name="mode" value={mode} checked={p.pow.mode === mode} />
                <label for={`mode-${mode}`}>{t.t(mode === 'on' ? 'settings.yes' : 'settings.no')}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="secondary-button">
            {t.t('settings.pow.submit')}
          </button>
        </form>
        {p.powPetitions.length === 0 ? (
          <p>{t.t('settings.pow.none')}</p>
        ) : (
          <table class="data-table">
            <caption>{t.t('settings.pow.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('settings.pow.col.petition')}</th>
                <th scope="col">{t.t('settings.pow.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {p.powPetitions.map((petition) => (
                <tr>
                  <th scope="row">
                    <a href={`/p/${petition.slug}`}>{petition.slug}</a>
                  </th>
                  <td>
                    {petition.mode === 'on'
                      ? t.t('settings.pow.byAdmin')
                      : t.t('settings.pow.auto', { time: untilText(t, petition.autoUntil ?? '') })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
