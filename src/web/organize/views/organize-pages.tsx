// The organizer's list of petitions (with what moderators decided), the victory form and the preview banner.
import { roleMay, type PetitionRole, type TeamRole } from '../../../teams/team-role.js';
import { roleLabelKey } from '../../../teams/role-labels.js';
import type { User } from '../../../accounts/user.js';
import { explainModeration, type ModerationExplanation } from '../../../moderation/explain-moderation.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { LOCALES, type Locale } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import type { PetitionListing } from '../../../petitions/petition-editor-store.js';
import type { FormErrors, FormValues } from '../../../petitions/petition-form.js';
import { EditorErrorSummary, Field, Notice } from './editor-fields.js';

/** Why a published petition is not public: waiting for review, rejected or hidden, with the moderator's reason and note. */
export function ModerationNotice({ explanation }: { explanation: ModerationExplanation | undefined }) {
  if (explanation === undefined) return null;
  return (
    <>
      <p class="moderation-state">{explanation.line}</p>
      {explanation.note === undefined ? null : <p class="moderation-note">{explanation.note}</p>}
    </>
  );
}

export function OrganizeListPage({
  t,
  petitions,
  counts,
  seesAll,
  reasons = {},
  user,
  roles = new Map(),
}: {
  t: Translator;
  petitions: PetitionListing[];
  counts: Map<number, number>;
  seesAll: boolean;
  /** The reader's role on the petitions of teams they are on (their own petitions are not in it). */
  roles?: Map<number, TeamRole>;
  reasons?: Record<string, string>;
  /** The reader: the header then links to their account (and to moderation for moderators). */
  user?: User;
}) {
  const title = seesAll ? t.t('organize.list.allTitle') : t.t('organize.list.title');
  return (
    <Layout
      t={t}
      title={title}
      user={user}
      navCurrent="/organize"
      switchHref={(locale) => languageSwitchHref(locale, '/organize')}
    >
      <section class="organize-list">
        <h1>{title}</h1>
        {seesAll ? <p>{t.t('organize.list.allIntro')}</p> : null}
        <p>
          <a class="button" href="/organize/new">
            {t.t('organize.list.start')}
          </a>
        </p>
        {petitions.length === 0 ? (
          <p>{t.t('organize.list.empty')}</p>
        ) : (
          <table class="petition-table">
            <thead>
              <tr>
                <th scope="col">{t.t('organize.list.petition')}</th>
                <th scope="col">{t.t('organize.list.status')}</th>
                <th scope="col" class="number">
                  {t.t('organize.list.signatures')}
                </th>
                <th scope="col">{t.t('organize.list.manage')}</th>
              </tr>
            </thead>
            <tbody>
              {petitions.map((p) => {
                const teamRole = roles.get(p.id);
                const role: PetitionRole = teamRole ?? 'organizer';
                return (
                  <tr data-petition-id={p.id}>
                    <th scope="row">
                      {p.title}
                      {teamRole === undefined ? null : (
                        <span class="hint team-role">
                          {t.t('organize.list.yourRole', { role: t.t(roleLabelKey(teamRole)) })}
                        </span>
                      )}
                    </th>
                    <td>
                      {t.t(`organize.status.${p.status}`)}
                      {p.victoryAt === null ? null : ` · ${t.t('organize.status.victory')}`}
                      <ModerationNotice explanation={explainModeration(t, p, reasons)} />
                    </td>
                    <td class="number">{t.number(counts.get(p.id) ?? 0)}</td>
                    <td>
                      <ul class="inline-links">
                        {roleMay(role, 'manage') ? (
                          <li>
                            <a href={`/organize/${p.id}/edit`}>{t.t('organize.list.edit')}</a>
                          </li>
                        ) : null}
                        {roleMay(role, 'dashboard') ? (
                          <li>
                            <a href={`/organize/${p.id}`}>{t.t('organize.list.dashboard')}</a>
                          </li>
                        ) : null}
                        {roleMay(role, 'paper') && !roleMay(role, 'manage') ? (
                          <li>
                            <a href={`/organize/${p.id}/paper/enter`}>{t.t('organize.list.enter')}</a>
                          </li>
                        ) : null}
                        {p.status === 'draft' ||
                        p.hiddenAt !== null ||
                        p.moderation === 'held' ||
                        p.moderation === 'rejected' ? null : (
                          <li>
                            <a href={`/p/${p.slug}`}>{t.t('organize.list.view')}</a>
                          </li>
                        )}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

export function VictoryPage(p: {
  t: Translator;
  id: number;
  locales: Locale[];
  values: FormValues;
  errors: FormErrors;
  notice?: string;
}) {
  const { t } = p;
  const path = `/organize/${p.id}/victory`;
  return (
    <Layout t={t} title={t.t('organize.victory.title')} switchHref={(locale) => languageSwitchHref(locale, path)}>
      <section class="organize-editor">
        <p class="breadcrumb">
          <a href={`/organize/${p.id}/edit`}>{t.t('organize.preview.back')}</a>
        </p>
        <h1>{t.t('organize.victory.title')}</h1>
        <Notice text={p.notice} />
        <p>{t.t('organize.victory.intro')}</p>
        <EditorErrorSummary t={t} errors={p.errors} />
        <form method="post" action={path} accept-charset="utf-8" novalidate>
          {p.locales.map((locale) => (
            <Field
              t={t}
              name={`message_${locale}`}
              label={t.t('organize.victory.message', { language: t.languageName(locale) })}
              hint={t.t('organize.form.formatting')}
              values={p.values}
              errors={p.errors}
              multiline
              rows={5}
              maxlength={5000}
            />
          ))}
          <button type="submit">{t.t('organize.victory.submit')}</button>
        </form>
      </section>
    </Layout>
  );
}

/** Above a preview: it is not published, and the way back and to the other languages. */
export function PreviewBanner({
  t,
  id,
  locale,
  locales,
  published,
}: {
  t: Translator;
  id: number;
  locale: Locale;
  locales: Locale[];
  published: boolean;
}) {
  return (
    <aside class="preview-banner" aria-label={t.t('organize.preview.banner')}>
      <p>
        <strong>{published ? t.t('organize.preview.bannerPublished') : t.t('organize.preview.banner')}</strong>
      </p>
      <ul class="inline-links">
        <li>
          <a href={`/organize/${id}/edit`}>{t.t('organize.preview.back')}</a>
        </li>
        {LOCALES.filter((l) => l !== locale && locales.includes(l)).map((l) => (
          <li>
            <a href={`/organize/${id}/preview/${l}`}>{t.t('organize.form.preview', { language: t.languageName(l) })}</a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
