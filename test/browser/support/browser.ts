// The system Chromium driven by playwright-core, and the two screens a Firma reader has: a phone and a desktop.
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A mid-size phone held upright. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
};

/** What a reader's browser says about their language: `locale` also sets Accept-Language. */
/** A browser set to a language as people in Connecticut have it (Accept-Language follows `locale`). */
export function speaking(language: string): BrowserContextOptions {
  const regional: Record<string, string> = { en: 'en-US', es: 'es-US' };
  return { locale: regional[language] ?? language, timezoneId: 'America/New_York' };
}
