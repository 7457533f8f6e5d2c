// /organize/:id/share: the share kit (links with source codes, QR codes, pictures, the embed), and the share
// messages signers are offered in turn: added and removed here, measured on the dashboard.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { embedLocale, embedSnippet, embedUrl, parseSourceCode, shareUrl } from '../../dashboard/share-links.js';
import { notPublicNotice } from '../../moderation/not-public.js';
import { textFor } from '../../petitions/petition.js';
import { isLocale } from '../../platform/i18n/translator.js';
import { cardPath } from '../../sharing/card-content.js';
import {
  addShareMessage,
  MAX_MESSAGE_LENGTH,
  MAX_MESSAGES_PER_LANGUAGE,
  offeredIn,
  removeShareMessage,
  type MessageErrors,
} from '../../sharing/share-messages.js';
import { listShareMessages } from '../../sharing/share-message-store.js';
import type { AppEnv } from '../env.js';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import { NotPublicShareKitPage, ShareKitPage, type ShareMessageForm } from './views/share-kit-page.js';

export function shareKitRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function shareKit(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    form: ShareMessageForm = { values: { locale: c.var.locale, body: '' }, errors: {} },
  ) {
    const { t, locale } = c.var;
    const title = textFor(petition, locale).title;
    const notPublic = await notPublicNotice(deps.db, petition, locale);
    c.header('Cache-Control', 'no-store');
    if (notPublic !== undefined) {
      const page = (
        <NotPublicShareKitPage
          t={t}
          petitionId={petition.id}
          role={petition.role}
          slug={petition.slug}
          title={title}
          why={notPublic.why}
          previewHref={notPublic.previewHref}
        />
      );
      return c.html(`<!doctype html>${await page.toString()}`);
    }
    const raw = c.req.query('source');
    const { source, invalid } = parseSourceCode(raw);
    const embedSrc = embedUrl(deps.config.baseUrl, embedLocale(petition, locale), petition.slug, source);
    const messages = await listShareMessages(deps.db, petition.id);
    const flash = c.req.query('message');
    const page = (
      <ShareKitPage
        t={t}
        petitionId={petition.id}
        role={petition.role}
        slug={petition.slug}
        title={title}
        baseLink={shareUrl(deps.config.baseUrl, petition.slug, undefined)}
        source={source}
        rejectedSource={invalid ? raw?.slice(0, 64) : undefined}
        link={shareUrl(deps.config.baseUrl, petition.slug, source)}
        embedSrc={embedSrc}
        snippet={embedSnippet(embedSrc, t.t('sharekit.embedFrameTitle', { title }))}
        cards={petition.locales.filter(isLocale).map((l) => ({
          locale: l,
          language: t.languageName(l),
          card: cardPath(l, petition.slug, 'card'),
          story: cardPath(l, petition.slug, 'story'),
        }))}
        messages={petition.locales.flatMap((l) =>
          offeredIn(messages, l).map((m) => ({
            id: m.id,
            locale: l,
            body: m.body,
            shareBase: isLocale(l) ? `/${l}/p/${petition.slug}/share` : undefined,
          })),
        )}
        languages={petition.locales.map((l) => ({ locale: l, name: t.languageName(l) }))}
        messageForm={form}
        maxMessages={MAX_MESSAGES_PER_LANGUAGE}
        maxLength={MAX_MESSAGE_LENGTH}
        flash={flash === 'added' || flash === 'removed' ? flash : undefined}
      />
    );
    const status = invalid || Object.keys(form.errors).length > 0 ? 422 : 200;
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  app.get('/:id{[0-9]+}/share', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    return petition === undefined ? notFound(c) : shareKit(c, petition);
  });

  app.post('/:id{[0-9]+}/share/messages', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
    const values = { locale: text('message_locale'), body: text('message_body') };
    const outcome = await addShareMessage(deps, petition, values, currentUser(c).id);
    if (outcome.kind === 'invalid') return shareKit(c, petition, { values, errors: outcome.errors as MessageErrors });
    return c.redirect(`/organize/${petition.id}/share?message=added#messages-heading`, 303);
  });

  app.post('/:id{[0-9]+}/share/messages/:message{[0-9]{1,9}}/remove', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    await removeShareMessage(deps, petition, Number(c.req.param('message')), currentUser(c).id);
    return c.redirect(`/organize/${petition.id}/share?message=removed#messages-heading`, 303);
  });

  return app;
}
