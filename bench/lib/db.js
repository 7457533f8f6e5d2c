// One SQL statement on a benchmark server's own database (SQLite file or PostgreSQL), outside the server: to set
// up what a fault run needs and to count what it left. `?` placeholders on both engines.
import path from 'node:path';
import pg from 'pg';
import SQLite from 'better-sqlite3';

export async function query(server, sql, params = []) {
  if (server.engine === 'postgres') {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${(n += 1)}`),
          params,
        )
      ).rows;
    } finally {
      await client.end();
    }
  }
  const db = new SQLite(path.join(server.dataDir, 'firma.db'));
  try {
    return /^\s*select/i.test(sql) ? db.prepare(sql).all(...params) : (db.prepare(sql).run(...params), []);
  } finally {
    db.close();
  }
}
