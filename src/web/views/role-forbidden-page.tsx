// 403 for a team member on a page their role does not include: which role they have, what it allows, and the page
// of this petition they can use.
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { languageSwitchHref, Layout } from './layout.js';
import { homePathFor, type PetitionRole } from '../../teams/team-role.js';
import { roleAllowsKey, roleLabelKey } from '../../teams/role-labels.js';

export async function renderRoleForbiddenPage(c: Context<AppEnv>, petitionId: number, role: PetitionRole) {
  const { t } = c.var;
  const page = (
    <Layout t={t} title={t.t('team.forbidden.title')} switchHref={(locale) => languageSwitchHref(locale, c.req.path)}>
      <section class="status-page">
        <h1>{t.t('team.forbidden.title')}</h1>
        <p>{t.t('team.forbidden.body', { role: t.t(roleLabelKey(role)) })}</p>
        <p>{t.t(roleAllowsKey(role))}</p>
        <p>
          <a href={`/organize/${petitionId}${homePathFor(role)}`}>{t.t('team.forbidden.back')}</a>
        </p>
      </section>
    </Layout>
  );
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${await page.toString()}`, 403);
}
