// /admin/trending: the last hour per petition, grouped by network and by email domain, bursts called out in words.
import type { User } from '../../../accounts/user.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import { networkLabel } from './invalidation/criteria-list.js';
import { TableScroll } from '../../views/table-scroll.js';
import type { PetitionTrend, TrendingGroup } from '../../../moderation/trending/trending-report.js';

export interface TrendingPetition extends PetitionTrend {
  slug: string;
  title: string;
}

export interface TrendingPageProps {
  t: Translator;
  user: User;
  since: string;
  petitions: TrendingPetition[];
  /** The link that pre-fills the invalidation form for one group. */
  invalidateHref: (petition: TrendingPetition, kind: 'network' | 'domain', group: TrendingGroup) => string;
}

function GroupTable(props: {
  t: Translator;
  petition: TrendingPetition;
  kind: 'network' | 'domain';
  groups: TrendingGroup[];
  href: TrendingPageProps['invalidateHref'];
}) {
  const { t, petition, kind, groups } = props;
  const caption = kind === 'network' ? t.t('trending.byNetwork') : t.t('trending.byDomain');
  if (groups.length === 0)
    return <p>{kind === 'network' ? t.t('trending.noNetworkGroups') : t.t('trending.noDomainGroups')}</p>;
  return (
    <TableScroll label={caption}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{kind === 'network' ? t.t('trending.col.network') : t.t('trending.col.domain')}</th>
            <th scope="col">{t.t('trending.col.count')}</th>
            <th scope="col">{t.t('trending.col.first')}</th>
            <th scope="col">{t.t('trending.col.last')}</th>
            <th scope="col">{t.t('trending.col.flag')}</th>
            <th scope="col">{t.t('trending.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr class={g.burst === null ? undefined : 'burst'}>
              <th scope="row">{kind === 'network' ? networkLabel(t, g.key) : g.key}</th>
              <td>
                {t.number(g.count)}{' '}
                <span class="hint">({t.t('trending.share', { percent: Math.round(g.share * 100) })})</span>
              </td>
              <td>{t.moment(g.first)}</td>
              <td>{t.moment(g.last)}</td>
              <td>
                {g.burst === null ? (
                  ''
                ) : (
                  <strong>{g.burst === 'count' ? t.t('trending.burst.count') : t.t('trending.burst.share')}</strong>
                )}
              </td>
              <td>
                <a href={props.href(petition, kind, g)}>{t.t('trending.invalidate')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function TrendingPage(p: TrendingPageProps) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t('trending.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, '/admin/trending')}
    >
      <section class="admin-page">
        <p>
          <a href="/admin">{t.t('invalidation.back')}</a> ·{' '}
          <a href="/admin/invalidations">{t.t('invalidation.title')}</a>
        </p>
        <h1>{t.t('trending.title')}</h1>
        <p>{t.t('trending.intro', { since: t.moment(p.since) })}</p>
        {p.petitions.length === 0 ? <p>{t.t('trending.none')}</p> : null}
        {p.petitions.map((petition) => (
          <section class="trending-petition" aria-labelledby={`trend-${petition.petitionId}`}>
            <h2 id={`trend-${petition.petitionId}`}>{petition.title}</h2>
            <p>
              <code>{petition.slug}</code> · {t.t('trending.total', { count: petition.total })}
            </p>
            <GroupTable t={t} petition={petition} kind="network" groups={petition.networks} href={p.invalidateHref} />
            <GroupTable t={t} petition={petition} kind="domain" groups={petition.domains} href={p.invalidateHref} />
          </section>
        ))}
      </section>
    </Layout>
  );
}
