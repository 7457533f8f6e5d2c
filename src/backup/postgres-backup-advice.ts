// On PostgreSQL `firma backup` and `firma restore` make nothing: they say which pg_dump and pg_restore
// commands to run for the configured DATABASE_URL (its password never printed).

/** Quotes a word for a POSIX shell when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** DATABASE_URL without its password, as pg_dump and pg_restore take it in --dbname. */
export function urlWithoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'postgresql://USER@HOST:5432/DATABASE';
  }
}

export function postgresBackupAdvice(
  command: 'backup' | 'restore',
  url: string,
  options: { file: string | undefined; now: string; keptSecret: string | undefined },
): string {
  const dbname = `--dbname=${shellWord(urlWithoutPassword(url))}`;
  const file = shellWord(options.file ?? `firma-${options.now}.dump`);
  const secret =
    options.keptSecret === undefined
      ? 'Keep FIRMA_SECRET with the dumps: signer links and address hashes were made with it.'
      : `Keep ${options.keptSecret} with the dumps (or set FIRMA_SECRET): signer links and address hashes were made with it.`;
  return [
    `firma ${command} works on SQLite only. On PostgreSQL, use PostgreSQL's own tools; pg_dump takes a`,
    'consistent copy while Firma runs and signatures come in:',
    '',
    `  pg_dump --format=custom --file=${file} ${dbname}`,
    '',
    'To restore, stop Firma and load it into an empty database (add --clean --if-exists to replace existing tables):',
    '',
    `  pg_restore --no-owner --exit-on-error ${dbname} ${file}`,
    '',
    'Give the password with PGPASSWORD or in ~/.pgpass, not on the command line.',
    secret,
  ].join('\n');
}
