import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

// Three levels (CONTRIBUTING.md): unit tests beside the code they test (no database, no network; `npm run
// test:unit`), integration tests in test/ (both database engines, a real SMTP server, real child processes),
// and browser stories in test/browser/ (Debian's Chromium). Without Chromium the stories are skipped, saying so.
export const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n  NOTE: ${CHROMIUM} is not installed (apt-get install chromium): the browser stories in test/browser/ were skipped\n`,
  );
}

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/browser/**'] },
      },
      ...(hasChromium
        ? [{ extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.{ts,tsx}'] } }]
        : []),
    ],
  },
});
