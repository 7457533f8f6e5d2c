// A real Firma HTTP server on a free loopback port, on a fresh SQLite file seeded with the demo petition.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { pino } from 'pino';
import { buildDeps, createApp } from '../../../src/app.js';
import { startBackgroundJobs } from '../../../src/background-jobs.js';
import { mailTransportFromConfig } from '../../../src/platform/mail/transport-from-config.js';
import { connect } from '../../../src/platform/db/connect.js';
import { migrateToLatest } from '../../../src/platform/db/migrate.js';
import { DEMO_SLUG } from '../../../src/demo/ct-trust-act.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import type { Deps } from '../../../src/deps.js';
import { testConfig } from '../../support/test-app.js';

export const DEMO_PETITION = `/p/${DEMO_SLUG}`;

export interface FirmaServer {
  /** http://127.0.0.1:<port>, also the server's BASE_URL. */
  baseUrl: string;
  deps: Deps;
  /** Mail is written as .eml files here, as `npm start` does with no SMTP_URL. */
  mailDir: string;
  close(): Promise<void>;
}

type FetchHandler = (request: Request) => Response | Promise<Response>;

function listen(fetch: FetchHandler): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err === undefined ? resolve() : reject(err)));
    // Keep-alive sockets from the browser would otherwise hold close() open.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

export interface FirmaServerOptions {
  /** Send mail over SMTP to this URL (a test's SMTP sink) instead of writing .eml files. */
  smtpUrl?: string;
  /** More settings, as the environment gives them (FIRMA_LOCALES…). */
  env?: Record<string, string>;
}

export async function startFirmaServer(options: FirmaServerOptions = {}): Promise<FirmaServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'firma-browser-'));
  const connection = connect({ engine: 'sqlite', file: path.join(dir, 'firma.db') });
  await migrateToLatest(connection);
  await seedDemo(connection.db, { now: new Date() });

  // The app must know its own URL (BASE_URL), which is only known once the port is: the server
  // listens on port 0 first and is handed the app right after, before anyone can know the port.
  let app: { fetch: FetchHandler } | undefined;
  const server = await listen((request) => {
    if (app === undefined) return new Response('starting', { status: 503 });
    return app.fetch(request);
  });
  const { port } = server.address() as AddressInfo; // a TCP server listening on a port reports an AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = testConfig({
    BASE_URL: baseUrl,
    FIRMA_DATA_DIR: dir,
    ...options.env,
    ...(options.smtpUrl === undefined ? {} : { SMTP_URL: options.smtpUrl }),
  });
  const deps = buildDeps(config, connection, { logger: pino({ level: 'silent' }) });
  app = createApp(deps);
  const logger = pino({ level: 'silent' });
  const jobs = startBackgroundJobs(deps, mailTransportFromConfig(config, logger), { mailPollMs: 50 });

  return {
    baseUrl,
    deps,
    mailDir: path.join(dir, 'mail'),
    async close() {
      await jobs.stop();
      await closeServer(server);
      await connection.db.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
