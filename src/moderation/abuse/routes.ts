// The abuse defences' pages: the admin settings and block lists, and the proof-of-work challenge.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../../web/env.js';
import { blockRoutes } from './block-routes.js';
import { settingsRoutes } from './settings-routes.js';

export { powChallengeRoutes } from './pow-routes.js';

export function abuseAdminRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', settingsRoutes(deps));
  app.route('/', blockRoutes(deps));
  return app;
}
