import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { checkDkim } from './dkim-check.js';
import { checkMailFrom } from './mail-from-check.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firma-dkim-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function keyFile(name: string, pem: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pem);
  return file;
}

const rsa = (bits: number, passphrase?: string) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
    ...(passphrase === undefined ? {} : { cipher: 'aes-256-cbc', passphrase }),
  }) as string; // a PEM export is a string
const rsa2048 = keyFile('rsa2048.pem', rsa(2048));

function dkim(env: Record<string, string>) {
  return checkDkim(
    loadConfig({
      MAIL_FROM: 'Petitions <petitions@example.org>',
      DKIM_DOMAIN: 'example.org',
      DKIM_SELECTOR: 'firma2025',
      DKIM_PRIVATE_KEY_FILE: rsa2048,
      ...env,
    }),
  );
}

describe('checkDkim', () => {
  it('passes a 2048-bit RSA key and names the DNS record to check', () => {
    const { ok, message } = dkim({});
    expect(ok).toBe(true);
    expect(message).toContain('a 2048-bit RSA key for example.org');
    expect(message).toContain('TXT record firma2025._domainkey.example.org');
  });

  it('takes a selector of several labels, and MAIL_FROM at a subdomain', () => {
    expect(dkim({ DKIM_SELECTOR: 'eu.firma-1', MAIL_FROM: 'p@lists.example.org' }).ok).toBe(true);
  });

  it('refuses an Ed25519 key: nodemailer would send the mail unsigned', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string; // a PEM export is a string
    const { ok, message } = dkim({ DKIM_PRIVATE_KEY_FILE: keyFile('ed25519.pem', pem) });
    expect(ok).toBe(false);
    expect(message).toMatch(/is an Ed25519 key, but Firma's mailer signs only with RSA .*openssl genrsa/);
  });

  it('says a key with a passphrase, a file that is no key, and a missing file, each plainly', () => {
    const encrypted = dkim({ DKIM_PRIVATE_KEY_FILE: keyFile('encrypted.pem', rsa(2048, 'secret')) });
    expect(encrypted).toMatchObject({ ok: false, message: expect.stringContaining('encrypted with a passphrase') });
    const notKey = dkim({ DKIM_PRIVATE_KEY_FILE: keyFile('not-a-key.pem', 'hello\n') });
    expect(notKey).toMatchObject({ ok: false, message: expect.stringContaining('is not a private key in PEM format') });
    const missing = dkim({ DKIM_PRIVATE_KEY_FILE: path.join(dir, 'missing.pem') });
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining('(ENOENT)') });
  });

  it('refuses a selector or a domain DNS cannot hold', () => {
    expect(dkim({ DKIM_SELECTOR: 'firma 2025' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('DKIM_SELECTOR "firma 2025" cannot be part of a DNS name'),
    });
    expect(dkim({ DKIM_SELECTOR: '-firma' }).ok).toBe(false);
    expect(dkim({ DKIM_DOMAIN: 'example' })).toMatchObject({
      ok: false,
      message: 'DKIM_DOMAIN "example" is not a domain name (e.g. example.org)',
    });
  });

  it('warns when the key signs for another domain than MAIL_FROM’s, and of a 1024-bit key', () => {
    expect(dkim({ MAIL_FROM: 'p@example.net' })).toMatchObject({
      ok: 'warn',
      message: expect.stringContaining('signs as example.org, but MAIL_FROM is at example.net'),
    });
    expect(dkim({ DKIM_PRIVATE_KEY_FILE: keyFile('rsa1024.pem', rsa(1024)) })).toMatchObject({
      ok: 'warn',
      message: expect.stringContaining('a 1024-bit RSA key'),
    });
  });

  it('warns when DKIM is not set', () => {
    expect(checkDkim(loadConfig({ MAIL_FROM: 'p@example.org' })).ok).toBe('warn');
  });
});

describe('checkMailFrom', () => {
  it('refuses the default firma@localhost, and passes an address at a domain', () => {
    expect(checkMailFrom(loadConfig({}))).toMatchObject({ ok: false, message: expect.stringContaining('localhost') });
    expect(checkMailFrom(loadConfig({ MAIL_FROM: 'Petitions <petitions@example.org>' })).ok).toBe(true);
  });
});
