// GET /p/:slug/challenge: a fresh proof-of-work challenge for pow.js, or {required: false}. The petition
// page stays the same for every visitor; only this answer (never cached) is per signer.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { isSignable, isVisible } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { newChallenge } from '../../abuse/proof-of-work.js';
import { powRequired } from '../../abuse/screen-signer.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function powChallengeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();

  async function challenge(c: Context<AppEnv>) {
    const petition = await deps.petitions.bySlug(c.req.param('slug') ?? '');
    const now = deps.now();
    if (petition === undefined || !isVisible(petition) || !isSignable(petition, now))
      return c.json({ error: 'not_found' }, 404, NO_STORE);
    const settings = await deps.settings.current();
    if (!powRequired(settings, await deps.abuse.powState(petition.id), now))
      return c.json({ required: false }, 200, NO_STORE);
    const made = await newChallenge(deps.abuse.powKey, petition.id, settings.powDifficulty, now);
    return c.json({ required: true, ...made, field: 'altcha', message: c.var.t.t('abuse.pow.working') }, 200, NO_STORE);
  }

  app.get('/p/:slug/challenge', challenge);
  app.get(`/:locale{${LANG}}/p/:slug/challenge`, challenge);
  return app;
}
