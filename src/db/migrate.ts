// Applies the append-only migrations in order, on either engine, once each.
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Connection, Engine } from './connect.js';
import * as core from './migrations/0001-core.js';
import * as email from './migrations/0002-email.js';

interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-core': core,
  '0002-email': email,
};

function providerFor(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      const entries = Object.entries(MIGRATIONS).map(([name, m]): [string, Migration] => [
        name,
        { up: (db) => m.up(db, engine) },
      ]);
      return Object.fromEntries(entries);
    },
  };
}

export async function migrateToLatest(connection: Connection): Promise<string[]> {
  const migrator = new Migrator({ db: connection.db, provider: providerFor(connection.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
