// /admin/blocks (admins): block an email domain, an address or a network, and remove a block; each in the audit log.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { currentUser, notFound } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import type { Errors } from '../views/form-parts.js';
import { parseBlockForm, type BlockFormValues } from '../../abuse/block-form.js';
import { findBlock, listBlocks } from '../../abuse/block-store.js';
import { addBlock, removeBlock } from '../../abuse/manage-blocks.js';
import { BlocksPage } from './views/blocks-page.js';

export function blockRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function render(
    c: Context<AppEnv>,
    status: ContentfulStatusCode,
    values: BlockFormValues = {},
    errors: Errors = {},
  ) {
    const { t } = c.var;
    const done = c.req.query('done');
    const notice = done === 'added' ? t.t('blocks.added') : done === 'removed' ? t.t('blocks.removed') : undefined;
    const page = (
      <BlocksPage
        t={t}
        user={currentUser(c)}
        blocks={await listBlocks(deps.db)}
        values={values}
        errors={errors}
        notice={notice}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  app.get('/blocks', (c) => render(c, 200));

  app.post('/blocks', async (c) => {
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch {
      body = {};
    }
    const text = (name: string) => (typeof body[name] === 'string' ? body[name].slice(0, 600) : undefined);
    const values: BlockFormValues = { kind: text('kind'), value: text('value'), note: text('note') };
    const parsed = parseBlockForm(values);
    if (!parsed.ok) return render(c, 422, values, parsed.errors);
    const added = await addBlock(deps, currentUser(c), parsed);
    if (added === 'duplicate') return render(c, 422, values, { value: 'blocks.error.duplicate' });
    return c.redirect('/admin/blocks?done=added', 303);
  });

  app.post('/blocks/:id/remove', async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,9}$/.test(id)) return notFound(c);
    const entry = await findBlock(deps.db, Number(id));
    if (entry === undefined) return notFound(c);
    await removeBlock(deps, currentUser(c), entry);
    return c.redirect('/admin/blocks?done=removed', 303);
  });

  return app;
}
