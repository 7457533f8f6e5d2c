// A Firma app on a clean test database, driven with app.request() (no port), plus helpers to sign.
import { TEST_SECRET } from './factories.js';
import { buildDeps, createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { Deps } from '../../src/deps.js';
import type { TestDatabase, TestEngine } from './databases.js';
import { pino, type Logger } from 'pino';
import { afterEach, beforeEach } from 'vitest';
import type { Connection } from '../../src/platform/db/connect.js';

export const TEST_ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  database: TestDatabase;
  /** Moves the test clock (the response cache and rate limits follow it). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: Date;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    FIRMA_DATA_DIR: '/tmp/firma-test-data',
    FIRMA_SECRET: TEST_SECRET,
    BASE_URL: TEST_ORIGIN,
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export async function createTestApp(engine: TestEngine, options: TestAppOptions = {}): Promise<TestApp> {
  return testAppOn(await engine.open(), options);
}

/**
 * A test app on a database already opened; `connection` is the one the app uses (by default the database's
 * own; a fault test passes one that goes through a proxy it can break).
 */
export function testAppOn(
  database: TestDatabase,
  options: TestAppOptions & { connection?: Connection; logger?: Logger } = {},
): TestApp {
  let time = (options.now ?? new Date('2026-11-25T12:00:00Z')).getTime();
  const config = testConfig(options.env);
  const deps = buildDeps(config, options.connection ?? database.connection, {
    logger: options.logger ?? pino({ level: 'silent' }),
    now: () => new Date(time),
  });
  return {
    app: createApp(deps),
    deps,
    database,
    advance(ms) {
      time += ms;
    },
    async close() {
      deps.database.stop();
      await database.close();
    },
  };
}

export type Fields = Record<string, string>;

export function validSignature(overrides: Fields = {}): Fields {
  return {
    name: 'Rosa Martínez',
    email: 'rosa@example.org',
    postal_code: '06106',
    comment: '',
    name_display: 'full',
    opt_in: 'yes',
    website: '',
    ...overrides,
  };
}

/** Posts a form the way a browser on this site does (same-origin headers). */
export function postForm(
  t: TestApp,
  path: string,
  fields: Fields,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    t.app.request(path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/**
 * The shared fixture of a describe block run on one engine: registers the hooks that skip the block when
 * the engine is not available, open a clean test app before each test and close it after. Returns the
 * current test's app (a stand-in that reads through to it), so the block's tests use `t.app`, `t.deps`…
 * as before; further setup goes in the block's own beforeEach, which runs after this one.
 */
export function useTestApp(engine: TestEngine, options: TestAppOptions | (() => TestAppOptions) = {}): TestApp {
  let current: TestApp | undefined;
  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    current = await createTestApp(engine, typeof options === 'function' ? options() : options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as TestApp, {
    get(_target, property) {
      if (current === undefined) throw new Error('the test app exists only inside a test (useTestApp)');
      return current[property as keyof TestApp];
    },
  });
}
