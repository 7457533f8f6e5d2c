// /organize/:id/picture: the petition's picture, uploaded (multipart), described and cropped, or removed.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { previewHrefFor } from '../../moderation/not-public.js';
import {
  altField,
  focusName,
  MAX_ALT_LENGTH,
  removePicture,
  savePicture,
  type PictureErrors,
} from '../../petitions/petition-picture.js';
import { textFor } from '../../petitions/petition.js';
import { MAX_PICTURE_BYTES } from '../../petitions/picture-processing.js';
import type { AppEnv } from '../env.js';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import { pictureView } from '../views/petition-picture.js';
import { PicturePage } from './views/picture-page.js';

/** The picture and the form's other fields, with room for multipart's boundaries and headers. */
export const MAX_PICTURE_UPLOAD_BYTES = MAX_PICTURE_BYTES + 64 * 1024;

export function organizerPictureRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function page(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    values: { alts: Record<string, string>; focus: string },
    errors: PictureErrors,
    status: 200 | 422,
  ) {
    const { locale, t } = c.var;
    const picture = petition.picture;
    const view = (
      <PicturePage
        t={t}
        petitionId={petition.id}
        role={petition.role}
        slug={petition.slug}
        title={textFor(petition, locale).title}
        locales={petition.locales}
        current={picture === null ? undefined : { ...pictureView(petition, picture, locale), hidden: picture.hidden }}
        values={values}
        errors={errors}
        maxMegabytes={MAX_PICTURE_BYTES / 1024 / 1024}
        altMax={MAX_ALT_LENGTH}
        flash={c.req.query('saved') === '1' ? 'saved' : c.req.query('removed') === '1' ? 'removed' : undefined}
        previewHref={previewHrefFor(petition, locale)}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await view.toString()}`, status);
  }

  app.get('/:id{[0-9]+}/picture', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const picture = petition.picture;
    const values =
      picture === null
        ? { alts: {}, focus: 'center' }
        : { alts: { ...picture.alts } as Record<string, string>, focus: focusName(picture.focusX, picture.focusY) };
    return page(c, petition, values, {}, 200);
  });

  app.post('/:id{[0-9]+}/picture', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const body = await c.req.parseBody();
    const text = (name: string) => {
      const v = body[name];
      return typeof v === 'string' ? v : '';
    };
    const file = body['picture'];
    const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
    const alts = Object.fromEntries(petition.locales.map((locale) => [locale, text(altField(locale))]));
    const form = { file: bytes, alts, focus: text('focus') };
    const outcome = await savePicture(deps, petition, form, currentUser(c).id);
    if (outcome.kind === 'invalid') return page(c, petition, { alts, focus: form.focus }, outcome.errors, 422);
    return c.redirect(`/organize/${petition.id}/picture?saved=1`, 303);
  });

  app.post('/:id{[0-9]+}/picture/remove', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    await removePicture(deps, petition, currentUser(c).id);
    return c.redirect(`/organize/${petition.id}/picture?removed=1`, 303);
  });

  return app;
}
