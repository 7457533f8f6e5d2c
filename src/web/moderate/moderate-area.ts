// /moderate: the review queue, a petition's panel and the reports, behind one guard (signed in, with the
// moderator role or above), mounted at /moderate by app.ts. Paths here are relative to /moderate.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import { refuseNulBytes } from '../middleware/refuse-nul-bytes.js';
import { requireRole, requireSignIn } from '../middleware/require-user.js';
import { moderationRoutes } from './queue-routes.js';

export function moderateArea(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireSignIn(), requireRole('moderator'), refuseNulBytes({ formFields: true }));
  app.route('/', moderationRoutes(deps));
  return app;
}
