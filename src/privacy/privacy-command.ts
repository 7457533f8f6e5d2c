// `firma privacy erase-due`: runs the retention erasure now (the worker also runs it every hour).
import type { Db } from '../platform/db/connect.js';
import type { SettingsReader } from '../settings/instance-settings.js';
import { eraseDuePersonalData, retentionDeps } from './erase-due.js';

export const PRIVACY_USAGE = `  privacy erase-due            erase the personal data of signers of petitions closed longer ago
                               than the retention period (the worker does this every hour)`;

export async function runPrivacyCommand(
  deps: { db: Db; now: () => Date; settings: SettingsReader },
  args: string[],
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  if (args[0] !== 'erase-due' || args.length > 1) {
    io.err(`Usage:\n${PRIVACY_USAGE}`);
    return 2;
  }
  const days = (await deps.settings.current()).retentionDays;
  const erased = await eraseDuePersonalData(retentionDeps(deps));
  if (erased.length === 0) io.out(`No petition closed more than ${days} days ago has personal data left to erase.`);
  for (const e of erased)
    io.out(
      `${e.slug}: ${e.signatures} signature(s) erased, ${e.mails} mail record(s) deleted, ${e.reports} reporter hash(es) removed`,
    );
  return 0;
}
