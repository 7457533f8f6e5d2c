// The `firma` command: serve, worker, migrate, doctor, backup and restore, demo, and the admin, mail, export and privacy tools.
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { AddressInfo } from 'node:net';
import { buildDeps, createApp, createStartingApp } from './app.js';
import type { Connection } from './platform/db/connect.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { openDatabase } from './platform/db/open-database.js';
import { catalogProblems } from './platform/i18n/translator.js';
import { findPetitionById, findPetitionBySlug } from './petitions/petition-store.js';
import { findUserByEmail, findUserById } from './accounts/user-store.js';
import { StartupError } from './platform/startup-error.js';
import { startHttpServer, type FetchHandler } from './platform/http/http-server.js';
import { DEMO_SLUG } from './demo/ct-trust-act.js';
import { ExportUsageError, runExport } from './delivery/export-command.js';
import { DEMO_SIGNATURES, seedDemo } from './demo/seed-demo.js';
import { ADMIN_USAGE, runAdminCommand } from './accounts/admin-command.js';
import { API_KEY_USAGE, runApiKeyCommand } from './api-keys/api-key-command.js';
import { startBackgroundJobs } from './background-jobs.js';
import { listFailedMail, outboxSummary, retryFailedMail } from './platform/outbox/outbox-store.js';
import { mailTransportFromConfig } from './platform/mail/transport-from-config.js';
import { PRIVACY_USAGE, runPrivacyCommand } from './privacy/privacy-command.js';
import { BACKUP_USAGE, runBackupCommand, runRestoreCommand } from './backup/backup-command.js';
import { runDoctor } from './platform/doctor/run-doctor.js';
import { DIRECTORY_USAGE, runDirectoryCommand } from './targets/directory-command.js';
import { PAPER_USAGE, runPaperImportCommand } from './signing/paper-command.js';
import { createReactions } from './reactions.js';
import { resolveSecret } from './platform/secret.js';
import { districtIndexCache } from './targets/offices-for.js';
import { createSignerMatcher } from './targets/match-signer.js';

const USAGE = `Usage: firma <command> [options]

Commands:
  serve [--no-demo]            migrate, create the demo petition on an empty database, and serve
                               (also runs the mail worker and scheduled jobs unless WORKER_IN_PROCESS=false)
  worker                       run only the mail worker and scheduled jobs (several may run on PostgreSQL)
  migrate                      apply database migrations and exit
  doctor                       check what a production server needs (BASE_URL, secret, database, mail,
                               data directory) and say what is wrong; exit 0 only when all of it holds
  demo [--signatures N]        create the demo petition (with N synthetic signatures) and exit
  mail status                  count outbox messages by state and list the failed ones
  mail retry [--id N]          queue failed messages (or one) again
  export pdf|csv --petition <slug> [--out FILE] [--all] [--from DATE] [--to DATE]
         [--town X] [--zip N] [--source S] [--paper letter|a4] [--summary-only]
  export pdf --petition <slug> --per-target --out DIR   one packet per legislator, the unassigned, a summary
  export sheets --petition <slug> [--locale es] [--sheets 10] [--first 1] [--paper a4] [--out FILE]
                               printable signature sheets (numbered, ten lines each) in one of its languages
                               the delivery packet (PDF) or the signatures (CSV), to FILE or stdout;
                               confirmed signatures only unless --all; dates are YYYY-MM-DD
${ADMIN_USAGE}
${API_KEY_USAGE}
${PRIVACY_USAGE}
${BACKUP_USAGE}
${DIRECTORY_USAGE}
${PAPER_USAGE}

Configuration is read from environment variables; see docs/configuration.md.`;

/** Stops the process on SIGTERM or SIGINT with `stop`; a second signal, or `stop` taking too long, exits at once. */
function onStopSignal(logger: pino.Logger, hardLimitMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ ms: hardLimitMs }, 'shutdown took too long: exiting now');
      process.exit(1);
    }, hardLimitMs);
    force.unref();
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

async function runServe(config: Config, withDemo: boolean): Promise<void> {
  const logger = pino({ level: config.logLevel });
  // Listening before the database is ready: /healthz says alive and /readyz "starting" while Firma waits for the
  // database and migrates it (a long migration is not taken for a dead process), every page says "a minute".
  let fetch: FetchHandler = createStartingApp(config).fetch;
  const http = await startHttpServer({
    // The node server's bindings go along: getConnInfo (the client's address) reads the socket from them.
    fetch: (request, bindings) => fetch(request, bindings),
    port: config.port,
    hostname: config.host,
    onListening: (port) => logger.info({ port }, 'listening; preparing the database'),
  });
  let connection: Connection;
  try {
    connection = await openDatabase(config, logger, { long: true });
  } catch (err) {
    await http.drain(1000);
    throw err;
  }
  if (withDemo) {
    const empty = (await connection.db.selectFrom('petitions').select('id').limit(1).execute()).length === 0;
    if (empty && (await seedDemo(connection.db, { now: new Date() })) !== undefined)
      logger.info({ slug: DEMO_SLUG }, 'demo petition created');
  }
  const deps = buildDeps(config, connection, { logger });
  // The site's languages are compiled by now: what a catalog lacks or could not compile, said once.
  for (const problem of catalogProblems()) logger.warn(problem);
  // A full disk or a read-only data directory still serves the pages; say so now, not at the first signer.
  await deps.database.checkWrites();
  fetch = createApp(deps).fetch;
  const transport = config.workerInProcess ? mailTransportFromConfig(config, logger) : undefined;
  const jobs = transport === undefined ? undefined : startBackgroundJobs(deps, transport);
  logger.info(
    { engine: connection.engine, port: (http.server.address() as AddressInfo | null)?.port, url: config.baseUrl },
    `Firma is serving ${config.baseUrl}`,
  );
  // Requests in flight finish (new ones are refused), the jobs stop at a safe point meanwhile, then the
  // database closes. Exit 0; only a stop that outlives its limit by five seconds exits 1.
  onStopSignal(logger, config.shutdownTimeoutMs + 5000, async () => {
    const jobsStopped = jobs?.stop() ?? Promise.resolve();
    const { cut } = await http.drain(config.shutdownTimeoutMs);
    if (cut > 0)
      logger.warn({ cut, ms: config.shutdownTimeoutMs }, 'requests still running at the shutdown limit were cut off');
    await jobsStopped;
    transport?.close();
    deps.database.stop();
    await connection.db.destroy();
    logger.info('stopped');
  });
}

async function runWorker(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const connection = await openDatabase(config, logger, { long: true });
  const deps = buildDeps(config, connection, { logger });
  const transport = mailTransportFromConfig(config, logger);
  const jobs = startBackgroundJobs(deps, transport, { mailDrain: 'all' });
  logger.info({ engine: connection.engine, worker: jobs.mailWorker.workerId }, 'Firma worker started');
  onStopSignal(logger, config.shutdownTimeoutMs + 5000, async () => {
    await jobs.stop();
    transport.close();
    deps.database.stop();
    await connection.db.destroy();
    logger.info('stopped');
  });
}

async function runMail(config: Config, action: string | undefined, id: string | undefined): Promise<number> {
  const logger = pino({ level: config.logLevel });
  const connection = await openDatabase(config, logger);
  try {
    if (action === 'status') {
      console.log(
        JSON.stringify(
          { outbox: await outboxSummary(connection.db), failed: await listFailedMail(connection.db) },
          null,
          2,
        ),
      );
      return 0;
    }
    if (action === 'retry') {
      const ids = id === undefined ? undefined : [Number(id)];
      if (ids !== undefined && !Number.isInteger(ids[0]))
        throw new ConfigError('--id: must be a message id (a whole number)');
      console.log(`${await retryFailedMail(connection.db, new Date().toISOString(), ids)} message(s) queued again`);
      return 0;
    }
    console.error(`Unknown mail action: ${action ?? '(none)'}\n\n${USAGE}`);
    return 2;
  } finally {
    await connection.db.destroy();
  }
}

const EXPORT_OPTIONS = {
  petition: { type: 'string' },
  out: { type: 'string' },
  all: { type: 'boolean', default: false },
  from: { type: 'string' },
  to: { type: 'string' },
  town: { type: 'string' },
  zip: { type: 'string' },
  source: { type: 'string' },
  paper: { type: 'string' },
  'summary-only': { type: 'boolean', default: false },
  'per-target': { type: 'boolean', default: false },
  locale: { type: 'string' },
  sheets: { type: 'string' },
  first: { type: 'string' },
} as const;

async function runExportCommand(
  config: Config,
  format: string | undefined,
  v: Record<string, string | boolean | undefined>,
): Promise<number> {
  const connection = await openDatabase(config, pino({ level: config.logLevel }));
  const text = (name: string) => (typeof v[name] === 'string' ? v[name] : undefined);
  try {
    await runExport(
      {
        db: connection.db,
        baseUrl: config.baseUrl,
        now: () => new Date(),
        petitionBySlug: (slug) => findPetitionBySlug(connection.db, slug),
        progress: process.stderr,
        stdout: process.stdout,
      },
      {
        format,
        petition: text('petition'),
        out: text('out'),
        all: v['all'] === true,
        from: text('from'),
        to: text('to'),
        town: text('town'),
        zip: text('zip'),
        source: text('source'),
        paper: text('paper'),
        summaryOnly: v['summary-only'] === true,
        perTarget: v['per-target'] === true,
        locale: text('locale'),
        sheets: text('sheets'),
        first: text('first'),
      },
    );
    return 0;
  } catch (err) {
    if (!(err instanceof ExportUsageError)) throw err;
    console.error(err.message);
    return 2;
  } finally {
    await connection.db.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'no-demo': { type: 'boolean', default: false },
      'discard-current': { type: 'boolean', default: false },
      signatures: { type: 'string' },
      id: { type: 'string' },
      ...EXPORT_OPTIONS,
      body: { type: 'string' },
      state: { type: 'string' },
      name: { type: 'string' },
      chamber: { type: 'string' },
      'id-property': { type: 'string' },
      user: { type: 'string' },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command = 'serve'] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(process.env);
  switch (command) {
    case 'serve':
      await runServe(config, config.demo && !values['no-demo']);
      return -1;
    case 'worker':
      await runWorker(config);
      return -1;
    case 'mail':
      return runMail(config, positionals[1], values.id);
    case 'export':
      return runExportCommand(config, positionals[1], values);
    case 'admin': {
      const connection = await openDatabase(config, pino({ level: config.logLevel }));
      try {
        return await runAdminCommand(connection.db, positionals.slice(1), new Date(), {
          out: console.log,
          err: console.error,
        });
      } finally {
        await connection.db.destroy();
      }
    }
    case 'api-key': {
      const connection = await openDatabase(config, pino({ level: config.logLevel }));
      const db = connection.db;
      try {
        const deps = {
          db,
          now: () => new Date(),
          petitions: { byId: (id: number) => findPetitionById(db, id) },
          users: { byId: (id: number) => findUserById(db, id), byEmail: (email: string) => findUserByEmail(db, email) },
          petitionIdOf: async (slug: string) => (await findPetitionBySlug(db, slug))?.id,
        };
        return await runApiKeyCommand(deps, positionals.slice(1), values, { out: console.log, err: console.error });
      } finally {
        await db.destroy();
      }
    }
    case 'backup':
    case 'restore': {
      const io = { config, now: () => new Date(), out: console.log, err: console.error };
      if (command === 'backup') return runBackupCommand(io, { out: values.out, extra: positionals.slice(1) });
      return runRestoreCommand(io, { files: positionals.slice(1), discardCurrent: values['discard-current'] });
    }
    case 'privacy': {
      const logger = pino({ level: config.logLevel });
      const connection = await openDatabase(config, logger);
      try {
        return await runPrivacyCommand(buildDeps(config, connection, { logger }), positionals.slice(1), {
          out: console.log,
          err: console.error,
        });
      } finally {
        await connection.db.destroy();
      }
    }
    case 'targets':
    case 'districts': {
      const connection = await openDatabase(config, pino({ level: config.logLevel }));
      try {
        const deps = { db: connection.db, now: () => new Date() };
        const options = { ...values, idProperty: values['id-property'] };
        return await runDirectoryCommand(deps, command, positionals.slice(1), options, {
          out: console.log,
          err: console.error,
        });
      } finally {
        await connection.db.destroy();
      }
    }
    case 'import': {
      const connection = await openDatabase(config, pino({ level: config.logLevel }));
      try {
        const deps = {
          db: connection.db,
          now: () => new Date(),
          secret: resolveSecret(config),
          // The signatures' events (webhooks queue their messages) as in the server.
          events: createReactions(),
          // Paper signers of a petition to each signer's legislators are matched by ZIP code, as the form does.
          signerMatcher: createSignerMatcher({
            db: connection.db,
            indexes: districtIndexCache(connection.db),
            geocoder: undefined,
            now: () => Date.now(),
          }),
          petitionBySlug: (slug: string) => findPetitionBySlug(connection.db, slug),
        };
        return await runPaperImportCommand(
          deps,
          positionals.slice(1),
          { petition: values.petition },
          {
            out: console.log,
            err: console.error,
          },
        );
      } finally {
        await connection.db.destroy();
      }
    }
    case 'doctor':
      // Checks only: it neither creates nor migrates the database.
      return runDoctor(config, { out: (line) => console.log(line) });
    case 'migrate': {
      const logger = pino({ level: config.logLevel });
      const connection = await openDatabase(config, logger);
      await connection.db.destroy();
      return 0;
    }
    case 'demo': {
      const signatures = values.signatures === undefined ? DEMO_SIGNATURES : Number(values.signatures);
      if (!Number.isInteger(signatures) || signatures < 0)
        throw new ConfigError('--signatures: must be a whole number, 0 or more');
      const logger = pino({ level: config.logLevel });
      const connection = await openDatabase(config, logger);
      const id = await seedDemo(connection.db, { now: new Date(), signatures });
      logger.info(
        { slug: DEMO_SLUG, signatures },
        id === undefined ? 'the demo petition already exists' : 'demo petition created',
      );
      await connection.db.destroy();
      return 0;
    }
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (
      err instanceof ConfigError ||
      (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(err.message);
      process.exitCode = 2;
      return;
    }
    if (err instanceof StartupError) {
      console.error(err.message);
      process.exitCode = 1;
      return;
    }
    console.error(err);
    process.exitCode = 1;
  },
);
