// One Firma server and one browser per test file; a fresh browser context (cookies, settings) per page.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, type TestContext } from 'vitest';
import { launchBrowser } from './browser.js';
import { startFirmaServer, type FirmaServer, type FirmaServerOptions } from './firma-server.js';

export interface Stage {
  readonly server: FirmaServer;
  readonly browser: Browser;
  /**
   * A page in a new context whose relative URLs go to the server, closed when `test` finishes
   * (so tests may run concurrently).
   */
  newPage(test: TestContext, options?: BrowserContextOptions): Promise<Page>;
}

/** Registers the hooks that start and stop the server and the browser for the calling test file. */
export function useStage(options: FirmaServerOptions = {}): Stage {
  let server: FirmaServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startFirmaServer(options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use the stage inside a test`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'the Firma server');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    async newPage(test, options = {}) {
      const context = await ready(browser, 'the browser').newContext({
        baseURL: ready(server, 'the Firma server').baseUrl,
        ...options,
      });
      test.onTestFinished(() => context.close());
      // Fail on a missing element or page well before the test's own timeout, with a message that says which.
      context.setDefaultTimeout(10_000);
      return context.newPage();
    },
  };
}
