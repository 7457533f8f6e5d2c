// Opens a Kysely database on SQLite (a file, WAL) or PostgreSQL, chosen by the configuration.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import type { Database as DatabaseConfig } from '../config.js';
import { checkpointInThread } from './checkpoint-thread.js';
import { resilientPool } from './postgres-pool.js';
import type { Tables } from './schema.js';

export type Engine = DatabaseConfig['engine'];
export type Db = Kysely<Tables>;

export interface Connection {
  db: Db;
  engine: Engine;
  /**
   * Errors no query was waiting for (an idle PostgreSQL connection closed by a restart): reported to the
   * listener set here (the database health), never thrown. SQLite has none.
   */
  onBackgroundError(listener: (err: Error) => void): void;
  /** PostgreSQL's pool now (for /metrics); undefined on SQLite, whose one connection is the process's own. */
  poolUse(): { size: number; idle: number; waiting: number; max: number } | undefined;
}

export interface ConnectOptions {
  poolSize?: number;
  /** PostgreSQL only: the schema to work in (tests give each test its own). */
  searchPath?: string;
  /**
   * PostgreSQL: the longest a statement may run (the server cancels it) and, a second later, the longest
   * Firma waits for an answer (a server that stopped answering). 0: no limit (migrations). Default 5000.
   */
  statementTimeoutMs?: number;
  /** PostgreSQL: the longest a query waits for a connection from the pool, or for a new one. Default 5000. */
  acquireTimeoutMs?: number;
  /** PostgreSQL: the name the connections show in pg_stat_activity ('firma'). */
  applicationName?: string;
  /**
   * SQLite: copy the write-ahead log into the database from a thread of its own, ahead of the commits that
   * would (the long-running server and worker; see checkpoint-thread.ts). A problem with it goes to `onProblem`.
   */
  checkpointInThread?: boolean;
  onProblem?: (message: string) => void;
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL with synchronous=NORMAL keeps every committed transaction across a crash of the
  // process (kill -9); only an operating-system crash can lose the last few.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** Prepared statements kept per SQL text; the signing path's few queries repeat thousands of times a second. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query it runs; preparing costs more than running a small insert. Statements
 * are reused by SQL text (least recently used dropped first). Reuse is safe because Kysely runs one
 * query at a time on its single SQLite connection, streams included.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      if (sql === 'rollback') return rollbackIfOpen(sqlite);
      const cached = statements.get(sql);
      if (cached !== undefined) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value ?? sql);
      return statement;
    },
  };
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR): Kysely's ROLLBACK
 * would then fail with "cannot rollback - no transaction is active" and hide the error that mattered.
 */
function rollbackIfOpen(sqlite: SQLite.Database): SqliteStatement {
  const none = { changes: 0, lastInsertRowid: 0 };
  return {
    reader: false,
    all: () => [],
    iterate: () => [][Symbol.iterator](),
    run: () => (sqlite.inTransaction ? sqlite.prepare('rollback').run() : none),
  };
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 5000;

export function connect(config: DatabaseConfig, options: ConnectOptions = {}): Connection {
  if (config.engine === 'sqlite') {
    const sqlite = openSqlite(config.file);
    const checkpoints = options.checkpointInThread ? checkpointInThread(config.file, options.onProblem) : undefined;
    const database = withStatementCache(sqlite);
    const close = () => {
      void checkpoints?.stop();
      database.close();
    };
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: { ...database, close } }) });
    return { engine: 'sqlite', db, onBackgroundError: () => undefined, poolUse: () => undefined };
  }
  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.poolSize ?? 20,
    connectionTimeoutMillis: options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
    // The server cancels a statement past its time; Firma stops waiting a second later, for a server that
    // no longer answers at all (packets dropped: without this a query waits for TCP to give up, minutes).
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout, query_timeout: statementTimeout + 1000 } : {}),
    // Operators see Firma's connections by name (pg_stat_activity), and can tell them from others'.
    application_name: options.applicationName ?? 'firma',
    // A transaction left open (a process frozen mid-way) must not hold its locks for ever.
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(options.searchPath === undefined ? {} : { options: `-c search_path=${options.searchPath}` }),
  });
  let listener: (err: Error) => void = () => undefined;
  const db = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool: resilientPool(pool, (err) => listener(err)) }),
  });
  return {
    engine: 'postgres',
    db,
    onBackgroundError(next) {
      listener = next;
    },
    poolUse: () => ({
      size: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max,
    }),
  };
}

/** True when an insert failed on a unique constraint, on either engine. */
/** The engine behind a Kysely instance (a transaction's too). */
export function engineOf(db: Kysely<Tables>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const code = (err as { code: unknown }).code; // narrowed by the `in` check above
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
