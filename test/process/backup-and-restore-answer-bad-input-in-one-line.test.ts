// `firma backup` and `firma restore` given what they cannot use: one plain line and exit 1 (bad input) or 2
// (usage, or PostgreSQL, where they make nothing and say which pg_dump/pg_restore commands to run instead).
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFirma, cleanUp, killAll, launch, tempDataDir, type Exit } from '../support/firma-process.js';

async function run(args: string[], env: Record<string, string>): Promise<Exit & { output: string }> {
  const started = launch(args, env);
  const exit = await started.exited;
  return { ...exit, output: started.output() };
}

describe('firma backup and restore refuse plainly', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  it('a missing, foreign, damaged or unnamed file: one line, exit 1 (2 for usage), and the database untouched', async () => {
    const dataDir = tempDataDir();
    const env = { FIRMA_DATA_DIR: dataDir };
    expect((await run(['demo'], env)).code).toBe(0);
    const elsewhere = tempDataDir();
    const good = path.join(elsewhere, 'good.db');
    expect((await run(['backup', '--out', good], env)).code).toBe(0);

    const garbage = path.join(elsewhere, 'notes.db');
    fs.writeFileSync(garbage, 'these are not the pages of a database\n'.repeat(200));
    const foreign = path.join(elsewhere, 'foreign.db');
    new SQLite(foreign).exec('create table notes (text)').close();
    const damaged = path.join(elsewhere, 'damaged.db');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const cases: [string[], number, RegExp][] = [
      [['restore', path.join(elsewhere, 'missing.db')], 1, /^firma restore: there is no file .*missing\.db$/],
      [['restore', elsewhere], 1, /is not a file$/],
      [['restore', garbage], 1, /notes\.db is not a SQLite database$/],
      [['restore', foreign], 1, /foreign\.db is a SQLite database, but not Firma's/],
      [['restore', damaged], 1, /damaged\.db (is damaged|cannot be read)/],
      [['restore'], 2, /^firma restore: name one backup file/],
      [['restore', good, good], 2, /^firma restore: name one backup file/],
      [['backup'], 2, /^firma backup: name the file to write with --out FILE/],
      [
        ['backup', '--out', path.join(elsewhere, 'no-such-dir', 'b.db')],
        1,
        /the directory .*no-such-dir does not exist$/,
      ],
      [['backup', '--out', path.join(dataDir, 'firma.db')], 1, /is the database itself/],
    ];
    for (const [args, code, message] of cases) {
      const result = await run(args, env);
      expect({ args, code: result.code }).toEqual({ args, code });
      const first = result.output.split('\n')[0] ?? '';
      expect(first, result.output).toMatch(message);
      expect(result.output).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
      if (code === 1) expect(result.output.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);
    expect(fs.readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(fs.readdirSync(elsewhere).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const db = new SQLite(path.join(dataDir, 'firma.db'), { readonly: true });
    expect(db.prepare('select count(*) from signatures').pluck().get()).toBe(120);
    db.close();
  }, 120_000);

  it.each(['backup', 'restore'])(
    'on PostgreSQL, firma %s makes nothing, exits 2 and gives the pg_dump and pg_restore commands without the password',
    async (command) => {
      const url = 'postgres://firma:s3cret-pw@db.example.org:5433/petitions?sslmode=require';
      const args = command === 'backup' ? ['backup', '--out', 'nightly.dump'] : ['restore', 'nightly.dump'];
      const result = await run(args, { FIRMA_DATA_DIR: tempDataDir(), DATABASE_URL: url });
      expect(result.code).toBe(2);
      expect(result.output).toContain(`firma ${command} works on SQLite only.`);
      const target = "--dbname='postgres://firma@db.example.org:5433/petitions?sslmode=require'";
      expect(result.output).toContain(`pg_dump --format=custom --file=nightly.dump ${target}`);
      expect(result.output).toContain(`pg_restore --no-owner --exit-on-error ${target} nightly.dump`);
      expect(result.output).toContain('PGPASSWORD or in ~/.pgpass');
      expect(result.output).not.toContain('s3cret-pw');
    },
    60_000,
  );
});
