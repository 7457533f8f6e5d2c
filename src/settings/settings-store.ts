// Reads and writes the instance settings, and keeps them for two seconds so the signing path never waits on them.
import type { Db } from '../platform/db/connect.js';
import {
  parseStoredSetting,
  SETTING_KEYS,
  type InstanceSettings,
  type SettingKey,
  type SettingsReader,
} from './instance-settings.js';

/** How stale another process's view of a changed setting may be. */
export const SETTINGS_TTL_MS = 2000;

export async function readSettings(db: Db, defaults: InstanceSettings): Promise<InstanceSettings> {
  const rows = await db.selectFrom('instance_settings').select(['key', 'value']).execute();
  const settings: InstanceSettings = { ...defaults };
  const known = new Set<string>(SETTING_KEYS);
  for (const row of rows) {
    if (!known.has(row.key)) continue;
    // Narrowed by the check above: row.key is one of SETTING_KEYS.
    const key = row.key as SettingKey;
    const value = parseStoredSetting(key, row.value);
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}

export async function writeSetting<K extends SettingKey>(
  db: Db,
  key: K,
  value: InstanceSettings[K],
  userId: number | null,
  now: Date,
): Promise<void> {
  const row = { key, value: JSON.stringify(value), updated_at: now.toISOString(), updated_by: userId };
  await db
    .insertInto('instance_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();
}

export function createSettingsReader(db: Db, defaults: InstanceSettings, now: () => number): SettingsReader {
  let cached: { at: number; value: Promise<InstanceSettings> } | undefined;
  return {
    current() {
      const time = now();
      if (cached === undefined || time - cached.at >= SETTINGS_TTL_MS) {
        const value = readSettings(db, defaults);
        cached = { at: time, value };
        // A failed read is not kept: the next caller tries again.
        value.catch(() => {
          cached = undefined;
        });
      }
      return cached.value;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
