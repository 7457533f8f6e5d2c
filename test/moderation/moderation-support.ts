// Moderation tests: the instance's moderation mode, an organizer's petition published through the editor, a moderator.
import { writeSetting } from '../../src/settings/settings-store.js';
import type { ModerationMode } from '../../src/settings/instance-settings.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import type { Fields, TestApp } from '../support/test-app.js';
import { editedId, petitionFields } from '../organize/petition-form-fields.js';

export async function setModerationMode(t: TestApp, mode: ModerationMode): Promise<void> {
  await writeSetting(t.deps.db, 'moderationMode', mode, null, t.deps.now());
  t.deps.settings.invalidate();
}

let sequence = 0;

/** Starts a petition as `who` and publishes it; returns its id, slug and where publishing sent the organizer. */
export async function publishAs(
  t: TestApp,
  who: SignedIn,
  overrides: Fields = {},
): Promise<{ id: number; slug: string; location: string }> {
  sequence += 1;
  const id = editedId(
    await postFormAs(t, who, '/organize/new', petitionFields({ slug: `moderated-${sequence}`, ...overrides })),
  );
  const res = await postFormAs(t, who, `/organize/${id}/publish`, {});
  const { slug } = await t.deps.db
    .selectFrom('petitions')
    .select('slug')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, slug, location: res.headers.get('location') ?? '' };
}

export function moderator(t: TestApp, locale = 'en'): Promise<SignedIn> {
  return signedIn(t, { role: 'moderator', name: 'Mo Derator', locale });
}

export async function moderationState(t: TestApp, id: number) {
  return t.deps.db
    .selectFrom('petitions')
    .select(['status', 'moderation_state', 'submitted_at', 'hidden_at', 'review_reason', 'review_note', 'reviewed_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function auditRows(t: TestApp, action?: string) {
  let query = t.deps.db.selectFrom('audit_log').selectAll().orderBy('id');
  if (action !== undefined) query = query.where('action', '=', action);
  return (await query.execute()).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

/** What organizers do to their own petitions, which the audit log keeps beside moderators' decisions. */
const ORGANIZER_ACTIONS = [
  'petition.publish',
  'petition.close',
  'petition.reopen',
  'petition.victory',
  'petition.resubmit',
];

/** The audit rows of moderators' and admins' decisions: every row but the organizers' own. */
export async function decisionRows(t: TestApp) {
  return (await auditRows(t)).filter((r) => !ORGANIZER_ACTIONS.includes(r.action));
}

/** The public petition page answers 200 (visible) or 404. */
export async function publicStatus(t: TestApp, slug: string): Promise<number[]> {
  t.advance(2000);
  const paths = [`/en/p/${slug}`, `/p/${slug}.json`, `/en/p/${slug}/embed`];
  return Promise.all(paths.map(async (p) => (await t.app.request(p)).status));
}

/** Posts a moderator's form and follows the redirect (a GET with the same session). */
export async function postAndFollow(t: TestApp, who: SignedIn, path: string, fields: Fields): Promise<Response> {
  const res = await postFormAs(t, who, path, fields);
  if (res.status !== 303) return res;
  return getAs(t, who, res.headers.get('location') ?? '/');
}
