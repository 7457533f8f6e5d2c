// /admin/targets (admins): the directory of decision-makers. Imports of people (Open States CSV), district
// boundaries (GeoJSON, TopoJSON, zipped shapefile) and the ZIP crosswalk, each all or nothing, and the body's
// names per language.
import { reindexPetitionsOfBody } from '../../petitions/petition-search.js';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../deps.js';
import { LOCALES } from '../../platform/i18n/translator.js';
import { currentBoundarySets, zipCount } from '../../targets/boundary-store.js';
import { isChamber } from '../../targets/directory.js';
import { findBody, listBodies, seatsOn, type Body } from '../../targets/directory-store.js';
import { importBoundariesFile, importPeopleFile, importZipsFile } from '../../targets/import-files.js';
import { renameBody } from '../../targets/rename-body.js';
import { currentUser, notFound } from '../middleware/require-user.js';
import type { AppEnv } from '../env.js';
import type { Errors } from '../views/form-parts.js';
import { BodyPage, type DistrictsFormValues } from './views/targets/body-page.js';
import type { ImportOutcome } from './views/targets/import-outcome.js';
import { TargetsPage, type BodyOverview, type PeopleFormValues } from './views/targets/targets-page.js';

/** The largest file an admin may upload: a state's House districts as GeoJSON are tens of megabytes. */
export const MAX_DIRECTORY_UPLOAD_BYTES = 100 * 1024 * 1024;

/** The imports' paths, under /admin: app.ts leaves their bodies to admin-area.ts's larger limit. */
export const DIRECTORY_IMPORTS = '/targets/imports';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

type Form = Record<string, string | File | (string | File)[]>;

async function readForm(c: Context<AppEnv>): Promise<Form> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}

const text = (form: Form, name: string, max = 200) => {
  const value = form[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : undefined;
};

async function fileOf(form: Form): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const file = form['file'];
  if (!(file instanceof File) || file.size === 0) return undefined;
  // The name is kept with a boundary set: no control characters (PostgreSQL refuses a NUL).
  const name = file.name.replace(/\p{Cc}/gu, '').slice(0, 200);
  return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function targetsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function overview(): Promise<BodyOverview[]> {
    const day = deps.now().toISOString().slice(0, 10);
    return Promise.all(
      (await listBodies(deps.db)).map(async (body) => {
        const sets = await currentBoundarySets(deps.db, body.id);
        const districts = (chamber: string) => sets.find((s) => s.chamber === chamber)?.districts ?? 0;
        return {
          body,
          people: (await seatsOn(deps.db, body.id, day)).length,
          districts: { upper: districts('upper'), lower: districts('lower') },
          zips: await zipCount(deps.db, body.id),
        };
      }),
    );
  }

  async function renderList(
    c: Context<AppEnv>,
    status: ContentfulStatusCode,
    values: PeopleFormValues = {},
    errors: Errors = {},
    outcome?: ImportOutcome,
  ) {
    const page = (
      <TargetsPage
        t={c.var.t}
        user={currentUser(c)}
        bodies={await overview()}
        values={values}
        errors={errors}
        outcome={outcome}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  async function renderBody(
    c: Context<AppEnv>,
    body: Body,
    status: ContentfulStatusCode,
    more: { values?: DistrictsFormValues; errors?: Errors; outcome?: ImportOutcome; notice?: string } = {},
  ) {
    const page = (
      <BodyPage
        t={c.var.t}
        user={currentUser(c)}
        body={body}
        seats={await seatsOn(deps.db, body.id, deps.now().toISOString().slice(0, 10))}
        boundaries={await currentBoundarySets(deps.db, body.id)}
        zips={await zipCount(deps.db, body.id)}
        values={more.values ?? {}}
        errors={more.errors ?? {}}
        outcome={more.outcome}
        notice={more.notice}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  async function bodyOf(c: Context<AppEnv>): Promise<Body | undefined> {
    const slug = c.req.param('slug') ?? '';
    return SLUG.test(slug) ? findBody(deps.db, slug) : undefined;
  }

  app.get('/targets', (c) => renderList(c, 200));

  app.post(`${DIRECTORY_IMPORTS}/people`, async (c) => {
    const form = await readForm(c);
    const values: PeopleFormValues = { body: text(form, 'body', 63), state: text(form, 'state', 2)?.toLowerCase() };
    const file = await fileOf(form);
    const errors: Errors = {};
    if (values.body === undefined || !SLUG.test(values.body)) errors['body'] = 'targets.error.body';
    const existing = values.body === undefined || errors['body'] ? undefined : await findBody(deps.db, values.body);
    const state = existing?.state ?? values.state ?? '';
    if (existing === undefined && !/^[a-z]{2}$/.test(state)) errors['state'] = 'targets.error.state';
    if (file === undefined) errors['people-file'] = 'targets.error.file';
    if (Object.keys(errors).length > 0 || values.body === undefined || file === undefined)
      return renderList(c, 422, values, errors);
    const result = await importPeopleFile(deps, {
      bodySlug: values.body,
      state,
      names: { [c.var.t.locale]: values.body },
      file: file.bytes,
      actor: currentUser(c),
    });
    if (result.kind === 'problems') return renderList(c, 422, values, {}, result);
    const body = await findBody(deps.db, values.body);
    if (body === undefined) return notFound(c);
    return renderBody(c, body, 200, { outcome: { kind: 'people', people: result.people } });
  });

  app.get('/targets/:slug', async (c) => {
    const body = await bodyOf(c);
    if (body === undefined) return notFound(c);
    return renderBody(
      c,
      body,
      200,
      c.req.query('done') === 'names' ? { notice: c.var.t.t('targets.body.names.saved') } : {},
    );
  });

  app.post('/targets/:slug/names', async (c) => {
    const body = await bodyOf(c);
    if (body === undefined) return notFound(c);
    const form = await readForm(c);
    const names: Record<string, string> = { ...body.names };
    for (const locale of LOCALES) names[locale] = text(form, `name_${locale}`) ?? '';
    await renameBody(deps, currentUser(c), body, names);
    await reindexPetitionsOfBody(deps.db, body.id);
    return c.redirect(`/admin/targets/${body.slug}?done=names`, 303);
  });

  app.post(`${DIRECTORY_IMPORTS}/:slug/districts`, async (c) => {
    const body = await bodyOf(c);
    if (body === undefined) return notFound(c);
    const form = await readForm(c);
    const values: DistrictsFormValues = {
      chamber: text(form, 'chamber', 10),
      idProperty: text(form, 'id_property', 100),
    };
    const file = await fileOf(form);
    const errors: Errors = {};
    const chamber = values.chamber;
    if (chamber === undefined || !isChamber(chamber)) errors['chamber'] = 'targets.error.chamber';
    if (values.idProperty === undefined || values.idProperty === '') errors['id_property'] = 'targets.error.idProperty';
    if (file === undefined) errors['districts-file'] = 'targets.error.file';
    if (
      chamber === undefined ||
      !isChamber(chamber) ||
      values.idProperty === undefined ||
      file === undefined ||
      Object.keys(errors).length > 0
    )
      return renderBody(c, body, 422, { values, errors });
    const result = await importBoundariesFile(deps, {
      bodySlug: body.slug,
      chamber,
      idProperty: values.idProperty,
      source: file.name,
      file: file.bytes,
      actor: currentUser(c),
    });
    if (result.kind === 'no_body') return notFound(c);
    if (result.kind === 'problems') return renderBody(c, body, 422, { values, outcome: result });
    return renderBody(c, body, 200, { outcome: { ...result, kind: 'districts' } });
  });

  app.post(`${DIRECTORY_IMPORTS}/:slug/zips`, async (c) => {
    const body = await bodyOf(c);
    if (body === undefined) return notFound(c);
    const file = await fileOf(await readForm(c));
    if (file === undefined) return renderBody(c, body, 422, { errors: { 'zips-file': 'targets.error.file' } });
    const result = await importZipsFile(deps, { bodySlug: body.slug, file: file.bytes, actor: currentUser(c) });
    if (result.kind === 'no_body') return notFound(c);
    if (result.kind === 'problems') return renderBody(c, body, 422, { outcome: result });
    return renderBody(c, body, 200, { outcome: { kind: 'zips', zips: result.zips, split: result.split } });
  });

  return app;
}
