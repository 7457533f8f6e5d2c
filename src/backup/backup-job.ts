// Every few minutes: when BACKUP_DIR is set (SQLite) and the newest backup there is BACKUP_EVERY_HOURS old, a new
// firma-YYYYMMDD-HHMMSS.db (UTC) is made beside the others, and the oldest beyond BACKUP_KEEP are deleted.
// Checking the folder rather than counting hours from the start means a restart does not make an extra one.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../platform/config.js';
import type { Engine } from '../platform/db/connect.js';
import type { ScheduledJob } from '../platform/jobs.js';
import { keptSecretFile } from '../platform/secret.js';
import { backupSqliteInThread } from './backup-thread.js';
import { fileStamp, secretBeside, type BackupResult } from './sqlite-backup.js';

/** How often the folder is looked at: a backup is at most this late. */
export const BACKUP_CHECK_MS = 5 * 60_000;

const NAME = /^firma-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;

export interface BackupJobDeps {
  config: Pick<Config, 'backup' | 'database' | 'dataDir' | 'secret'>;
  engine: Engine;
  now: () => Date;
  logger: Logger;
}

export interface ScheduledBackup {
  file: string;
  takenAt: Date;
}

/** The backups this job made in `dir` (files named as it names them, nothing else), oldest first. */
export function scheduledBackups(dir: string): ScheduledBackup[] {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (m === null) return [];
      const [, y, mo, d, h, mi, s] = m;
      return [{ file: path.join(dir, name), takenAt: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`) }];
    })
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

/** Makes a backup if one is due; returns it and the backups deleted to keep `keep`, or undefined if none was due. */
export async function backUpIfDue(deps: BackupJobDeps): Promise<{ made: BackupResult; deleted: string[] } | undefined> {
  const { backup, database } = deps.config;
  if (backup === undefined || database.engine !== 'sqlite') return undefined;
  const now = deps.now();
  const newest = scheduledBackups(backup.dir).at(-1);
  if (newest !== undefined && now.getTime() - newest.takenAt.getTime() < backup.everyMs) return undefined;
  fs.mkdirSync(backup.dir, { recursive: true, mode: 0o700 });
  // In a worker thread: the copy and its check never hold up the event loop that serves signers.
  const made = await backupSqliteInThread(
    database.file,
    path.join(backup.dir, `firma-${fileStamp(now)}.db`),
    keptSecretFile(deps.config),
  );
  const all = scheduledBackups(backup.dir);
  const deleted = all.slice(0, Math.max(0, all.length - backup.keep)).map((old) => old.file);
  for (const file of deleted) {
    fs.rmSync(file, { force: true });
    fs.rmSync(secretBeside(file), { force: true });
  }
  return { made, deleted };
}

/** Processes (their deps) already told that BACKUP_DIR does nothing on PostgreSQL: said once, not every round. */
const toldPostgres = new WeakSet<object>();

export const backupJob: ScheduledJob<BackupJobDeps> = {
  name: 'backup',
  everyMs: BACKUP_CHECK_MS,
  async run(deps) {
    if (deps.config.backup === undefined) return;
    if (deps.engine !== 'sqlite') {
      if (!toldPostgres.has(deps))
        deps.logger.warn('BACKUP_DIR is ignored on PostgreSQL: back up with pg_dump (see docs/operations.md)');
      toldPostgres.add(deps);
      return;
    }
    const done = await backUpIfDue(deps);
    if (done === undefined) return;
    const { file, bytes, signatures } = done.made;
    deps.logger.info({ file, bytes, signatures, deleted: done.deleted.length }, 'backup made');
  },
};
