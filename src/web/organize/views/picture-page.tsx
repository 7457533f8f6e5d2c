// The organizer's picture page: the picture now (and whether a moderator hid it), the form to upload or replace
// it with its alt text in each of the petition's languages and the part to keep in view, and removal.
import type { PetitionRole } from '../../../teams/team-role.js';
import { FOCUS_POINTS, type FocusName } from '../../../petitions/petition-picture.js';
import { languageOf } from '../../../platform/i18n/languages.js';
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { PictureFigure, type PictureView } from '../../views/petition-picture.js';
import { PetitionNav } from './petition-nav.js';

export interface PicturePageProps {
  t: Translator;
  petitionId: number;
  /** The reader's role on the petition: the links shown are the pages it includes. */
  role: PetitionRole;
  slug: string;
  title: string;
  /** The petition's languages: an alt text for each. */
  locales: Locale[];
  current: (PictureView & { hidden: boolean }) | undefined;
  values: { alts: Record<string, string>; focus: string };
  errors: Errors;
  maxMegabytes: number;
  altMax: number;
  flash: 'saved' | 'removed' | undefined;
  previewHref?: string | undefined;
}

export function PicturePage(p: PicturePageProps) {
  const { t, errors } = p;
  const base = `/organize/${p.petitionId}`;
  const invalid = (id: string) => (errors[id] === undefined ? undefined : 'true');
  return (
    <Layout
      t={t}
      title={t.t('picture.title', { title: p.title })}
      switchHref={(locale) => languageSwitchHref(locale, `${base}/picture`)}
    >
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="picture"
        previewHref={p.previewHref}
      />
      <h1>{t.t('picture.heading')}</h1>
      {p.flash === undefined ? null : (
        <p class="flash" role="status">
          {t.t(p.flash === 'saved' ? 'picture.saved' : 'picture.removed')}
        </p>
      )}
      <p>{t.t('picture.intro', { megabytes: p.maxMegabytes })}</p>
      <p>{t.t('picture.privacy')}</p>

      <h2>{t.t('picture.current')}</h2>
      {p.current === undefined ? (
        <p>{t.t('picture.none')}</p>
      ) : (
        <>
          {p.current.hidden ? <p class="notice">{t.t('picture.hiddenNotice')}</p> : null}
          <PictureFigure
            class="petition-picture organizer-picture"
            picture={p.current}
            sizes="(min-width: 40rem) 36rem, 100vw"
          />
          <form class="picture-remove" method="post" action={`${base}/picture/remove`}>
            <button type="submit">{t.t('picture.remove')}</button>
          </form>
        </>
      )}

      <ErrorList t={t} errors={errors} summaryKey="export.errorSummary" anchors={{ focus: 'focus-center' }} />
      <form class="picture-form" method="post" action={`${base}/picture`} enctype="multipart/form-data" novalidate>
        <Field
          t={t}
          id="picture"
          label={t.t(p.current === undefined ? 'picture.file' : 'picture.fileReplace')}
          errors={errors}
        >
          <input
            id="picture"
            name="picture"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required={p.current === undefined}
            aria-invalid={invalid('picture')}
            aria-describedby={describedBy('picture', errors, false)}
          />
        </Field>
        {p.locales.map((locale) => {
          const id = `alt_${locale}`;
          return (
            <Field
              t={t}
              id={id}
              label={t.t('picture.alt', { language: t.languageName(locale) })}
              hint={t.t('picture.altHint')}
              errors={errors}
            >
              <textarea
                id={id}
                name={id}
                rows={2}
                maxlength={p.altMax}
                required
                lang={locale}
                dir={languageOf(locale).dir}
                aria-invalid={invalid(id)}
                aria-describedby={describedBy(id, errors, true)}
              >
                {p.values.alts[locale] ?? ''}
              </textarea>
            </Field>
          );
        })}
        <fieldset
          class={`choices focus-choices${errors['focus'] === undefined ? '' : ' has-error'}`}
          aria-describedby={describedBy('focus', errors, true)}
        >
          <legend>{t.t('picture.focus')}</legend>
          <p class="hint" id="focus-hint">
            {t.t('picture.focusHint')}
          </p>
          {errors['focus'] === undefined ? null : (
            <p class="field-error" id="focus-error">
              {t.t('picture.error.focus')}
            </p>
          )}
          <div class="focus-grid">
            {(Object.keys(FOCUS_POINTS) as FocusName[]).map((name) => (
              <div class="choice">
                <input type="radio" id={`focus-${name}`} name="focus" value={name} checked={p.values.focus === name} />
                <label for={`focus-${name}`}>{t.t(`picture.focus.${name}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit">{t.t('picture.save')}</button>
      </form>
    </Layout>
  );
}
