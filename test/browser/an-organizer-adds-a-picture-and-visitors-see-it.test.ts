// In a real Chromium: an organizer gives the demo petition a picture (the file chosen in the browser, its
// description in English and Spanish, the part to keep in view), and visitors see it on a phone and a desktop,
// as WebP in the width the screen needs; the progress bar fills in only for a visitor whose system allows motion.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { DEMO_SLUG } from '../../src/demo/ct-trust-act.js';
import { copy } from '../support/copy.js';
import { describeViolations, wcagViolations } from './support/axe.js';
import { DESKTOP, PHONE, speaking } from './support/browser.js';
import { horizontalOverflow } from './support/page-reading.js';
import { useStage } from './support/stage.js';
import { makeAccount, signedInPage, type StageAccount } from './support/accounts.js';

const SCREENSHOTS = process.env['SCREENSHOT_DIR'];

describe('an organizer adds a picture, and visitors see it', () => {
  const stage = useStage();
  let petitionId = 0;
  let ana: StageAccount;
  let photo = '';

  beforeAll(async () => {
    const { db } = stage.server.deps;
    petitionId = (await db.selectFrom('petitions').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow())
      .id;
    ana = await makeAccount(db, { email: 'ana@example.org', name: 'Ana', role: 'admin', locale: 'es' });
    // A wide "rally" photo: sky above, people (warm colours) in the lower part, taken with a GPS position.
    photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'firma-picture-')), 'rally.jpg');
    const people = await sharp({ create: { width: 2400, height: 700, channels: 3, background: '#b3261e' } })
      .png()
      .toBuffer();
    await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#5a8fd6' } })
      .composite([{ input: people, left: 0, top: 900 }])
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 45/1 5697/100' } })
      .jpeg()
      .toFile(photo);
  });

  const organizerPage = (test: TestContext, language: string) =>
    signedInPage(stage, test, ana, { ...DESKTOP, ...speaking(language), bypassCSP: true });

  it('the organizer chooses the file, describes it in each language and keeps the people in view; the form passes axe', async (test) => {
    const page = await organizerPage(test, 'es');
    await page.goto(`/organize/${petitionId}/picture`);
    expect(await page.locator('h1').innerText()).toBe(copy('es', 'picture.heading'));
    // Sent without a description in Spanish first: the message is beside that field, in Spanish.
    await page.setInputFiles('#picture', photo);
    await page.fill('#alt_en', 'Families rally at the Capitol in Hartford');
    await page.click(`button:has-text("${copy('es', 'picture.save')}")`);
    expect(await page.locator('#alt_es-error').innerText()).toBe(copy('es', 'picture.error.alt'));
    const violations = await wcagViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.setInputFiles('#picture', photo);
    await page.fill('#alt_es', 'Familias reunidas frente al Capitolio de Hartford');
    await page.check('#focus-bottom');
    await page.click(`button:has-text("${copy('es', 'picture.save')}")`);
    expect(await page.getByRole('status').innerText()).toBe(copy('es', 'picture.saved'));
    expect(
      await page.evaluate<number>("document.querySelector('.organizer-picture img').naturalWidth"),
    ).toBeGreaterThan(0);
    if (SCREENSHOTS !== undefined)
      await page.screenshot({ path: `${SCREENSHOTS}/picture-form-es.png`, fullPage: true });
  });

  it('a visitor on a phone gets the WebP in a phone’s width, cropped around the people, and nothing spills sideways', async (test) => {
    for (const [screen, name, language] of [
      [{ ...PHONE, viewport: { width: 360, height: 800 } }, 'phone', 'es'],
      [DESKTOP, 'desktop', 'en'],
    ] as const) {
      const page = await stage.newPage(test, { ...screen, ...speaking(language), bypassCSP: true });
      await page.goto(`/p/${DEMO_SLUG}`);
      await page.locator('.petition-picture img').scrollIntoViewIfNeeded();
      await page.waitForFunction("document.querySelector('.petition-picture img')?.complete === true");
      const shown = await page.evaluate<{ src: string; natural: number; alt: string; position: string }>(`(() => {
        const el = document.querySelector('.petition-picture img');
        return { src: el.currentSrc, natural: el.naturalWidth, alt: el.alt, position: getComputedStyle(el).objectPosition };
      })()`);
      expect(shown.src, name).toMatch(/\/pictures\/\d+\/[\w-]+\/\d+\.webp$/);
      expect(shown.natural, name).toBeGreaterThan(0);
      // A 360 px phone at 2× needs about 720 pixels: the 960 file, never the 1600 one.
      if (name === 'phone') expect(shown.src).toMatch(/\/960\.webp$/);
      expect(shown.alt).toBe(
        language === 'es'
          ? 'Familias reunidas frente al Capitolio de Hartford'
          : 'Families rally at the Capitol in Hartford',
      );
      expect(shown.position).toBe('50% 100%');
      expect(await horizontalOverflow(page), name).toBe(0);
      if (SCREENSHOTS !== undefined)
        await page.screenshot({ path: `${SCREENSHOTS}/picture-${name}-${language}.png`, fullPage: false });
      const violations = await wcagViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
  });

  it('the progress bar fills in for a visitor who allows motion, and stands still for one who asked for less', async (test) => {
    // The animation each visitor's page runs on the bar (its computed style: an animation that already ran stays named).
    const animation = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await stage.newPage(test, { ...DESKTOP, reducedMotion });
      await page.goto(`/en/p/${DEMO_SLUG}`);
      return page.evaluate<string>(
        "getComputedStyle(document.querySelector('.petition-status progress')).animationName",
      );
    };
    expect(await animation('no-preference')).toBe('progress-fill');
    expect(await animation('reduce')).toBe('none');
  });
});
