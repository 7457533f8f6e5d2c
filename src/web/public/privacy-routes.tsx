// The public privacy page (in each language, negotiated like other public pages) and the admins' deletion requests.
import { Hono, type Context } from 'hono';
import { currentUser, requireRole, requireSignIn } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import { LOCALES, translator, type Locale } from '../../platform/i18n/translator.js';
import { cachedBody, sendCached } from '../../platform/http/cached-response.js';
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
import { DeletionRequestPage } from '../admin/views/deletion-request-page.js';
import { PrivacyPage } from './views/privacy-page.js';

function fieldText(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

export function privacyRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  // Cached like the other public pages (a second), so a changed retention setting shows within seconds.
  const privacyPage = (locale: Locale) =>
    deps.responses.get(`privacy|${locale}`, async () => {
      const { retentionDays } = await deps.settings.current();
      const url = (l: Locale) => `${deps.config.baseUrl}/${l}/privacy`;
      const page = (
        <PrivacyPage
          t={translator(locale)}
          retentionDays={retentionDays}
          contact={deps.config.privacyContact}
          canonical={url(locale)}
          alternates={LOCALES.map((l) => ({ locale: l, href: url(l) }))}
        />
      );
      return cachedBody(`<!doctype html>${await page.toString()}`, 'text/html; charset=UTF-8');
    });

  app.get('/privacy', async (c) =>
    sendCached(c, await privacyPage(c.var.locale), {
      Vary: 'Accept-Language, Cookie',
      'Content-Language': c.var.locale,
    }),
  );
  app.get('/:locale{(?:en|es)}/privacy', async (c) =>
    sendCached(c, await privacyPage(c.var.locale), { 'Content-Language': c.var.locale }),
  );

  const admin = [requireSignIn(), requireRole('admin')] as const;

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

  app.get('/admin/privacy', ...admin, async (c) => {
    const erased = Number(c.req.query('erased'));
    return render(c, Number.isInteger(erased) && erased >= 0 ? { erased } : {});
  });

  // A POST, not a query string: the address never lands in a URL, a log line or the browser history.
  app.post('/admin/privacy/search', ...admin, async (c) => {
    const body = await c.req.parseBody();
    const parsed = searchSchema.safeParse({ email: fieldText(body, 'email') });
    if (!parsed.success)
      return render(c, { email: fieldText(body, 'email'), errors: requestErrors(parsed.error) }, 422);
    return render(c, {
      email: parsed.data.email,
      found: await findSignedPetitions(deps, parsed.data.email, c.var.locale),
    });
  });

  app.post('/admin/privacy/erase', ...admin, async (c) => {
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
