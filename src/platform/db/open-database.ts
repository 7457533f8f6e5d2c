// Opens and migrates the database at start. A database that is not up yet is waited for; one that cannot be
// used (a full disk, a read-only data directory, a wrong password) stops Firma with one plain sentence that
// names the cause and what to do, never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { errorCode, errorMessage } from '../error-code.js';
import { StartupError } from '../startup-error.js';
import { connect, type Connection } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { unavailableCause, type UnavailableCause } from './unavailable.js';

/** How long `firma serve` waits for a database that is starting (or restarting) before giving up. */
export const WAIT_FOR_DATABASE_MS = 60_000;
const RETRY_MS = 2000;

/** Errors of the data directory itself (creating it, opening the file), before SQLite says anything. */
const FILE_CAUSES: Record<string, UnavailableCause> = {
  ENOSPC: 'disk_full',
  EROFS: 'read_only',
  EACCES: 'read_only',
  EPERM: 'read_only',
  EIO: 'io_error',
};

/** PostgreSQL errors that waiting will not cure, with what to say (firma doctor says the same). */
export const POSTGRES_SETUP: Record<string, string> = {
  '3D000': 'the database does not exist: create it (createdb) or correct DATABASE_URL',
  '28P01': 'the password was refused: correct the user or password in DATABASE_URL',
  '28000': 'the server does not let this user in: check DATABASE_URL and pg_hba.conf',
  '42501': 'the user may not create tables here: grant it CREATE on the database and schema',
};

/** The database as an operator names it: the file, or host, port and name (never the password). */
export function describeDatabase(database: Config['database']): string {
  if (database.engine === 'sqlite') return database.file;
  try {
    const url = new URL(database.url);
    return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** True when the disk that holds the SQLite file has (almost) no space left for it. */
function diskFull(file: string): boolean {
  try {
    const stats = fs.statfsSync(path.dirname(path.resolve(file)));
    return stats.bavail * stats.bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

/** False when the directory of the SQLite file cannot be written (a read-only mount, a directory not Firma's). */
function writable(file: string): boolean {
  try {
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function startupMessage(cause: UnavailableCause, where: string, err: unknown): string {
  const detail = `(${errorCode(err) ?? errorMessage(err)})`;
  switch (cause) {
    case 'disk_full':
      return `Firma cannot start: the disk that holds ${where} is full ${detail}. Free some space, then start Firma again.`;
    case 'read_only':
      return `Firma cannot start: ${where} cannot be written ${detail}. Firma must write there: check the directory's owner and permissions, and that its disk is not mounted read-only.`;
    case 'io_error':
      // SQLite says "I/O error" or "cannot open" when it cannot make or grow its -wal and -shm files: on a
      // full disk, or on a read-only one.
      if (diskFull(where)) return startupMessage('disk_full', where, err);
      if (!writable(where)) return startupMessage('read_only', where, err);
      return `Firma cannot start: reading or writing ${where} failed ${detail}. Check the disk.`;
    default:
      return `Firma cannot start: ${where} did not answer within ${WAIT_FOR_DATABASE_MS / 1000} seconds ${detail}. Check that the database is running and reachable.`;
  }
}

/**
 * Migrates, then opens the connection Firma serves on. On PostgreSQL the migrations get a connection of their
 * own with no statement time limit (an index on a big table takes longer than any request may).
 */
async function migrateAndConnect(
  config: Config,
  logger: Logger,
  long: boolean,
): Promise<{ connection: Connection; applied: string[] }> {
  const serving = () =>
    connect(config.database, {
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      acquireTimeoutMs: config.databaseAcquireTimeoutMs,
      checkpointInThread: long,
      onProblem: (message) => logger.warn(message),
    });
  if (config.database.engine === 'sqlite') {
    const connection = serving();
    try {
      return { connection, applied: await migrateToLatest(connection) };
    } catch (err) {
      await connection.db.destroy().catch(() => undefined);
      throw err;
    }
  }
  const migration = connect(config.database, {
    poolSize: 1,
    statementTimeoutMs: 0,
    acquireTimeoutMs: config.databaseAcquireTimeoutMs,
  });
  try {
    const applied = await migrateToLatest(migration);
    return { connection: serving(), applied };
  } finally {
    await migration.db.destroy().catch(() => undefined);
  }
}

export interface OpenOptions {
  /** How long to wait for a database that is starting. */
  waitMs?: number;
  /** A process that runs for long (firma serve, firma worker): SQLite checkpoints in a thread of its own. */
  long?: boolean;
}

export async function openDatabase(config: Config, logger: Logger, options: OpenOptions = {}): Promise<Connection> {
  const waitMs = options.waitMs ?? WAIT_FOR_DATABASE_MS;
  const where = describeDatabase(config.database);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const { connection, applied } = await migrateAndConnect(config, logger, options.long === true);
      if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
      return connection;
    } catch (err) {
      const code = errorCode(err);
      const setup = code === undefined ? undefined : POSTGRES_SETUP[code];
      if (setup !== undefined) throw new StartupError(`Firma cannot start: ${where}: ${setup} (${code}).`);
      const cause = unavailableCause(err) ?? (code === undefined ? undefined : FILE_CAUSES[code]);
      if (cause === undefined) throw err;
      const waiting = cause === 'unreachable' || cause === 'timeout' || cause === 'overloaded' || cause === 'busy';
      if (!waiting || Date.now() + RETRY_MS > deadline) throw new StartupError(startupMessage(cause, where, err));
      logger.warn({ cause, code, message: errorMessage(err) }, `waiting for the database (${where})`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
