// The organizer's responses page for a petition to each signer's legislators: email a legislator a response link,
// enter a response on their behalf, hide or show a response. Petitions without district targets have no such page.
import { Hono, type Context } from 'hono';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import { previewHrefFor } from '../../moderation/not-public.js';
import { textFor } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { readFormBody } from '../read-form-body.js';
import { enterResponseOnBehalf, parseResponseText, respondents, sendResponseLink } from '../../targets/respond.js';
import { listResponses, setResponseHidden } from '../../targets/responses-store.js';
import { readResponseOptions } from '../../targets/response-options-store.js';
import { parseResponseOptions, saveResponseOptions } from '../../targets/response-options.js';
import { recordAudit } from '../../platform/audit/audit-store.js';
import { forgetPublicPages } from '../../petitions/petition-directory.js';
import type { Errors } from '../views/form-parts.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { ResponsesPage } from './views/responses-page.js';

const NOTICES = {
  link: 'responses.notice.link',
  entered: 'responses.notice.entered',
  hidden: 'responses.notice.hidden',
  shown: 'responses.notice.shown',
  options: 'responses.notice.options',
} as const satisfies Record<string, MessageKey>;

/** The largest id a database row can have (a 32-bit integer column on PostgreSQL). */
const MAX_ID = 2_147_483_647;

export function responseRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const today = () => deps.now().toISOString().slice(0, 10);

  /** The petition, when the signed-in user manages it and it goes to each signer's legislators. */
  async function withDistricts(c: Context<AppEnv>): Promise<ManagedPetition | undefined> {
    const petition = await managedPetition(c, deps, c.req.param('id') ?? '', 'manage');
    return petition === undefined || petition.seatTargets.length === 0 ? undefined : petition;
  }

  async function page(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    values: Record<string, string>,
    errors: Errors,
    status: 200 | 422,
    typed?: { quorum: string; digests: boolean },
  ) {
    const { t, locale } = c.var;
    const saved = await readResponseOptions(deps.db, petition.id);
    const people = await respondents(deps.db, petition.seatTargets, today());
    const done = c.req.query('done');
    const view = (
      <ResponsesPage
        t={t}
        petitionId={petition.id}
        role={petition.role}
        slug={petition.slug}
        previewHref={previewHrefFor(petition, locale)}
        title={textFor(petition, locale).title}
        locales={petition.locales}
        respondents={people.map((p) => ({
          id: p.id,
          name: p.name,
          chamber: p.chamber,
          district: p.district,
          hasEmail: p.email !== null,
        }))}
        responses={await listResponses(deps.db, petition.id, false)}
        values={values}
        errors={errors}
        sample={petition.seatTargets.some((seat) => seat.sample)}
        options={typed ?? { quorum: saved.quorum === null ? '' : String(saved.quorum), digests: saved.digests }}
        notice={done !== undefined && done in NOTICES ? t.t(NOTICES[done as keyof typeof NOTICES]) : undefined} // checked with `in`
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await view.toString()}`, status);
  }

  const field = (body: Record<string, unknown>, name: string) => {
    const value = body[name];
    return typeof value === 'string' ? value : '';
  };
  const back = (petition: ManagedPetition, done: keyof typeof NOTICES) =>
    `/organize/${petition.id}/responses?done=${done}`;

  app.get('/:id{[0-9]+}/responses', async (c) => {
    const petition = await withDistricts(c);
    return petition === undefined ? notFound(c) : page(c, petition, {}, {}, 200);
  });

  app.post('/:id{[0-9]+}/responses/link', async (c) => {
    const petition = await withDistricts(c);
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const sent = await sendResponseLink(deps, {
      petitionId: petition.id,
      seats: petition.seatTargets,
      personId: Number(field(read.body, 'person_id')),
      actorId: currentUser(c).id,
      locale: c.var.locale,
    });
    if (sent === 'no_email' || sent === 'not_a_target')
      return page(c, petition, {}, { person_id: `responses.error.${sent}` }, 422);
    return c.redirect(back(petition, 'link'), 303);
  });

  app.post('/:id{[0-9]+}/responses', async (c) => {
    const petition = await withDistricts(c);
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const values = {
      person_id: field(read.body, 'person_id'),
      locale: field(read.body, 'locale'),
      body: field(read.body, 'body').slice(0, 20_000),
    };
    const errors: Errors = {};
    const text = parseResponseText(values.body);
    if (!text.ok) errors['body'] = text.error;
    if (!petition.locales.includes(values.locale)) errors['locale'] = 'responses.error.language';
    if (!text.ok || errors['locale'] !== undefined) return page(c, petition, values, errors, 422);
    const saved = await enterResponseOnBehalf(deps, {
      petitionId: petition.id,
      seats: petition.seatTargets,
      personId: Number(values.person_id),
      locale: values.locale,
      body: text.body,
      actorId: currentUser(c).id,
    });
    if (saved !== 'saved') return page(c, petition, values, { person_id: 'responses.error.not_a_target' }, 422);
    forgetPublicPages(deps);
    return c.redirect(back(petition, 'entered'), 303);
  });

  app.post('/:id{[0-9]+}/responses/options', async (c) => {
    const petition = await withDistricts(c);
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const parsed = parseResponseOptions(read.body);
    if (!parsed.ok) {
      const typed = { quorum: field(read.body, 'quorum').slice(0, 20), digests: read.body['digests'] === 'yes' };
      return page(c, petition, {}, { quorum: parsed.error }, 422, typed);
    }
    await saveResponseOptions(deps, petition.id, parsed.options, currentUser(c).id);
    return c.redirect(back(petition, 'options'), 303);
  });

  for (const action of ['hide', 'show'] as const) {
    app.post(`/:id{[0-9]+}/responses/:rid{[0-9]+}/${action}`, async (c) => {
      const petition = await withDistricts(c);
      if (petition === undefined) return notFound(c);
      const responseId = Number(c.req.param('rid'));
      // An id past the database's integer range names no response (PostgreSQL would refuse to compare it).
      if (!Number.isSafeInteger(responseId) || responseId > MAX_ID) return notFound(c);
      const user = currentUser(c);
      const now = deps.now();
      const changed = await setResponseHidden(
        deps.db,
        petition.id,
        responseId,
        action === 'hide' ? { at: now.toISOString(), by: user.id } : null,
      );
      if (!changed) return notFound(c);
      await recordAudit(deps.db, {
        actorId: user.id,
        action: `response.${action}`,
        petitionId: petition.id,
        details: { responseId },
        now,
      });
      forgetPublicPages(deps);
      return c.redirect(back(petition, action === 'hide' ? 'hidden' : 'shown'), 303);
    });
  }

  return app;
}
