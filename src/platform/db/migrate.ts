// Applies the append-only migrations in order, on either engine, once each.
import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Connection, Engine } from './connect.js';
import * as core from './migrations/0001-core.js';
import * as email from './migrations/0002-email.js';
import * as organizers from './migrations/0003-organizers.js';
import * as delivery from './migrations/0004-delivery.js';
import * as trust from './migrations/0005-trust.js';
import * as privacy from './migrations/0006-privacy.js';
import * as updateCounts from './migrations/0007-update-counts.js';
import * as probeAndShards from './migrations/0008-probe-and-count-shards.js';
import * as renderedMarkdown from './migrations/0009-rendered-markdown.js';
import * as reasonLabels from './migrations/0010-reason-labels.js';
import * as targetDirectory from './migrations/0011-target-directory.js';
import * as districtTargets from './migrations/0012-district-targets.js';
import * as targetResponses from './migrations/0013-target-responses.js';
import * as responseOutreach from './migrations/0014-response-outreach.js';
import * as petitionSearch from './migrations/0015-petition-search.js';
import * as petitionPictures from './migrations/0016-petition-pictures.js';
import * as shareMessages from './migrations/0017-share-messages.js';
import * as signaturesByPostalArea from './migrations/0018-signatures-by-postal-area.js';
import * as apiKeys from './migrations/0019-api-keys.js';
import * as webhooks from './migrations/0020-webhooks.js';
import * as crmPush from './migrations/0021-crm-push.js';
import * as paperSignatures from './migrations/0022-paper-signatures.js';
import * as petitionTeams from './migrations/0023-petition-teams.js';
import * as kiosks from './migrations/0024-kiosks.js';
import * as districtRowsLater from './migrations/0025-district-rows-later.js';
import * as closingAnnounced from './migrations/0026-closing-announced.js';

interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-core': core,
  '0002-email': email,
  '0003-organizers': organizers,
  '0004-delivery': delivery,
  '0005-trust': trust,
  '0006-privacy': privacy,
  '0007-update-counts': updateCounts,
  '0008-probe-and-count-shards': probeAndShards,
  '0009-rendered-markdown': renderedMarkdown,
  '0010-reason-labels': reasonLabels,
  '0011-target-directory': targetDirectory,
  '0012-district-targets': districtTargets,
  '0013-target-responses': targetResponses,
  '0014-response-outreach': responseOutreach,
  '0015-petition-search': petitionSearch,
  '0016-petition-pictures': petitionPictures,
  '0017-share-messages': shareMessages,
  '0018-signatures-by-postal-area': signaturesByPostalArea,
  '0019-api-keys': apiKeys,
  '0020-webhooks': webhooks,
  '0021-crm-push': crmPush,
  '0022-paper-signatures': paperSignatures,
  '0023-petition-teams': petitionTeams,
  '0024-kiosks': kiosks,
  '0025-district-rows-later': districtRowsLater,
  '0026-closing-announced': closingAnnounced,
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

/** The schema new tables go to on PostgreSQL (the first existing one on the search path). */
async function currentSchema(connection: Connection): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(connection.db);
  return rows[0]?.schema ?? undefined;
}

/** The migration names, in the order they apply. */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

/**
 * Applies every migration not yet applied, or only those up to and including `upTo` (a test of a
 * migration's data step starts from the schema before it). Returns the names applied.
 */
export async function migrateToLatest(connection: Connection, upTo?: string): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema it can see. Name ours on PostgreSQL, or
  // another Firma schema in the same database (another instance, a parallel test) is taken for it
  // and the migration fails with 'relation "kysely_migration_lock" does not exist'.
  const migrationTableSchema = connection.engine === 'postgres' ? await currentSchema(connection) : undefined;
  const migrator = new Migrator({
    db: connection.db,
    provider: providerFor(connection.engine),
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  });
  for (let attempt = 1; ; attempt += 1) {
    const { error, results } = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
    if (error === undefined) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely's introspection also reads every other schema, and fails with 3F000 (schema) or 42P01
    // (relation) when one is dropped at that moment (a parallel test, another tenant). Nothing was
    // applied: try again.
    if (attempt < 5 && isOtherSchemaDropped(error, migrationTableSchema)) continue;
    throw error instanceof Error ? error : new Error(String(error));
  }
}

/** How many migrations the database records as applied (0 when it has never been migrated): cheap, for /readyz. */
export async function appliedMigrationCount(db: QueryExecutorProvider): Promise<number> {
  try {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from kysely_migration`.execute(db);
    return Number(rows[0]?.n ?? 0);
  } catch (err) {
    // No bookkeeping table yet: nothing applied. Any other failure is the caller's to judge.
    if (/no such table|does not exist/.test(err instanceof Error ? err.message : '')) return 0;
    throw err;
  }
}

function isOtherSchemaDropped(error: unknown, ours: string | undefined): boolean {
  if (!(error instanceof Error) || !('code' in error) || (error.code !== '3F000' && error.code !== '42P01'))
    return false;
  return ours === undefined || !error.message.includes(`"${ours}"`);
}

/** The migrations this database lacks, in the order they apply; none when it is up to date. Changes nothing. */
export async function pendingMigrations(connection: Connection): Promise<string[]> {
  const migrationTableSchema = connection.engine === 'postgres' ? await currentSchema(connection) : undefined;
  const migrator = new Migrator({
    db: connection.db,
    provider: providerFor(connection.engine),
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
