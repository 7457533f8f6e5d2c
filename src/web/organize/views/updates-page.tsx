// The organizer's list of a petition's updates, newest first, with whether each was emailed.
import type { Locale } from '../../../platform/i18n/translator.js';
import { PetitionNav } from './petition-nav.js';
import { MarkdownHtml } from '../../../platform/text/markdown.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import type { UpdateSummary } from '../../../updates/update-store.js';
import { updateTextFor } from '../../../updates/update-text.js';
import type { PetitionPageBase } from './petition-page-frame.js';

export interface UpdatesPageProps extends PetitionPageBase {
  defaultLocale: Locale;
  updates: UpdateSummary[];
  posted: boolean;
}

export function UpdatesPage(p: UpdatesPageProps) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t('updates.title', { title: p.title })}
      switchHref={(locale) => languageSwitchHref(locale, `/organize/${p.petitionId}/updates`)}
    >
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="updates"
        previewHref={p.previewHref}
      />
      {p.posted ? (
        <p class="flash" role="status">
          {t.t('updates.saved')}
        </p>
      ) : null}
      <h1>{t.t('updates.heading')}</h1>
      <p>{t.t('updates.intro')}</p>
      <p>
        <a class="button" href={`/organize/${p.petitionId}/updates/new`}>
          {t.t('updates.new')}
        </a>
      </p>
      {p.updates.length === 0 ? (
        <p>{t.t('updates.none')}</p>
      ) : (
        <ol class="update-list">
          {p.updates.map((u) => {
            const text = updateTextFor(u.texts, t.locale, p.defaultLocale);
            return (
              <li>
                <article class="update" aria-labelledby={`update-${u.id}`}>
                  <h2 id={`update-${u.id}`}>{text?.title ?? ''}</h2>
                  <p class="hint">
                    <time datetime={u.createdAt}>{t.t('updates.posted', { date: t.date(u.createdAt) })}</time> ·{' '}
                    {!u.emailSigners
                      ? t.t('updates.notEmailed')
                      : u.fanoutDone
                        ? t.t('updates.emailed', { count: u.emailedCount })
                        : t.t('updates.emailing')}
                  </p>
                  <div class="update-body">
                    <MarkdownHtml html={text?.bodyHtml} text={text?.body ?? ''} />
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </Layout>
  );
}
