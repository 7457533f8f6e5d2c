// The petition editor: start or edit a petition, in one form that works without JavaScript.
import type { Translator } from '../../../platform/i18n/translator.js';
import { LOCALES } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { DELIVERY_METHODS, type PetitionState } from '../../../petitions/petition.js';
import {
  COUNTRIES,
  LANGUAGE_CHOICES,
  localesOf,
  MAX_TARGETS,
  targetCount,
  targetName,
  TEXT_LIMITS,
  textName,
  type FormErrors,
  type FormValues,
} from '../../../petitions/petition-form.js';
import type { RevisionSummary } from '../../../petitions/petition-editor-store.js';
import { SLUG_MAX } from '../../../petitions/slug.js';
import { describedBy, FieldMessage } from '../../views/form-parts.js';
import { EditorErrorSummary, Field, Notice } from './editor-fields.js';
import type { ModerationExplanation } from '../../../moderation/explain-moderation.js';
import { ModerationNotice } from './organize-pages.js';

export interface EditedPetition {
  id: number;
  slug: string;
  status: PetitionState;
  victoryAt: string | null;
  /** The languages as saved (what the preview can show). */
  locales: readonly string[];
  revisions: RevisionSummary[];
  /** Why moderators keep it from the public (held, rejected, hidden); undefined when it is public or a draft. */
  moderation?: ModerationExplanation | undefined;
  /** Rejected by a moderator: the organizer may edit it and ask for another review. */
  rejected?: boolean;
}

export interface EditorPageProps {
  t: Translator;
  now: Date;
  path: string;
  action: string;
  values: FormValues;
  errors: FormErrors;
  /** Shown above the error summary (e.g. "not ready to publish"). */
  errorIntro?: string | undefined;
  notice?: string | undefined;
  /** Undefined while starting a new petition. */
  petition?: EditedPetition | undefined;
}

export function EditorPage(p: EditorPageProps) {
  const { t, values, errors } = p;
  const title = p.petition === undefined ? t.t('organize.new.title') : t.t('organize.edit.title');
  const used = localesOf(values['languages'] ?? 'en');
  const count = targetCount(values);
  const published = p.petition !== undefined && p.petition.status !== 'draft';
  const saveLabel = published ? t.t('organize.form.saveChanges') : t.t('organize.form.save');
  return (
    <Layout t={t} title={title} switchHref={(locale) => languageSwitchHref(locale, p.path)}>
      <section class="organize-editor">
        <p class="breadcrumb">
          <a href="/organize">{t.t('organize.form.backToList')}</a>
        </p>
        <h1>{title}</h1>
        {p.petition === undefined ? (
          <p>{t.t('organize.new.intro')}</p>
        ) : (
          <p>{t.t('organize.edit.status', { status: t.t(`organize.status.${p.petition.status}`) })}</p>
        )}
        <ModerationNotice explanation={p.petition?.moderation} />
        <Notice text={p.notice} />
        <EditorErrorSummary t={t} errors={errors} intro={p.errorIntro} />
        <form class="petition-editor" method="post" action={p.action} accept-charset="utf-8" novalidate>
          <input type="hidden" name="target_count" value={String(count)} />
          {/* The first submit button is the one Enter presses: saving, never removing a target. */}
          <div class="editor-toolbar">
            <button type="submit" name="intent" value="save">
              {saveLabel}
            </button>
          </div>

          <fieldset
            class={`editor-group${errors['languages'] ? ' has-error' : ''}`}
            aria-describedby={describedBy('languages', errors, true)}
          >
            <legend>{t.t('organize.form.languages')}</legend>
            <p class="hint" id="languages-hint">
              {t.t('organize.form.languagesHint')}
            </p>
            <FieldMessage t={t} id="languages" errors={errors} />
            {LANGUAGE_CHOICES.map((choice, i) => (
              <div class="choice">
                <input
                  type="radio"
                  name="languages"
                  id={i === 0 ? 'languages' : `languages-${choice}`}
                  value={choice}
                  checked={(values['languages'] ?? 'en') === choice}
                />
                <label for={i === 0 ? 'languages' : `languages-${choice}`}>
                  {t.t(`organize.form.languages.${choice}`)}
                </label>
              </div>
            ))}
          </fieldset>

          {LOCALES.map((locale) => {
            const language = t.languageName(locale);
            return (
              <fieldset
                class={`editor-group editor-language${used.includes(locale) ? '' : ' unused'}`}
                data-locale={locale}
              >
                <legend>{t.t('organize.form.textsIn', { language })}</legend>
                <p class="hint unused-hint">{t.t('organize.form.textsInUnused', { language })}</p>
                <Field
                  t={t}
                  name={textName('title', locale)}
                  label={t.t('organize.form.title')}
                  hint={t.t('organize.form.titleHint')}
                  values={values}
                  errors={errors}
                  maxlength={TEXT_LIMITS.title}
                />
                <p class="hint formatting">{t.t('organize.form.formatting')}</p>
                <Field
                  t={t}
                  name={textName('statement', locale)}
                  label={t.t('organize.form.statement')}
                  hint={t.t('organize.form.statementHint')}
                  values={values}
                  errors={errors}
                  multiline
                  rows={4}
                  maxlength={TEXT_LIMITS.statement}
                />
                <Field
                  t={t}
                  name={textName('why', locale)}
                  label={t.t('organize.form.why')}
                  hint={t.t('organize.form.whyHint')}
                  values={values}
                  errors={errors}
                  multiline
                  rows={10}
                  maxlength={TEXT_LIMITS.why}
                />
                <Field
                  t={t}
                  name={textName('deliveryDetails', locale)}
                  label={t.t('organize.form.deliveryDetails')}
                  hint={t.t('organize.form.deliveryDetailsHint')}
                  values={values}
                  errors={errors}
                  multiline
                  rows={3}
                  maxlength={TEXT_LIMITS.deliveryDetails}
                />
              </fieldset>
            );
          })}

          <fieldset class="editor-group editor-targets">
            <legend>{t.t('organize.form.targets')}</legend>
            <p class="hint">{t.t('organize.form.targetsHint')}</p>
            {Array.from({ length: count }, (_, i) => (
              <div class="target-row">
                {LOCALES.map((locale) => (
                  <div data-locale={locale}>
                    <Field
                      t={t}
                      name={targetName(i, locale)}
                      label={t.t('organize.form.targetName', {
                        n: i + 1,
                        language: t.languageName(locale),
                      })}
                      values={values}
                      errors={errors}
                      maxlength={TEXT_LIMITS.target}
                      class={used.includes(locale) ? undefined : 'unused'}
                    />
                  </div>
                ))}
                {count > 1 ? (
                  <button type="submit" class="secondary" name="intent" value={`remove_target_${i}`}>
                    {t.t('organize.form.removeTarget', { n: i + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            {count < MAX_TARGETS ? (
              <button type="submit" class="secondary" name="intent" value="add_target">
                {t.t('organize.form.addTarget')}
              </button>
            ) : null}
          </fieldset>

          <fieldset class={`editor-group${errors['delivery_method'] ? ' has-error' : ''}`}>
            <legend>{t.t('organize.form.delivery')}</legend>
            <FieldMessage t={t} id="delivery_method" errors={errors} />
            {DELIVERY_METHODS.map((method, i) => (
              <div class="choice">
                <input
                  type="radio"
                  name="delivery_method"
                  id={i === 0 ? 'delivery_method' : `delivery_method-${method}`}
                  value={method}
                  checked={(values['delivery_method'] ?? 'by_hand') === method}
                />
                <label for={i === 0 ? 'delivery_method' : `delivery_method-${method}`}>
                  {t.t(`petition.delivery.${method}`)}
                </label>
              </div>
            ))}
          </fieldset>

          <fieldset class="editor-group">
            <legend>{t.t('organize.form.settings')}</legend>
            <div class="choice">
              <input
                type="checkbox"
                name="requires_verification"
                id="requires_verification"
                value="yes"
                checked={values['requires_verification'] === 'yes'}
                aria-describedby="requires_verification-hint"
              />
              <label for="requires_verification">{t.t('organize.form.requiresVerification')}</label>
            </div>
            <p class="hint" id="requires_verification-hint">
              {t.t('organize.form.requiresVerificationHint')}
            </p>
            <div class={`field${errors['country'] ? ' has-error' : ''}`}>
              <label for="country">{t.t('organize.form.country')}</label>
              <p class="hint" id="country-hint">
                {t.t('organize.form.countryHint')}
              </p>
              <FieldMessage t={t} id="country" errors={errors} />
              <select id="country" name="country" aria-describedby={describedBy('country', errors, true)}>
                {COUNTRIES.map((country) => (
                  <option value={country} selected={values['country'] === country}>
                    {t.t(`organize.country.${country}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field
              t={t}
              name="closes_on"
              label={t.t('organize.form.closesOn')}
              hint={t.t('organize.form.closesOnHint')}
              values={values}
              errors={errors}
              type="date"
            />
            {published ? (
              <div class="field">
                <p class="label">{t.t('organize.form.slug')}</p>
                <p>
                  <code>/p/{p.petition?.slug}</code> — {t.t('organize.form.slugFixed')}
                </p>
              </div>
            ) : (
              <Field
                t={t}
                name="slug"
                label={t.t('organize.form.slug')}
                hint={t.t('organize.form.slugHint')}
                values={values}
                errors={errors}
                maxlength={SLUG_MAX}
              />
            )}
          </fieldset>

          <div class="editor-toolbar">
            <button type="submit" name="intent" value="save">
              {saveLabel}
            </button>
          </div>
        </form>
        {p.petition === undefined ? null : <EditorSidebar t={t} now={p.now} petition={p.petition} />}
      </section>
      <script src="/static/organize-editor.js" defer></script>
    </Layout>
  );
}

function EditorSidebar({ t, now, petition }: { t: Translator; now: Date; petition: EditedPetition }) {
  const base = `/organize/${petition.id}`;
  return (
    <>
      <section class="editor-panel" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t.t('organize.form.previewHeading')}</h2>
        <ul class="preview-links">
          {LOCALES.filter((l) => petition.locales.includes(l)).map((locale) => (
            <li>
              <a href={`${base}/preview/${locale}`}>
                {t.t('organize.form.preview', { language: t.languageName(locale) })}
              </a>
            </li>
          ))}
        </ul>
        {petition.status === 'draft' ? (
          <form method="post" action={`${base}/publish`}>
            <p class="hint">{t.t('organize.form.publishHint')}</p>
            <button type="submit">{t.t('organize.form.publish')}</button>
          </form>
        ) : (
          <>
            {petition.rejected === true ? (
              <form method="post" action={`${base}/resubmit`}>
                <p class="hint">{t.t('moderation.resubmit.hint')}</p>
                <button type="submit">{t.t('moderation.resubmit.button')}</button>
              </form>
            ) : null}
            <ul class="inline-links">
              {petition.moderation !== undefined ? null : (
                <li>
                  <a href={`/p/${petition.slug}`}>{t.t('organize.list.view')}</a>
                </li>
              )}
              <li>
                <a href={base}>{t.t('organize.list.dashboard')}</a>
              </li>
            </ul>
          </>
        )}
      </section>
      {petition.status === 'draft' ? null : (
        <section class="editor-panel" aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t.t('organize.actions.heading')}</h2>
          {petition.status === 'open' ? (
            <form method="post" action={`${base}/close`}>
              <p class="hint">{t.t('organize.actions.closeHint')}</p>
              <button type="submit" class="secondary">
                {t.t('organize.actions.close')}
              </button>
            </form>
          ) : (
            <form method="post" action={`${base}/reopen`}>
              <button type="submit" class="secondary">
                {t.t('organize.actions.reopen')}
              </button>
            </form>
          )}
          {petition.victoryAt === null ? (
            <p>
              <a href={`${base}/victory`}>{t.t('organize.actions.victory')}</a>
            </p>
          ) : (
            <p>{t.t('organize.actions.victoryDone', { date: t.date(petition.victoryAt) })}</p>
          )}
        </section>
      )}
      <section class="editor-panel" aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">{t.t('organize.form.revisions')}</h2>
        {petition.revisions.length === 0 ? (
          <p>{t.t('organize.form.noRevisions')}</p>
        ) : (
          <ol class="revisions" reversed>
            {petition.revisions.map((r) => (
              <li data-created-at={r.createdAt}>
                {t.t('organize.form.revision', {
                  when: `${t.date(r.createdAt)} (${t.ago(r.createdAt, now)})`,
                  who: r.by ?? t.t('organize.form.someone'),
                })}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
