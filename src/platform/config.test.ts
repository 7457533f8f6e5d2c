import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config.js';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('runs with no configuration at all: SQLite in ./data on port 3000', () => {
    const config = loadConfig({});
    // toMatchObject: the settings of other features (mail, ...) have tests of their own.
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      baseUrl: 'http://localhost:3000',
      dataDir: path.resolve('./data'),
      database: { engine: 'sqlite', file: path.join(path.resolve('./data'), 'firma.db') },
      demo: true,
      secret: undefined,
      trustProxy: false,
      signRateLimitPerMinute: 60,
      databasePoolSize: 20,
      databaseStatementTimeoutMs: 5000,
      databaseAcquireTimeoutMs: 5000,
      shutdownTimeoutMs: 8000,
      logLevel: 'info',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', TRUST_PROXY: '' })).toMatchObject({
      port: 3000,
      trustProxy: false,
      database: { engine: 'sqlite' },
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      BASE_URL: 'https://firma.example.org/',
      FIRMA_DATA_DIR: '/var/lib/firma',
      DATABASE_URL: 'postgres://firma@db/firma',
      FIRMA_DEMO: 'false',
      FIRMA_SECRET: 's'.repeat(32),
      TRUST_PROXY: 'true',
      RATE_LIMIT_SIGN_PER_MINUTE: '5',
      DATABASE_POOL_SIZE: '50',
      DATABASE_STATEMENT_TIMEOUT_MS: '2500',
      DATABASE_ACQUIRE_TIMEOUT_MS: '1500',
      SHUTDOWN_TIMEOUT_MS: '20000',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      baseUrl: 'https://firma.example.org',
      dataDir: '/var/lib/firma',
      database: { engine: 'postgres', url: 'postgres://firma@db/firma' },
      demo: false,
      secret: 's'.repeat(32),
      trustProxy: true,
      signRateLimitPerMinute: 5,
      databasePoolSize: 50,
      databaseStatementTimeoutMs: 2500,
      databaseAcquireTimeoutMs: 1500,
      shutdownTimeoutMs: 20000,
      logLevel: 'warn',
    });
  });

  it('the public URL follows the port when BASE_URL is not set', () => {
    expect(loadConfig({ PORT: '8080' }).baseUrl).toBe('http://localhost:8080');
  });

  it.each([
    ['1', true],
    ['yes', true],
    ['true', true],
    ['0', false],
    ['no', false],
    ['false', false],
  ])('TRUST_PROXY=%s means %s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'TRUE ' }, 'TRUST_PROXY'],
    [{ FIRMA_DEMO: 'sometimes' }, 'FIRMA_DEMO'],
    [{ BASE_URL: 'firma.example.org' }, 'BASE_URL'],
    [{ BASE_URL: 'ftp://firma.example.org' }, 'BASE_URL'],
    [{ BASE_URL: 'javascript:alert(1)' }, 'BASE_URL'],
    [{ FIRMA_SECRET: 'short' }, 'FIRMA_SECRET'],
    [{ RATE_LIMIT_SIGN_PER_MINUTE: 'lots' }, 'RATE_LIMIT_SIGN_PER_MINUTE'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://root@db/firma' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'firma.db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ BACKUP_KEEP: '0' }, 'BACKUP_KEEP'],
    [{ BACKUP_EVERY_HOURS: 'daily' }, 'BACKUP_EVERY_HOURS'],
  ])('refuses %j with an error naming %s', (env, variable) => {
    expect(configError(env)).toMatch(new RegExp(`\\b${variable}\\b`));
  });

  it('schedules backups only with BACKUP_DIR: every 24 hours, keeping 7, unless told otherwise', () => {
    expect(loadConfig({}).backup).toBeUndefined();
    expect(loadConfig({ BACKUP_DIR: 'backups' }).backup).toEqual({
      dir: path.resolve('backups'),
      keep: 7,
      everyMs: 24 * 3600_000,
    });
    expect(loadConfig({ BACKUP_DIR: '/b', BACKUP_KEEP: '30', BACKUP_EVERY_HOURS: '6' }).backup).toEqual({
      dir: '/b',
      keep: 30,
      everyMs: 6 * 3600_000,
    });
  });

  it('names every bad variable at once', () => {
    const message = configError({ PORT: 'abc', TRUST_PROXY: 'maybe' });
    expect(message).toContain('PORT');
    expect(message).toContain('TRUST_PROXY');
  });
});

describe('parseDatabaseUrl', () => {
  it.each([
    [undefined, { engine: 'sqlite', file: path.join('/data', 'firma.db') }],
    ['', { engine: 'sqlite', file: path.join('/data', 'firma.db') }],
    ['postgres://u@h/db', { engine: 'postgres', url: 'postgres://u@h/db' }],
    [
      'postgresql://u@h:5433/db?sslmode=require',
      { engine: 'postgres', url: 'postgresql://u@h:5433/db?sslmode=require' },
    ],
    ['sqlite:./firma.db', { engine: 'sqlite', file: './firma.db' }],
    ['sqlite:///var/lib/firma.db', { engine: 'sqlite', file: '/var/lib/firma.db' }],
  ])('%j → %j', (url, expected) => {
    expect(parseDatabaseUrl(url, '/data')).toEqual(expected);
  });
});
