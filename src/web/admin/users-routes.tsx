// /admin/users: admins see every account and change roles — never their own, so an admin always remains.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../deps.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import type { AppEnv } from '../env.js';
import { currentUser, notFound } from '../middleware/require-user.js';
import { isRole } from '../../accounts/user.js';
import { findUserById, listUsers } from '../../accounts/user-store.js';
import { changeUserRole } from '../../accounts/change-role.js';
import { UsersAdminPage } from './views/users-admin-page.js';

const LIST_LIMIT = 200;
const NOTICES: Record<string, MessageKey> = { changed: 'users.changed' };

export function usersAdminRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function renderList(c: Context<AppEnv>, status: ContentfulStatusCode, error?: MessageKey) {
    const query = (c.req.query('q') ?? '').trim().slice(0, 200);
    const users = await listUsers(deps.db, { query, limit: LIST_LIMIT });
    const notice = NOTICES[c.req.query('done') ?? ''];
    const page = (
      <UsersAdminPage
        t={c.var.t}
        user={currentUser(c)}
        users={users}
        query={query}
        limit={LIST_LIMIT}
        notice={notice}
        error={error}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  app.get('/users', (c) => renderList(c, 200));

  app.post('/users/:id/role', async (c) => {
    const admin = currentUser(c);
    const id = c.req.param('id');
    if (!/^\d{1,9}$/.test(id)) return notFound(c);
    const target = await findUserById(deps.db, Number(id));
    if (target === undefined) return notFound(c);
    let role: unknown;
    try {
      role = (await c.req.parseBody())['role'];
    } catch {
      role = undefined;
    }
    if (typeof role !== 'string' || !isRole(role)) return renderList(c, 422, 'users.badRole');
    const change = await changeUserRole(deps, admin, target, role);
    if (change === 'not_yourself') return renderList(c, 422, 'users.notYourself');
    if (change === 'changed') c.var.log.info({ userId: target.id, from: target.role, to: role }, 'role changed');
    return c.redirect('/admin/users?done=changed', 303);
  });

  return app;
}
