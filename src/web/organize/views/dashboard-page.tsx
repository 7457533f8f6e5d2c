// The organizer's dashboard for one petition: counts, signatures per day, by source, by language, by place,
// latest comments and milestones, with links to the petition's other organizer pages.
import type { PetitionRole } from '../../../teams/team-role.js';
import type { MethodCounts } from '../../../signing/paper-signatures.js';
import type { MessageFigures } from '../../../sharing/share-messages.js';
import type { Child } from 'hono/jsx';
import type { MessageKey, Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import type {
  DayCount,
  LatestComment,
  MilestoneReached,
  PlaceCount,
  SignatureCounts,
  SourceCount,
} from '../../../dashboard/dashboard-store.js';
import type { NotPublic } from '../../../moderation/not-public.js';
import { NotPublicNotice } from './not-public-notice.js';
import { PetitionNav } from './petition-nav.js';
import { PictureFigure, type PictureView } from '../../views/petition-picture.js';
import { SignaturesChart } from './signatures-chart.js';
import { DistrictTallies, type ShownTally } from './district-tallies.js';

export interface DashboardProps {
  /** Signatures by the signers' own district, per targeted chamber (empty for a petition without them). */
  byDistrict: ShownTally[];
  t: Translator;
  petitionId: number;
  /** The reader's role on the petition: the links shown are the pages it includes. */
  role: PetitionRole;
  slug: string;
  title: string;
  /** The petition's picture as the public sees it (or as a moderator hid it). */
  picture?: PictureView | undefined;
  counts: SignatureCounts;
  /** Confirmed signatures gathered online and entered from paper. */
  byMethod: MethodCounts;
  perDay: DayCount[];
  bySource: SourceCount[];
  /** Each share message's shares and the signatures they brought (empty without messages). */
  messages: MessageFigures[];
  /** Confirmed signatures by the language they were made in, most first. */
  byLocale: Record<string, number>;
  byPlace: PlaceCount[];
  comments: LatestComment[];
  milestones: MilestoneReached[];
  /** Set when the petition is not public: why, and where its preview is. */
  notPublic?: { why: NotPublic; previewHref: string } | undefined;
}

/** A section that counts signatures by one thing (a source code, a language): a label and a number a row. */
function CountsBy(p: {
  t: Translator;
  id: string;
  heading: MessageKey;
  hint: MessageKey;
  labelHeading: MessageKey;
  rows: { label: Child; count: string; locale?: string }[];
}) {
  const { t } = p;
  return (
    <section aria-labelledby={`${p.id}-heading`}>
      <h2 id={`${p.id}-heading`}>{t.t(p.heading)}</h2>
      <p class="hint">{t.t(p.hint)}</p>
      {p.rows.length === 0 ? (
        <p>{t.t('dashboard.noSignatures')}</p>
      ) : (
        <table class={p.id}>
          <thead>
            <tr>
              <th scope="col">{t.t(p.labelHeading)}</th>
              <th scope="col" class="num">
                {t.t('dashboard.signatures')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => (
              <tr data-locale={row.locale}>
                <th scope="row">{row.label}</th>
                <td class="num">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function DashboardPage(p: DashboardProps) {
  const { t } = p;
  const placed = p.byPlace.reduce((sum, place) => sum + place.count, 0);
  const otherPlaces = p.counts.confirmed - placed;
  return (
    <Layout
      t={t}
      title={t.t('dashboard.title', { title: p.title })}
      switchHref={(locale) => languageSwitchHref(locale, `/organize/${p.petitionId}`)}
    >
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="dashboard"
        previewHref={p.notPublic?.previewHref}
      />
      <div class="dashboard">
        <p class="dashboard-kicker">{t.t('dashboard.heading')}</p>
        <h1>{p.title}</h1>
        {p.picture === undefined ? null : (
          <PictureFigure class="petition-picture dashboard-picture" picture={p.picture} sizes="20rem" />
        )}
        {p.notPublic === undefined ? null : (
          <NotPublicNotice
            t={t}
            petitionId={p.petitionId}
            why={p.notPublic.why}
            previewHref={p.notPublic.previewHref}
          />
        )}
        <ul class="stat-cards">
          <li class="stat stat-confirmed">
            <strong data-count="confirmed">{t.number(p.counts.confirmed)}</strong>{' '}
            {t.t('dashboard.confirmed', { count: p.counts.confirmed })}
          </li>
          <li class="stat">
            <strong data-count="pending">{t.number(p.counts.pending)}</strong>{' '}
            {t.t('dashboard.pending', { count: p.counts.pending })}
          </li>
          <li class="stat">
            <strong data-count="total">{t.number(p.counts.total)}</strong>{' '}
            {t.t('dashboard.total', { count: p.counts.total })}
          </li>
        </ul>
        {p.byMethod.paper + p.byMethod.kiosk === 0 ? null : (
          <p class="by-method">
            {t.t('dashboard.byMethod', { online: p.byMethod.online, paper: p.byMethod.paper })}
            {p.byMethod.kiosk === 0 ? null : ` · ${t.t('dashboard.byMethodKiosk', { kiosk: p.byMethod.kiosk })}`}
          </p>
        )}
        <p class="hint">{t.t('dashboard.countsNote')}</p>

        <section aria-labelledby="per-day-heading">
          <h2 id="per-day-heading">{t.t('dashboard.perDay')}</h2>
          <SignaturesChart t={t} perDay={p.perDay} />
        </section>

        {p.messages.length === 0 ? null : <MessageTable t={t} messages={p.messages} />}

        <div class="dashboard-columns">
          <CountsBy
            t={t}
            id="by-source"
            heading="dashboard.bySource"
            hint="dashboard.bySourceHint"
            labelHeading="dashboard.source"
            rows={p.bySource.map((s) => ({
              label: s.source === null ? <em>{t.t('dashboard.direct')}</em> : <code>{s.source}</code>,
              count: t.number(s.count),
            }))}
          />

          <CountsBy
            t={t}
            id="by-language"
            heading="dashboard.byLanguage"
            hint="dashboard.byLanguageHint"
            labelHeading="dashboard.language"
            rows={Object.entries(p.byLocale).map(([locale, count]) => ({
              locale,
              label: t.languageName(locale),
              count: `${t.number(count)} (${t.percent(count / Math.max(1, p.counts.confirmed))})`,
            }))}
          />

          <section aria-labelledby="by-place-heading">
            <h2 id="by-place-heading">{t.t('dashboard.byPlace')}</h2>
            {p.byPlace.length === 0 ? (
              <p>{t.t('dashboard.noSignatures')}</p>
            ) : (
              <table class="by-place">
                <thead>
                  <tr>
                    <th scope="col">{t.t('dashboard.town')}</th>
                    <th scope="col">{t.t('dashboard.zip')}</th>
                    <th scope="col" class="num">
                      {t.t('dashboard.signatures')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.byPlace.map((place) => (
                    <tr>
                      <th scope="row">{place.town ?? t.t('dashboard.unknownTown')}</th>
                      <td>{place.postalCode}</td>
                      <td class="num">{t.number(place.count)}</td>
                    </tr>
                  ))}
                  {otherPlaces > 0 ? (
                    <tr>
                      <th scope="row" colspan={2}>
                        {t.t('dashboard.otherPlaces')}
                      </th>
                      <td class="num">{t.number(otherPlaces)}</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            )}
          </section>
        </div>

        <DistrictTallies t={t} tallies={p.byDistrict} petitionId={p.petitionId} />

        <div class="dashboard-columns">
          <section aria-labelledby="comments-heading">
            <h2 id="comments-heading">{t.t('dashboard.comments')}</h2>
            {p.comments.length === 0 ? (
              <p>{t.t('dashboard.noComments')}</p>
            ) : (
              <ul class="latest-comments">
                {p.comments.map((c) => (
                  <li>
                    <p class="comment-text" dir="auto">
                      {c.comment}
                    </p>
                    <p class="hint">
                      <bdi>{c.name}</bdi>
                      {c.town === null ? '' : `, ${c.town}`} · <time datetime={c.createdAt}>{t.date(c.createdAt)}</time>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">{t.t('dashboard.milestones')}</h2>
            {p.milestones.length === 0 ? (
              <p>{t.t('dashboard.noMilestones')}</p>
            ) : (
              <table class="milestones">
                <thead>
                  <tr>
                    <th scope="col">{t.t('dashboard.milestone')}</th>
                    <th scope="col">{t.t('dashboard.reachedOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.milestones.map((m) => (
                    <tr>
                      <th scope="row">{t.t('dashboard.milestoneCount', { count: m.milestone })}</th>
                      <td>
                        <time datetime={m.reachedAt}>{t.date(m.reachedAt)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </Layout>
  );
}

/** The share messages side by side: shares, signatures, signatures per share, the best marked. */
function MessageTable({ t, messages }: { t: Translator; messages: MessageFigures[] }) {
  // Marked only when one message is ahead: with no signatures yet, or a tie, none is best.
  const rates = messages.map((m) => m.perShare ?? 0);
  const top = Math.max(0, ...rates);
  const best = top > 0 && rates.filter((r) => r === top).length === 1 ? messages[rates.indexOf(top)] : undefined;
  const ratio = (value: number) => t.number(Math.round(value * 100) / 100);
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading">{t.t('dashboard.messages')}</h2>
      <p class="hint">{t.t('dashboard.messages.intro')}</p>
      <div class="table-scroll" tabindex={0} role="region" aria-labelledby="messages-heading">
        <table class="share-message-figures">
          <thead>
            <tr>
              <th scope="col">{t.t('dashboard.messages.message')}</th>
              <th scope="col" class="num">
                {t.t('dashboard.messages.shares')}
              </th>
              <th scope="col" class="num">
                {t.t('dashboard.messages.signatures')}
              </th>
              <th scope="col" class="num">
                {t.t('dashboard.messages.perShare')}
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr class={m === best ? 'best' : undefined}>
                <td>
                  <span lang={m.message.locale}>{m.message.body}</span>{' '}
                  <span class="hint">
                    {t.t(m.message.removedAt === null ? 'dashboard.messages.meta' : 'dashboard.messages.metaRemoved', {
                      language: t.languageName(m.message.locale),
                      code: `m${m.message.id}`,
                    })}
                  </span>
                  {m === best ? <strong class="badge">{t.t('dashboard.messages.best')}</strong> : null}
                </td>
                <td class="num">{t.number(m.shares)}</td>
                <td class="num">{t.number(m.signatures)}</td>
                <td class="num">{m.perShare === undefined ? '–' : ratio(m.perShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
