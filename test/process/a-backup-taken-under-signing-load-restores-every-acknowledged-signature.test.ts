// `firma backup` beside a real `firma serve` taking signatures, then `firma restore`: refused while a server
// has the database open, accepted once it stopped (cleanly or killed), and served again with the backup's count.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFirma,
  cleanUp,
  DEMO_SLUG,
  killAll,
  launch,
  request,
  serve,
  signatureBody,
  tempDataDir,
  waitUntil,
  type Server,
} from '../support/firma-process.js';

const SIGN = `/en/p/${DEMO_SLUG}/sign`;
// The demo petition goes to each signer's legislators: its thank-you address carries their sealed districts.
const THANKS = `/en/p/${DEMO_SLUG}/thanks?confirm=1&d=`;

/** Signers posting the sign form one after another on CONCURRENCY connections until `stop()`; each 303 is noted. */
function signingLoad(server: Server, prefix: string, concurrency = 8) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const acknowledged: string[] = [];
  let next = 0;
  let stopping = false;
  const signer = async () => {
    while (!stopping) {
      const email = `${prefix}-${next++}@example.org`;
      const reply = await request(server.port, 'POST', SIGN, { body: signatureBody(email), agent });
      if (reply.status !== 303 || !(reply.location ?? '').startsWith(THANKS))
        throw new Error(`${email} was answered ${reply.status}`);
      acknowledged.push(email);
    }
  };
  const running = Promise.all(Array.from({ length: concurrency }, signer));
  return {
    acknowledged,
    async stop() {
      stopping = true;
      await running;
      agent.destroy();
    },
  };
}

function emailsIn(file: string, prefix: string): Set<string> {
  const db = new SQLite(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return new Set(
      db.prepare('select email from signatures where email like ?').pluck().all(`${prefix}-%`).map(String),
    );
  } finally {
    db.close();
  }
}

async function publicCounts(port: number): Promise<{ signature_count: number; pending_count: number }> {
  const reply = await request(port, 'GET', `/p/${DEMO_SLUG}.json`);
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body) as { signature_count: number; pending_count: number }; // the public JSON's documented shape
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('firma backup and firma restore on SQLite', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  it('a backup taken during a signing load passes the integrity check and holds every signature acknowledged before it began; restore waits for the server to stop', async () => {
    const dataDir = tempDataDir();
    const server = await serve({ FIRMA_DATA_DIR: dataDir });
    const load = signingLoad(server, 'load');
    await waitUntil('50 signatures acknowledged', 60_000, async () => load.acknowledged.length >= 50);

    const file = path.join(tempDataDir(), 'firma-backup.db');
    const acknowledgedBefore = [...load.acknowledged];
    const backup = launch(['backup', '--out', file], { FIRMA_DATA_DIR: dataDir });
    const exit = await backup.exited;
    const acknowledgedDuring = load.acknowledged.length - acknowledgedBefore.length;
    await load.stop();
    expect(exit, backup.output()).toEqual({ code: 0, signal: null });
    // The server kept taking signatures while the copy was made.
    expect(acknowledgedDuring).toBeGreaterThan(0);

    const stored = emailsIn(file, 'load');
    expect(acknowledgedBefore.filter((email) => !stored.has(email))).toEqual([]);
    const printed = /Backed up .* to (.*): .*, (\d+) signatures, integrity ok\./.exec(backup.output());
    expect(printed?.[1]).toBe(file);
    expect(Number(printed?.[2])).toBe(120 + stored.size);
    // Personal data: readable by its owner only, and the secret the links were made with beside it.
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}.secret`)).toBe(0o600);
    expect(fs.readFileSync(`${file}.secret`, 'utf8')).toBe(fs.readFileSync(path.join(dataDir, 'secret'), 'utf8'));
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['firma-backup.db', 'firma-backup.db.secret']);

    // While the server runs, restore refuses and changes nothing.
    const refused = launch(['restore', file], { FIRMA_DATA_DIR: dataDir });
    expect(await refused.exited).toEqual({ code: 1, signal: null });
    expect(refused.output()).toMatch(/^firma restore: .*firma\.db is in use by a running Firma/);
    expect(refused.output().trim().split('\n')).toHaveLength(1);
    expect((await publicCounts(server.port)).pending_count).toBe(load.acknowledged.length);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const restore = launch(['restore', file], { FIRMA_DATA_DIR: dataDir });
    expect(await restore.exited, restore.output()).toEqual({ code: 0, signal: null });
    expect(restore.output()).toContain(`${120 + stored.size} signatures, integrity ok`);
    expect(restore.output()).toContain('The secret beside the backup is the one the data directory has.');
    // The database it replaced is kept whole, with every signature the server acknowledged.
    const [kept] = fs.readdirSync(dataDir).filter((name) => name.startsWith('firma.db.before-restore-'));
    expect(kept).toBeDefined();
    const keptEmails = emailsIn(path.join(dataDir, kept ?? ''), 'load');
    expect(load.acknowledged.filter((email) => !keptEmails.has(email))).toEqual([]);
    expect(emailsIn(path.join(dataDir, 'firma.db'), 'load')).toEqual(stored);

    const again = await serve({ FIRMA_DATA_DIR: dataDir });
    expect(await publicCounts(again.port)).toMatchObject({ signature_count: 120, pending_count: stored.size });
    const after = await request(again.port, 'POST', SIGN, { body: signatureBody('after-restore@example.org') });
    expect(after.status).toBe(303);
    again.child.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });
  }, 240_000);

  it('after kill -9, restore keeps the old database with what only its WAL held, and a new machine gets the secret too', async () => {
    const dataDir = tempDataDir();
    const server = await serve({ FIRMA_DATA_DIR: dataDir });
    const file = path.join(tempDataDir(), 'before.db');
    const backup = launch(['backup', '--out', file], { FIRMA_DATA_DIR: dataDir });
    expect(await backup.exited, backup.output()).toEqual({ code: 0, signal: null });
    const load = signingLoad(server, 'late', 4);
    await waitUntil('20 signatures acknowledged', 60_000, async () => load.acknowledged.length >= 20);
    server.child.kill('SIGKILL');
    await load.stop().catch(() => undefined); // requests cut off by the kill were never acknowledged
    await server.exited;
    expect(fs.existsSync(path.join(dataDir, 'firma.db-wal'))).toBe(true);

    const restore = launch(['restore', file], { FIRMA_DATA_DIR: dataDir });
    expect(await restore.exited, restore.output()).toEqual({ code: 0, signal: null });
    const names = fs.readdirSync(dataDir);
    expect(names.filter((name) => /^firma\.db-(wal|shm|journal)$/.test(name))).toEqual([]);
    const kept = names.find((name) => name.startsWith('firma.db.before-restore-')) ?? '';
    const keptEmails = emailsIn(path.join(dataDir, kept), 'late');
    expect(load.acknowledged.filter((email) => !keptEmails.has(email))).toEqual([]);
    expect(emailsIn(path.join(dataDir, 'firma.db'), 'late').size).toBe(0);

    // Another machine: an empty data directory gets the database and the secret the backup was made with.
    const newMachine = path.join(tempDataDir(), 'data');
    const moved = launch(['restore', file], { FIRMA_DATA_DIR: newMachine });
    expect(await moved.exited, moved.output()).toEqual({ code: 0, signal: null });
    expect(moved.output()).toContain(`The secret beside the backup is now ${path.join(newMachine, 'secret')}.`);
    expect(fs.readFileSync(path.join(newMachine, 'secret'), 'utf8')).toBe(
      fs.readFileSync(path.join(dataDir, 'secret'), 'utf8'),
    );
    expect(mode(path.join(newMachine, 'secret'))).toBe(0o600);
    expect(mode(path.join(newMachine, 'firma.db'))).toBe(0o600);
    const served = await serve({ FIRMA_DATA_DIR: newMachine });
    expect((await publicCounts(served.port)).signature_count).toBe(120);
  }, 240_000);

  it('with --discard-current the replaced database is not kept, and a different secret is set aside, not lost', async () => {
    const dataDir = tempDataDir();
    const file = path.join(tempDataDir(), 'b.db');
    fs.writeFileSync(path.join(dataDir, 'secret'), `${'a'.repeat(43)}\n`, { mode: 0o600 });
    expect((await launch(['demo'], { FIRMA_DATA_DIR: dataDir }).exited).code).toBe(0);
    const backup = launch(['backup', '--out', file], { FIRMA_DATA_DIR: dataDir });
    expect(await backup.exited, backup.output()).toEqual({ code: 0, signal: null });
    fs.writeFileSync(path.join(dataDir, 'secret'), `${'b'.repeat(43)}\n`, { mode: 0o600 });

    const restore = launch(['restore', file, '--discard-current'], { FIRMA_DATA_DIR: dataDir });
    expect(await restore.exited, restore.output()).toEqual({ code: 0, signal: null });
    const names = fs.readdirSync(dataDir);
    expect(names.filter((name) => name.startsWith('firma.db.before-restore-'))).toEqual([]);
    expect(fs.readFileSync(path.join(dataDir, 'secret'), 'utf8')).toBe(`${'a'.repeat(43)}\n`);
    const setAside = names.find((name) => name.startsWith('secret.before-restore-')) ?? '';
    expect(fs.readFileSync(path.join(dataDir, setAside), 'utf8')).toBe(`${'b'.repeat(43)}\n`);
    expect(restore.output()).toContain(`the one it replaced is ${path.join(dataDir, setAside)}`);
  }, 60_000);

  it('with BACKUP_DIR the server makes its scheduled backup (in a worker thread) while it takes signatures', async () => {
    const dataDir = tempDataDir();
    const backups = tempDataDir();
    const server = await serve({ FIRMA_DATA_DIR: dataDir, BACKUP_DIR: backups, LOG_LEVEL: 'info' });
    const load = signingLoad(server, 'scheduled');
    let made: string | undefined;
    try {
      await waitUntil(
        'the scheduled backup',
        30_000,
        async () => {
          made = fs.readdirSync(backups).find((name) => /^firma-\d{8}-\d{6}\.db$/.test(name));
          // The file is renamed into place a moment before the job logs it: wait for both.
          return made !== undefined && server.output().includes('backup made');
        },
        server.output,
      );
    } finally {
      await load.stop();
    }
    const file = path.join(backups, made ?? '');
    expect(mode(file)).toBe(0o600);
    const db = new SQLite(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(Number(db.prepare('select count(*) from signatures').pluck().get())).toBeGreaterThanOrEqual(120);
    } finally {
      db.close();
    }
    expect(server.output()).toContain('backup made');
    expect(server.output()).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});
