// /account/api-keys: making and revoking API keys from the account page. A key just made is shown in the page this
// request answers (never in an address, never again).
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { seesAllPetitions } from '../../accounts/policy.js';
import type { User } from '../../accounts/user.js';
import { MAX_KEY_NAME } from '../../api-keys/api-key.js';
import { listApiKeysOf } from '../../api-keys/api-key-store.js';
import { createApiKey, revokeApiKey } from '../../api-keys/manage-api-keys.js';
import { apiKeyDeps } from '../api/v1/api-auth.js';
import { listManagedPetitions } from '../../petitions/petition-editor-store.js';
import type { AppEnv } from '../env.js';
import { currentUser, requireSignIn } from '../middleware/require-user.js';
import { renderStatusPage } from '../views/status-page.js';
import type { ApiKeysSectionProps } from './views/api-keys-section.js';

/** The account page's API key section as stored now, with what the request adds (a key made, a mistake). */
export async function apiKeysOf(
  deps: Deps,
  user: User,
  extra: Partial<Pick<ApiKeysSectionProps, 'made' | 'revoked' | 'form' | 'errors'>> = {},
): Promise<Omit<ApiKeysSectionProps, 't'>> {
  const petitions = await listManagedPetitions(deps.db, seesAllPetitions(user) ? null : user.id);
  return {
    keys: await listApiKeysOf(deps.db, user.id),
    petitions: petitions.map((p) => ({ id: p.id, title: p.title })),
    made: extra.made,
    revoked: extra.revoked ?? false,
    form: extra.form ?? { name: '', petition: 'all', write: false },
    errors: extra.errors ?? {},
    maxName: MAX_KEY_NAME,
  };
}

export function apiKeyRoutes(
  deps: Deps,
  renderAccount: (c: Context<AppEnv>, keys: Omit<ApiKeysSectionProps, 't'>, status?: 200 | 422) => Promise<Response>,
) {
  const app = new Hono<AppEnv>();
  const keyDeps = apiKeyDeps(deps);

  app.post('/account/api-keys', requireSignIn(), async (c) => {
    const user = currentUser(c);
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch {
      return renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');
    }
    const name = typeof body['name'] === 'string' ? body['name'] : '';
    const petition = typeof body['petition'] === 'string' ? body['petition'] : 'all';
    const write = body['write'] === 'yes';
    const form = { name, petition, write };
    const petitionId = petition === 'all' ? null : /^[0-9]{1,9}$/.test(petition) ? Number(petition) : -1;
    const result =
      petitionId === -1
        ? ({ kind: 'no_petition' } as const)
        : await createApiKey(keyDeps, { user, name, petitionId, canWrite: write });
    if (result.kind === 'bad_name')
      return renderAccount(
        c,
        await apiKeysOf(deps, user, { form, errors: { name: 'account.apiKeys.error.name' } }),
        422,
      );
    if (result.kind === 'no_petition')
      return renderAccount(
        c,
        await apiKeysOf(deps, user, { form, errors: { petition: 'account.apiKeys.error.petition' } }),
        422,
      );
    return renderAccount(c, await apiKeysOf(deps, user, { made: { name: result.key.name, text: result.text } }));
  });

  app.post('/account/api-keys/:id{[0-9]{1,9}}/revoke', requireSignIn(), async (c) => {
    // A key already revoked, or someone else's: the same answer (nothing to say about other accounts' keys).
    await revokeApiKey(keyDeps, currentUser(c), Number(c.req.param('id')));
    return c.redirect('/account?revoked=1#api-keys', 303);
  });

  return app;
}
