// Every environment variable Firma reads, parsed once; nothing else touches process.env.
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
  FIRMA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  FIRMA_DEMO: booleanFlag.default(true),
  FIRMA_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  RATE_LIMIT_SIGN_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Database =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string };

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
  databasePoolSize: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
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
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
  };
}
