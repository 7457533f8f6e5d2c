// /admin: every admin page behind one guard (signed in, with the admin role), mounted at /admin by app.ts.
// A new admin page is a sub-app here; its paths are relative to /admin.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import { refuseNulBytes } from '../middleware/refuse-nul-bytes.js';
import { requireRole, requireSignIn } from '../middleware/require-user.js';
import { adminRoutes } from './admin-routes.js';
import { blockRoutes } from './block-routes.js';
import { invalidationRoutes } from './invalidation-routes.js';
import { languagesRoutes } from './languages-routes.js';
import { privacyAdminRoutes } from './privacy-admin-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { DIRECTORY_IMPORTS, MAX_DIRECTORY_UPLOAD_BYTES, targetsRoutes } from './targets-routes.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { trendingRoutes } from './trending-routes.js';
import { usersAdminRoutes } from './users-routes.js';

export function adminArea(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireSignIn(), requireRole('admin'));
  // The directory's imports carry files (app.ts leaves them alone); only an admin gets this far to send one.
  app.use(`${DIRECTORY_IMPORTS}/*`, bodyLimit({ maxSize: MAX_DIRECTORY_UPLOAD_BYTES }));
  app.use('*', refuseNulBytes({ formFields: true }));
  app.route('/', adminRoutes(deps)); // /admin, /admin/audit, /admin/reasons
  app.route('/', usersAdminRoutes(deps)); // /admin/users
  app.route('/', settingsRoutes(deps)); // /admin/settings
  app.route('/', blockRoutes(deps)); // /admin/blocks
  app.route('/', privacyAdminRoutes(deps)); // /admin/privacy
  app.route('/', trendingRoutes(deps)); // /admin/trending
  app.route('/', invalidationRoutes(deps)); // /admin/invalidations
  app.route('/', languagesRoutes()); // /admin/languages
  app.route('/', targetsRoutes(deps)); // /admin/targets
  return app;
}
