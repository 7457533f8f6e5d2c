// An admin looks at the demo's sample legislature (marked as sample data), then loads a real one's people from
// a file and, with a mistake, its districts: every page passes axe in English and Spanish, with and without
// the list of a bad file's problems.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, type TestContext } from 'vitest';
import { createSession } from '../../src/accounts/session-store.js';
import { SESSION_COOKIE } from '../../src/web/middleware/session.js';
import { sampleOpenStatesCsv } from '../../src/targets/sample/sample-assembly.js';
import { copy } from '../support/copy.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { useStage, type Stage } from './support/stage.js';

let admins = 0;

async function adminPage(stage: Stage, test: TestContext, language: 'en' | 'es' | 'ar', phone: boolean): Promise<Page> {
  const n = ++admins;
  const db = stage.server.deps.db;
  const { id } = await db
    .insertInto('users')
    .values({
      email: `admin-${n}@example.org`,
      name: `Admin ${n}`,
      role: 'admin',
      locale: language,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const page = await stage.newPage(test, { ...(phone ? PHONE : DESKTOP), ...speaking(language), bypassCSP: true });
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: await createSession(db, id, new Date()), url: stage.server.baseUrl }]);
  return page;
}

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-upload-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const SHOTS = process.env['FIRMA_SCREENSHOTS'];

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS !== undefined) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('an admin loads a legislature', () => {
  const stage = useStage({ env: { FIRMA_LOCALES: 'en,es,ar' } });

  for (const language of ['en', 'es'] as const) {
    it(`sees the sample legislature marked as sample data, imports people and is told every problem of a bad boundary file (${language})`, async (test) => {
      const page = await adminPage(stage, test, language, false);
      await page.goto('/admin');
      await page.getByRole('link', { name: copy(language, 'admin.link.targets') }).click();
      await page.waitForURL('**/admin/targets');
      expect(await page.locator('table').innerText()).toContain(copy(language, 'targets.sampleBadge'));
      expect(describeViolations(await wcagViolations(page))).toBe('no violations');
      await shot(page, `targets-${language}`);

      await page.getByRole('link', { name: /Connecticut/ }).click();
      await page.waitForURL('**/admin/targets/ct-general-assembly');
      expect(await page.locator('.sample-note').innerText()).toBe(copy(language, 'targets.sample'));
      expect(await page.locator('table tbody tr').count()).toBe(187);
      expect(describeViolations(await wcagViolations(page))).toBe('no violations');
      await shot(page, `targets-sample-body-${language}`);

      await page.goto('/admin/targets');
      const slug = `ny-legislature-${language}`;
      await page.getByLabel(copy(language, 'targets.field.body')).fill(slug);
      await page.getByLabel(copy(language, 'targets.field.state')).fill('ny');
      await page.locator('#people-file').setInputFiles(tempFile('ny.csv', sampleOpenStatesCsv()));
      await page.getByRole('button', { name: copy(language, 'targets.import.submit') }).click();
      await page.waitForURL(`**/admin/targets/imports/people`);
      expect(await page.getByRole('status').innerText()).toContain(
        copy(language, 'targets.imported.people', { added: 187, updated: 0, moved: 0, ended: 0, unchanged: 0 }),
      );
      expect(await page.locator('.sample-note').count()).toBe(0);

      await page.locator('#chamber-upper').check();
      expect(await page.locator('#chamber-upper').isChecked()).toBe(true);
      await page.getByLabel(copy(language, 'targets.field.idProperty')).fill('SLDUST');
      const projected = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { SLDUST: '001' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [1e6, 6e5],
                  [1e6 + 10, 6e5],
                  [1e6, 6e5 + 10],
                  [1e6, 6e5],
                ],
              ],
            },
          },
        ],
      };
      await page.locator('#districts-file').setInputFiles(tempFile('state-plane.geojson', JSON.stringify(projected)));
      await page.getByRole('button', { name: copy(language, 'targets.districts.submit') }).click();
      await page.waitForSelector('#import-problems');
      expect(await page.locator('#import-problems').innerText()).toContain(
        copy(language, 'targets.problem.atFeature', {
          feature: 1,
          problem: copy(language, 'targets.problem.coordinates'),
        }),
      );
      expect(describeViolations(await wcagViolations(page))).toBe('no violations');
      await shot(page, `targets-problems-${language}`);
    });
  }

  for (const language of ['en', 'es', 'ar'] as const) {
    it(`the directory's pages pass axe on a phone (${language})`, async (test) => {
      const page = await adminPage(stage, test, language, true);
      for (const [where, name] of [
        ['/admin/targets', 'targets-phone'],
        ['/admin/targets/ct-general-assembly', 'targets-sample-body-phone'],
      ] as const) {
        expect((await page.goto(where))?.status()).toBe(200);
        expect(describeViolations(await wcagViolations(page))).toBe('no violations');
        await shot(page, `${name}-${language}`);
      }
    });
  }
});
