// The admins' deletion requests (/admin/privacy): find what an address signed, and erase it.
import { Hono, type Context } from 'hono';
import { currentUser } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import type { Errors } from '../views/form-parts.js';
import {
  eraseSchema,
  eraseSignaturesOf,
  findSignedPetitions,
  requestErrors,
  searchSchema,
  type SignedPetition,
} from '../../privacy/deletion-request.js';
import { DeletionRequestPage } from './views/deletion-request-page.js';

function fieldText(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** Mounted at /admin, behind the admin area's guard. */
export function privacyAdminRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  const render = async (
    c: Context<AppEnv>,
    props: { email?: string; note?: string; found?: SignedPetition[]; errors?: Errors; erased?: number },
    status: 200 | 422 = 200,
  ) => {
    const page = (
      <DeletionRequestPage
        t={c.var.t}
        user={currentUser(c)}
        email={props.email ?? ''}
        note={props.note ?? ''}
        found={props.found}
        errors={props.errors ?? {}}
        erased={props.erased}
      />
    );
    c.header('Cache-Control', 'no-store');
    // The page may show an address and what it signed: no other site learns of it through Referer.
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  };

  app.get('/privacy', async (c) => {
    const erased = Number(c.req.query('erased'));
    return render(c, Number.isInteger(erased) && erased >= 0 ? { erased } : {});
  });

  // A POST, not a query string: the address never lands in a URL, a log line or the browser history.
  app.post('/privacy/search', async (c) => {
    const body = await c.req.parseBody();
    const parsed = searchSchema.safeParse({ email: fieldText(body, 'email') });
    if (!parsed.success)
      return render(c, { email: fieldText(body, 'email'), errors: requestErrors(parsed.error) }, 422);
    return render(c, {
      email: parsed.data.email,
      found: await findSignedPetitions(deps, parsed.data.email, c.var.locale),
    });
  });

  app.post('/privacy/erase', async (c) => {
    const body = await c.req.parseBody();
    const typed = { email: fieldText(body, 'email'), note: fieldText(body, 'note') };
    const parsed = eraseSchema.safeParse(typed);
    if (!parsed.success) {
      const errors = requestErrors(parsed.error);
      const found =
        errors['email'] === undefined ? await findSignedPetitions(deps, typed.email, c.var.locale) : undefined;
      return render(c, { ...typed, found, errors }, 422);
    }
    const erased = await eraseSignaturesOf(deps, parsed.data.email, parsed.data.note, currentUser(c).id);
    return c.redirect(`/admin/privacy?erased=${erased}`, 303);
  });

  return app;
}
