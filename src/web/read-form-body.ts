// Reads a posted form (URL-encoded, every browser's default, parsed directly; multipart through Hono), or
// answers for it: 415 for another type, 400 for a body that cannot be read.
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { renderStatusPage } from './views/status-page.js';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export async function readFormBody(
  c: Context<AppEnv>,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(contentType))
    return {
      ok: false,
      response: await renderStatusPage(c, 415, 'page.unsupportedType.title', 'page.unsupportedType.body'),
    };
  try {
    const body =
      contentType === 'application/x-www-form-urlencoded'
        ? Object.fromEntries(new URLSearchParams(await c.req.text()))
        : await c.req.parseBody();
    return { ok: true, body };
  } catch (err) {
    c.var.log.info({ err: String(err) }, 'unreadable form');
    return { ok: false, response: await renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body') };
  }
}

/** A posted field as text (anything else reads as empty), cut to `max` characters (a length no field needs). */
export const formText =
  (body: Record<string, unknown>, max = 4000) =>
  (name: string): string => {
    const value = body[name];
    return typeof value === 'string' ? value.slice(0, max) : '';
  };
