// The home page's search over many petitions: starts the real server (SQLite by default) with the demo, adds N
// generated open petitions (titles and statements of words drawn from a 5,000-word vocabulary with a Zipf
// distribution, English and Spanish, accents included; signature counts spread the same way), then measures
//   1. the search query itself, in this process on the same database file: p50 / p99 / max over queries drawn from
//      the same distribution (one or two words, some typed without their accents), by how many petitions matched;
//   2. `GET /en?q=…` through the server under load (64 connections), each request a different query, beside the
//      bare-Node GET baseline (bench/hello.js) of the same run;
//   3. the home page's lists (most signed, fastest growing, newest, victories) over the same petitions;
//   4. `GET /en` (the home page without a search) under load.
// Usage: npm run build && node bench/search.js [--petitions 100000] [--queries 3000] [--duration 10]
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { benchHello } from './hello.js';
import { runAutocannon } from './lib/load.js';
import { startFirma } from './lib/server.js';

const { values } = parseArgs({
  options: {
    petitions: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '3000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
  },
});
const PETITIONS = Number(values.petitions);
const QUERIES = Number(values.queries);

// A deterministic generator, so two runs search the same petitions.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const SYLLABLES = [
  'ma',
  'lo',
  'ri',
  'ción',
  'te',
  'sa',
  'gua',
  'pe',
  'dí',
  'na',
  'co',
  'ver',
  'tra',
  'bú',
  'en',
  'ley',
];
const VOCABULARY = Array.from({ length: 5000 }, (_, i) => {
  let word = '';
  for (let n = i + 7; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word;
});
// Zipf: the i-th word is drawn in proportion to 1 / (i + 1).
const weights = VOCABULARY.map((_, i) => 1 / (i + 1));
const cumulative = [];
weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
const totalWeight = cumulative[cumulative.length - 1];
function zipfIndex() {
  const r = random() * totalWeight;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const words = (n) => Array.from({ length: n }, () => VOCABULARY[zipfIndex()]).join(' ');
const unaccented = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (x) => x.toFixed(2);

const { lastMilestone } = await import('../dist/milestones/milestones.js');

function seed100k(file) {
  const db = new SQLite(file);
  db.pragma('busy_timeout = 10000');
  const now = new Date().toISOString();
  const insertPetition = db.prepare(`INSERT INTO petitions (slug, status, default_locale, country, delivery_method,
    created_at, updated_at, published_at, requires_verification, moderation_state)
    VALUES (?, 'open', 'en', 'US', 'by_hand', ?, ?, ?, 0, 'approved')`);
  const insertText = db.prepare(`INSERT INTO petition_translations (petition_id, locale, title, statement, why,
    delivery_details, statement_html, why_html, delivery_details_html) VALUES (?, ?, ?, ?, '', '', ?, '', '')`);
  const insertTarget = db.prepare('INSERT INTO petition_targets (petition_id, position) VALUES (?, 0)');
  const insertTargetName = db.prepare(
    "INSERT INTO petition_target_names (target_id, locale, name) VALUES (?, 'en', ?)",
  );
  const insertCount = db.prepare(
    'INSERT INTO petition_count_shards (petition_id, shard, signature_count) VALUES (?, 0, ?)',
  );
  // Each petition's milestones as if announced when reached (the milestones job would otherwise announce 100,000
  // at once when the server next looks).
  const markMilestone = db.prepare('UPDATE petitions SET last_milestone_notified = ? WHERE id = ?');
  const insertSearch = db.prepare('INSERT INTO petition_search (rowid, document) VALUES (?, ?)');
  const started = performance.now();
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const { lastInsertRowid } = insertPetition.run(`search-bench-${i}`, now, now, now);
      const id = Number(lastInsertRowid);
      const title = words(6);
      const statement = words(30);
      insertText.run(id, 'en', title, statement, `<p>${statement}</p>`);
      const titleEs = words(6);
      const statementEs = words(30);
      if (i % 2 === 0) insertText.run(id, 'es', titleEs, statementEs, `<p>${statementEs}</p>`);
      const target = Number(insertTarget.run(id).lastInsertRowid);
      const targetName = `Council of ${words(2)}`;
      insertTargetName.run(target, targetName);
      const count = Math.floor(100_000 / (1 + zipfIndex()));
      insertCount.run(id, count);
      markMilestone.run(lastMilestone(count) ?? 0, id);
      // The document as the app writes it (petition-search.ts): titles, statements, targets.
      insertSearch.run(id, [title, statement, ...(i % 2 === 0 ? [titleEs, statementEs] : []), targetName].join('\n'));
    }
  });
  for (let from = 0; from < PETITIONS; from += 5000) batch(from, Math.min(PETITIONS, from + 5000));
  // Copied into the database file now: the server would otherwise meet a log of a hundred megabytes at its next
  // read (an artefact of writing so much beside it at once; petitions are made one at a time).
  db.pragma('wal_checkpoint(TRUNCATE)');
  // A copy to try queries on by hand: KEEP_SEARCH_DB=/tmp/search.db node bench/search.js
  if (process.env['KEEP_SEARCH_DB'] !== undefined) db.prepare('VACUUM INTO ?').run(process.env['KEEP_SEARCH_DB']);
  db.close();
  return (performance.now() - started) / 1000;
}

const hello = await benchHello({ durationS: Number(values.duration) });
const helloGet = hello[0];
console.log(`bare Node GET /: ${Math.round(helloGet.load.rps)}/s, p99 ${helloGet.load.latencyMs.p99} ms`);

const server = await startFirma({ label: 'firma-search' });
try {
  const file = path.join(server.dataDir, 'firma.db');
  const seconds = seed100k(file);
  console.log(`${PETITIONS} petitions added and indexed in ${seconds.toFixed(1)} s`);

  // 1. The query, in this process, on the same file (the server is idle meanwhile).
  const { connect } = await import('../dist/platform/db/connect.js');
  const { searchPetitions } = await import('../dist/petitions/petition-search.js');
  const lists = await import('../dist/petitions/front-page-lists.js');
  const connection = connect({ engine: 'sqlite', file });
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const q = words(i % 3 === 0 ? 2 : 1);
    return i % 4 === 0 ? unaccented(q).toUpperCase() : q;
  });
  const byMatches = { 'under 100': [], '100–1,000': [], 'over 1,000 (newest first)': [] };
  const all = [];
  for (const q of queries) {
    const t0 = performance.now();
    const found = await searchPetitions(connection.db, q, { page: 1, perPage: 20, now: new Date() });
    const elapsed = performance.now() - t0;
    all.push(elapsed);
    const bucket = found.total < 100 ? 'under 100' : found.broad ? 'over 1,000 (newest first)' : '100–1,000';
    byMatches[bucket].push(elapsed);
  }
  all.sort((a, b) => a - b);
  console.log(
    `search query (${QUERIES} queries): p50 ${ms(percentile(all, 50))} / p99 ${ms(percentile(all, 99))} / max ${ms(all[all.length - 1])} ms`,
  );
  for (const [bucket, times] of Object.entries(byMatches)) {
    if (times.length === 0) continue;
    times.sort((a, b) => a - b);
    console.log(
      `  ${bucket} matches (${times.length} queries): p50 ${ms(percentile(times, 50))} / p99 ${ms(percentile(times, 99))} / max ${ms(times[times.length - 1])} ms`,
    );
  }
  for (const [name, run] of [
    ['most signed (kept a minute)', () => lists.mostSigned(connection.db, 20)],
    ['fastest growing (kept a minute)', () => lists.fastestGrowing(connection.db, new Date(), 20)],
    ['newest', () => lists.newest(connection.db, new Date(), 20)],
    ['recent victories', () => lists.recentVictories(connection.db, 20)],
  ]) {
    const t0 = performance.now();
    await run();
    console.log(`home page ${name}: ${ms(performance.now() - t0)} ms`);
  }
  await connection.db.destroy();

  // 2. Through the server, every request a different query (past its ten-second cache).
  // The query's words and then punctuation that spells the request's number (not a word: the same search, but
  // another text typed, which the server's cache keeps apart).
  const marks = (k) => (k === 0 ? '' : marks(Math.floor(k / 5)) + '.,;:!'[k % 5]);
  let n = 0;
  const requests = [
    {
      method: 'GET',
      setupRequest: (req) => {
        n += 1;
        return { ...req, path: `/en?q=${encodeURIComponent(`${queries[n % queries.length]} ${marks(n)}`)}` };
      },
    },
  ];
  const load = await runAutocannon({
    url: server.baseUrl,
    connections: Number(values.connections),
    durationS: Number(values.duration),
    requests,
  });
  console.log(
    `GET /en?q=… through the server: ${Math.round(load.rps)}/s (${(load.rps / helloGet.load.rps).toFixed(3)} of bare Node), p50 ${load.latencyMs.p50} / p99 ${load.latencyMs.p99} / max ${load.latencyMs.max} ms, statuses ${JSON.stringify(load.statusCodes)}, errors ${load.errors}, timeouts ${load.timeouts}`,
  );
  const home = await runAutocannon({
    url: server.baseUrl,
    connections: Number(values.connections),
    durationS: Number(values.duration),
    requests: [{ method: 'GET', path: '/en' }],
  });
  console.log(
    `GET /en (the lists) through the server: ${Math.round(home.rps)}/s (${(home.rps / helloGet.load.rps).toFixed(3)} of bare Node), p50 ${home.latencyMs.p50} / p99 ${home.latencyMs.p99} / max ${home.latencyMs.max} ms`,
  );
} finally {
  await server.cleanUp();
}
