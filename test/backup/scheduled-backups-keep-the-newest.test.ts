// The scheduled backup (BACKUP_DIR): made when the newest one is BACKUP_EVERY_HOURS old, on a clock the test
// moves; the oldest beyond BACKUP_KEEP deleted with their secrets, and nothing else in the folder touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/background-jobs.js';
import { backupJob, scheduledBackups, type BackupJobDeps } from '../../src/backup/backup-job.js';
import { loadConfig } from '../../src/platform/config.js';
import { connect } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { addSignatures } from '../support/requests.js';
import { makePetition } from '../support/factories.js';

const HOUR = 3600_000;
const pause = () => Promise.resolve();

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-backup-job-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A migrated database with `signatures` signatures in root/data, its kept secret, and a job's deps on a test clock. */
async function setUp(env: Record<string, string>, signatures = 3) {
  const config = loadConfig({
    FIRMA_DATA_DIR: path.join(root, 'data'),
    BACKUP_DIR: path.join(root, 'backups'),
    ...env,
  });
  if (config.database.engine === 'sqlite') {
    const connection = connect(config.database);
    await migrateToLatest(connection);
    const { id } = await makePetition(connection.db);
    await addSignatures(connection.db, id, signatures);
    await connection.db.destroy();
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(path.join(config.dataDir, 'secret'), `${'k'.repeat(43)}\n`, { mode: 0o600 });
  const lines: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString()) as (typeof lines)[0]), done()),
    }),
  );
  let now = new Date('2026-03-01T02:00:00Z');
  const deps: BackupJobDeps = { config, engine: config.database.engine, now: () => now, logger };
  return {
    deps,
    lines,
    backups: () => fs.readdirSync(path.join(root, 'backups')).sort(),
    async runAt(iso: string) {
      now = new Date(iso);
      await backupJob.run(deps, { pause });
    },
  };
}

describe('scheduled backups', () => {
  it('is one of the scheduled jobs', () => {
    expect(JOBS).toContain(backupJob);
  });

  it('makes one when the newest is BACKUP_EVERY_HOURS old, and keeps the newest BACKUP_KEEP with their secrets', async () => {
    const t = await setUp({ BACKUP_KEEP: '3', BACKUP_EVERY_HOURS: '24' });
    await t.runAt('2026-03-01T02:00:00Z');
    expect(t.backups()).toEqual(['firma-20260301-020000.db', 'firma-20260301-020000.db.secret']);
    // Not due yet: a restart, or the next check, makes no extra backup.
    await t.runAt('2026-03-01T03:00:00Z');
    await t.runAt('2026-03-02T01:59:59Z');
    expect(t.backups()).toHaveLength(2);

    fs.writeFileSync(path.join(root, 'backups', 'firma-notes.txt'), 'mine');
    fs.writeFileSync(path.join(root, 'backups', 'other.db'), 'mine too');
    for (const day of ['02', '03', '04', '05']) await t.runAt(`2026-03-${day}T02:00:00Z`);
    expect(t.backups()).toEqual([
      'firma-20260303-020000.db',
      'firma-20260303-020000.db.secret',
      'firma-20260304-020000.db',
      'firma-20260304-020000.db.secret',
      'firma-20260305-020000.db',
      'firma-20260305-020000.db.secret',
      'firma-notes.txt',
      'other.db',
    ]);
    expect(scheduledBackups(path.join(root, 'backups')).map((b) => b.takenAt.toISOString())).toEqual([
      '2026-03-03T02:00:00.000Z',
      '2026-03-04T02:00:00.000Z',
      '2026-03-05T02:00:00.000Z',
    ]);

    const newest = path.join(root, 'backups', 'firma-20260305-020000.db');
    expect(fs.statSync(newest).mode & 0o777).toBe(0o600);
    const db = new SQLite(newest, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('select count(*) from signatures').pluck().get()).toBe(3);
    db.close();
    const made = t.lines.filter((line) => line.msg === 'backup made');
    expect(made).toHaveLength(5);
    expect(made.at(-1)).toMatchObject({ signatures: 3, deleted: 1 });
  });

  it('is late by at most one check, and counts the next interval from the backup it made', async () => {
    const t = await setUp({ BACKUP_EVERY_HOURS: '6' });
    await t.runAt('2026-03-01T00:00:00Z');
    await t.runAt('2026-03-01T05:59:00Z');
    await t.runAt('2026-03-01T06:04:00Z');
    await t.runAt('2026-03-01T12:03:00Z');
    await t.runAt('2026-03-01T12:05:00Z');
    expect(scheduledBackups(path.join(root, 'backups')).map((b) => b.takenAt.toISOString())).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-01T06:04:00.000Z',
      '2026-03-01T12:05:00.000Z',
    ]);
    expect(t.deps.config.backup?.everyMs).toBe(6 * HOUR);
  });

  it('on PostgreSQL makes nothing and says so once', async () => {
    const t = await setUp({ DATABASE_URL: 'postgres://firma@localhost/firma' });
    fs.mkdirSync(path.join(root, 'backups'));
    for (const day of [1, 2, 3]) await t.runAt(`2026-03-0${day}T00:00:00Z`);
    expect(t.backups()).toEqual([]);
    expect(t.lines.map((line) => line.msg)).toEqual([
      'BACKUP_DIR is ignored on PostgreSQL: back up with pg_dump (see docs/operations.md)',
    ]);
  });

  it('without BACKUP_DIR does nothing', async () => {
    const t = await setUp({ BACKUP_DIR: '' });
    await t.runAt('2026-03-01T00:00:00Z');
    expect(fs.existsSync(path.join(root, 'backups'))).toBe(false);
  });
});
