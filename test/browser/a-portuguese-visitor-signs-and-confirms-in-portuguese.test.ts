// A Brazilian Portuguese speaker on a site that also speaks Portuguese signs the demo petition, which has no
// Portuguese text: the interface is in Portuguese, the petition's words in its main language marked with
// their own `lang`, and the confirmation email and page are in Portuguese. Expected words come from the
// catalog, so a translator's better wording does not break this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG } from '../../src/demo/ct-trust-act.js';
import { translator } from '../../src/platform/i18n/translator.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink.js';
import { PHONE, speaking } from './support/browser.js';
import { useStage } from './support/stage.js';

const SIGNER = 'joana.silva@example.org';
const ENGLISH_TITLE = 'Protect Connecticut Residents from Deportation: Support the Connecticut Trust Act!';
const SCREENSHOTS = process.env['SCREENSHOT_DIR'];

describe('a Portuguese visitor signs the demo petition', () => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => smtp?.close());
  const stage = useStage({
    env: { FIRMA_LOCALES: 'en,es,pt-BR' },
    get smtpUrl() {
      return smtp.url;
    },
  });

  it('reads the interface in Portuguese and the petition in English marked as English, signs, and confirms from a Portuguese email', async (test) => {
    const pt = translator('pt-BR');
    const page = await stage.newPage(test, { ...PHONE, ...speaking('pt-BR') });
    const response = await page.goto(`/p/${DEMO_SLUG}`);
    expect(response?.headers()['content-language']).toBe('pt-BR');
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
    expect(await page.getAttribute('html', 'dir')).not.toBe('rtl');
    // The petition has no Portuguese text: its main language's, marked as such.
    const title = page.locator('h1');
    expect(await title.innerText()).toBe(ENGLISH_TITLE);
    expect(await title.getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { name: pt.t('sign.heading') }).isVisible()).toBe(true);

    await page.getByLabel(pt.t('sign.name'), { exact: true }).fill('Joana Silva');
    await page.getByLabel(pt.t('sign.email'), { exact: true }).fill(SIGNER);
    await page.getByLabel(pt.t('sign.postalCode'), { exact: true }).fill('06511');
    await page.getByRole('button', { name: pt.t('sign.submit') }).click();
    await page.waitForURL(`**/pt-BR/p/${DEMO_SLUG}/thanks?confirm=1*`);
    expect(await page.locator('h1').innerText()).toBe(pt.t('thanks.checkEmail.title'));
    if (SCREENSHOTS !== undefined) await page.screenshot({ path: `${SCREENSHOTS}/portuguese-thanks-360.png` });

    // The confirmation email is in Portuguese, with the petition's title as the petition has it.
    const [mail] = await smtp.waitFor(1, (m) => m.to.includes(SIGNER), 15_000);
    const received = mail as ReceivedMail;
    expect(received.subject).toBe(pt.t('mail.confirm.subject', { title: ENGLISH_TITLE }));
    expect(received.text).toContain(pt.t('mail.confirm.intro', { title: ENGLISH_TITLE }));
    expect(received.text).toContain(pt.t('mail.confirm.notYou'));
    expect(received.parsed.headers.get('content-language')).toBe('pt-BR');
    const link = (received.text.match(/https?:\/\/\S+/g) ?? []).find((l) => l.endsWith('/confirm'));
    expect(link).toMatch(/\/pt-BR\/s\/[A-Za-z0-9_-]{43}\/confirm$/);

    await page.goto(link ?? '');
    expect(await page.locator('h1').innerText()).toBe(pt.t('confirm.ask.title'));
    await page.getByRole('button', { name: pt.t('confirm.submit') }).click();
    await page.getByRole('heading', { level: 1, name: pt.t('confirm.title') }).waitFor();

    // The signature counts, and counts as Portuguese.
    const row = await stage.server.deps.db
      .selectFrom('signatures')
      .select(['locale', 'status'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locale: 'pt-BR', status: 'confirmed' });
  });
});
