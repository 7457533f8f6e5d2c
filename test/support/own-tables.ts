// The tables of this test's own database, by name. Kysely's introspection reads every schema of the
// PostgreSQL database and fails when a test running beside this one drops its schema at that moment;
// this asks only about the test's own schema (its search path) or SQLite file.
import { sql } from 'kysely';
import type { TestApp } from './test-app.js';

export async function ownTables(t: TestApp): Promise<string[]> {
  const { rows } =
    t.deps.engine === 'postgres'
      ? await sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(
          t.deps.db,
        )
      : await sql<{
          name: string;
        }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(t.deps.db);
  return rows.map((row) => row.name).sort();
}
