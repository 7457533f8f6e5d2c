// /admin/settings (admins): the instance settings, and proof of work for one petition.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { currentUser } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import { defaultSettings } from '../../settings/instance-settings.js';
import { readSettings } from '../../settings/settings-store.js';
import type { AppEnv } from '../env.js';
import type { Errors } from '../views/form-parts.js';
import { findPetitionIdBySlug, listPowPetitions } from '../../abuse/pow-store.js';
import { switchProofOfWork } from '../../abuse/switch-proof-of-work.js';
import { changeSettings } from '../../settings/change-settings.js';
import { FREE_MAIL_PROVIDERS } from '../../abuse/screen-signer.js';
import { formValuesOf, parseSettingsForm, readFormValues, type SettingsFormValues } from '../../abuse/settings-form.js';
import { SettingsPage } from './views/settings-page.js';

async function formBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}

export function settingsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  interface PageState {
    values?: SettingsFormValues;
    errors?: Errors;
    pow?: { slug: string; mode: string; errors: Errors };
  }

  async function render(c: Context<AppEnv>, status: ContentfulStatusCode, state: PageState = {}) {
    const { t } = c.var;
    // Read fresh, not through the two-second cache: the admin sees what is stored.
    const stored = await readSettings(deps.db, defaultSettings(deps.config));
    const done = c.req.query('done');
    const powSlug = c.req.query('slug') ?? '';
    const notice =
      done === 'saved'
        ? t.t('settings.saved')
        : done === 'pow-on' || done === 'pow-off'
          ? t.t('settings.pow.saved', { slug: powSlug, state: t.t(done === 'pow-on' ? 'settings.yes' : 'settings.no') })
          : undefined;
    const page = (
      <SettingsPage
        t={t}
        user={currentUser(c)}
        values={state.values ?? formValuesOf(stored)}
        errors={state.errors ?? {}}
        freeProviders={FREE_MAIL_PROVIDERS}
        powPetitions={await listPowPetitions(deps.db, deps.now().toISOString())}
        powSiteWide={stored.powSiteWide}
        pow={state.pow ?? { slug: '', mode: 'on', errors: {} }}
        notice={notice}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  app.get('/settings', (c) => render(c, 200));

  app.post('/settings', async (c) => {
    const values = readFormValues(await formBody(c));
    const parsed = parseSettingsForm(values);
    if (!parsed.ok) return render(c, 422, { values, errors: parsed.errors });
    const changes = await changeSettings(deps, currentUser(c), parsed.settings);
    if (Object.keys(changes).length > 0) c.var.log.info({ changed: Object.keys(changes) }, 'instance settings changed');
    return c.redirect('/admin/settings?done=saved', 303);
  });

  app.post('/settings/pow', async (c) => {
    const body = await formBody(c);
    const slug =
      typeof body['slug'] === 'string'
        ? body['slug']
            .trim()
            .replace(/^\/?p\//, '')
            .slice(0, 200)
        : '';
    const mode = body['mode'] === 'off' ? 'off' : 'on';
    const petitionId = slug === '' ? undefined : await findPetitionIdBySlug(deps.db, slug);
    if (petitionId === undefined)
      return render(c, 422, { pow: { slug, mode, errors: { slug: 'settings.pow.unknownPetition' } } });
    await switchProofOfWork(deps, currentUser(c), petitionId, mode);
    return c.redirect(`/admin/settings?done=pow-${mode}&slug=${encodeURIComponent(slug)}`, 303);
  });

  return app;
}
