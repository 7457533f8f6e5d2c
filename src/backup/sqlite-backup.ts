// An online, consistent copy of a SQLite database that a server keeps writing to (SQLite's backup API through
// better-sqlite3), checked, then moved into place with mode 0600, and the data directory's secret beside it.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { errorCode, errorMessage } from '../platform/error-code.js';
import { checkDatabaseFile } from './database-file.js';

/** Pages copied per step while nothing else writes: milliseconds each, so the event loop runs between steps. */
const PAGES_PER_STEP = 1000;
/**
 * A write by another connection (the server) restarts a copy made in steps from its first page, so under a
 * steady signing load a stepped copy never ends. After one restart the rest is copied in a single step: one
 * read transaction, a consistent snapshot, which in WAL mode does not hold up the writer.
 */
const ALL_PAGES = 0x7fffffff;

/** What a backup or a restore could not do, in one sentence for the operator. */
export class BackupProblem extends Error {
  override name = 'BackupProblem';
}

export interface BackupResult {
  file: string;
  bytes: number;
  signatures: number;
  /** FILE.secret, when the data directory's secret was copied beside the backup. */
  secretFile: string | undefined;
}

/** FILE.secret: where a backup keeps the secret that signer links and address hashes were made with. */
export function secretBeside(file: string): string {
  return `${file}.secret`;
}

/** 20260314-091500: a UTC time in file names (backups, databases set aside by a restore); sorts by time. */
export function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
}

/** A file name beside `file` for writing before the rename that puts it in place; dotted, so it is not listed. */
export function tempBeside(file: string, what: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${what}-${process.pid}.tmp`);
}

/** Removes a temporary database and the journal SQLite may have left beside it. */
export function removeTemp(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Writes `text` to `file` through a temporary file and a rename, readable by its owner only. */
export function writePrivately(file: string, text: string): void {
  const temp = tempBeside(file, 'write');
  try {
    fs.writeFileSync(temp, text, { mode: 0o600, flag: 'w' });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Copies the database `source` into the new file `dest` (created empty with mode 0600 first, so the personal
 * data in it is never readable by others), leaving it as one file (journal mode DELETE, no -wal beside it).
 */
export async function copyDatabase(source: string, dest: string, options: { readonly?: boolean } = {}): Promise<void> {
  let db: SQLite.Database;
  try {
    db = new SQLite(source, { fileMustExist: true, readonly: options.readonly === true });
  } catch (err) {
    const code = errorCode(err);
    throw new BackupProblem(
      code === 'SQLITE_CANTOPEN' ? `there is no database at ${source}` : `${source} cannot be opened (${code})`,
    );
  }
  try {
    db.pragma('busy_timeout = 5000');
    fs.writeFileSync(dest, '', { mode: 0o600, flag: 'wx' });
    let remaining = Infinity;
    let restarted = false;
    await db.backup(dest, {
      progress: ({ remainingPages }) => {
        if (remainingPages > remaining) restarted = true;
        remaining = remainingPages;
        return restarted ? ALL_PAGES : PAGES_PER_STEP;
      },
    });
  } catch (err) {
    if (err instanceof BackupProblem) throw err;
    const code = errorCode(err);
    if (code === 'SQLITE_NOTADB') throw new BackupProblem(`${source} is not a SQLite database`);
    if (code?.startsWith('SQLITE_CORRUPT') === true) throw new BackupProblem(`${source} is damaged (${code})`);
    throw new BackupProblem(`copying ${source} failed (${code ?? errorMessage(err)})`);
  } finally {
    db.close();
  }
  // The copy took the source's journal mode (WAL); a backup is better one self-contained file.
  const copy = new SQLite(dest);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Backs up the live database `source` to `out`: copied to a temporary file beside it, checked (integrity,
 * Firma's tables), then renamed into place. `secret`, the data directory's kept secret if Firma uses one,
 * is copied to FILE.secret.
 */
export async function backupSqlite(source: string, out: string, secret: string | undefined): Promise<BackupResult> {
  const file = path.resolve(out);
  const live = path.resolve(source);
  if ([live, `${live}-wal`, `${live}-shm`, `${live}-journal`].includes(file))
    throw new BackupProblem(`--out ${out} is the database itself: name another file`);
  if (!fs.existsSync(live)) throw new BackupProblem(`there is no database at ${live}`);
  const dir = path.dirname(file);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new BackupProblem(`the directory ${dir} does not exist`);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true)
    throw new BackupProblem(`${file} is a directory: name a file`);
  const temp = tempBeside(file, 'backup');
  removeTemp(temp);
  try {
    await copyDatabase(live, temp);
    const check = checkDatabaseFile(temp);
    if (!check.ok) throw new BackupProblem(`the copy of ${live} did not pass its check: ${check.problem}`);
    fs.renameSync(temp, file);
    let secretFile: string | undefined;
    if (secret !== undefined && fs.existsSync(secret)) {
      secretFile = secretBeside(file);
      writePrivately(secretFile, fs.readFileSync(secret, 'utf8'));
    } else {
      // An older backup's secret under this name would be taken for this one's.
      fs.rmSync(secretBeside(file), { force: true });
    }
    return { file, bytes: fs.statSync(file).size, signatures: check.signatures, secretFile };
  } catch (err) {
    const code = errorCode(err);
    if (err instanceof BackupProblem || code === undefined) throw err;
    throw new BackupProblem(`writing the backup to ${dir} failed (${code})`);
  } finally {
    removeTemp(temp);
  }
}
