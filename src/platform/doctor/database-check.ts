// The database: reachable with DATABASE_URL, and migrated. Nothing is created or migrated here.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import { connect, type Connection } from '../db/connect.js';
import { MIGRATION_NAMES, pendingMigrations } from '../db/migrate.js';
import { describeDatabase, POSTGRES_SETUP } from '../db/open-database.js';
import { errorCode, errorMessage, type Finding } from './check.js';

const RUN_MIGRATE = 'run `firma migrate` (firma serve also migrates when it starts)';

/** Errors of reaching the database or logging in, in plain words; keyed by PostgreSQL SQLSTATE or Node code. */
const CAUSES: Record<string, string> = {
  ...POSTGRES_SETUP,
  ECONNREFUSED:
    'nothing answers there (connection refused): start PostgreSQL, or correct the host and port in DATABASE_URL',
  ENOTFOUND: 'the host name does not resolve (DNS): correct the host in DATABASE_URL',
  EAI_AGAIN: 'the host name does not resolve (DNS): correct the host in DATABASE_URL',
  SQLITE_NOTADB: 'the file is not a SQLite database: correct DATABASE_URL or FIRMA_DATA_DIR',
  SQLITE_CANTOPEN: 'the file cannot be opened: check its permissions and its directory’s',
  SQLITE_READONLY: 'the file cannot be written: check its owner and permissions',
};

function unreachable(err: unknown, where: string, timeoutMs: number): Finding {
  const code = errorCode(err);
  // SQLite's extended codes (SQLITE_READONLY_DIRECTORY) share their primary code's cause.
  const cause = code === undefined ? undefined : (CAUSES[code] ?? CAUSES[code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')]);
  if (cause !== undefined) return { ok: false, message: `${where}: ${cause} (${code})` };
  if (/timeout|terminated/i.test(errorMessage(err)))
    return {
      ok: false,
      message: `${where} did not answer within ${timeoutMs / 1000} seconds: check that it is running, and the firewall`,
    };
  return { ok: false, message: `${where} could not be used: ${code ?? errorMessage(err)}` };
}

export async function checkDatabase(config: Config, { timeoutMs }: { timeoutMs: number }): Promise<Finding> {
  const where = describeDatabase(config.database);
  // Opening a SQLite file that is not there would create it (and its directory).
  if (config.database.engine === 'sqlite' && !fs.existsSync(config.database.file))
    return { ok: false, message: `there is no database at ${where} yet: ${RUN_MIGRATE}` };
  let connection: Connection | undefined;
  let pending: string[];
  try {
    connection = connect(config.database, { poolSize: 1, statementTimeoutMs: timeoutMs, acquireTimeoutMs: timeoutMs });
    await sql`select 1`.execute(connection.db);
    pending = await pendingMigrations(connection);
  } catch (err) {
    return unreachable(err, where, timeoutMs);
  } finally {
    await connection?.db.destroy().catch(() => undefined);
  }
  const total = MIGRATION_NAMES.length;
  if (pending.length === total)
    return { ok: false, message: `${where} answers, but is empty (no migration applied): ${RUN_MIGRATE}` };
  if (pending.length > 0)
    return {
      ok: false,
      message: `${where} answers, but ${pending.length} of ${total} migrations are pending (${pending.join(', ')}): ${RUN_MIGRATE}`,
    };
  return { ok: true, message: `${where} answers; all ${total} migrations are applied` };
}
