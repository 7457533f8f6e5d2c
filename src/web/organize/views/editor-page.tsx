// The petition editor: start or edit a petition, in one form that works without JavaScript.
import { isLocale, type Translator } from '../../../platform/i18n/translator.js';
import { languageOf } from '../../../platform/i18n/languages.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { DELIVERY_METHODS, type PetitionState } from '../../../petitions/petition.js';
import {
  allowedLanguages,
  COUNTRIES,
  formLocales,
  LANGUAGES_FIELD,
  MAX_TARGETS,
  targetCount,
  seatTargetName,
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
import { CHAMBERS } from '../../../targets/directory.js';

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
  /** Someone has signed: the chambers it goes to stay as they are (signatures are matched as they arrive). */
  seatsLocked?: boolean;
}

/** A body of the directory of decision-makers, as the editor offers its chambers. */
export interface DirectoryChoice {
  id: number;
  /** In the reader's language. */
  name: string;
  sample: boolean;
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
  /** The directory's bodies: a petition can go to each signer's own member of their chambers. */
  bodies: DirectoryChoice[];
}

export function EditorPage(p: EditorPageProps) {
  const { t, values, errors } = p;
  const title = p.petition === undefined ? t.t('organize.new.title') : t.t('organize.edit.title');
  const allowed = allowedLanguages(p.petition);
  const used = formLocales(values, allowed);
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

          <LanguagesGroup t={t} used={used} allowed={allowed} errors={errors} />

          {used.map((locale, index) => {
            const language = t.languageName(locale);
            const typed = { lang: locale, dir: languageOf(locale).dir };
            return (
              <fieldset class="editor-group editor-language" data-locale={locale}>
                <legend>
                  {t.t(index === 0 ? 'organize.form.textsInMain' : 'organize.form.textsIn', { language })}
                </legend>
                {index === 0 ? null : (
                  <div class="editor-language-actions">
                    <button type="submit" class="secondary" name="intent" value={`main_language:${locale}`}>
                      {t.t('organize.form.makeMain', { language })}
                    </button>
                    <button type="submit" class="secondary" name="intent" value={`remove_language:${locale}`}>
                      {t.t('organize.form.removeLanguage', { language })}
                    </button>
                  </div>
                )}
                <Field
                  t={t}
                  name={textName('title', locale)}
                  label={t.t('organize.form.title')}
                  hint={t.t('organize.form.titleHint')}
                  values={values}
                  errors={errors}
                  maxlength={TEXT_LIMITS.title}
                  {...typed}
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
                  {...typed}
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
                  {...typed}
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
                  {...typed}
                />
              </fieldset>
            );
          })}

          <fieldset class="editor-group editor-targets">
            <legend>{t.t('organize.form.targets')}</legend>
            <p class="hint">{t.t('organize.form.targetsHint')}</p>
            {Array.from({ length: count }, (_, i) => (
              <div class="target-row">
                {used.map((locale) => (
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
                    lang={locale}
                    dir={languageOf(locale).dir}
                  />
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

          {p.bodies.length > 0 ? (
            <fieldset class="editor-group editor-seats">
              <legend>{t.t('organize.form.seats')}</legend>
              <p class="hint">
                {t.t(p.petition?.seatsLocked === true ? 'organize.form.seatsLocked' : 'organize.form.seatsHint')}
              </p>
              {p.bodies.map((body) =>
                CHAMBERS.map((chamber) => {
                  const name = seatTargetName(body.id, chamber);
                  const locked = p.petition?.seatsLocked === true;
                  return (
                    <div class="choice">
                      <input
                        type="checkbox"
                        name={name}
                        id={name}
                        value="yes"
                        checked={values[name] === 'yes'}
                        disabled={locked}
                      />
                      <label for={name}>
                        {t.t(`organize.form.seat.${chamber}`, { body: body.name })}
                        {body.sample ? <span class="badge">{t.t('targets.sampleBadge')}</span> : null}
                      </label>
                      {locked && values[name] === 'yes' ? <input type="hidden" name={name} value="yes" /> : null}
                    </div>
                  );
                }),
              )}
            </fieldset>
          ) : null}

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
    </Layout>
  );
}

/**
 * The petition's languages: the main one, then each translation (in their own groups below, with buttons to
 * remove one or make it the main language), and a button that adds a translation in another of the site's
 * languages. The list travels in a hidden field; every button works without JavaScript.
 */
function LanguagesGroup(p: { t: Translator; used: readonly string[]; allowed: readonly string[]; errors: FormErrors }) {
  const { t, used, errors } = p;
  const addable = p.allowed.filter((l) => !used.includes(l));
  const [main = '', ...translations] = used;
  return (
    <fieldset
      id={LANGUAGES_FIELD}
      class={`editor-group${errors[LANGUAGES_FIELD] ? ' has-error' : ''}`}
      aria-describedby={describedBy(LANGUAGES_FIELD, errors, true)}
    >
      <legend>{t.t('organize.form.languages')}</legend>
      <input type="hidden" name={LANGUAGES_FIELD} value={used.join('+')} />
      <p class="hint" id={`${LANGUAGES_FIELD}-hint`}>
        {t.t('organize.form.languagesHint')}
      </p>
      <FieldMessage t={t} id={LANGUAGES_FIELD} errors={errors} />
      <p class="languages-used">
        {translations.length === 0
          ? t.t('organize.form.writtenIn', { language: t.languageName(main) })
          : t.t('organize.form.writtenInWithTranslations', {
              language: t.languageName(main),
              translations: t.list(translations.map((l) => t.languageName(l))),
            })}
      </p>
      {addable.length === 0 ? null : (
        <div class="field add-language">
          <label for="language_to_add">{t.t('organize.form.addLanguage')}</label>
          <div class="inline-control">
            <select id="language_to_add" name="language_to_add">
              {addable.map((locale) => (
                <option value={locale}>{t.languageName(locale)}</option>
              ))}
            </select>
            <button type="submit" class="secondary" name="intent" value="add_language">
              {t.t('organize.form.addLanguageButton')}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}

function EditorSidebar({ t, now, petition }: { t: Translator; now: Date; petition: EditedPetition }) {
  const base = `/organize/${petition.id}`;
  return (
    <>
      <section class="editor-panel" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t.t('organize.form.previewHeading')}</h2>
        <ul class="preview-links">
          {petition.locales.filter(isLocale).map((locale) => (
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
