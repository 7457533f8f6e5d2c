// After a run, counts the signature rows in the database itself, to check the sharded count against:
// `rows` the confirmed ones (those the public count counts), `allRows` including pending ones.
import pg from 'pg';
import SQLite from 'better-sqlite3';
import path from 'node:path';

export async function countRows(server) {
  if (server.engine === 'postgres') {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS n, count(*)::int AS t, count(DISTINCT email_normalized)::int AS d FROM signatures",
      );
      return { rows: rows[0].n, allRows: rows[0].t, distinctEmails: rows[0].d };
    } finally {
      await client.end();
    }
  }
  const db = new SQLite(path.join(server.dataDir, 'firma.db'), { readonly: true });
  try {
    const row = db
      .prepare(
        "SELECT sum(status = 'confirmed') AS n, count(*) AS t, count(DISTINCT email_normalized) AS d FROM signatures",
      )
      .get();
    return { rows: row.n, allRows: row.t, distinctEmails: row.d };
  } finally {
    db.close();
  }
}
