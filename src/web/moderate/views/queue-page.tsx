// The moderators' queue: new petitions, reported ones, and those waiting past the review deadline.
import type { User } from '../../../accounts/user.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import type { ModerationReason } from '../../../moderation/reasons-store.js';
import type { OpenReport } from '../../../moderation/reports-store.js';
import type { QueuePaging } from '../../../moderation/queue-paging.js';
import type { QueuedPetition } from '../../../moderation/review-store.js';
import { DecisionForms } from './decision-forms.js';
import { ReportList } from './report-list.js';

export const QUEUE_VIEWS = ['new', 'reported', 'overdue'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface QueuePageProps {
  t: Translator;
  user: User;
  now: Date;
  view: QueueView;
  counts: Record<QueueView, number>;
  deadlineHours: number;
  petitions: QueuedPetition[];
  reports: Map<number, OpenReport[]>;
  reasons: ModerationReason[];
  paging: QueuePaging;
  notice?: string | undefined;
}

/** A view of the queue, at a page (the first when not given). */
export function queueHref(view: QueueView, page = 1): string {
  const query = [...(view === 'new' ? [] : [`view=${view}`]), ...(page > 1 ? [`page=${page}`] : [])];
  return query.length === 0 ? '/moderate' : `/moderate?${query.join('&')}`;
}

/** One petition in the queue or at the top of its panel: what it is, who sent it, when, and where to look. */
export function PetitionSummary({
  t,
  now,
  petition,
  onPanel = false,
}: {
  t: Translator;
  now: Date;
  petition: QueuedPetition;
  onPanel?: boolean;
}) {
  const state =
    petition.hiddenAt !== null ? t.t('moderation.state.hidden') : t.t(`moderation.state.${petition.moderation}`);
  const organizer = [petition.organizer.name, petition.organizer.email]
    .filter((v) => v !== null && v !== '')
    .join(' · ');
  return (
    <>
      <h2>{petition.title}</h2>
      <dl class="queue-facts">
        <dt>{t.t('moderation.item.state')}</dt>
        <dd>{state}</dd>
        <dt>{t.t('moderation.item.organizer')}</dt>
        <dd>{organizer === '' ? t.t('moderation.item.noOrganizer') : organizer}</dd>
        <dt>{t.t('moderation.item.submitted')}</dt>
        <dd>
          {petition.submittedAt === null ? (
            '—'
          ) : (
            <time
              datetime={petition.submittedAt}
            >{`${t.date(petition.submittedAt)} (${t.ago(petition.submittedAt, now)})`}</time>
          )}
        </dd>
      </dl>
      <ul class="inline-links">
        <li>
          <a href={`/organize/${petition.id}/preview/${petition.defaultLocale}`}>{t.t('moderation.item.preview')}</a>
        </li>
        {onPanel ? null : (
          <li>
            <a href={`/moderate/petitions/${petition.id}`}>{t.t('moderation.item.panel')}</a>
          </li>
        )}
      </ul>
    </>
  );
}

function QueueItem(p: QueuePageProps & { petition: QueuedPetition }) {
  const reports = p.reports.get(p.petition.id) ?? [];
  return (
    <li class="queue-item" data-petition-id={p.petition.id}>
      <PetitionSummary t={p.t} now={p.now} petition={p.petition} />
      {reports.length === 0 ? null : (
        <section aria-label={p.t.t('moderation.reports.heading')}>
          <h3>{p.t.t('moderation.reports.heading')}</h3>
          <ReportList t={p.t} reports={reports} back={p.view} backPage={p.paging.page} />
        </section>
      )}
      <DecisionForms
        t={p.t}
        petition={p.petition}
        reasons={p.reasons}
        values={{}}
        errors={{}}
        back={p.view}
        backPage={p.paging.page}
      />
    </li>
  );
}

/** Where this page is among the view's pages, with links to the pages before and after it. */
function QueuePager({
  t,
  view,
  paging,
  shown,
  id,
}: {
  t: Translator;
  view: QueueView;
  paging: QueuePaging;
  shown: number;
  id: string;
}) {
  const first = paging.offset + 1;
  return (
    <nav class="pager" aria-labelledby={id}>
      <p id={id}>
        {t.t('moderation.queue.pageOf', {
          page: t.number(paging.page),
          pages: t.number(paging.pages),
          from: t.number(first),
          to: t.number(first + shown - 1),
          total: t.number(paging.total),
        })}
      </p>
      <ul class="inline-links">
        {paging.page > 1 ? (
          <li>
            <a href={queueHref(view, paging.page - 1)} rel="prev">
              {t.t('moderation.queue.previous', { count: paging.size })}
            </a>
          </li>
        ) : null}
        {paging.page < paging.pages ? (
          <li>
            <a href={queueHref(view, paging.page + 1)} rel="next">
              {t.t('moderation.queue.next', { count: Math.min(paging.size, paging.total - paging.offset - shown) })}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function QueuePage(p: QueuePageProps) {
  const { t } = p;
  const path = queueHref(p.view, p.paging.page);
  const intro =
    p.view === 'new'
      ? t.t('moderation.queue.intro.new')
      : p.view === 'reported'
        ? t.t('moderation.queue.intro.reported')
        : t.t('moderation.queue.intro.overdue', { count: p.deadlineHours });
  return (
    <Layout
      t={t}
      title={t.t('moderation.queue.title')}
      user={p.user}
      navCurrent="/moderate"
      switchHref={(locale) => languageSwitchHref(locale, path)}
    >
      <section class="moderation-queue">
        <h1>{t.t('moderation.queue.title')}</h1>
        {p.notice === undefined ? null : (
          <p class="notice" role="status">
            {p.notice}
          </p>
        )}
        <nav aria-label={t.t('moderation.queue.views')} class="queue-tabs">
          <ul>
            {(['new', 'reported', 'overdue'] as const).map((view) => (
              <li>
                <a href={queueHref(view)} aria-current={view === p.view ? 'page' : undefined}>
                  {t.t(`moderation.queue.tab.${view}`, { count: p.counts[view] })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>{intro}</p>
        {p.petitions.length === 0 ? (
          <p>{t.t('moderation.queue.empty')}</p>
        ) : (
          <>
            {p.paging.pages > 1 ? (
              <QueuePager t={t} view={p.view} paging={p.paging} shown={p.petitions.length} id="pager-top" />
            ) : null}
            <ol class="queue-items" start={p.paging.offset + 1}>
              {p.petitions.map((petition) => (
                <QueueItem {...p} petition={petition} />
              ))}
            </ol>
            {p.paging.pages > 1 ? (
              <QueuePager t={t} view={p.view} paging={p.paging} shown={p.petitions.length} id="pager-bottom" />
            ) : null}
          </>
        )}
      </section>
    </Layout>
  );
}
