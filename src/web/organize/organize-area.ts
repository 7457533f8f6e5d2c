// /organize: an organizer's petitions (editor, picture, dashboard and share kit, updates, exports and delivery, webhooks,
// paper signatures, the team), behind
// one guard (signed in), mounted at /organize by app.ts. Paths here are relative to /organize; each handler
// still loads its petition with managedPetition and the power the route needs (src/teams/team-role.ts): 404 for a
// petition the reader has no role on, 403 for a role without that power.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import { bodyLimit, MAX_FORM_BYTES } from '../middleware/body-limit.js';
import { refuseNulBytes } from '../middleware/refuse-nul-bytes.js';
import { requireSignIn } from '../middleware/require-user.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { deliveryRoutes, MAX_DELIVERY_UPLOAD_BYTES } from './delivery-routes.js';
import { EDITOR_MAX_BYTES, organizeRoutes } from './editor-routes.js';
import { UPDATE_MAX_BYTES, updateRoutes } from './update-routes.js';
import { responseRoutes } from './response-routes.js';
import { MAX_PICTURE_UPLOAD_BYTES, organizerPictureRoutes } from './picture-routes.js';
import { shareKitRoutes } from './share-kit-routes.js';
import { webhookRoutes } from './webhook-routes.js';
import { MAX_PAPER_UPLOAD_BYTES, paperRoutes } from './paper-routes.js';
import { teamRoutes } from './team-routes.js';
import { kioskLinkRoutes } from './kiosk-routes.js';

export function organizeArea(deps: Deps) {
  const app = new Hono<AppEnv>();
  // Bodies, before the guard (a body too large is refused whoever sends it); the first limit that applies
  // decides. The editor's forms carry every text in every language, an update its text in each, a delivery
  // a photo: larger, for a signed-in reader only.
  const larger = (maxSize: number) => bodyLimit({ maxSize, signedInOnly: true });
  app.post('/new', larger(EDITOR_MAX_BYTES));
  app.post('/:id{[0-9]+}/edit', larger(EDITOR_MAX_BYTES));
  app.post('/:id{[0-9]+}/victory', larger(EDITOR_MAX_BYTES));
  app.post('/:id{[0-9]+}/updates/new', larger(UPDATE_MAX_BYTES));
  app.post('/:id{[0-9]{1,9}}/delivery', larger(MAX_DELIVERY_UPLOAD_BYTES));
  app.post('/:id{[0-9]{1,9}}/picture', larger(MAX_PICTURE_UPLOAD_BYTES));
  app.post('/:id{[0-9]{1,9}}/paper', larger(MAX_PAPER_UPLOAD_BYTES));
  app.post('/:id{[0-9]{1,9}}/paper/accept', larger(MAX_PAPER_UPLOAD_BYTES));
  app.use('*', bodyLimit({ maxSize: MAX_FORM_BYTES }));
  app.use('*', requireSignIn(), refuseNulBytes({ formFields: false }));
  app.route('/', organizeRoutes(deps)); // /organize, /new, /:id/edit, preview, publish, close, victory…
  app.route('/', dashboardRoutes(deps)); // /:id, QR codes
  app.route('/', shareKitRoutes(deps)); // /:id/share, share messages
  app.route('/', updateRoutes(deps)); // /:id/updates
  app.route('/', deliveryRoutes(deps)); // /:id/exports, export.csv, packet.pdf, /:id/delivery
  app.route('/', responseRoutes(deps)); // /:id/responses: legislators' answers
  app.route('/', organizerPictureRoutes(deps)); // /:id/picture
  app.route('/', webhookRoutes(deps)); // /:id/webhooks: signed webhooks and their delivery log
  app.route('/', paperRoutes(deps)); // /:id/paper: signatures gathered on paper, from a CSV file
  app.route('/', kioskLinkRoutes(deps)); // /:id/kiosk: links that open a kiosk on a tablet
  app.route('/', teamRoutes(deps)); // /:id/team, /invitations/:token: the petition's team and its invitations
  return app;
}
