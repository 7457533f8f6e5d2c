// `firma doctor`, the built command, against real servers: an HTTPS site answering /healthz with a certificate
// made here (trusted through NODE_EXTRA_CA_CERTS), an SMTP server that requires a login, SQLite and PostgreSQL.
// A good configuration passes every check with exit 0; each broken one fails with exit 1 and says what to do.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/platform/db/connect.js';
import { MIGRATION_NAMES, migrateToLatest } from '../../src/platform/db/migrate.js';
import {
  buildFirma,
  cleanUp,
  createPostgresDatabase,
  freePort,
  killAll,
  launch,
  POSTGRES_URL,
  tempDataDir,
} from '../support/firma-process.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const SMTP_USER = 'firma';
// Characters a URL must escape: the operator writes them percent-encoded in SMTP_URL.
const SMTP_PASSWORD = 'p@ss:w0rd/9';

let smtp: SmtpSink;
let site: https.Server;
let siteUrl: string;
let certFile: string;
let dkimKeyFile: string;

/** A self-signed certificate for localhost, made with Debian's openssl, and a site that answers like Firma. */
async function startHttpsSite(dir: string): Promise<void> {
  const keyFile = path.join(dir, 'tls-key.pem');
  certFile = path.join(dir, 'tls-cert.pem');
  execFileSync('openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
    ...['-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost'],
    ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
  ]);
  site = https.createServer({ key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }, (req, res) => {
    const healthy = req.url === '/healthz';
    res.writeHead(healthy ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(healthy ? '{"status":"ok"}' : '{}');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `https://localhost:${(site.address() as AddressInfo).port}`; // a TCP server's address is an AddressInfo
}

function goodEnv(dataDir: string): Record<string, string> {
  return {
    FIRMA_DATA_DIR: dataDir,
    BASE_URL: siteUrl,
    NODE_EXTRA_CA_CERTS: certFile,
    FIRMA_SECRET: randomBytes(36).toString('base64url'),
    SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtp.port}`,
    MAIL_FROM: 'Petitions <petitions@example.org>',
    DKIM_DOMAIN: 'example.org',
    DKIM_SELECTOR: 'firma2025',
    DKIM_PRIVATE_KEY_FILE: dkimKeyFile,
  };
}

async function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const started = launch(args, env);
  const { code } = await started.exited;
  return { code, output: started.output() };
}

async function migratedDataDir(): Promise<string> {
  const dataDir = tempDataDir();
  const migrated = await run(['migrate'], { FIRMA_DATA_DIR: dataDir });
  expect(migrated, migrated.output).toMatchObject({ code: 0 });
  return dataDir;
}

/** The line doctor printed for the check `name`, e.g. '✗ SMTP_URL  the SMTP server refused...'. */
function lineFor(output: string, name: string): string {
  const line = output.split('\n').find((l) => new RegExp(`^[✓!✗] ${name} `).test(l));
  if (line === undefined) throw new Error(`no line for ${name} in:\n${output}`);
  return line;
}

function checkLines(output: string): string[] {
  return output.split('\n').filter((l) => /^[✓!✗] /.test(l));
}

describe('firma doctor', () => {
  beforeAll(async () => {
    await buildFirma();
    const dir = tempDataDir();
    smtp = await startSmtpSink({ auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
    await startHttpsSite(dir);
    dkimKeyFile = path.join(dir, 'dkim.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(dkimKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  }, 180_000);
  afterEach(killAll);
  afterAll(async () => {
    await smtp.close();
    await new Promise((resolve) => site.close(resolve));
    cleanUp();
  });

  it('passes every check of a good configuration, exits 0, and leaves the data directory as it was', async () => {
    const dataDir = await migratedDataDir();
    const before = fs.readdirSync(dataDir).sort();
    const { code, output } = await run(['doctor'], goodEnv(dataDir));
    expect(code, output).toBe(0);
    expect(checkLines(output)).toHaveLength(9);
    for (const line of checkLines(output)) expect(line, output).toMatch(/^✓ /);
    expect(output).toContain('All 9 checks passed.');
    expect(lineFor(output, 'SMTP_URL')).toContain('accepted the user name and password');
    expect(lineFor(output, 'Database')).toContain(`all ${MIGRATION_NAMES.length} migrations are applied`);
    expect(lineFor(output, 'DKIM')).toContain('firma2025._domainkey.example.org');
    expect(output).not.toContain(SMTP_PASSWORD);
    expect(output).not.toContain(encodeURIComponent(SMTP_PASSWORD));
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);
  });

  it('says the SMTP server refused the password, and exits 1', async () => {
    const env = goodEnv(await migratedDataDir());
    env['SMTP_URL'] = `smtp://${SMTP_USER}:not-the-password@127.0.0.1:${smtp.port}`;
    const { code, output } = await run(['doctor'], env);
    expect(code, output).toBe(1);
    expect(lineFor(output, 'SMTP_URL')).toMatch(
      /^✗ SMTP_URL +the SMTP server refused the user name or password in SMTP_URL/,
    );
    expect(output).not.toContain('not-the-password');
    expect(checkLines(output).filter((l) => !l.startsWith('✓'))).toHaveLength(1);
    expect(output).toContain('1 of 9 checks failed');
  });

  it('says FIRMA_SECRET is not set and how to make one, and exits 1', async () => {
    const env = goodEnv(await migratedDataDir());
    delete env['FIRMA_SECRET'];
    const { code, output } = await run(['doctor'], env);
    expect(code, output).toBe(1);
    expect(lineFor(output, 'FIRMA_SECRET')).toMatch(/^✗ FIRMA_SECRET +not set: .*set FIRMA_SECRET \(32 characters/);
    expect(lineFor(output, 'FIRMA_SECRET')).toContain('openssl rand');
  });

  it('says there is no database yet, without creating one, and that firma migrate makes it', async () => {
    const dataDir = tempDataDir();
    const { code, output } = await run(['doctor'], goodEnv(dataDir));
    expect(code, output).toBe(1);
    expect(lineFor(output, 'Database')).toMatch(
      /^✗ Database +there is no database at .*firma\.db yet: run `firma migrate`/,
    );
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('names the migrations a database lacks, and says to run firma migrate', async () => {
    const dataDir = tempDataDir();
    const connection = connect({ engine: 'sqlite', file: path.join(dataDir, 'firma.db') });
    await migrateToLatest(connection, MIGRATION_NAMES[MIGRATION_NAMES.length - 3]);
    await connection.db.destroy();
    const { code, output } = await run(['doctor'], goodEnv(dataDir));
    expect(code, output).toBe(1);
    const lacking = MIGRATION_NAMES.slice(-2).join(', ');
    expect(lineFor(output, 'Database')).toContain(`2 of ${MIGRATION_NAMES.length} migrations are pending (${lacking})`);
    expect(lineFor(output, 'Database')).toContain('run `firma migrate`');
  });

  it('says nothing answers at BASE_URL and that firma serve must run first; http is refused too', async () => {
    const env = goodEnv(await migratedDataDir());
    env['BASE_URL'] = `http://localhost:${await freePort()}`;
    const { code, output } = await run(['doctor'], env);
    expect(code, output).toBe(1);
    expect(lineFor(output, 'BASE_URL')).toMatch(/^✗ BASE_URL +http:\/\/localhost:\d+ is not https/);
    expect(lineFor(output, 'BASE_URL answers')).toMatch(
      /^✗ BASE_URL answers +nothing answered at http:\/\/localhost:\d+\/healthz: start firma serve/,
    );
  });

  it.skipIf(POSTGRES_URL === undefined)('checks a PostgreSQL database: empty, then migrated', async () => {
    const database = await createPostgresDatabase();
    try {
      const env = { ...goodEnv(tempDataDir()), DATABASE_URL: database.url };
      const empty = await run(['doctor'], env);
      expect(empty.code, empty.output).toBe(1);
      expect(lineFor(empty.output, 'Database')).toMatch(
        new RegExp(
          `^✗ Database +PostgreSQL at 127\\.0\\.0\\.1:5432/${database.name} answers, but is empty .*firma migrate`,
        ),
      );
      const migrated = await run(['migrate'], env);
      expect(migrated.code, migrated.output).toBe(0);
      const good = await run(['doctor'], env);
      expect(good.code, good.output).toBe(0);
      expect(lineFor(good.output, 'Database')).toMatch(/^✓ Database +PostgreSQL at .* all \d+ migrations are applied/);
    } finally {
      await database.drop();
    }
  });

  it.skipIf(POSTGRES_URL === undefined)('says the PostgreSQL database does not exist', async () => {
    const url = new URL(POSTGRES_URL ?? '');
    url.pathname = `/firma_doctor_missing_${process.pid}`;
    const { code, output } = await run(['doctor'], { ...goodEnv(tempDataDir()), DATABASE_URL: url.toString() });
    expect(code, output).toBe(1);
    expect(lineFor(output, 'Database')).toContain('the database does not exist: create it (createdb)');
  });
});
