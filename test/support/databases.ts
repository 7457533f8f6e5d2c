// The engines every database test runs on, each test on a clean database of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/config.js';
import { connect, type Connection, type Engine } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDatabase {
  connection: Connection;
  /** The configuration a second process would use to reach this same database. */
  config: Database;
  searchPath: string | undefined;
  close(): Promise<void>;
}

export interface TestEngine {
  name: Engine;
  /** Why the engine is skipped, or undefined when it runs. */
  skipReason: string | undefined;
  /** A clean database, migrated to the latest schema (or only up to the migration `upTo`). */
  open(upTo?: string): Promise<TestDatabase>;
}

const postgresUrl = process.env['TEST_DATABASE_URL'];

const sqlite: TestEngine = {
  name: 'sqlite',
  skipReason: undefined,
  async open(upTo) {
    const config: Database = { engine: 'sqlite', file: ':memory:' };
    const connection = connect(config);
    await migrateToLatest(connection, upTo);
    return { connection, config, searchPath: undefined, close: () => connection.db.destroy() };
  },
};

const postgres: TestEngine = {
  name: 'postgres',
  skipReason: postgresUrl === undefined ? 'TEST_DATABASE_URL is not set: PostgreSQL tests were skipped' : undefined,
  async open(upTo) {
    if (postgresUrl === undefined) throw new Error('TEST_DATABASE_URL is not set');
    // A schema per test: as clean as a new database, and much faster to make.
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const config: Database = { engine: 'postgres', url: postgresUrl };
    const connection = connect(config, { searchPath: schema, poolSize: 10 });
    await migrateToLatest(connection, upTo);
    return {
      connection,
      config,
      searchPath: schema,
      async close() {
        await connection.db.destroy();
        const cleanup = new pg.Client({ connectionString: postgresUrl });
        await cleanup.connect();
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.end();
      },
    };
  },
};

export const ENGINES: TestEngine[] = [sqlite, postgres];

let warned = false;
/** The engines to run on; says once, plainly, when PostgreSQL is skipped. */
export function enginesToTest(): TestEngine[] {
  if (postgres.skipReason !== undefined && !warned) {
    warned = true;
    console.warn(`\n  NOTE: ${postgres.skipReason}\n`);
  }
  return ENGINES;
}
