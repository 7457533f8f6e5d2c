// /admin/languages: the languages Firma has catalogs for, which of them this site speaks, how much of each is
// translated, and whether a fluent speaker has reviewed it.
import type { User } from '../../../accounts/user.js';
import type { Language } from '../../../platform/i18n/languages.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import { AdminTable } from '../../views/admin-table.js';
import { TableScroll } from '../../views/table-scroll.js';

export interface LanguageRow {
  language: Language;
  /** In FIRMA_LOCALES; `default` for the first. */
  onThisSite: 'default' | 'yes' | 'no';
  /** Messages its own catalog has, of English's. */
  translated: number;
  total: number;
}

export function LanguagesPage({ t, user, rows }: { t: Translator; user: User; rows: LanguageRow[] }) {
  return (
    <Layout
      t={t}
      title={t.t('languages.title')}
      user={user}
      navCurrent="/admin"
      switchHref={(locale) => languageSwitchHref(locale, '/admin/languages')}
    >
      <section>
        <h1>{t.t('languages.title')}</h1>
        <p>{t.t('languages.intro')}</p>
        <TableScroll label={t.t('languages.title')}>
          <AdminTable
            rows={rows}
            empty="" // never shown: English always has its catalog
            caption={t.t('languages.caption')}
            columns={[
              t.t('languages.col.language'),
              t.t('languages.col.onThisSite'),
              t.t('languages.col.messages'),
              t.t('languages.col.reviewed'),
            ]}
            cells={(row) => (
              <>
                <th scope="row">
                  <span lang={row.language.code} dir={row.language.dir}>
                    {row.language.name}
                  </span>{' '}
                  <span class="hint">
                    ({t.languageName(row.language.code)}, <code>{row.language.code}</code>)
                  </span>
                </th>
                <td>{t.t(`languages.onThisSite.${row.onThisSite}`)}</td>
                <td>
                  {t.t('languages.messages', {
                    translated: row.translated,
                    total: row.total,
                    percent: t.percent(row.translated / row.total),
                  })}
                </td>
                <td>
                  {t.t(row.language.reviewed ? 'languages.reviewed.yes' : 'languages.reviewed.no')}
                  {row.language.review === '' ? null : <p class="hint">{row.language.review}</p>}
                </td>
              </>
            )}
          />
        </TableScroll>
        <p>{t.t('languages.howToAdd')}</p>
      </section>
    </Layout>
  );
}
