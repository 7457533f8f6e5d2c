// The 503 page, when the database cannot serve (gone, unreachable, too slow, disk full): it says plainly that
// nothing was saved and to try again in a minute, and gives back what was posted, ready to send again. A signer
// sees the sign form as they filled it; any other form comes back as a button that sends the same fields.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { translator } from '../../../platform/i18n/translator.js';
import { SignFormView } from './sign-form.js';
import type { SignFormValues } from '../../../signing/sign-form.js';
import { EMBED_CSP } from '../../embed-framing.js';
import type { AppEnv } from '../../env.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import { TAG_IN_PATH } from '../../../platform/i18n/languages.js';

/** Seconds a client is asked to wait: the page says "a minute". */
export const RETRY_AFTER_SECONDS = 60;

const SIGN_PATH = new RegExp(`^(?:/${TAG_IN_PATH})?/p/[a-z0-9-]+/(?:embed/)?sign$`);
const SIGN_FIELDS = ['name', 'email', 'postal_code', 'comment', 'name_display', 'opt_in', 'website'] as const;
/** Fields never sent back: a proof-of-work solution is single-use. */
const NOT_ECHOED = new Set(['pow']);
const MAX_ECHOED_FIELDS = 200;

/** The posted text fields (never files), or undefined when there is no form to give back. */
async function postedFields(c: Context<AppEnv>): Promise<[string, string][] | undefined> {
  if (c.req.method !== 'POST') return undefined;
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  try {
    if (type === 'application/x-www-form-urlencoded')
      return [...new URLSearchParams(await c.req.text())].slice(0, MAX_ECHOED_FIELDS);
    if (type !== 'multipart/form-data') return undefined;
    const body = await c.req.parseBody({ all: true });
    const fields: [string, string][] = [];
    for (const [name, value] of Object.entries(body)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        // A file cannot be put back into a form: the reader attaches it again.
        if (typeof v !== 'string') return undefined;
        fields.push([name, v]);
      }
    }
    return fields.slice(0, MAX_ECHOED_FIELDS);
  } catch {
    return undefined;
  }
}

export async function renderUnavailablePage(c: Context<AppEnv>) {
  const t = c.var.t ?? translator('en');
  const fields = (await postedFields(c))?.filter(([name]) => !NOT_ECHOED.has(name));
  const signing = SIGN_PATH.test(c.req.path) && fields !== undefined;
  const title = t.t(signing ? 'sign.unavailable.title' : 'page.unavailable.title');
  let retry: Child = null;
  if (signing) {
    const values: SignFormValues = {};
    for (const [name, value] of fields)
      if ((SIGN_FIELDS as readonly string[]).includes(name)) values[name as (typeof SIGN_FIELDS)[number]] = value; // checked by includes
    const source = fields.find(([name]) => name === 'source')?.[1];
    retry = (
      <SignFormView
        t={t}
        action={c.req.path}
        values={values}
        errors={{}}
        source={source !== undefined && /^[a-z0-9_-]{1,64}$/.test(source) ? source : undefined}
      />
    );
  } else if (fields !== undefined && fields.length > 0) {
    retry = (
      <form method="post" action={c.req.path} accept-charset="utf-8">
        <p>{t.t('page.unavailable.form')}</p>
        {fields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <button type="submit">{t.t('page.unavailable.retry')}</button>
      </form>
    );
  }
  const page = (
    <Layout
      t={t}
      title={title}
      switchHref={(locale) => languageSwitchHref(locale, c.req.method === 'GET' ? c.req.path : '/')}
    >
      <section class="status-page">
        <h1>{title}</h1>
        <p>{t.t(signing ? 'sign.unavailable.body' : 'page.unavailable.body')}</p>
        {retry}
      </section>
    </Layout>
  );
  c.header('Cache-Control', 'no-store');
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  // The embedded sign form's failure shows inside the partner's page, as its other answers do.
  if (c.req.path.includes('/embed')) c.header('Content-Security-Policy', EMBED_CSP);
  return c.html(`<!doctype html>${await page.toString()}`, 503);
}
