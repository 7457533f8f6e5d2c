// The admin settings form: each setting parsed from its field with its schema, a message for each bad field.
import { z } from 'zod';
import type { FieldErrorMessage } from '../platform/form-errors.js';
import {
  SETTING_KEYS,
  SETTING_SCHEMAS,
  type InstanceSettings,
  type SettingKey,
} from '../settings/instance-settings.js';

export type SettingsFormValues = Partial<Record<SettingKey, string>>;

export type ParsedSettings =
  { ok: true; settings: InstanceSettings } | { ok: false; errors: Partial<Record<SettingKey, FieldErrorMessage>> };

/** What the form shows for a setting's value. */
export function formValue(value: InstanceSettings[SettingKey]): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

export function formValuesOf(settings: InstanceSettings): SettingsFormValues {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, formValue(settings[key])]));
}

export function readFormValues(body: Record<string, unknown>): SettingsFormValues {
  const values: SettingsFormValues = {};
  for (const key of SETTING_KEYS) {
    const v = body[key];
    if (typeof v === 'string') values[key] = v.trim().slice(0, 50);
  }
  return values;
}

/** Every setting must be present and valid; 422 lists each bad one beside its field. */
export function parseSettingsForm(values: SettingsFormValues): ParsedSettings {
  const parsed: Partial<Record<SettingKey, unknown>> = {};
  const errors: Partial<Record<SettingKey, FieldErrorMessage>> = {};
  for (const key of SETTING_KEYS) {
    const schema = SETTING_SCHEMAS[key];
    const raw = values[key] ?? '';
    if (schema instanceof z.ZodBoolean) {
      // A checkbox-like choice: '1' on, '0' off (z.coerce.boolean would read 'false' as true).
      if (raw === '1' || raw === '0') parsed[key] = raw === '1';
      else errors[key] = 'settings.invalid.choice';
      continue;
    }
    const result = raw === '' ? undefined : schema.safeParse(raw);
    if (result?.success === true) parsed[key] = result.data;
    else if (schema instanceof z.ZodNumber)
      errors[key] = { key: 'settings.invalid', params: { min: schema.minValue ?? 0, max: schema.maxValue ?? 0 } };
    else errors[key] = 'settings.invalid.choice';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Every key parsed by its own schema above.
  return { ok: true, settings: parsed as InstanceSettings };
}
