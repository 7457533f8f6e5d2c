// The organizer's updates to signers: the list, the form, and posting one (emailed later by the fan-out job).
import { Hono, type Context } from 'hono';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import { previewHrefFor } from '../../moderation/not-public.js';
import { isPublished, textFor } from '../../petitions/petition.js';
import { renderStatusPage } from '../views/status-page.js';
import type { AppEnv } from '../env.js';
import { parseUpdateForm, type UpdateErrors, type UpdateValues } from '../../updates/update-form.js';
import { insertUpdate, listUpdates } from '../../updates/update-store.js';
import type { UpdateText } from '../../updates/update-text.js';
import { UpdateFormPage } from './views/update-form-page.js';
import { UpdatesPage } from './views/updates-page.js';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A title and up to 4,000 characters in each language, percent-encoded (accents take 6 bytes). */
export const UPDATE_MAX_BYTES = 96 * 1024;

export function updateRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function renderForm(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    status: 200 | 422,
    values: UpdateValues,
    errors: UpdateErrors,
  ) {
    const page = (
      <UpdateFormPage
        t={c.var.t}
        petitionId={petition.id}
        role={petition.role}
        slug={petition.slug}
        previewHref={previewHrefFor(petition, c.var.locale)}
        title={textFor(petition, c.var.locale).title}
        locales={petition.locales}
        values={values}
        errors={errors}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  app.get('/:id{[0-9]+}/updates', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const updates = await listUpdates(deps.db, petition.id);
    const page = (
      <UpdatesPage
        t={c.var.t}
        petitionId={petition.id}
        role={petition.role}
        slug={petition.slug}
        previewHref={previewHrefFor(petition, c.var.locale)}
        title={textFor(petition, c.var.locale).title}
        defaultLocale={petition.defaultLocale}
        updates={updates}
        posted={c.req.query('posted') === '1'}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  app.get('/:id{[0-9]+}/updates/new', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    if (!isPublished(petition)) return renderStatusPage(c, 200, 'organize.draftOnly.title', 'organize.draftOnly.body');
    return renderForm(c, petition, 200, {}, {});
  });

  app.post('/:id{[0-9]+}/updates/new', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    // A draft has no signers to tell, and an update written to it would appear on the page once published.
    if (!isPublished(petition)) return renderStatusPage(c, 409, 'organize.draftOnly.title', 'organize.draftOnly.body');
    const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    const body = FORM_TYPES.includes(contentType) ? await c.req.parseBody() : {};
    const parsed = parseUpdateForm(body, petition.locales);
    if (!parsed.ok) return renderForm(c, petition, 422, parsed.values, parsed.errors);
    const texts = Object.fromEntries(
      Object.entries(parsed.texts).filter((e): e is [string, UpdateText] => e[1] !== undefined),
    );
    await insertUpdate(
      deps.db,
      {
        petitionId: petition.id,
        authorId: currentUser(c).id,
        createdAt: deps.now().toISOString(),
        emailSigners: parsed.emailSigners,
        texts,
      },
      deps.events,
    );
    c.var.log.info({ petitionId: petition.id, emailSigners: parsed.emailSigners }, 'update posted');
    return c.redirect(`/organize/${petition.id}/updates?posted=1`, 303);
  });

  return app;
}
