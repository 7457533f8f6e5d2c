// Puts a backup in place of the SQLite database, only while no Firma process has that database open, keeping
// the database it replaces (and the secret, when the backup brings another) beside it.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { MIN_SECRET_LENGTH } from '../platform/secret.js';
import { errorCode } from '../platform/error-code.js';
import { checkDatabaseFile } from './database-file.js';
import {
  BackupProblem,
  copyDatabase,
  fileStamp,
  removeTemp,
  secretBeside,
  tempBeside,
  writePrivately,
} from './sqlite-backup.js';

export interface RestoreOptions {
  now: Date;
  /** The data directory's kept secret, or undefined when FIRMA_SECRET is set (then the file is not used). */
  keptSecret: string | undefined;
  /** Keep the database being replaced as <file>.before-restore-<time> (the default), or discard it. */
  keepCurrent: boolean;
}

export interface RestoreResult {
  file: string;
  signatures: number;
  /** Where the replaced database was kept, if there was one and it was kept. */
  previous: string | undefined;
  secret: 'restored' | 'unchanged' | 'none-beside-backup' | 'none-at-all' | 'firma-secret-set';
  /** Where the replaced secret was kept, if the backup brought a different one. */
  previousSecret: string | undefined;
}

/**
 * Holds `file` for this process alone, or says it is in use. Every connection to a WAL database (a running
 * `firma serve` or `firma worker`, even idle; a `firma backup` under way) holds a shared lock that a
 * connection in EXCLUSIVE locking mode cannot get past; the operating system drops those locks when a process
 * dies, so a server killed with -9 leaves nothing that blocks a restore. The returned connection keeps the
 * lock; the stale WAL of a stopped server is folded into the file first, so the database kept is whole.
 */
function lockUnused(file: string): SQLite.Database | undefined {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch {
    return undefined;
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('select count(*) from sqlite_master').get();
    db.pragma('journal_mode = DELETE');
    return db;
  } catch (err) {
    db.close();
    const code = errorCode(err) ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new BackupProblem(
        `${file} is in use by a running Firma (serve or worker) or a backup under way: stop it, then restore`,
      );
    // Not a database SQLite can read (damaged, or not one at all): nothing can be using it; it is replaced.
    return undefined;
  }
}

/**
 * Run as root (`sudo firma restore`), what is restored takes the owner of what it replaces (or of the data
 * directory): created by root with mode 0600, Firma, running as its own user, could not open it.
 */
function giveToOwnerOf(file: string, owner: string): void {
  if (process.getuid?.() !== 0) return;
  const stat = fs.statSync(owner, { throwIfNoEntry: false }) ?? fs.statSync(path.dirname(owner));
  fs.chownSync(file, stat.uid, stat.gid);
}

/** A second name for `file` (a hard link: instant, no space), or a copy where links are not possible. */
function keepAs(file: string, kept: string): void {
  try {
    fs.linkSync(file, kept);
  } catch {
    fs.copyFileSync(file, kept, fs.constants.COPYFILE_EXCL);
  }
}

function readSecret(file: string): string {
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new BackupProblem(`${file} is empty or damaged: it holds no secret`);
  return secret;
}

/** Installs the secret kept beside the backup as the data directory's, keeping a different one it replaces. */
function restoreSecret(backup: string, options: RestoreOptions): Pick<RestoreResult, 'secret' | 'previousSecret'> {
  const beside = secretBeside(backup);
  if (options.keptSecret === undefined) return { secret: 'firma-secret-set', previousSecret: undefined };
  if (!fs.existsSync(beside))
    return {
      secret: fs.existsSync(options.keptSecret) ? 'none-beside-backup' : 'none-at-all',
      previousSecret: undefined,
    };
  const secret = readSecret(beside);
  const current = fs.existsSync(options.keptSecret) ? fs.readFileSync(options.keptSecret, 'utf8').trim() : undefined;
  if (current === secret) return { secret: 'unchanged', previousSecret: undefined };
  let previousSecret: string | undefined;
  if (current !== undefined) {
    previousSecret = `${options.keptSecret}.before-restore-${fileStamp(options.now)}`;
    fs.renameSync(options.keptSecret, previousSecret);
  }
  writePrivately(options.keptSecret, `${secret}\n`);
  giveToOwnerOf(options.keptSecret, previousSecret ?? path.dirname(options.keptSecret));
  return { secret: 'restored', previousSecret };
}

/**
 * Restores the backup `backup` as the database `target`, once no process has `target` open (held from then on):
 * copied beside it and checked (a SQLite file, integrity ok, Firma's tables, no migration this version does not
 * know), then renamed into place. The next `firma serve` migrates it forward.
 */
export async function restoreSqlite(backup: string, target: string, options: RestoreOptions): Promise<RestoreResult> {
  const source = path.resolve(backup);
  const file = path.resolve(target);
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (stat === undefined) throw new BackupProblem(`there is no file ${source}`);
  if (!stat.isFile()) throw new BackupProblem(`${source} is not a file`);
  if (source === file) throw new BackupProblem(`${source} is the database itself: name a backup`);
  if (options.keptSecret !== undefined && fs.existsSync(secretBeside(source))) readSecret(secretBeside(source));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempBeside(file, 'restore');
  const lock = lockUnused(file);
  let previous: string | undefined;
  try {
    removeTemp(temp);
    await copyDatabase(source, temp, { readonly: true });
    const check = checkDatabaseFile(temp);
    if (!check.ok) throw new BackupProblem(check.problem.replaceAll(temp, source));
    giveToOwnerOf(temp, file);
    if (options.keepCurrent && fs.existsSync(file)) {
      previous = `${file}.before-restore-${fileStamp(options.now)}`;
      keepAs(file, previous);
    }
    // What a server killed mid-write left beside the old database belongs to it, not to the one restored.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.renameSync(temp, file);
    return { file, signatures: check.signatures, previous, ...restoreSecret(source, options) };
  } catch (err) {
    const code = errorCode(err);
    if (err instanceof BackupProblem || code === undefined) throw err;
    throw new BackupProblem(`restoring into ${path.dirname(file)} failed (${code})`);
  } finally {
    lock?.close();
    removeTemp(temp);
  }
}
