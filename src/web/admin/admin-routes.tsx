// Admin pages of moderation: the admin index, the audit log viewer, and the editable list of reasons.
import { Hono, type Context } from 'hono';
import { currentUser, notFound } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import type { Errors } from '../views/form-parts.js';
import { listAudit, listAuditActions } from '../../platform/audit/audit-store.js';
import { labelField, parseReasonForm } from '../../moderation/reason-form.js';
import { listReasons } from '../../moderation/reasons-store.js';
import { addModerationReason, updateModerationReason } from '../../moderation/manage-reasons.js';
import { AdminIndexPage, ReasonsPage } from './views/admin-pages.js';
import { AuditPage } from './views/audit-page.js';

export const AUDIT_PAGE_SIZE = 50;
const ID = /^\d{1,9}$/;

/** A petition named by number, by its address (slug), or by a link to it. */
async function petitionIdFrom(deps: Deps, text: string): Promise<number | null | undefined> {
  const value = text.trim();
  if (value === '') return undefined;
  if (ID.test(value)) return Number(value);
  const slug = /(?:^|\/p\/)([a-z0-9-]{1,200})(?:[/?#.]|$)/.exec(value)?.[1];
  if (slug === undefined) return null;
  const row = await deps.db.selectFrom('petitions').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id ?? null;
}

export function adminRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const html = async (c: Context<AppEnv>, page: { toString(): string | Promise<string> }, status: 200 | 422 = 200) => {
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  };

  app.get('/', (c) => html(c, <AdminIndexPage t={c.var.t} user={currentUser(c)} />));

  app.get('/audit', async (c) => {
    const action = (c.req.query('action') ?? '').slice(0, 100);
    const petition = (c.req.query('petition') ?? '').slice(0, 300);
    const before = c.req.query('before');
    const petitionId = await petitionIdFrom(deps, petition);
    const beforeId = before !== undefined && ID.test(before) ? Number(before) : undefined;
    // A petition that does not exist matches nothing.
    const rows =
      petitionId === null
        ? []
        : await listAudit(deps.db, {
            beforeId,
            action: action === '' ? undefined : action,
            petitionId,
            limit: AUDIT_PAGE_SIZE + 1,
          });
    const page = rows.slice(0, AUDIT_PAGE_SIZE);
    const filters: [string, string][] = [];
    if (action !== '') filters.push(['action', action]);
    if (petition !== '') filters.push(['petition', petition]);
    const filterQuery = new URLSearchParams(filters).toString();
    return html(
      c,
      <AuditPage
        t={c.var.t}
        user={currentUser(c)}
        rows={page}
        actions={await listAuditActions(deps.db)}
        filters={{ action, petition }}
        filterQuery={filterQuery}
        olderThan={rows.length > AUDIT_PAGE_SIZE ? page.at(-1)?.id : undefined}
        isFirstPage={beforeId === undefined}
      />,
    );
  });

  async function reasonsPage(
    c: Context<AppEnv>,
    form?: { which: string; values: Record<string, string>; errors: Errors },
  ) {
    const done = c.req.query('done');
    const notice =
      done === 'saved' ? c.var.t.t('reasons.saved') : done === 'added' ? c.var.t.t('reasons.added') : undefined;
    return html(
      c,
      <ReasonsPage
        t={c.var.t}
        user={currentUser(c)}
        reasons={await listReasons(deps.db)}
        form={form}
        notice={notice}
      />,
      form === undefined ? 200 : 422,
    );
  }

  app.get('/reasons', (c) => reasonsPage(c));

  app.post('/reasons', async (c) => {
    const form = parseReasonForm(await c.req.parseBody(), 'new');
    if (!form.ok) return reasonsPage(c, { which: 'new', values: form.values, errors: form.errors });
    const added = await addModerationReason(deps, currentUser(c), form.code, form.values);
    if (added === 'code_taken') {
      return reasonsPage(c, {
        which: 'new',
        values: {
          code: form.code,
          ...Object.fromEntries(Object.entries(form.values.labels).map(([l, v]) => [labelField(l), v ?? ''])),
          position: String(form.values.position),
        },
        errors: { 'code-new': 'reasons.error.codeTaken' },
      });
    }
    return c.redirect('/admin/reasons?done=added', 303);
  });

  app.post('/reasons/:id', async (c) => {
    const id = c.req.param('id');
    if (!ID.test(id)) return notFound(c);
    const before = (await listReasons(deps.db)).find((r) => r.id === Number(id));
    if (before === undefined) return notFound(c);
    const form = parseReasonForm(await c.req.parseBody(), id);
    if (!form.ok) return reasonsPage(c, { which: id, values: form.values, errors: form.errors });
    await updateModerationReason(deps, currentUser(c), before, form.values);
    return c.redirect('/admin/reasons?done=saved', 303);
  });

  return app;
}
