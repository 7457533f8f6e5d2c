// Once per test run, for PostgreSQL: names this run's schemas, migrates the first one and records what a
// migrated schema holds (its tables and the rows the migrations wrote), keeps the shared list of migrated
// schemas free for reuse, and drops the run's schemas when it ends (a finished test gives its schema back
// rather than dropping it; see databases.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

export interface SchemaShape {
  tables: string[];
  sequences: string[];
  /** Rows the migrations themselves wrote (e.g. the moderation reasons), put back when a schema is emptied. */
  seeds: { table: string; rows: unknown[]; sequence: string | undefined }[];
}

export async function setup(): Promise<() => Promise<void>> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url === undefined) return async () => {};
  const run = randomBytes(4).toString('hex');
  const first = `t_${run}_first`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(
      'CREATE TABLE IF NOT EXISTS public.firma_test_schemas (run text NOT NULL, name text PRIMARY KEY)',
    );
    await admin.query(`CREATE SCHEMA ${first}`);
    const connection = connect({ engine: 'postgres', url }, { searchPath: first, poolSize: 1 });
    await migrateToLatest(connection);
    await connection.db.destroy();
    const found = await admin.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'
         AND table_name NOT LIKE 'kysely_migration%' ORDER BY table_name`,
      [first],
    );
    const sequences = await admin.query<{ name: string }>(
      `SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = $1`,
      [first],
    );
    const shape: SchemaShape = {
      tables: found.rows.map((row) => row.name),
      sequences: sequences.rows.map((row) => row.name),
      seeds: [],
    };
    for (const table of shape.tables) {
      const { rows } = await admin.query<{ rows: unknown[] }>(
        `SELECT coalesce(json_agg(t), '[]') AS rows FROM ${first}.${table} t`,
      );
      const seeded = rows[0]?.rows ?? [];
      if (seeded.length === 0) continue;
      const serial = await admin.query<{ name: string | null }>(`SELECT pg_get_serial_sequence($1, 'id') AS name`, [
        `${first}.${table}`,
      ]);
      const sequence = serial.rows[0]?.name?.split('.').pop();
      shape.seeds.push({ table, rows: seeded, sequence });
    }
    await admin.query('INSERT INTO public.firma_test_schemas (run, name) VALUES ($1, $2)', [run, first]);
    process.env['FIRMA_TEST_RUN'] = run;
    process.env['FIRMA_TEST_SCHEMA_SHAPE'] = JSON.stringify(shape);
  } finally {
    await admin.end();
  }
  return async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('DELETE FROM public.firma_test_schemas WHERE run = $1', [run]);
      const { rows } = await admin.query<{ name: string }>(
        `SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE $1`,
        [`t\\_${run}\\_%`],
      );
      for (const { name } of rows) await admin.query(`DROP SCHEMA ${name} CASCADE`);
    } finally {
      await admin.end();
    }
  };
}
