// /organize: an organizer's petitions (editor, dashboard and share kit, updates, exports and delivery), behind
// one guard (signed in), mounted at /organize by app.ts. Paths here are relative to /organize; each handler
// still loads its petition with managedPetition, which answers 404 for one the reader may not manage.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import { requireSignIn } from '../middleware/require-user.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { deliveryRoutes } from './delivery-routes.js';
import { organizeRoutes } from './editor-routes.js';
import { updateRoutes } from './update-routes.js';

export function organizeArea(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireSignIn());
  app.route('/', organizeRoutes(deps)); // /organize, /new, /:id/edit, preview, publish, close, victory…
  app.route('/', dashboardRoutes(deps)); // /:id, /:id/share, QR codes
  app.route('/', updateRoutes(deps)); // /:id/updates
  app.route('/', deliveryRoutes(deps)); // /:id/exports, export.csv, packet.pdf, /:id/delivery
  return app;
}
