// What a SQLite file holds, checked before it is called a backup or put back: SQLite's integrity check,
// the migrations Firma applied to it and its number of signatures.
import SQLite from 'better-sqlite3';
import { MIGRATION_NAMES } from '../platform/db/migrate.js';
import { errorCode, errorMessage } from '../platform/error-code.js';

export type DatabaseFileCheck = { ok: true; signatures: number; migrations: string[] } | { ok: false; problem: string };

function describeFailure(file: string, err: unknown): string {
  const code = errorCode(err);
  if (code === 'SQLITE_NOTADB') return `${file} is not a SQLite database`;
  if (code?.startsWith('SQLITE_CORRUPT') === true) return `${file} is damaged (${code})`;
  return `${file} cannot be read (${code ?? errorMessage(err)})`;
}

/** Opens `file` (read-write: SQLite may need to roll back a journal), checks it, and closes it. */
export function checkDatabaseFile(file: string): DatabaseFileCheck {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch (err) {
    return { ok: false, problem: describeFailure(file, err) };
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      return { ok: false, problem: `${file} is damaged: integrity check says "${String(integrity)}"` };
    const tables = new Set(
      db
        .prepare("select name from sqlite_master where type = 'table'")
        .pluck()
        .all()
        .map((name) => String(name)),
    );
    if (!tables.has('kysely_migration') || !tables.has('signatures'))
      return { ok: false, problem: `${file} is a SQLite database, but not Firma's (it has no signatures table)` };
    const migrations = db
      .prepare('select name from kysely_migration order by name')
      .pluck()
      .all()
      .map((name) => String(name));
    const unknown = migrations.filter((name) => !MIGRATION_NAMES.includes(name));
    if (unknown.length > 0)
      return {
        ok: false,
        problem: `${file} was made by a newer Firma (this version does not know the migration ${unknown.join(', ')}): restore it with that version or a later one`,
      };
    const signatures = Number(db.prepare('select count(*) from signatures').pluck().get());
    return { ok: true, signatures, migrations };
  } catch (err) {
    return { ok: false, problem: describeFailure(file, err) };
  } finally {
    db.close();
  }
}
