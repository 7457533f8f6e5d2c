// `firma backup --out FILE` and `firma restore FILE`: an online copy of the SQLite database (with the secret
// beside it) and putting one back while Firma is stopped; on PostgreSQL, the pg_dump/pg_restore commands instead.
// Exit status: 0 done; 1 it could not be done (a plain sentence why); 2 a usage error, or PostgreSQL (nothing made).
import path from 'node:path';
import type { Config } from '../platform/config.js';
import { keptSecretFile } from '../platform/secret.js';
import { postgresBackupAdvice } from './postgres-backup-advice.js';
import { backupSqlite, BackupProblem, fileStamp } from './sqlite-backup.js';
import { restoreSqlite, type RestoreResult } from './sqlite-restore.js';

export const BACKUP_USAGE = `  backup --out FILE            SQLite: a consistent copy of the database while Firma runs, checked, mode 0600,
                               with FILE.secret beside it (the data directory's secret, if Firma keeps one);
                               PostgreSQL: prints the pg_dump and pg_restore commands to use instead
  restore FILE [--discard-current]
                               SQLite, with Firma stopped: put a backup (and FILE.secret) in place; the current
                               database is kept as firma.db.before-restore-<time> unless --discard-current`;

export interface BackupCommandDeps {
  config: Pick<Config, 'database' | 'dataDir' | 'secret'>;
  now: () => Date;
  out: (line: string) => void;
  err: (line: string) => void;
}

function size(bytes: number): string {
  const mb = new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);
  return `${mb} MB (${bytes} bytes)`;
}

/** Runs `work`, turning what it could not do into one line and exit status 1. */
async function plainly(deps: BackupCommandDeps, command: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof BackupProblem)) throw err;
    deps.err(`firma ${command}: ${err.message}`);
    return 1;
  }
}

export async function runBackupCommand(
  deps: BackupCommandDeps,
  args: { out: string | undefined; extra: string[] },
): Promise<number> {
  const { database } = deps.config;
  if (database.engine === 'postgres') {
    deps.err(postgresBackupAdvice('backup', database.url, adviceOptions(deps, args.out)));
    return 2;
  }
  if (args.out === undefined || args.out === '' || args.extra.length > 0) {
    deps.err(`firma backup: name the file to write with --out FILE\n\nUsage:\n${BACKUP_USAGE}`);
    return 2;
  }
  const out = args.out;
  return plainly(deps, 'backup', async () => {
    const made = await backupSqlite(database.file, out, keptSecretFile(deps.config));
    deps.out(
      `Backed up ${database.file} to ${made.file}: ${size(made.bytes)}, ${made.signatures} signatures, integrity ok.`,
    );
    if (made.secretFile !== undefined)
      deps.out(
        `The data directory's secret is in ${made.secretFile}: keep it with the backup (signer links and address hashes need it).`,
      );
    else if (deps.config.secret !== undefined)
      deps.out('FIRMA_SECRET is set: it is not in the backup; keep it safe beside it (links already emailed need it).');
    return 0;
  });
}

function adviceOptions(deps: BackupCommandDeps, file: string | undefined) {
  return {
    file,
    now: fileStamp(deps.now()),
    keptSecret: keptSecretFile(deps.config),
  };
}

function secretLine(result: RestoreResult, keptSecretFile: string | undefined): string {
  switch (result.secret) {
    case 'restored':
      return result.previousSecret === undefined
        ? `The secret beside the backup is now ${keptSecretFile}.`
        : `The secret beside the backup is now ${keptSecretFile}; the one it replaced is ${result.previousSecret}.`;
    case 'unchanged':
      return 'The secret beside the backup is the one the data directory has.';
    case 'none-beside-backup':
      return `No secret beside the backup: Firma keeps ${keptSecretFile}; links emailed before the backup work only if the backup was made with that one.`;
    case 'none-at-all':
      return `No secret beside the backup nor in ${keptSecretFile}: Firma will make a new one; set FIRMA_SECRET to the one the backup was made with, or links emailed before it will not work.`;
    case 'firma-secret-set':
      return 'FIRMA_SECRET is set: Firma uses it (it must be the one the backup was made with, for links already emailed).';
  }
}

export async function runRestoreCommand(
  deps: BackupCommandDeps,
  args: { files: string[]; discardCurrent: boolean },
): Promise<number> {
  const { database } = deps.config;
  if (database.engine === 'postgres') {
    deps.err(postgresBackupAdvice('restore', database.url, adviceOptions(deps, args.files[0])));
    return 2;
  }
  const [file] = args.files;
  if (file === undefined || args.files.length > 1) {
    deps.err(`firma restore: name one backup file\n\nUsage:\n${BACKUP_USAGE}`);
    return 2;
  }
  return plainly(deps, 'restore', async () => {
    const secret = keptSecretFile(deps.config);
    const restored = await restoreSqlite(file, database.file, {
      now: deps.now(),
      keptSecret: secret,
      keepCurrent: !args.discardCurrent,
    });
    deps.out(`Restored ${path.resolve(file)} to ${restored.file}: ${restored.signatures} signatures, integrity ok.`);
    if (restored.previous !== undefined) deps.out(`The database it replaced is kept as ${restored.previous}.`);
    deps.out(secretLine(restored, secret));
    deps.out('Start Firma: `firma serve` applies any migration the backup is missing.');
    return 0;
  });
}
