// A petition's social card (the link preview's picture, 1200×630) and its story format (1080×1920), in each
// language: drawn once per version (a new milestone, title or picture), then served from memory with a
// validator. A link shared a thousand times a minute is answered from the cache, or with a 304.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { isVisible, publicPicture, type Petition } from '../../petitions/petition.js';
import { readPictureFile } from '../../petitions/picture-store.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';
import { createTtlCache } from '../../platform/http/ttl-cache.js';
import { matchesEtag, sendRepresentation } from '../../platform/http/cached-response.js';
import { countSignatures } from '../../signing/signature-counts.js';
import { cardPicture, petitionCard, type PetitionCard } from '../../sharing/card-content.js';
import { renderCard, type CardShape } from '../../sharing/social-card.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

/** How long a petition's card version may be old: its count is read at most once a second per card. */
const VERSION_TTL_MS = 1_000;
/** Drawn cards are kept by version for an hour, and at most this many bytes of them (about 600 cards). */
const DRAWN_BYTES = 32 * 1024 * 1024;
const DRAWN_TTL_MS = 3_600_000;
/** Crawlers may keep a card five minutes, then ask again with its validator. */
const CARD_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60';

export function cardRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();
  const clock = () => deps.now().getTime();
  const versions = createTtlCache<{ card: PetitionCard; petition: Petition } | undefined>(VERSION_TTL_MS, clock, {
    maxEntries: 5_000,
  });
  const drawn = createTtlCache<Uint8Array<ArrayBuffer>>(DRAWN_TTL_MS, clock, {
    maxBytes: DRAWN_BYTES,
    sizeOf: (png) => png.byteLength,
  });

  async function currentCard(slug: string, locale: string) {
    const petition = await deps.petitions.bySlug(slug);
    if (petition === undefined || !isVisible(petition)) return undefined;
    const count = (await countSignatures(deps.db, [petition.id])).get(petition.id) ?? 0;
    return { card: petitionCard(petition, locale, count, deps.config.baseUrl, cardPicture(petition)), petition };
  }

  /** The card drawn, over the largest JPEG of the petition's picture when it has one. */
  async function draw(card: PetitionCard, petition: Petition, shape: CardShape): Promise<Uint8Array<ArrayBuffer>> {
    const largest = publicPicture(petition)
      ?.files.filter((f) => f.format === 'jpeg')
      .at(-1);
    const bytes =
      card.picture === undefined || largest === undefined
        ? undefined
        : await readPictureFile(deps.db, petition.id, card.picture.version, 'jpeg', largest.width);
    const picture = bytes === undefined || card.picture === undefined ? undefined : { bytes, ...card.picture };
    return renderCard({ ...card.content, picture }, shape);
  }

  async function serveCard(c: Context<AppEnv>, shape: CardShape) {
    const slug = c.req.param('slug') ?? '';
    const { locale } = c.var;
    const current = await versions.get(`${slug}|${locale}`, () => currentCard(slug, locale));
    if (current === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const { card, petition } = current;
    const etag = `"${shape}-${card.version}"`;
    // The version names what the card shows: a reader who has it gets a 304 without it being drawn.
    const png = matchesEtag(c.req.header('if-none-match'), etag)
      ? new Uint8Array(0)
      : await drawn.get(`${shape}|${card.version}`, () => draw(card, petition, shape));
    // A card is meant to be shown on other sites (a blog, a partner's page), not only fetched by crawlers.
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return sendRepresentation(c, {
      etag,
      encoding: undefined,
      contentType: 'image/png',
      headers: {
        'Cache-Control': CARD_CACHE_CONTROL,
        'Content-Language': locale,
      },
      body: () => png,
    });
  }

  app.get(`/:locale{${LANG}}/p/:slug/card.png`, (c) => serveCard(c, 'card'));
  app.get(`/:locale{${LANG}}/p/:slug/story.png`, (c) => serveCard(c, 'story'));
  return app;
}
