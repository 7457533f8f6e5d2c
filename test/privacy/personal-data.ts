// Looks for personal data anywhere in the database: every column of every table, as text.
import { ownTables } from '../support/own-tables.js';
import type { TestApp } from '../support/test-app.js';

/** The tables that hold any of `needles` in any column, with the matching text (lower-cased search). */
export async function tablesHolding(t: TestApp, needles: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const name of await ownTables(t)) {
    // Table names come from the database itself; the row type is unknown here by nature.
    const rows: Record<string, unknown>[] = await t.deps.db
      .selectFrom(name as 'signatures')
      .selectAll()
      .execute();
    for (const row of rows) {
      const text = JSON.stringify(row, (_key, value: unknown) =>
        value instanceof Uint8Array ? '' : value,
      ).toLowerCase();
      for (const needle of needles) if (text.includes(needle.toLowerCase())) (found[name] ??= []).push(needle);
    }
  }
  return found;
}
