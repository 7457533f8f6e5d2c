// The whole story of a petition to each signer's own legislators, in Chromium on a phone: a Spanish signer whose ZIP
// code lies in two House districts signs without an address, is told so, adds her street address on the thank-you
// page (placed by a geocoder: a real HTTP server started here), is told which senator and representative get her
// signature, confirms from the email that names them, and the organizer's dashboard map and table count her under
// her representative. axe finds nothing on the thank-you page and the dashboard, in Spanish and English.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleZipCrosswalk, sampleZipPoint } from '../../src/targets/sample/sample-assembly.js';
import { copy } from '../support/copy.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { DEMO_PETITION } from './support/firma-server.js';
import { linkEndingIn, waitForEml } from './support/mailbox.js';
import { useStage } from './support/stage.js';
import { adminPage } from './support/admin-page.js';

const SHOTS = process.env['FIRMA_SCREENSHOTS'];
const shot = async (page: Page, name: string) => {
  if (SHOTS !== undefined) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

const houseDistricts = sampleZipCrosswalk()
  .filter((r) => r.zip === '06106' && r.chamber === 'lower')
  .sort((a, b) => b.share - a.share)
  .map((r) => r.district);
const [senate] = sampleZipCrosswalk()
  .filter((r) => r.zip === '06106' && r.chamber === 'upper')
  .map((r) => r.district);
const [house, otherHouse] = houseDistricts;

/** A Census-compatible geocoder that places every address at the sample point of ZIP 06106 (in its first district). */
const geocoder = http.createServer((req, res) => {
  const point = sampleZipPoint('06106');
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ result: { addressMatches: [{ coordinates: { x: point?.[0], y: point?.[1] } }] } }));
});
const env: Record<string, string> = { GEOCODER: 'census' };

describe('a Spanish signer with a split ZIP reaches her own representative', () => {
  beforeAll(async () => {
    await new Promise<void>((resolve) => geocoder.listen(0, '127.0.0.1', resolve));
    env['GEOCODER_URL'] =
      `http://127.0.0.1:${(geocoder.address() as AddressInfo).port}/geocoder/locations/onelineaddress`;
  });
  afterAll(() => new Promise<void>((resolve) => geocoder.close(() => resolve())));
  // Registered after the geocoder's hook, so the server starts with its address.
  const stage = useStage({ env });

  it('signs, adds her street address on the thank-you page, confirms, and is counted under her representative', async (test) => {
    const page = await stage.newPage(test, { ...PHONE, ...speaking('es'), bypassCSP: true });
    await page.goto(DEMO_PETITION);
    await page.getByLabel(copy('es', 'sign.name'), { exact: true }).fill('Lucía Gómez');
    await page.getByLabel(copy('es', 'sign.email'), { exact: true }).fill('lucia.gomez@example.org');
    await page.getByLabel(copy('es', 'sign.postalCode'), { exact: true }).fill('06106');
    await page.getByRole('button', { name: copy('es', 'sign.submit') }).tap();
    await page.waitForURL('**/es/p/ct-trust-act/thanks?confirm=1*');

    const recipients = page.locator('.recipients');
    expect(await recipients.innerText()).toContain(`Sen. Sample Senator ${senate} (Distrito ${senate})`);
    expect(await recipients.innerText()).toContain(`(${house} y ${otherHouse})`);
    expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    await shot(page, 'thanks-split-es-360');

    await page.getByLabel(copy('es', 'sign.street'), { exact: true }).fill('500 Main St');
    await page.getByRole('button', { name: copy('es', 'thanks.recipients.submit') }).tap();
    // The page it comes back to has the same address but for its ticket: wait for the form to be gone.
    await page.locator('.district-form').waitFor({ state: 'detached' });
    const settled = await recipients.innerText();
    expect(settled).toContain(
      `Tu firma va dirigida a Sen. Sample Senator ${senate} (Distrito ${senate}) y Rep. Sample Representative ${house} (Distrito ${house}).`,
    );
    expect(settled).not.toContain(copy('es', 'thanks.recipients.submit'));
    expect(describeViolations(await wcagViolations(page))).toBe('no violations');
    await shot(page, 'thanks-settled-es-360');

    // The confirmation names her legislators (sent after she settled it, or before: then it says split; wait for it).
    const mail = await waitForEml(stage.server.mailDir, 'lucia.gomez@example.org');
    await page.goto(linkEndingIn(mail, '/confirm'));
    await page.getByRole('button', { name: copy('es', 'confirm.submit') }).tap();
    await page.getByRole('heading', { level: 1, name: copy('es', 'confirm.title') }).waitFor();

    for (const language of ['es', 'en'] as const) {
      const organizer = await adminPage(stage, test, language, DESKTOP);
      await organizer.goto('/organize/1');
      const map = organizer.locator(`#map-1-lower-title`);
      expect(await map.count()).toBe(1);
      const title = language === 'es' ? `Distrito ${house}: ` : `District ${house}: `;
      const shape = organizer.locator('.district-map path title', { hasText: new RegExp(`^${title}`) });
      expect(await shape.textContent()).toMatch(new RegExp(`^${title}\\d+`));
      await organizer.locator('.by-district details').nth(1).locator('summary').click();
      const row = organizer
        .locator('.district-table')
        .nth(1)
        .locator('tr', { has: organizer.locator('th', { hasText: new RegExp(`^${house}$`) }) });
      expect(await row.innerText()).toContain(`Sample Representative ${house} (`);
      expect(describeViolations(await wcagViolations(organizer))).toBe('no violations');
      await shot(organizer, `dashboard-districts-${language}`);
    }
    const stored = await stage.server.deps.db
      .selectFrom('signature_districts as d')
      .innerJoin('signatures as s', 's.id', 'd.signature_id')
      .select(['d.chamber', 'd.method', 'd.district', 's.status'])
      .where('s.email', '=', 'lucia.gomez@example.org')
      .orderBy('d.chamber', 'desc')
      .execute();
    expect(stored).toEqual([
      { chamber: 'upper', method: 'zip', district: senate, status: 'confirmed' },
      { chamber: 'lower', method: 'address', district: house, status: 'confirmed' },
    ]);
  });
});
