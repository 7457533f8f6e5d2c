// Opens a Kysely database on SQLite (a file, WAL) or PostgreSQL, chosen by the configuration.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import type { Database as DatabaseConfig } from '../config.js';
import type { Tables } from './schema.js';

export type Engine = DatabaseConfig['engine'];
export type Db = Kysely<Tables>;

export interface Connection {
  db: Db;
  engine: Engine;
}

export interface ConnectOptions {
  poolSize?: number;
  /** PostgreSQL only: the schema to work in (tests give each test its own). */
  searchPath?: string;
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

export function connect(config: DatabaseConfig, options: ConnectOptions = {}): Connection {
  if (config.engine === 'sqlite') {
    const sqlite = openSqlite(config.file);
    return { engine: 'sqlite', db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }) };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.poolSize ?? 20,
    ...(options.searchPath === undefined ? {} : { options: `-c search_path=${options.searchPath}` }),
  });
  return { engine: 'postgres', db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }) };
}

/** True when an insert failed on a unique constraint, on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err)) return false;
  const code = (err as { code: unknown }).code; // narrowed by the `in` check above
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
