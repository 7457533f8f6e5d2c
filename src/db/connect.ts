// Opens a Kysely database on SQLite (a file, WAL) or PostgreSQL, chosen by the configuration.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
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

export function connect(config: DatabaseConfig, options: ConnectOptions = {}): Connection {
  if (config.engine === 'sqlite') {
    const sqlite = openSqlite(config.file);
    return { engine: 'sqlite', db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) }) };
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
