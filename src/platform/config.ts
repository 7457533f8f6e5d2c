// Every environment variable Firma reads, parsed once; nothing else touches process.env.
import path from 'node:path';
import { z } from 'zod';
import { knownLanguages } from './i18n/languages.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  // Only http(s): any other scheme has the origin "null", which the same-origin check would then trust.
  BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).optional(),
  FIRMA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  FIRMA_DEMO: booleanFlag.default(true),
  FIRMA_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  RATE_LIMIT_SIGN_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // Webhooks to private, loopback and link-local addresses (and over plain http): off, so an organizer cannot make
  // the server call into its own network (SSRF). An admin turns it on for receivers inside their own network.
  WEBHOOKS_ALLOW_PRIVATE: booleanFlag.default(false),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(8000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Firma <firma@localhost>'),
  DKIM_DOMAIN: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  CONFIRMATION_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  SIGN_IN_LINK_MINUTES: z.coerce.number().int().min(1).max(1440).default(20),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  PRIVACY_CONTACT: z.email({ error: 'must be an email address' }).optional(),
  WORKER_IN_PROCESS: booleanFlag.default(true),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  BACKUP_EVERY_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
  GEOCODER_URL: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).optional(),
  GEOCODER: z.enum(['census', 'nominatim'], { error: 'must be census or nominatim' }).default('census'),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FIRMA_LOCALES: z
    .string()
    .default('en,es')
    .transform((value) => value.split(',').map((tag) => tag.trim()))
    .superRefine((tags, ctx) => {
      const known = [...knownLanguages().keys()];
      for (const tag of tags)
        if (!knownLanguages().has(tag))
          ctx.addIssue({
            code: 'custom',
            message: `"${tag}" has no catalog in locales/ (Firma speaks ${known.join(', ')})`,
          });
      if (new Set(tags).size !== tags.length) ctx.addIssue({ code: 'custom', message: 'names a language twice' });
    }),
});

export type Database = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  database: Database;
  demo: boolean;
  secret: string | undefined;
  trustProxy: boolean;
  signRateLimitPerMinute: number;
  /** Requests one API key may make per minute. */
  apiRateLimitPerMinute: number;
  /** Webhooks may go to private and loopback addresses, and over plain http (WEBHOOKS_ALLOW_PRIVATE). */
  webhooksAllowPrivate: boolean;
  databasePoolSize: number;
  /** PostgreSQL: the longest one statement may run, and (a second more) wait for an answer. */
  databaseStatementTimeoutMs: number;
  /** PostgreSQL: the longest a query waits for a connection. */
  databaseAcquireTimeoutMs: number;
  /** On SIGTERM, how long requests in flight may take before their connections are closed. */
  shutdownTimeoutMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** The interface languages of this instance, its default first (FIRMA_LOCALES). */
  locales: string[];
  mail: {
    /** Undefined: write .eml files under dataDir/mail instead of sending. */
    smtpUrl: string | undefined;
    from: string;
    dkim: { domainName: string; keySelector: string; privateKeyFile: string } | undefined;
    maxAttempts: number;
  };
  confirmationExpiryDays: number;
  /** Minutes an organizer's sign-in link works (once). */
  signInLinkMinutes: number;
  /** Run the mail worker and scheduled jobs inside the web process. */
  workerInProcess: boolean;
  /** Default days after a petition closes until its signers' personal data is erased (admins may change it). */
  retentionDays: number;
  /** Lets a scraper elsewhere read /metrics with it as a bearer token (else only this machine may). */
  metricsToken: string | undefined;
  /** Where the privacy page tells people to send deletion requests (PRIVACY_CONTACT, else MAIL_FROM's address). */
  privacyContact: string;
  /** Scheduled backups of a SQLite database (BACKUP_DIR sets them up; ignored on PostgreSQL). */
  backup: { dir: string; keep: number; everyMs: number } | undefined;
  /** A street-address geocoder (GEOCODER_URL): matches a signer whose ZIP is split between districts. */
  geocoder: { url: string; kind: 'census' | 'nominatim'; timeoutMs: number } | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): Database {
  if (url === undefined || url === '') return { engine: 'sqlite', file: path.join(dataDir, 'firma.db') };
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') throw new ConfigError('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/firma.db');
    return { engine: 'sqlite', file };
  }
  throw new ConfigError('DATABASE_URL: must start with postgres://, postgresql:// or sqlite:');
}

function dkimConfig(domainName?: string, keySelector?: string, privateKeyFile?: string): Config['mail']['dkim'] {
  const given = [domainName, keySelector, privateKeyFile].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (domainName === undefined || keySelector === undefined || privateKeyFile === undefined) {
    throw new ConfigError(
      'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE: set all three to sign mail with DKIM, or none',
    );
  }
  return { domainName, keySelector, privateKeyFile };
}

/** The address of a From header ('Firma <firma@example.org>' → 'firma@example.org'). */
function addressIn(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1]?.trim() ?? from.trim();
}

/** Reads the configuration from an environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.FIRMA_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir),
    demo: e.FIRMA_DEMO,
    secret: e.FIRMA_SECRET,
    trustProxy: e.TRUST_PROXY,
    signRateLimitPerMinute: e.RATE_LIMIT_SIGN_PER_MINUTE,
    apiRateLimitPerMinute: e.RATE_LIMIT_API_PER_MINUTE,
    webhooksAllowPrivate: e.WEBHOOKS_ALLOW_PRIVATE,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    databaseAcquireTimeoutMs: e.DATABASE_ACQUIRE_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    locales: e.FIRMA_LOCALES,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      dkim: dkimConfig(e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY_FILE),
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
    },
    confirmationExpiryDays: e.CONFIRMATION_EXPIRY_DAYS,
    signInLinkMinutes: e.SIGN_IN_LINK_MINUTES,
    workerInProcess: e.WORKER_IN_PROCESS,
    retentionDays: e.RETENTION_DAYS,
    metricsToken: e.METRICS_TOKEN,
    privacyContact: e.PRIVACY_CONTACT ?? addressIn(e.MAIL_FROM),
    backup:
      e.BACKUP_DIR === undefined
        ? undefined
        : { dir: path.resolve(e.BACKUP_DIR), keep: e.BACKUP_KEEP, everyMs: e.BACKUP_EVERY_HOURS * 3600_000 },
    geocoder:
      e.GEOCODER_URL === undefined
        ? undefined
        : { url: e.GEOCODER_URL, kind: e.GEOCODER, timeoutMs: e.GEOCODER_TIMEOUT_MS },
  };
}
