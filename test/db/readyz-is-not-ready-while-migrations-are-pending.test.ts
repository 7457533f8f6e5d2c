// /readyz answers 200 only when the database answers and has every migration this code needs: a database put back
// from an older backup under a running server is "not ready" (503, with how many are missing) until migrated,
// while /healthz, the liveness probe, stays 200.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../src/platform/db/migrate.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('/readyz and migrations on $name', (engine) => {
  const t = useTestApp(engine);

  it('is ready on a migrated database, and 503 with the number pending when migrations are missing', async () => {
    const ready = await t.app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const last = MIGRATION_NAMES.slice(-2);
    await sql`delete from kysely_migration where name in (${sql.join(last)})`.execute(t.deps.db);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the answer is shared for a second
    try {
      const pending = await t.app.request('/readyz');
      expect(pending.status).toBe(503);
      expect(pending.headers.get('retry-after')).toBe('60');
      expect(await pending.json()).toEqual({ status: 'unavailable', database: 'migrations_pending', pending: 2 });
      expect((await t.app.request('/healthz')).status).toBe(200);
    } finally {
      // The tables are shared by the next test: put the bookkeeping back as it was.
      const at = new Date().toISOString();
      for (const name of last)
        await sql`insert into kysely_migration (name, timestamp) values (${name}, ${at})`.execute(t.deps.db);
    }
  });
});
