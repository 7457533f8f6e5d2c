// The SQLite write thread: signatures committed by a second thread, on its own connection to the file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { newTokenSalt, signerToken, tokenHash } from '../../src/mail/signer-token.js';
import { countSignatures } from '../../src/signing/count-store.js';
import { normalizeEmail } from '../../src/signing/normalize-email.js';
import type { NewSignature } from '../../src/signing/signature-store.js';
import { createSignatureWriter, type SignatureWriter } from '../../src/signing/signature-writer.js';
import { makePetition, TEST_SECRET } from '../support/factories.js';

function newSignature(petitionId: number, email: string, overrides: Partial<NewSignature> = {}): NewSignature {
  const tokenSalt = newTokenSalt();
  return {
    petitionId,
    locale: 'es',
    name: 'Señora Prueba',
    email,
    emailNormalized: normalizeEmail(email),
    postalCode: '06106',
    town: 'Hartford',
    comment: null,
    nameDisplay: 'full',
    optIn: false,
    source: null,
    ipHash: null,
    createdAt: new Date().toISOString(),
    requiresVerification: false,
    tokenSalt,
    tokenHash: tokenHash(signerToken(TEST_SECRET, tokenSalt)),
    ...overrides,
  };
}

describe('the SQLite write thread', () => {
  let dir: string;
  let connection: Connection;
  let file: string;
  let writer: SignatureWriter | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'firma-write-thread-'));
    file = path.join(dir, 'firma.db');
    connection = connect({ engine: 'sqlite', file });
    await migrateToLatest(connection);
  });
  afterEach(async () => {
    await writer?.close();
    writer = undefined;
    await connection.db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('commits signatures sent together, and the main connection reads them and their count', async () => {
    const { id } = await makePetition(connection.db);
    writer = createSignatureWriter({ db: connection.db, random: Math.random, threadFile: file });
    const outcomes = await Promise.all(Array.from({ length: 300 }, (_, i) => writer!.write(newSignature(id, `firmante-${i}@example.org`))));
    expect(outcomes.every((o) => o.inserted)).toBe(true);
    const rows = await connection.db.selectFrom('signatures').select(['email', 'name']).where('petition_id', '=', id).execute();
    expect(rows).toHaveLength(300);
    expect(rows[0]?.name).toBe('Señora Prueba');
    expect((await countSignatures(connection.db, [id])).get(id)).toBe(300);
  });

  it('fifty simultaneous writes of one email leave one signature, and the other forty-nine are told it had signed', async () => {
    const { id } = await makePetition(connection.db);
    writer = createSignatureWriter({ db: connection.db, random: Math.random, threadFile: file });
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => writer!.write(newSignature(id, 'misma@example.org'))));
    expect(outcomes.filter((o) => o.inserted)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.inserted && o.status === 'confirmed')).toHaveLength(49);
    expect(await connection.db.selectFrom('signatures').select('id').execute()).toHaveLength(1);
  });

  it('a signature the database refuses fails alone: its neighbours in the batch are committed', async () => {
    const { id } = await makePetition(connection.db);
    writer = createSignatureWriter({ db: connection.db, random: Math.random, threadFile: file });
    const results = await Promise.allSettled([
      writer.write(newSignature(id, 'antes@example.org')),
      writer.write(newSignature(999_999, 'sin-peticion@example.org')), // no such petition: a foreign key violation
      writer.write(newSignature(id, 'despues@example.org')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = results[1] as PromiseRejectedResult;
    expect((refused.reason as { code?: string }).code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    const emails = (await connection.db.selectFrom('signatures').select('email').execute()).map((r) => r.email).sort();
    expect(emails).toEqual(['antes@example.org', 'despues@example.org']);
  });

  it('a thread that cannot open its database fails the waiting writes with an error instead of leaving them hanging', async () => {
    const { id } = await makePetition(connection.db);
    writer = createSignatureWriter({ db: connection.db, random: Math.random, threadFile: path.join(dir, 'not-a-directory', '\0bad') });
    await expect(writer.write(newSignature(id, 'nadie@example.org'))).rejects.toThrow();
  });

  it('close waits for the writes already handed over, and a later write starts the thread again', async () => {
    const { id } = await makePetition(connection.db);
    writer = createSignatureWriter({ db: connection.db, random: Math.random, threadFile: file });
    const pending = Array.from({ length: 20 }, (_, i) => writer!.write(newSignature(id, `tarde-${i}@example.org`)));
    await writer.close();
    expect((await Promise.all(pending)).every((o) => o.inserted)).toBe(true);
    expect(await writer.write(newSignature(id, 'otra-vez@example.org'))).toEqual({ inserted: true });
    expect(await connection.db.selectFrom('signatures').select('id').execute()).toHaveLength(21);
  });
});
