// The home page, in the reader's language: a search over open petitions (without JavaScript: a GET form, results
// paged by links), the petitions signed around a town or ZIP code the visitor types, and without either the
// most-signed, the fastest-growing, the newest petitions and recent victories.
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { writtenIn } from '../../views/written-in.js';
import { MOST_SIGNED_UP_TO } from '../../../petitions/petition-search.js';
import { MIN_SIGNERS_IN_AREA } from '../../../signing/signature-areas.js';

export interface PetitionSummary {
  id: number;
  slug: string;
  title: string;
  /** The language of the title (the petition's closest to the reader's). */
  locale: Locale;
  /** Who it is addressed to, in the reader's language where the petition has it. */
  to: string[];
  count: number;
  /** Confirmed signatures of the last week (the fastest-growing list). */
  recent?: number;
  /** Confirmed signatures from around the place a visitor typed (the "near" list). */
  nearby?: number;
}

export type HomeContent =
  | {
      kind: 'lists';
      mostSigned: PetitionSummary[];
      growing: PetitionSummary[];
      newest: PetitionSummary[];
      victories: PetitionSummary[];
    }
  | {
      kind: 'search';
      query: string;
      total: number;
      /** More match than can be ordered by signatures: the newest are first. */
      broad: boolean;
      page: number;
      pages: number;
      results: PetitionSummary[];
    }
  | {
      kind: 'near';
      /** What the visitor typed. */
      near: string;
      /** The place as Firma names it and the ZIP code areas it stands for; undefined when it is not known. */
      place: { name: string; areas: string[] } | undefined;
      results: PetitionSummary[];
    };

function PetitionList({ t, petitions, label }: { t: Translator; petitions: PetitionSummary[]; label: string }) {
  return (
    <ul class="petition-list" aria-label={label}>
      {petitions.map((p) => (
        <li>
          <a href={`/${t.locale}/p/${p.slug}`} {...writtenIn(t, p.locale)}>
            {p.title}
          </a>
          {p.to.length === 0 ? null : (
            <span class="list-to">
              {t.t('petition.to')}{' '}
              {p.to.map((name, i) => (
                // Each name isolated: an English name on an Arabic page keeps its own order.
                <>
                  {i > 0 ? ' · ' : null}
                  <bdi>{name}</bdi>
                </>
              ))}
            </span>
          )}
          <span class="list-count">
            {p.nearby !== undefined
              ? t.t('home.near.count', { count: p.nearby, total: t.number(p.count) })
              : p.recent === undefined
                ? t.t('home.signatures', { count: p.count })
                : t.t('home.growing.recent', { count: p.recent })}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Section({
  t,
  id,
  title,
  petitions,
}: {
  t: Translator;
  id: string;
  title: string;
  petitions: PetitionSummary[];
}) {
  if (petitions.length === 0) return null;
  return (
    <section class="home-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <PetitionList t={t} petitions={petitions} label={title} />
    </section>
  );
}

/** The address of a page of results. */
function resultsHref(t: Translator, query: string, page: number): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/${t.locale}?${params.toString()}`;
}

function SearchResults({ t, content }: { t: Translator; content: Extract<HomeContent, { kind: 'search' }> }) {
  const { query, total, broad, page, pages, results } = content;
  return (
    <section class="home-section search-results" aria-labelledby="search-results">
      <h2 id="search-results">
        {total === 0
          ? t.t('home.search.noneTitle')
          : broad
            ? t.t('home.search.broad', { count: MOST_SIGNED_UP_TO, query })
            : t.t('home.search.results', { count: total, query })}
      </h2>
      {broad ? <p>{t.t('home.search.broadHint')}</p> : null}
      {total === 0 ? (
        <p>{t.t('home.search.none', { query })}</p>
      ) : (
        <PetitionList t={t} petitions={results} label={t.t('home.search.resultsLabel')} />
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label={t.t('home.search.pages')}>
          {page > 1 ? (
            <a href={resultsHref(t, query, page - 1)} rel="prev">
              {t.t('home.search.previous')}
            </a>
          ) : null}
          <span aria-current="page">{t.t('home.search.page', { page, pages })}</span>
          {page < pages ? (
            <a href={resultsHref(t, query, page + 1)} rel="next">
              {t.t('home.search.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p>
        <a href={`/${t.locale}`}>{t.t('home.search.all')}</a>
      </p>
    </section>
  );
}

function NearResults({ t, content }: { t: Translator; content: Extract<HomeContent, { kind: 'near' }> }) {
  const { place, results } = content;
  if (place === undefined)
    return (
      <section class="home-section near-results" aria-labelledby="near-results">
        <h2 id="near-results">{t.t('home.near.label')}</h2>
        <p>{t.t('home.near.unknown', { near: content.near })}</p>
      </section>
    );
  const areas = t.list(place.areas.map((a) => `${a}…`));
  const title = t.t('home.near.title', { place: place.name });
  return (
    <section class="home-section near-results" aria-labelledby="near-results">
      <h2 id="near-results">{title}</h2>
      <p class="hint">{t.t('home.near.areas', { areas, min: MIN_SIGNERS_IN_AREA })}</p>
      {results.length === 0 ? (
        <p>{t.t('home.near.none', { place: place.name })}</p>
      ) : (
        <PetitionList t={t} petitions={results} label={title} />
      )}
      <p>
        <a href={`/${t.locale}`}>{t.t('home.search.all')}</a>
      </p>
    </section>
  );
}

export function HomePage({ t, content, baseUrl }: { t: Translator; content: HomeContent; baseUrl: string }) {
  const query = content.kind === 'search' ? content.query : '';
  const near = content.kind === 'near' ? content.near : '';
  const nothingOpen =
    content.kind === 'lists' &&
    content.mostSigned.length === 0 &&
    content.victories.length === 0 &&
    content.newest.length === 0;
  return (
    <Layout
      t={t}
      title={
        content.kind === 'search'
          ? t.t('home.search.title', { query })
          : content.kind === 'near'
            ? t.t('home.near.label')
            : t.t('site.name')
      }
      description={t.t('site.tagline')}
      canonical={`${baseUrl}/${t.locale}`}
      switchHref={(locale) =>
        languageSwitchHref(
          locale,
          query !== ''
            ? `/${locale}?q=${encodeURIComponent(query)}`
            : near !== ''
              ? `/${locale}?near=${encodeURIComponent(near)}`
              : `/${locale}`,
        )
      }
    >
      <section class="home">
        <h1>{t.t('home.title')}</h1>
        <p>{t.t('home.intro')}</p>
        <form class="home-search" role="search" method="get" action={`/${t.locale}`}>
          <label for="q">{t.t('home.search.label')}</label>
          <div class="home-search-row">
            <input
              id="q"
              name="q"
              type="search"
              value={query}
              maxlength={200}
              autocomplete="off"
              placeholder={t.t('home.search.placeholder')}
            />
            <button type="submit" class="button">
              {t.t('home.search.button')}
            </button>
          </div>
        </form>
        <form class="home-search home-near" method="get" action={`/${t.locale}`}>
          <label for="near">{t.t('home.near.label')}</label>
          <p class="hint" id="near-hint">
            {t.t('home.near.hint')}
          </p>
          <div class="home-search-row">
            <input
              id="near"
              name="near"
              type="text"
              value={near}
              maxlength={100}
              autocomplete="postal-code"
              aria-describedby="near-hint"
              placeholder={t.t('home.near.placeholder')}
            />
            <button type="submit" class="button">
              {t.t('home.near.button')}
            </button>
          </div>
        </form>
        {content.kind === 'search' ? (
          <SearchResults t={t} content={content} />
        ) : content.kind === 'near' ? (
          <NearResults t={t} content={content} />
        ) : nothingOpen ? (
          <p>{t.t('home.empty')}</p>
        ) : (
          <>
            <Section t={t} id="most-signed" title={t.t('home.mostSigned')} petitions={content.mostSigned} />
            <Section t={t} id="growing" title={t.t('home.growing')} petitions={content.growing} />
            <Section t={t} id="victories" title={t.t('home.victories')} petitions={content.victories} />
            <Section t={t} id="newest" title={t.t('home.newest')} petitions={content.newest} />
          </>
        )}
      </section>
    </Layout>
  );
}
