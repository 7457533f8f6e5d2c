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

const ALONE = ['test/browser/**', 'test/faults/**', 'test/process/**'];
const PARALLEL = { maxWorkers: 2, sequence: { groupOrder: 0 } };
// A browser story walks many pages and runs axe on several; each step fails on its own after 10 s (stage.ts), but
// the whole story, two at a time on a loaded two-core CI machine, has taken more than 30 s (an axe run on the
// dashboard's district map is not bounded by Playwright's timeouts).
const BROWSER = { maxWorkers: 2, sequence: { groupOrder: 1 }, testTimeout: 90_000 };
const ONE_BY_ONE = { maxWorkers: 1, sequence: { groupOrder: 2 } };

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    // Two groups, one after the other. First the unit and integration tests, two files at a time: they
    // mostly wait on a database, each on its own (a file per SQLite database, a schema per PostgreSQL
    // test), so two keep both cores busy. Then, one file at a time, the tests that start real processes,
    // cut databases or drive Chromium: they load the machine on purpose and must not share it.
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'], ...PARALLEL } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.{ts,tsx}'], exclude: ALONE, ...PARALLEL },
      },
      {
        extends: true,
        test: { name: 'processes', include: ['test/faults/**/*.test.ts', 'test/process/**/*.test.ts'], ...ONE_BY_ONE },
      },
      ...(hasChromium
        ? [{ extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.{ts,tsx}'], ...BROWSER } }]
        : []),
    ],
  },
});
