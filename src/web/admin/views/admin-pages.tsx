// The admin index (links to every admin page) and the editable list of moderation reasons.
import type { User } from '../../../accounts/user.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { ErrorList, FieldMessage, describedBy, type Errors } from '../../views/form-parts.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import type { ModerationReason } from '../../../moderation/reasons-store.js';
import { LOCALES } from '../../../platform/i18n/languages.js';
import { labelField } from '../../../moderation/reason-form.js';

const ADMIN_LINKS: [
  href: string,
  key:
    | 'moderate'
    | 'audit'
    | 'reasons'
    | 'settings'
    | 'blocks'
    | 'trending'
    | 'invalidations'
    | 'privacy'
    | 'users'
    | 'languages'
    | 'targets',
][] = [
  ['/moderate', 'moderate'],
  ['/admin/audit', 'audit'],
  ['/admin/reasons', 'reasons'],
  ['/admin/settings', 'settings'],
  ['/admin/blocks', 'blocks'],
  ['/admin/trending', 'trending'],
  ['/admin/invalidations', 'invalidations'],
  ['/admin/privacy', 'privacy'],
  ['/admin/users', 'users'],
  ['/admin/languages', 'languages'],
  ['/admin/targets', 'targets'],
];

export function AdminIndexPage({ t, user }: { t: Translator; user: User }) {
  return (
    <Layout
      t={t}
      title={t.t('admin.title')}
      user={user}
      navCurrent="/admin"
      switchHref={(locale) => languageSwitchHref(locale, '/admin')}
    >
      <section class="admin-index">
        <h1>{t.t('admin.title')}</h1>
        <p>{t.t('admin.intro')}</p>
        <ul class="admin-links">
          {ADMIN_LINKS.map(([href, key]) => (
            <li>
              <a href={href}>{t.t(`admin.link.${key}`)}</a>
              <p class="hint">{t.t(`admin.link.${key}.about`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}

export interface ReasonsPageProps {
  t: Translator;
  user: User;
  reasons: ModerationReason[];
  /** Values and errors of the form that was just sent ('new' for the add form, else the reason's id). */
  form?: { which: string; values: Record<string, string>; errors: Errors } | undefined;
  notice?: string | undefined;
}

function TextInput(p: {
  t: Translator;
  id: string;
  name: string;
  label: string;
  value: string;
  errors: Errors;
  hint?: string;
  maxlength?: number;
  type?: string;
}) {
  const invalid = p.errors[p.id] === undefined ? undefined : 'true';
  return (
    <div class={`field${invalid ? ' has-error' : ''}`}>
      <label for={p.id}>{p.label}</label>
      {p.hint === undefined ? null : (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      <FieldMessage t={p.t} id={p.id} errors={p.errors} />
      <input
        id={p.id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value}
        maxlength={p.maxlength ?? 200}
        aria-invalid={invalid}
        aria-describedby={describedBy(p.id, p.errors, p.hint !== undefined)}
      />
    </div>
  );
}

function Checkbox({ id, name, label, checked }: { id: string; name: string; label: string; checked: boolean }) {
  return (
    <div class="choice">
      <input id={id} name={name} type="checkbox" value="1" checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

export function ReasonsPage(p: ReasonsPageProps) {
  const { t } = p;
  const errorsFor = (which: string): Errors => (p.form?.which === which ? p.form.errors : {});
  const valueFor = (which: string, field: string, fallback: string) =>
    p.form?.which === which ? (p.form.values[field] ?? '') : fallback;
  const label = (key: MessageKey) => t.t(key);
  return (
    <Layout
      t={t}
      title={t.t('reasons.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, '/admin/reasons')}
    >
      <section class="admin-reasons">
        <p class="breadcrumb">
          <a href="/admin">{t.t('admin.title')}</a>
        </p>
        <ErrorList t={t} errors={p.form?.errors ?? {}} summaryKey="reasons.errorSummary" />
        <h1>{t.t('reasons.title')}</h1>
        {p.notice === undefined ? null : (
          <p class="notice" role="status">
            {p.notice}
          </p>
        )}
        <p>{t.t('reasons.intro')}</p>
        {p.reasons.map((r) => {
          const which = String(r.id);
          const errors = errorsFor(which);
          return (
            <form
              method="post"
              action={`/admin/reasons/${r.id}`}
              class="reason-form"
              accept-charset="utf-8"
              data-reason={r.code}
            >
              <fieldset>
                <legend>
                  <code>{r.code}</code>
                  {r.needsText ? ` · ${t.t('reasons.needsText')}` : ''}
                </legend>
                {LOCALES.map((locale) => (
                  <TextInput
                    t={t}
                    id={`${labelField(locale)}-${r.id}`}
                    name={labelField(locale)}
                    label={t.t('reasons.labelIn', { language: t.languageName(locale) })}
                    value={valueFor(which, labelField(locale), r.labels[locale] ?? '')}
                    errors={errors}
                  />
                ))}
                <TextInput
                  t={t}
                  id={`position-${r.id}`}
                  name="position"
                  label={label('reasons.position')}
                  type="number"
                  maxlength={3}
                  value={valueFor(which, 'position', String(r.position))}
                  errors={errors}
                />
                <Checkbox
                  id={`active-${r.id}`}
                  name="active"
                  label={t.t('reasons.active')}
                  checked={p.form?.which === which ? p.form.values['active'] === '1' : r.active}
                />
                <button type="submit">{t.t('reasons.save')}</button>
              </fieldset>
            </form>
          );
        })}
        <h2>{t.t('reasons.addHeading')}</h2>
        <form method="post" action="/admin/reasons" class="reason-form" accept-charset="utf-8">
          <TextInput
            t={t}
            id="code-new"
            name="code"
            label={label('reasons.code')}
            hint={t.t('reasons.codeHint')}
            maxlength={40}
            value={valueFor('new', 'code', '')}
            errors={errorsFor('new')}
          />
          {LOCALES.map((locale) => (
            <TextInput
              t={t}
              id={`${labelField(locale)}-new`}
              name={labelField(locale)}
              label={t.t('reasons.labelIn', { language: t.languageName(locale) })}
              value={valueFor('new', labelField(locale), '')}
              errors={errorsFor('new')}
            />
          ))}
          <TextInput
            t={t}
            id="position-new"
            name="position"
            label={label('reasons.position')}
            type="number"
            maxlength={3}
            value={valueFor('new', 'position', String((p.reasons.at(-1)?.position ?? 0) + 1))}
            errors={errorsFor('new')}
          />
          <Checkbox
            id="needs_text-new"
            name="needs_text"
            label={t.t('reasons.needsText')}
            checked={p.form?.which === 'new' && p.form.values['needs_text'] === '1'}
          />
          <button type="submit">{t.t('reasons.add')}</button>
        </form>
      </section>
    </Layout>
  );
}
