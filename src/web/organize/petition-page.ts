// What an organizer route hands every page about its petition, and how it sends one: never cached.
import type { Context } from 'hono';
import { previewHrefFor } from '../../moderation/not-public.js';
import { textFor } from '../../petitions/petition.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import type { AppEnv } from '../env.js';
import type { ManagedPetition } from '../middleware/require-user.js';
import type { PetitionPageBase } from './views/petition-page-frame.js';

/** The page's base; `notices` maps the `?done=` values the page knows to what it says then. */
export function petitionPageBase(
  c: Context<AppEnv>,
  petition: ManagedPetition,
  notices: Record<string, MessageKey> = {},
): PetitionPageBase {
  const done = c.req.query('done');
  const notice = done !== undefined && Object.hasOwn(notices, done) ? notices[done] : undefined;
  return {
    t: c.var.t,
    petitionId: petition.id,
    role: petition.role,
    slug: petition.slug,
    previewHref: previewHrefFor(petition, c.var.locale),
    title: textFor(petition, c.var.locale).title,
    notice: notice === undefined ? undefined : c.var.t.t(notice),
  };
}

/** An organizer's page: personal, so never kept by a cache. */
export async function sendPage(
  c: Context<AppEnv>,
  view: { toString(): string | Promise<string> },
  status: 200 | 403 | 404 | 410 | 422 = 200,
) {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${await view.toString()}`, status);
}
