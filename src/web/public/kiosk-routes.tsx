// /kiosk/<token>: a tablet at an event taking signatures for one petition (src/kiosk/). The page and its form (which
// work without JavaScript), the app's manifest and service worker, and the JSON endpoint public/kiosk.js sends each
// stored signature to — exactly once, however often it is sent. A link that expired still takes the signatures the
// tablet took before it expired (for a week); a link turned off takes nothing.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { kioskByToken, type KioskState } from '../../kiosk/kiosk-links.js';
import { isSubmissionId, signAtKiosk, type KioskSignResult } from '../../kiosk/kiosk-signature.js';
import { findPetitionById } from '../../petitions/petition-store.js';
import { targetName, textFor, type Petition } from '../../petitions/petition.js';
import { markdownToPlainText } from '../../platform/text/markdown.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { isLocale, translator, type Locale } from '../../platform/i18n/translator.js';
import { packageRoot } from '../../platform/package-root.js';
import type { AppEnv } from '../env.js';
import { readFormBody } from '../read-form-body.js';
import { LIMITS } from '../../signing/sign-form.js';
import { KioskClosedPage, KioskPage, KioskThanksPage } from './views/kiosk-page.js';

const TOKEN = '{[A-Za-z0-9_-]{43}}';
const SERVICE_WORKER = fs.readFileSync(path.join(packageRoot(), 'public', 'kiosk-sw.js'), 'utf8');

type Open = { petition: Petition; kiosk: Extract<KioskState, { kind: 'open' | 'expired' }> };

export function kioskRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  /** The kiosk's page language: the one asked for, else the reader's, else the petition's own. */
  function languageFor(c: Context<AppEnv>, petition: Petition): Locale {
    const asked = c.req.query('lang');
    if (asked !== undefined && isLocale(asked) && petition.locales.includes(asked)) return asked;
    return petition.locales.includes(c.var.locale) ? c.var.locale : petition.defaultLocale;
  }

  async function open(token: string): Promise<Open | KioskState['kind']> {
    const kiosk = await kioskByToken(deps.db, token, deps.now());
    if (kiosk.kind === 'revoked' || kiosk.kind === 'unknown') return kiosk.kind;
    const petition = await findPetitionById(deps.db, kiosk.link.petitionId);
    if (petition === undefined) return 'unknown';
    return { petition, kiosk };
  }

  function closed(c: Context<AppEnv>, token: string, why: KioskState['kind']) {
    const body: MessageKey =
      why === 'expired' ? 'kiosk.closed.expired' : why === 'revoked' ? 'kiosk.closed.revoked' : 'kiosk.closed.unknown';
    return html(c, <KioskClosedPage t={c.var.t} path={`/kiosk/${token}`} body={body} />, why === 'unknown' ? 404 : 410);
  }

  async function html(c: Context<AppEnv>, view: ReturnType<typeof KioskPage>, status: 200 | 404 | 410 | 422 = 200) {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(`<!doctype html>${await view.toString()}`, status);
  }

  function page(
    c: Context<AppEnv>,
    token: string,
    found: Open,
    form: { values: { name: string; email: string; postal_code: string }; errors: Partial<Record<string, MessageKey>> },
    status: 200 | 422 = 200,
  ) {
    const { petition } = found;
    const locale = languageFor(c, petition);
    const t = translator(locale);
    const text = textFor(petition, locale);
    return html(
      c,
      <KioskPage
        t={t}
        path={`/kiosk/${token}`}
        title={text.title}
        statement={markdownToPlainText(text.statement)}
        targets={t.list(petition.targets.map((target) => targetName(target, locale, petition.defaultLocale)))}
        locales={petition.locales}
        label={found.kiosk.link.label}
        expiresAt={found.kiosk.link.expiresAt}
        submissionId={randomUUID()}
        values={form.values}
        errors={form.errors}
        country={petition.country}
      />,
      status,
    );
  }

  app.get(`/kiosk/:token${TOKEN}`, async (c) => {
    const token = c.req.param('token');
    const found = await open(token);
    if (typeof found === 'string') return closed(c, token, found);
    if (found.kiosk.kind === 'expired') return closed(c, token, 'expired');
    return page(c, token, found, { values: { name: '', email: '', postal_code: '' }, errors: {} });
  });

  app.get(`/kiosk/:token${TOKEN}/manifest.webmanifest`, async (c) => {
    const token = c.req.param('token');
    const found = await open(token);
    if (typeof found === 'string') return c.json({ error: 'not_found' }, 404);
    const t = translator(languageFor(c, found.petition));
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'application/manifest+json; charset=utf-8');
    return c.body(
      JSON.stringify({
        name: `${t.t('kiosk.appName')} — ${textFor(found.petition, t.locale).title}`,
        short_name: t.t('kiosk.appName'),
        lang: t.locale,
        dir: t.dir,
        start_url: `/kiosk/${token}`,
        scope: '/kiosk/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#b3261e',
        icons: [
          { src: '/static/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/static/icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      }),
    );
  });

  // The service worker, at /kiosk/ so that its scope is the kiosk's pages and nothing else of the site.
  app.get('/kiosk/sw.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(SERVICE_WORKER);
  });

  async function sign(found: Open, c: Context<AppEnv>, fields: Record<string, unknown>): Promise<KioskSignResult> {
    const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).slice(0, 1000) : '');
    return signAtKiosk(
      deps,
      { link: found.kiosk.link, createdBy: found.kiosk.createdBy, expired: found.kiosk.kind === 'expired' },
      found.petition,
      {
        submissionId: text('submission_id'),
        name: text('name'),
        email: text('email'),
        postalCode: text('postal_code'),
        locale: text('locale'),
        takenAt: text('taken_at') || deps.now().toISOString(),
      },
    );
  }

  // From public/kiosk.js: one stored signature, as JSON. 201 recorded, 200 already there (sent before, or the address
  // signed another way), 422 with a message per field, 410 for a link turned off or past its week of grace.
  app.post(`/kiosk/:token${TOKEN}/signatures`, async (c) => {
    const found = await open(c.req.param('token'));
    if (typeof found === 'string') return c.json({ error: found }, found === 'unknown' ? 404 : 410);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'bad_request' }, 400);
    }
    if (
      typeof body !== 'object' ||
      body === null ||
      !isSubmissionId((body as Record<string, unknown>)['submission_id'])
    )
      return c.json({ error: 'bad_request' }, 400);
    const fields = body as Record<string, unknown>;
    const result = await sign(found, c, fields);
    const t = translator(isLocale(fields['locale']) ? fields['locale'] : found.petition.defaultLocale);
    if (result.kind === 'invalid')
      return c.json(
        {
          error: 'invalid',
          fields: Object.fromEntries(
            Object.entries(result.errors).map(([f, k]) => [
              f,
              t.t(k, { max: LIMITS[f as keyof typeof LIMITS] ?? LIMITS.name }),
            ]),
          ),
        },
        422,
      );
    if (result.kind === 'expired' || result.kind === 'closed') return c.json({ error: result.kind }, 410);
    deps.responses.clear();
    return c.json({ status: result.kind, id: result.signatureId }, result.kind === 'recorded' ? 201 : 200);
  });

  // The same without JavaScript: a form post, then the thank-you page (or the form again with its problems).
  app.post(`/kiosk/:token${TOKEN}/sign`, async (c) => {
    const token = c.req.param('token');
    const found = await open(token);
    if (typeof found === 'string') return closed(c, token, found);
    if (found.kiosk.kind === 'expired') return closed(c, token, 'expired');
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const fields = read.body;
    if (!isSubmissionId(fields['submission_id'])) fields['submission_id'] = randomUUID();
    const result = await sign(found, c, fields);
    if (result.kind === 'invalid') {
      const value = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
      return page(
        c,
        token,
        found,
        {
          values: { name: value('name'), email: value('email'), postal_code: value('postal_code') },
          errors: result.errors,
        },
        422,
      );
    }
    if (result.kind === 'expired' || result.kind === 'closed') return closed(c, token, 'expired');
    deps.responses.clear();
    const locale = isLocale(fields['locale']) ? fields['locale'] : found.petition.defaultLocale;
    return c.redirect(`/kiosk/${token}/thanks?lang=${locale}`, 303);
  });

  app.get(`/kiosk/:token${TOKEN}/thanks`, async (c) => {
    const token = c.req.param('token');
    const found = await open(token);
    if (typeof found === 'string') return closed(c, token, found);
    const t = translator(languageFor(c, found.petition));
    return html(c, <KioskThanksPage t={t} path={`/kiosk/${token}`} title={textFor(found.petition, t.locale).title} />);
  });

  return app;
}
