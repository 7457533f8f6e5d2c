import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';

const postgres = enginesToTest().find((engine) => engine.name === 'postgres');

describe('migrations on PostgreSQL', () => {
  it.skipIf(postgres === undefined || postgres.skipReason !== undefined)(
    'a database migrates while another Firma schema already exists in the same PostgreSQL database',
    async () => {
      const opened: TestDatabase[] = [];
      if (postgres === undefined) return;
      try {
        // Each open() creates a schema and migrates it; the second used to find the first one's
        // bookkeeping tables and fail.
        opened.push(await postgres.open());
        opened.push(await postgres.open());
        for (const db of opened) {
          expect(await db.connection.db.selectFrom('petitions').select('id').execute()).toEqual([]);
          expect(await migrateToLatest(db.connection)).toEqual([]);
        }
      } finally {
        await Promise.all(opened.map((db) => db.close()));
      }
    },
  );

  it('migrating again changes nothing, on every engine', async () => {
    for (const engine of enginesToTest()) {
      if (engine.skipReason !== undefined) continue;
      const db = await engine.open();
      try {
        expect(await migrateToLatest(db.connection)).toEqual([]);
      } finally {
        await db.close();
      }
    }
  });
});
