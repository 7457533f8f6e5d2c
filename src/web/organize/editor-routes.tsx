// The organizer's petition editor: my petitions, start, edit, preview, publish, close, reopen, declare victory.
import type { TeamRole } from '../../teams/team-role.js';
import { listMembershipsOf } from '../../teams/team-store.js';
import { Hono, type Context } from 'hono';
import { currentUser, managedPetition, notFound } from '../middleware/require-user.js';
import { seesAllPetitions } from '../../accounts/policy.js';
import type { Deps } from '../../deps.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { isLocale, translator, type Locale, type Translator } from '../../platform/i18n/translator.js';
import { countSignatures } from '../../signing/signature-counts.js';
import type { AppEnv } from '../env.js';
import type { Petition } from '../../petitions/petition.js';
import {
  listManagedPetitions,
  hasSignatures,
  listRevisions,
  slugInUse,
  type VictoryMessage,
} from '../../petitions/petition-editor-store.js';
import {
  closePetition,
  declarePetitionVictory,
  publishPetition,
  reopenPetition,
  resubmitPetition,
  savePetitionEdit,
  startPetition,
} from '../../petitions/petition-lifecycle.js';
import {
  allowedLanguages,
  applyEditorIntent,
  formValues,
  newPetitionValues,
  parsePetitionForm,
  petitionFormValues,
  type FormErrors,
  type FormValues,
  type PetitionDraft,
} from '../../petitions/petition-form.js';
import { renderPetitionPage } from '../public/render-petition-page.js';
import { labelIn, listReasons } from '../../moderation/reasons-store.js';
import { explainModeration } from '../../moderation/explain-moderation.js';
import { slugify, uniqueSlug } from '../../petitions/slug.js';
import { EditorPage, type EditedPetition } from './views/editor-page.js';
import { listBodies } from '../../targets/directory-store.js';
import { OrganizeListPage, PreviewBanner, VictoryPage } from './views/organize-pages.js';

/** Bodies up to this size on the editor's form (every text, in two languages). */
export const EDITOR_MAX_BYTES = 128 * 1024;

const NOTICES = {
  saved: 'organize.notice.saved',
  published: 'organize.notice.published',
  closed: 'organize.notice.closed',
  reopened: 'organize.notice.reopened',
  victory: 'organize.notice.victory',
  submitted: 'moderation.notice.submitted',
} as const satisfies Record<string, MessageKey>;

const VICTORY_MAX = 5000;
const SLUG_TAKEN: FormErrors = { slug: 'organize.error.slugTaken' };

async function html(c: Context<AppEnv>, page: { toString(): string | Promise<string> }, status: 200 | 422 = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${await page.toString()}`, status);
}

export function organizeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const today = () => deps.now().toISOString().slice(0, 10);
  const reasonLabels = async (locale: Locale) =>
    Object.fromEntries((await listReasons(deps.db)).map((r) => [r.code, labelIn(r.labels, locale)]));

  async function edited(t: Translator, petition: Petition): Promise<EditedPetition> {
    const reasons =
      petition.reviewReason === null && petition.hiddenReason === null ? {} : await reasonLabels(t.locale);
    const moderation = explainModeration(t, petition, reasons);
    return {
      id: petition.id,
      slug: petition.slug,
      status: petition.status,
      victoryAt: petition.victoryAt,
      locales: petition.locales,
      revisions: await listRevisions(deps.db, petition.id),
      moderation,
      rejected: petition.moderation === 'rejected',
      seatsLocked: await hasSignatures(deps.db, petition.id),
    };
  }

  async function editorPage(
    c: Context<AppEnv>,
    values: FormValues,
    errors: FormErrors,
    petition?: EditedPetition,
    extra: { errorIntro?: string; notice?: string } = {},
  ) {
    const bodies = (await listBodies(deps.db)).map((b) => ({
      id: b.id,
      name: b.names[c.var.locale] ?? Object.values(b.names)[0] ?? b.slug,
      sample: b.sample,
    }));
    const action = petition === undefined ? '/organize/new' : `/organize/${petition.id}/edit`;
    return (
      <EditorPage
        t={c.var.t}
        now={deps.now()}
        path={c.req.path}
        action={action}
        values={values}
        errors={errors}
        petition={petition}
        bodies={bodies}
        {...extra}
      />
    );
  }

  /** Parses a posted editor form; undefined when the form should just be shown again (a row was added or removed). */
  async function readEditorForm(c: Context<AppEnv>, petition: Petition | undefined) {
    const values = formValues(await c.req.parseBody());
    const languages = allowedLanguages(petition);
    const shown = applyEditorIntent(values, languages);
    if (shown !== undefined) return { kind: 'show', values: shown } as const;
    const published = petition !== undefined && petition.status !== 'draft';
    const parsed = parsePetitionForm(values, {
      complete: published,
      today: today(),
      slugFixed: published,
      currentClosesOn: petition?.closesAt?.slice(0, 10) ?? null,
      languages,
      bodyIds: (await listBodies(deps.db)).map((b) => b.id),
    });
    if (!parsed.ok) return { kind: 'invalid', values, errors: parsed.errors } as const;
    const slug = await chooseSlug(parsed.draft, petition);
    if (slug === undefined) return { kind: 'invalid', values, errors: SLUG_TAKEN } as const;
    return { kind: 'valid', values, draft: parsed.draft, slug } as const;
  }

  async function chooseSlug(draft: PetitionDraft, petition: Petition | undefined): Promise<string | undefined> {
    if (petition !== undefined && petition.status !== 'draft') return petition.slug;
    const taken = (slug: string) => slugInUse(deps.db, slug, petition?.id);
    if (draft.slug !== '') return (await taken(draft.slug)) ? undefined : draft.slug;
    if (petition !== undefined) return petition.slug;
    return uniqueSlug(slugify(draft.texts[draft.defaultLocale]?.title ?? ''), taken);
  }

  const done = (c: Context<AppEnv>) => {
    const key = c.req.query('done');
    return key !== undefined && key in NOTICES ? c.var.t.t(NOTICES[key as keyof typeof NOTICES]) : undefined; // checked with `in` just before
  };

  app.get('/', async (c) => {
    const user = currentUser(c);
    const seesAll = seesAllPetitions(user);
    // Moderators and admins see every petition as its organizer; anyone else also the teams they are on.
    const roles = seesAll ? new Map<number, TeamRole>() : await listMembershipsOf(deps.db, user.id);
    const petitions = await listManagedPetitions(deps.db, seesAll ? null : user.id, [...roles.keys()]);
    const counts = await countSignatures(
      deps.db,
      petitions.map((p) => p.id),
    );
    const reasons = await reasonLabels(c.var.locale);
    return html(
      c,
      <OrganizeListPage
        t={c.var.t}
        petitions={petitions}
        counts={counts}
        seesAll={seesAll}
        roles={roles}
        reasons={reasons}
        user={user}
      />,
    );
  });

  app.get('/new', async (c) => html(c, await editorPage(c, newPetitionValues(c.var.locale), {})));

  app.post('/new', async (c) => {
    const user = currentUser(c);
    const form = await readEditorForm(c, undefined);
    if (form.kind === 'show') return html(c, await editorPage(c, form.values, {}));
    if (form.kind === 'invalid') return html(c, await editorPage(c, form.values, form.errors), 422);
    const started = await startPetition(deps, user, form.draft, form.slug);
    // Another petition may have taken the address between the check and the insert.
    if (started.kind === 'slug_taken') return html(c, await editorPage(c, form.values, SLUG_TAKEN), 422);
    return c.redirect(`/organize/${started.id}/edit?done=saved`, 303);
  });

  app.get('/:id/edit', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    return html(
      c,
      await editorPage(c, petitionFormValues(petition), {}, await edited(c.var.t, petition), { notice: done(c) }),
    );
  });

  app.post('/:id/edit', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const form = await readEditorForm(c, petition);
    if (form.kind === 'show') return html(c, await editorPage(c, form.values, {}, await edited(c.var.t, petition)));
    if (form.kind === 'invalid')
      return html(c, await editorPage(c, form.values, form.errors, await edited(c.var.t, petition)), 422);
    const saved = await savePetitionEdit(deps, currentUser(c), petition, form.draft, form.slug);
    if (saved === 'slug_taken')
      return html(c, await editorPage(c, form.values, SLUG_TAKEN, await edited(c.var.t, petition)), 422);
    return c.redirect(`/organize/${petition.id}/edit?done=saved`, 303);
  });

  app.get('/:id/preview/:locale', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    const locale = c.req.param('locale');
    if (petition === undefined || !isLocale(locale) || !petition.locales.includes(locale)) return notFound(c);
    const banner = (
      <PreviewBanner
        t={translator(locale)}
        id={petition.id}
        locale={locale}
        locales={petition.locales}
        published={petition.status !== 'draft'}
      />
    );
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(await renderPetitionPage(deps, petition, locale, { preview: banner }));
  });

  app.post('/:id/publish', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const outcome = await publishPetition(deps, currentUser(c), petition);
    if (outcome.kind === 'not_ready') {
      return html(
        c,
        await editorPage(c, petitionFormValues(petition), outcome.errors, await edited(c.var.t, petition), {
          errorIntro: c.var.t.t('organize.error.notReady'),
        }),
        422,
      );
    }
    const done = outcome.moderation === 'held' ? 'submitted' : 'published';
    return c.redirect(`/organize/${petition.id}/edit?done=${done}`, 303);
  });

  app.post('/:id/resubmit', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const resubmitted = await resubmitPetition(deps, currentUser(c), petition);
    return c.redirect(`/organize/${petition.id}/edit${resubmitted ? '?done=submitted' : ''}`, 303);
  });

  app.post('/:id/close', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const closed = await closePetition(deps, currentUser(c), petition);
    return c.redirect(`/organize/${petition.id}/edit${closed ? '?done=closed' : ''}`, 303);
  });

  app.post('/:id/reopen', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const reopened = await reopenPetition(deps, currentUser(c), petition);
    return c.redirect(`/organize/${petition.id}/edit${reopened ? '?done=reopened' : ''}`, 303);
  });

  const victoryPage = (c: Context<AppEnv>, petition: Petition, values: FormValues, errors: FormErrors) =>
    html(
      c,
      <VictoryPage t={c.var.t} id={petition.id} locales={petition.locales} values={values} errors={errors} />,
      Object.keys(errors).length > 0 ? 422 : 200,
    );

  app.get('/:id/victory', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    if (petition.status === 'draft' || petition.victoryAt !== null)
      return c.redirect(`/organize/${petition.id}/edit`, 303);
    return victoryPage(c, petition, {}, {});
  });

  app.post('/:id/victory', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    if (petition.status === 'draft' || petition.victoryAt !== null)
      return c.redirect(`/organize/${petition.id}/edit`, 303);
    const values = formValues(await c.req.parseBody());
    const errors: FormErrors = {};
    const messages: Partial<Record<Locale, VictoryMessage>> = {};
    for (const locale of petition.locales) {
      const name = `message_${locale}`;
      const body = (values[name] ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
      if (body === '') errors[name] = 'organize.error.messageRequired';
      else if (body.length > VICTORY_MAX) errors[name] = 'organize.error.tooLong';
      messages[locale] = { title: translator(locale).t('organize.victory.updateTitle'), body };
    }
    if (Object.keys(errors).length > 0) return victoryPage(c, petition, values, errors);
    await declarePetitionVictory(deps, currentUser(c), petition, messages);
    return c.redirect(`/organize/${petition.id}/edit?done=victory`, 303);
  });

  return app;
}
