// Tells a database that cannot serve right now (gone, unreachable, too slow, out of space, read-only) from
// every other database error: the first is answered 503 "try again in a minute", the rest 500.

export type UnavailableCause =
  'unreachable' | 'timeout' | 'disk_full' | 'read_only' | 'io_error' | 'busy' | 'overloaded';

/** Thrown by Firma's own guards (a query that outlived its time, a pool that gave no connection in time). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(
    readonly reason: UnavailableCause,
    message: string,
  ) {
    super(message);
  }
}

/** PostgreSQL SQLSTATE codes (and classes) that mean "not now", not "wrong". */
const POSTGRES_CODES: Record<string, UnavailableCause> = {
  '57P01': 'unreachable', // admin_shutdown: a restart, a failover, pg_terminate_backend
  '57P02': 'unreachable', // crash_shutdown
  '57P03': 'unreachable', // cannot_connect_now: starting up or shutting down
  '57P05': 'unreachable', // idle_session_timeout
  '57014': 'timeout', // query_canceled: statement_timeout
  '55P03': 'timeout', // lock_not_available: lock_timeout
  '53100': 'disk_full',
  '53200': 'overloaded', // out_of_memory
  '53300': 'overloaded', // too_many_connections
  '53400': 'overloaded', // configuration_limit_exceeded
  '25006': 'read_only', // read_only_sql_transaction: a standby after a failover
};

/** The client library's own failures: the socket went away, or never came. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres reports these as plain Errors without a code. */
const POSTGRES_CLIENT_MESSAGES: [RegExp, UnavailableCause][] = [
  [/^Connection terminated/, 'unreachable'],
  [/^timeout exceeded when trying to connect$/, 'timeout'],
  [/^Query read timeout$/, 'timeout'],
  [/is not queryable$/, 'unreachable'],
  [/^Client was closed/, 'unreachable'],
];

function sqliteCause(code: string): UnavailableCause | undefined {
  if (code === 'SQLITE_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return 'io_error';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return undefined;
}

/** Why the database cannot serve, when `err` says it cannot; undefined for any other error. */
export function unavailableCause(err: unknown): UnavailableCause | undefined {
  if (err instanceof DatabaseUnavailableError) return err.reason;
  if (typeof err !== 'object' || err === null) return undefined;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  if (code !== undefined) {
    const postgres = POSTGRES_CODES[code] ?? (code.startsWith('08') && code.length === 5 ? 'unreachable' : undefined);
    if (postgres !== undefined) return postgres;
    if (NETWORK_CODES.has(code)) return 'unreachable';
    if (code.startsWith('SQLITE_')) return sqliteCause(code);
  }
  const message = err instanceof Error ? err.message : undefined;
  if (message === undefined) return undefined;
  for (const [pattern, cause] of POSTGRES_CLIENT_MESSAGES) if (pattern.test(message)) return cause;
  // An AggregateError (several addresses refused) carries its parts.
  if (err instanceof AggregateError) return err.errors.map(unavailableCause).find((c) => c !== undefined);
  return undefined;
}

/** Causes that a successful read does not cure: only a successful write shows the database took writes again. */
export function needsWriteToRecover(cause: UnavailableCause): boolean {
  return cause === 'disk_full' || cause === 'read_only' || cause === 'io_error';
}
