// An admin changes the instance settings: only what differs is written, with one audit row naming each
// change, in one transaction; then this process's cached copy is dropped (others see it within 2 s).
import type { User } from '../accounts/user.js';
import type { Config } from '../platform/config.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import {
  defaultSettings,
  SETTING_KEYS,
  type InstanceSettings,
  type SettingKey,
  type SettingsReader,
} from './instance-settings.js';
import { readSettings, writeSetting } from './settings-store.js';

export type SettingChanges = Partial<Record<SettingKey, { from: unknown; to: unknown }>>;

/** What differs between two sets of settings, as the audit log shows it. */
export function changedSettings(before: InstanceSettings, after: InstanceSettings): SettingChanges {
  const changes: SettingChanges = {};
  for (const key of SETTING_KEYS) if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  return changes;
}

/** The settings that changed (none: nothing is written). */
export async function changeSettings(
  deps: { db: Db; now: () => Date; config: Config; settings: SettingsReader },
  admin: User,
  next: InstanceSettings,
): Promise<SettingChanges> {
  const now = deps.now();
  const changes = await deps.db.transaction().execute(async (trx) => {
    const changes = changedSettings(await readSettings(trx, defaultSettings(deps.config)), next);
    if (Object.keys(changes).length === 0) return changes;
    for (const key of SETTING_KEYS)
      if (changes[key] !== undefined) await writeSetting(trx, key, next[key], admin.id, now);
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'settings.update',
      petitionId: null,
      details: { changes },
      now,
    });
    return changes;
  });
  if (Object.keys(changes).length > 0) deps.settings.invalidate();
  return changes;
}
