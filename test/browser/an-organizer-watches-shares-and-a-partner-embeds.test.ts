import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { DEMO_SLUG } from '../../src/demo/ct-trust-act.js';
import { insertUpdate } from '../../src/updates/update-store.js';
import { makeSignature } from '../support/factories.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { horizontalOverflow } from './support/page-reading.js';
import { useStage } from './support/stage.js';
import { makeAccount, signedInPage, type StageAccount } from './support/accounts.js';
import { copy } from '../support/copy.js';

/** Set SCREENSHOT_DIR to keep pictures of the pages (to look at them). */
const SCREENSHOTS = process.env['SCREENSHOT_DIR'];
const SOURCES = ['ct-students', 'whatsapp', null, 'unidos-ct', 'facebook', null];
const ZIPS = [
  ['06106', 'Hartford'],
  ['06510', 'New Haven'],
  ['06604', 'Bridgeport'],
  ['06902', 'Stamford'],
] as const;

describe('an organizer watches the petition grow, shares it, and a partner site embeds the sign form', () => {
  const stage = useStage();
  let petitionId = 0;
  let admin: StageAccount;
  let partner: Server | undefined;
  let partnerUrl = '';

  beforeAll(async () => {
    const { db } = stage.server.deps;
    petitionId = (await db.selectFrom('petitions').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow())
      .id;
    // Three weeks of signatures with a clear shape: a launch, a quiet spell, a partner's push.
    const start = Date.now() - 21 * 24 * 3600 * 1000;
    for (let day = 0; day < 21; day += 1) {
      const perDay = Math.round(
        4 + 10 * Math.exp(-day / 3) + (day > 12 ? 14 * Math.sin(((day - 12) / 8) * Math.PI) : 0),
      );
      for (let i = 0; i < perDay; i += 1) {
        const [postalCode, town] = ZIPS[(day + i) % ZIPS.length] ?? ZIPS[0];
        await makeSignature(db, petitionId, {
          createdAt: new Date(start + day * 24 * 3600 * 1000 + i * 60_000).toISOString(),
          source: SOURCES[(day * 7 + i) % SOURCES.length] ?? null,
          postalCode,
          town,
          comment: i === 0 && day % 5 === 0 ? `Day ${day}: count me in.` : null,
        });
      }
    }
    admin = await makeAccount(db, { email: 'organizer@example.org', name: 'Ana', role: 'admin' });
    await insertUpdate(db, {
      petitionId,
      authorId: admin.id,
      createdAt: new Date().toISOString(),
      emailSigners: false,
      texts: {
        en: { title: 'Hearing scheduled', body: 'The committee hears the bill on **March 3**.' },
        es: { title: 'Audiencia programada', body: 'El comité escucha el proyecto el **3 de marzo**.' },
      },
    });
    // The partner's site: another origin (localhost, not 127.0.0.1) whose page frames the sign form.
    const embedSrc = `${stage.server.baseUrl}/en/p/${DEMO_SLUG}/embed?source=partner-site`;
    partner = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><title>Partner</title></head><body><h1>Our coalition</h1><iframe src="${embedSrc}" title="Sign the petition" width="100%" height="900"></iframe></body></html>`,
      );
    });
    await new Promise<void>((resolve) => partner?.listen(0, '127.0.0.1', resolve));
    partnerUrl = `http://localhost:${(partner.address() as AddressInfo).port}/`; // listening on TCP gives an AddressInfo
  });
  afterAll(async () => {
    if ('closeAllConnections' in (partner ?? {})) partner?.closeAllConnections();
    await new Promise<void>((resolve) => (partner === undefined ? resolve() : partner.close(() => resolve())));
  });

  async function organizerPage(
    test: TestContext,
    language: 'en' | 'es',
    screen = DESKTOP,
    bypassCSP = false,
  ): Promise<Page> {
    return signedInPage(stage, test, admin, { ...screen, ...speaking(language), bypassCSP });
  }

  it('the dashboard shows the counts and a chart drawn on the server', async (test) => {
    const page = await organizerPage(test, 'en');
    await page.goto(`/organize/${petitionId}`);
    const chart = page.getByRole('img', { name: copy('en', 'dashboard.chartTitle') });
    expect(await chart.isVisible()).toBe(true);
    expect(await page.locator('.chart-bars rect').count()).toBeGreaterThanOrEqual(21);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(600);
    expect(await page.locator('.by-source').innerText()).toContain('ct-students');
    if (SCREENSHOTS !== undefined) await page.screenshot({ path: `${SCREENSHOTS}/dashboard-en.png`, fullPage: true });
    const phone = await organizerPage(test, 'es', PHONE);
    await phone.goto(`/organize/${petitionId}`);
    expect(await phone.getByRole('img', { name: copy('es', 'dashboard.chartTitle') }).isVisible()).toBe(true);
    expect(await horizontalOverflow(phone)).toBe(0);
    if (SCREENSHOTS !== undefined)
      await phone.screenshot({ path: `${SCREENSHOTS}/dashboard-es-phone.png`, fullPage: true });
    if (SCREENSHOTS !== undefined)
      await phone.locator('figure.chart').screenshot({ path: `${SCREENSHOTS}/chart-es-phone.png` });
  });

  it('the share kit makes a link, share links and a QR code for a source code', async (test) => {
    const page = await organizerPage(test, 'en');
    await page.goto(`/organize/${petitionId}/share`);
    await page.locator('#source').fill('ct-students');
    await page.getByRole('button', { name: copy('en', 'sharekit.make') }).click();
    await page.waitForURL('**/share?source=ct-students');
    expect(await page.locator('#source-link').inputValue()).toBe(
      `${stage.server.baseUrl}/p/${DEMO_SLUG}?source=ct-students`,
    );
    const qrLoaded =
      "(() => { const img = document.querySelector('img.qr-code'); return img.complete && img.naturalWidth > 0; })()";
    await expect.poll(() => page.evaluate<boolean>(qrLoaded)).toBe(true);
    // The browser's own XML parser reads the SVG without error.
    const svgIsXml = await page.evaluate<boolean>(`fetch('/organize/${petitionId}/qr.svg?source=ct-students')
      .then((r) => r.text())
      .then((text) => new DOMParser().parseFromString(text, 'image/svg+xml').getElementsByTagName('parsererror').length === 0)`);
    expect(svgIsXml).toBe(true);
    if (SCREENSHOTS !== undefined) await page.screenshot({ path: `${SCREENSHOTS}/share-kit-en.png`, fullPage: true });
  });

  it('a person signs inside an iframe on a partner’s site, and the signature records the partner', async (test) => {
    const page = await stage.newPage(test, { ...PHONE, ...speaking('en') });
    await page.goto(partnerUrl);
    const frame = page.frameLocator('iframe');
    await frame.locator('#name').fill('Marta Partner');
    await frame.locator('#email').fill('marta.partner@example.org');
    await frame.locator('#postal_code').fill('06106');
    await frame.getByRole('button', { name: copy('en', 'sign.submit') }).click();
    await expect
      .poll(() => frame.locator('h1').innerText(), { timeout: 10_000 })
      .toMatch(/Check your email to confirm|Thank you for signing!/);
    expect(page.url()).toBe(partnerUrl);
    const row = await stage.server.deps.db
      .selectFrom('signatures')
      .select(['source', 'name'])
      .where('email', '=', 'marta.partner@example.org')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'partner-site', name: 'Marta Partner' });
    if (SCREENSHOTS !== undefined) await page.screenshot({ path: `${SCREENSHOTS}/embed-thanks.png`, fullPage: true });
  });

  const AXE_PAGES = (['en', 'es'] as const).flatMap((language) => [
    { name: `the dashboard in ${language}`, language, path: () => `/organize/${petitionId}` },
    { name: `the updates list in ${language}`, language, path: () => `/organize/${petitionId}/updates?posted=1` },
    { name: `the new update form in ${language}`, language, path: () => `/organize/${petitionId}/updates/new` },
    {
      name: `the share kit with a source code in ${language}`,
      language,
      path: () => `/organize/${petitionId}/share?source=ct-students`,
    },
    { name: `the embed in ${language}`, language, path: () => `/${language}/p/${DEMO_SLUG}/embed` },
  ]);

  it.for(AXE_PAGES)('$name has no accessibility violations', async (under, test) => {
    const page = await organizerPage(test, under.language, DESKTOP, true);
    await page.goto(under.path());
    const violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('the update form with mistakes has no accessibility violations', async (test) => {
    const page = await organizerPage(test, 'es', PHONE, true);
    await page.goto(`/organize/${petitionId}/updates/new`);
    await page.getByRole('button', { name: copy('es', 'updates.submit') }).click();
    await page.waitForSelector('.error-summary');
    const violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('adds a webhook from the keyboard, told beside the field what is wrong; both pages pass axe, EN desktop and ES phone', async (test) => {
    for (const [language, screen] of [
      ['en', DESKTOP],
      ['es', PHONE],
    ] as const) {
      const page = await organizerPage(test, language, screen, true);
      await page.goto(`/organize/${petitionId}/webhooks`);
      await page.getByLabel(copy(language, 'webhooks.url'), { exact: true }).fill('http://10.0.0.1/hook');
      await page.getByRole('button', { name: copy(language, 'webhooks.save') }).press('Enter');
      await page.waitForSelector('.error-summary');
      expect(await page.locator('#url-error').innerText()).toBe(copy(language, 'webhooks.error.not_https'));
      let violations = await wcagViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      // A public address written as an IP (no name to look up on a machine without DNS).
      await page.getByLabel(copy(language, 'webhooks.url'), { exact: true }).fill('https://93.184.215.14/hook');
      await page.getByRole('button', { name: copy(language, 'webhooks.save') }).click();
      await page.waitForURL(/\/webhooks\/\d+\?done=created$/);
      expect(await page.getByRole('status').innerText()).toBe(copy(language, 'webhooks.notice.created'));
      expect(await page.locator('input.secret').inputValue()).toMatch(/^whsec_/);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        screen.viewport?.width ?? 0,
      );
      violations = await wcagViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      if (SCREENSHOTS !== undefined)
        await page.screenshot({ path: `${SCREENSHOTS}/webhook-${language}.png`, fullPage: true });
    }
  });

  it('checks a file of paper signatures on the paper page, sees its problems, then enters the good rows; axe, EN and ES phone', async (test) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'firma-paper-story-'));
    const bad = path.join(dir, 'bad.csv');
    const good = path.join(dir, 'good.csv');
    writeFileSync(bad, 'sheet,line,name,postal_code\n5,1,,06106\n');
    writeFileSync(good, 'sheet,line,name,postal_code\n5,1,Rosa Martínez,06106\n5,2,Luis Pérez,06106\n');
    for (const [language, screen, file] of [
      ['es', PHONE, bad],
      ['en', DESKTOP, good],
    ] as const) {
      const page = await organizerPage(test, language, screen, true);
      await page.goto(`/organize/${petitionId}/paper`);
      await page.getByLabel(copy(language, 'paper.file')).setInputFiles(file);
      await page.getByRole('button', { name: copy(language, 'paper.check') }).click();
      await page.waitForLoadState();
      const violations = await wcagViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        screen.viewport?.width ?? 0,
      );
      if (file === bad) {
        expect(await page.locator('.paper-problems li').innerText()).toContain(copy('es', 'error.name.required'));
        continue;
      }
      await page.getByRole('button', { name: 'Enter 2 signatures' }).click();
      await page.waitForURL(/\/paper\?entered=2/);
      expect(await page.getByRole('status').innerText()).toContain('2 signatures entered from 1 sheet');
      expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    }
  });
});
