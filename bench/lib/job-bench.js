// What the benchmarks of the server's background jobs (bench/invalidate.js, bench/update-fanout.js) share:
// the server's database opened directly on either engine, many rows made by the database itself,
// a /healthz probe that measures how long the web process was blocked, and the command line.
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/** The demo petition's id, as an SQL subquery. */
export const DEMO_PETITION_ID = "(SELECT id FROM petitions WHERE slug = 'ct-trust-act')";

/** The same few statements on either engine: SQLite through better-sqlite3, PostgreSQL through pg. */
export async function openDatabase(server) {
  if (server.engine === 'postgres') {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    return {
      query: async (sql, params = []) =>
        (
          await client.query(
            sql.replace(/\?/g, (_, i) => `$${sql.slice(0, i).split('?').length}`),
            params,
          )
        ).rows,
      close: () => client.end(),
    };
  }
  const db = new SQLite(path.join(server.dataDir, 'firma.db'));
  db.pragma('busy_timeout = 10000');
  return {
    query: async (sql, params = []) => {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(...params) : (statement.run(...params), []);
    },
    close: async () => db.close(),
  };
}

/** The first column of the first row, as a number (0 when there is none). */
export async function scalar(db, sql, params = []) {
  const [row] = await db.query(sql, params);
  return Number(Object.values(row ?? { n: 0 })[0] ?? 0);
}

/**
 * The numbers 1 to `count` as rows, for `INSERT … SELECT … FROM (${series}) AS numbers`, made by the
 * database itself (generate_series, or a recursive CTE on SQLite); `n` is the column as text.
 */
export function numberSeries(engine, count) {
  return engine === 'postgres'
    ? { series: `SELECT g AS n FROM generate_series(1, ${count}) AS g`, n: 'CAST(n AS TEXT)' }
    : {
        series: `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${count}) SELECT n FROM s`,
        n: 'n',
      };
}

/** GET /healthz every `everyMs`; the longest answer while it ran. */
export function probeLatency(baseUrl, everyMs) {
  let stopped = false;
  let maxMs = 0;
  let count = 0;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      await fetch(`${baseUrl}/healthz`).then((r) => r.arrayBuffer());
      maxMs = Math.max(maxMs, performance.now() - started);
      count += 1;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { maxMs, probes: count };
    },
  };
}

/** This benchmark's options plus --json and --help; --help prints `usage` and exits. */
export function parseBenchArgs(usage, options) {
  const { values } = parseArgs({
    options: {
      ...options,
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(`Usage: ${usage}`);
    process.exit(0);
  }
  return values;
}

/** The result as JSON with --json, else as the benchmark's own lines. */
export function report(result, json, print) {
  if (json) console.log(JSON.stringify(result, null, 2));
  else print(result);
}
