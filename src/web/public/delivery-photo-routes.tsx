// A delivery's photo, for the petition page: served from Firma's own origin (the CSP allows only 'self'
// images), only while the petition page is public.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import { findDeliveryPhoto } from '../../delivery/delivery-store.js';
import { isVisible } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { notFound } from '../middleware/require-user.js';

export function deliveryPhotoRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/delivery-photos/:id{[0-9]{1,9}}', async (c) => {
    const photo = await findDeliveryPhoto(deps.db, Number(c.req.param('id')));
    if (photo === undefined) return notFound(c);
    const petition = await deps.petitions.byId(photo.petitionId);
    if (petition === undefined || !isVisible(petition)) return notFound(c);
    return c.body(Buffer.from(photo.bytes), 200, {
      'Content-Type': photo.type,
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return app;
}
