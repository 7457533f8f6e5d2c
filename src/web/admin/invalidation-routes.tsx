// /admin/invalidations (admins): select a petition's signatures, preview, invalidate in the background,
// follow the progress, cancel, reverse. Every step is in the audit log.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { currentUser, notFound } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { findPetitionBySlug } from '../../petitions/petition-store.js';
import type { AppEnv } from '../env.js';
import type { Errors } from '../views/form-parts.js';
import { cancelInvalidation, requestReversal } from '../../moderation/invalidation/invalidation-batch-store.js';
import {
  FORM_FIELDS,
  LINK_FIELDS,
  parseInvalidationForm,
  type FormField,
  type InvalidationFormValues,
} from '../../moderation/invalidation/invalidation-criteria.js';
import {
  createInvalidation,
  findInvalidation,
  invalidatedSoFar,
  listInvalidations,
  previewMatches,
  type Preview,
} from '../../moderation/invalidation/invalidation-store.js';
import { InvalidationFormPage } from './views/invalidation/invalidation-form-page.js';
import { InvalidationProgressPage } from './views/invalidation/invalidation-progress-page.js';

const SAMPLE_SIZE = 20;
const LISTED_SO_FAR = 50;
const RECENT = 20;
const REFRESH_SECONDS = 3;
const NOTICES: Record<string, MessageKey> = {
  cancelled: 'invalidation.notice.cancelled',
  reversing: 'invalidation.notice.reversing',
  created: 'invalidation.notice.created',
};

/** The form's fields as typed (strings only, cut short: a forged form gets a message, not a 500). */
function valuesFrom(
  source: (name: string) => unknown,
  fields: readonly FormField[] = FORM_FIELDS,
): InvalidationFormValues {
  const values: InvalidationFormValues = {};
  for (const field of fields) {
    const value = source(field);
    if (typeof value === 'string') values[field] = value.slice(0, 1000);
  }
  return values;
}

async function formBody(c: Context<AppEnv>): Promise<InvalidationFormValues> {
  try {
    const body = await c.req.parseBody();
    return valuesFrom((name) => body[name]);
  } catch {
    return {};
  }
}

export function invalidationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function formPage(
    c: Context<AppEnv>,
    values: InvalidationFormValues,
    errors: Errors,
    preview: Preview | undefined,
    status: ContentfulStatusCode,
  ) {
    const recent = await listInvalidations(deps.db, RECENT);
    // A form not yet sent offers the refreshing progress page (the box is ticked); a sent one keeps the admin's choice.
    const follow = c.req.method === 'GET' || values.follow === 'auto';
    const page = (
      <InvalidationFormPage
        t={c.var.t}
        user={currentUser(c)}
        values={values}
        errors={errors}
        preview={preview}
        recent={recent}
        follow={follow}
        refreshSeconds={REFRESH_SECONDS}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  /** The form checked and its petition found, or the page with the messages (422). */
  async function checked(c: Context<AppEnv>, values: InvalidationFormValues) {
    const parsed = parseInvalidationForm(values, deps.hashAddress);
    if (!parsed.ok) return { ok: false as const, response: await formPage(c, values, parsed.errors, undefined, 422) };
    const petition = await findPetitionBySlug(deps.db, parsed.slug);
    if (petition === undefined)
      return {
        ok: false as const,
        response: await formPage(c, values, { slug: 'invalidation.error.noPetition' }, undefined, 422),
      };
    return { ok: true as const, petition, criteria: parsed.criteria, reason: parsed.reason };
  }

  // The trending report's links fill the form in: petition, network or domain, time window.
  app.get('/invalidations', (c) =>
    formPage(
      c,
      valuesFrom((name) => c.req.query(name), LINK_FIELDS),
      {},
      undefined,
      200,
    ),
  );

  app.post('/invalidations/preview', async (c) => {
    const values = await formBody(c);
    const form = await checked(c, values);
    if (!form.ok) return form.response;
    const preview = await previewMatches(deps.db, form.petition.id, form.criteria, SAMPLE_SIZE);
    return formPage(c, values, {}, preview, 200);
  });

  app.post('/invalidations', async (c) => {
    const values = await formBody(c);
    const form = await checked(c, values);
    if (!form.ok) return form.response;
    const id = await createInvalidation(deps.db, {
      petitionId: form.petition.id,
      criteria: form.criteria,
      reason: form.reason,
      actorId: currentUser(c).id,
      now: deps.now(),
    });
    c.var.log.info({ invalidation: id, petitionId: form.petition.id }, 'bulk invalidation queued');
    // The admin chose, before the first refresh, whether the progress page refreshes itself (WCAG 2.2.1).
    return c.redirect(`/admin/invalidations/${id}?done=created${values.follow === 'auto' ? '&refresh=auto' : ''}`, 303);
  });

  async function progressPage(c: Context<AppEnv>, idParam: string, error?: MessageKey) {
    const invalidation = /^\d{1,9}$/.test(idParam) ? await findInvalidation(deps.db, Number(idParam)) : undefined;
    if (invalidation === undefined) return notFound(c);
    const soFar = await invalidatedSoFar(deps.db, invalidation.id, LISTED_SO_FAR);
    const done = c.req.query('done') ?? '';
    // A bookmarked or reloaded ?done=created: "queued" is no news once the job has finished.
    const stale = done === 'created' && invalidation.state !== 'queued' && invalidation.state !== 'running';
    const notice = error === undefined && !stale ? NOTICES[done] : undefined;
    const autoRefresh = c.req.query('refresh') === 'auto';
    const page = (
      <InvalidationProgressPage
        t={c.var.t}
        user={currentUser(c)}
        invalidation={invalidation}
        soFar={soFar}
        notice={notice}
        error={error}
        autoRefresh={autoRefresh}
        refreshSeconds={REFRESH_SECONDS}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, error === undefined ? 200 : 409);
  }

  app.get('/invalidations/:id', (c) => progressPage(c, c.req.param('id')));

  app.post('/invalidations/:id/cancel', async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,9}$/.test(id)) return notFound(c);
    const answer = await cancelInvalidation(deps.db, deps.engine, Number(id), currentUser(c).id, deps.now());
    if (answer === 'not_allowed') return progressPage(c, id, 'invalidation.error.notRunning');
    return c.redirect(`/admin/invalidations/${id}?done=cancelled`, 303);
  });

  app.post('/invalidations/:id/reverse', async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,9}$/.test(id)) return notFound(c);
    const answer = await requestReversal(deps.db, deps.engine, Number(id), currentUser(c).id, deps.now());
    if (answer === 'not_allowed') return progressPage(c, id, 'invalidation.error.notReversible');
    return c.redirect(`/admin/invalidations/${id}?done=reversing`, 303);
  });

  return app;
}
