// The abuse defences' admin pages: the settings and the block lists.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import { blockRoutes } from './block-routes.js';
import { settingsRoutes } from './settings-routes.js';

export function abuseAdminRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', settingsRoutes(deps));
  app.route('/', blockRoutes(deps));
  return app;
}
