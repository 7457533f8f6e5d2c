// The engines every database test runs on, each test on a clean database of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/platform/config.js';
import { connect, type Connection, type Engine } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import type { SchemaShape } from './global-setup.js';

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

/**
 * Migrated schemas that a finished test gave back, ready for the next. Migrating a schema costs about
 * 200 ms on PostgreSQL and every PostgreSQL test needs one; emptying one costs a few milliseconds. Vitest runs
 * each test file in a process of its own, so the free list is a table every process of the run shares
 * (public.firma_test_schemas, made by global-setup.ts, which also drops the run's schemas at its end). A
 * schema is emptied when it is taken, so anything written after its last test closed is gone too. A test
 * that asks for an earlier migration gets a schema of its own, dropped after it.
 */
const RUN = process.env['FIRMA_TEST_RUN'];
const SHAPE = process.env['FIRMA_TEST_SCHEMA_SHAPE'];
const migratedShape = SHAPE === undefined ? undefined : (JSON.parse(SHAPE) as SchemaShape);

/** Runs queries on a connection of their own (not the test's), closed after. */
async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  if (postgresUrl === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A schema another test of this run gave back, emptied and now this test's alone; undefined when there is none. */
async function takeIdleSchema(): Promise<string | undefined> {
  if (RUN === undefined || migratedShape === undefined) return undefined;
  const shape = migratedShape;
  return asAdmin(async (admin) => {
    const { rows } = await admin.query<{ name: string }>(
      `DELETE FROM public.firma_test_schemas WHERE name = (
         SELECT name FROM public.firma_test_schemas WHERE run = $1 LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING name`,
      [RUN],
    );
    const schema = rows[0]?.name;
    if (schema !== undefined) await admin.query(emptyingSql(schema, shape));
    return schema;
  });
}

/**
 * What empties a migrated schema back to what the migrations left: no rows but theirs, every sequence
 * restarted. DELETE with the foreign-key triggers off (the tables are small; this needs the superuser the
 * tests connect as) is about twice as fast as TRUNCATE, which makes new files for every table.
 */
function emptyingSql(schema: string, shape: SchemaShape): string {
  const statements = ['SET LOCAL session_replication_role = replica'];
  for (const table of shape.tables) statements.push(`DELETE FROM ${schema}.${table}`);
  for (const sequence of shape.sequences) statements.push(`ALTER SEQUENCE ${schema}.${sequence} RESTART`);
  for (const seed of shape.seeds) {
    const literal = `'${JSON.stringify(seed.rows).replaceAll("'", "''")}'`;
    statements.push(
      `INSERT INTO ${schema}.${seed.table} SELECT * FROM json_populate_recordset(null::${schema}.${seed.table}, ${literal})`,
    );
    if (seed.sequence !== undefined)
      statements.push(`SELECT setval('${schema}.${seed.sequence}', (SELECT max(id) FROM ${schema}.${seed.table}))`);
  }
  // One round trip, one transaction: the simple query protocol runs the statements in order.
  return `BEGIN;\n${statements.join(';\n')};\nCOMMIT`;
}

const postgres: TestEngine = {
  name: 'postgres',
  skipReason: postgresUrl === undefined ? 'TEST_DATABASE_URL is not set: PostgreSQL tests were skipped' : undefined,
  async open(upTo) {
    if (postgresUrl === undefined) throw new Error('TEST_DATABASE_URL is not set');
    const config: Database = { engine: 'postgres', url: postgresUrl };
    const reused = upTo === undefined ? await takeIdleSchema() : undefined;
    // A schema per test: as clean as a new database, and much faster to make.
    const schema = reused ?? `t_${RUN ?? 'x'}_${randomBytes(6).toString('hex')}`;
    if (reused === undefined) await asAdmin((admin) => admin.query(`CREATE SCHEMA ${schema}`));
    const connection = connect(config, { searchPath: schema, poolSize: 10 });
    if (reused === undefined) await migrateToLatest(connection, upTo);
    return {
      connection,
      config,
      searchPath: schema,
      async close() {
        await connection.db.destroy();
        await asAdmin((admin) =>
          upTo === undefined && RUN !== undefined
            ? admin.query(`INSERT INTO public.firma_test_schemas (run, name) VALUES ($1, $2)`, [RUN, schema])
            : admin.query(`DROP SCHEMA ${schema} CASCADE`),
        );
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
