// The settings an admin changes while the site runs: what each is, its bounds and its default.
import { z } from 'zod';
import type { Config } from '../platform/config.js';

/**
 * 'first_petition': an organizer's first petition waits for review, later ones are published at once
 * and reviewed afterwards. 'pre': every new petition waits. 'post': every petition is published at once.
 */
export const MODERATION_MODES = ['first_petition', 'pre', 'post'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

const perMinute = z.coerce.number().int().min(0).max(1_000_000);

/** Each setting's schema; 0 turns a limit off. */
export const SETTING_SCHEMAS = {
  moderationMode: z.enum(MODERATION_MODES),
  /** A petition waiting longer than this is shown as overdue in the queue. */
  reviewDeadlineHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /** Signing attempts per client address per minute (every petition together). */
  signPerAddressPerMinute: perMinute,
  /** Signatures per petition per minute, all signers together. */
  signPerPetitionPerMinute: perMinute,
  /** Signatures per email domain per petition per minute (the big free providers are exempt). */
  signPerDomainPerMinute: perMinute,
  /** Reports of petitions or comments per client address per hour. */
  reportsPerAddressPerHour: z.coerce.number().int().min(0).max(10_000),
  /** Proof of work before signing, on every petition. */
  powSiteWide: z.coerce.boolean(),
  /**
   * Proof of work switches itself on for a petition when, within a minute, this many signatures come
   * from one network (/24, /48) — a burst from few addresses. 0: never by itself.
   */
  powAutoBurstPerMinute: perMinute,
  /** How many hashes a signer's browser must try at most (ALTCHA's maxnumber): higher is slower. */
  powDifficulty: z.coerce.number().int().min(1_000).max(10_000_000),
  /** Days after a petition closes until its signers' personal data is erased. */
  retentionDays: z.coerce.number().int().min(1).max(3650),
};

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type InstanceSettings = { [K in SettingKey]: z.infer<(typeof SETTING_SCHEMAS)[K]> };

export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

/** The defaults: from the configuration where it has a variable for it, otherwise fixed here. */
export function defaultSettings(config: Pick<Config, 'signRateLimitPerMinute' | 'retentionDays'>): InstanceSettings {
  return {
    moderationMode: 'first_petition',
    reviewDeadlineHours: 48,
    signPerAddressPerMinute: config.signRateLimitPerMinute,
    signPerPetitionPerMinute: 0,
    signPerDomainPerMinute: 0,
    reportsPerAddressPerHour: 10,
    powSiteWide: false,
    powAutoBurstPerMinute: 30,
    powDifficulty: 50_000,
    retentionDays: config.retentionDays,
  };
}

/** A stored value that no longer parses (an older version's, a hand edit) falls back to the default. */
export function parseStoredSetting<K extends SettingKey>(key: K, json: string): InstanceSettings[K] | undefined {
  try {
    const parsed = SETTING_SCHEMAS[key].safeParse(JSON.parse(json));
    // zod's inferred output type for this key (the schema is looked up by the same key).
    return parsed.success ? (parsed.data as InstanceSettings[K]) : undefined;
  } catch {
    return undefined;
  }
}

/** The settings as the running site sees them, cached briefly (settings-store.ts makes one). */
export interface SettingsReader {
  /** The current settings (at most SETTINGS_TTL_MS old). */
  current(): Promise<InstanceSettings>;
  /** Forget the cached copy (after this process changed a setting). */
  invalidate(): void;
}
