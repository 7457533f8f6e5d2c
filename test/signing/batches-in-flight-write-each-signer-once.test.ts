import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTokenSalt, signerToken, tokenHash } from '../../src/mail/signer-token.js';
import { countSignatures } from '../../src/signing/count-store.js';
import { normalizeEmail } from '../../src/signing/normalize-email.js';
import type { InsertOutcome, NewSignature } from '../../src/signing/signature-store.js';
import { createSignatureWriter, POSTGRES_BATCHES_IN_FLIGHT } from '../../src/signing/signature-writer.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';
import { makePetition, TEST_SECRET } from '../support/factories.js';

function signature(petitionId: number, email: string): NewSignature {
  const salt = newTokenSalt();
  return {
    petitionId,
    locale: 'es',
    name: `Firmante ${email}`,
    email,
    emailNormalized: normalizeEmail(email),
    postalCode: '06106',
    town: 'Hartford',
    comment: null,
    nameDisplay: 'full',
    optIn: false,
    source: null,
    ipHash: null,
    createdAt: '2026-11-25T12:00:00.000Z',
    requiresVerification: false,
    tokenSalt: salt,
    tokenHash: tokenHash(signerToken(TEST_SECRET, salt)),
  };
}

// PostgreSQL commits several batches at once (the process would otherwise wait idle on each commit);
// the same signer may be in two of them. The writer is tested with that concurrency on both engines.
describe.each(enginesToTest())('signature batches in flight together on $name', (engine) => {
  let database: TestDatabase;
  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    database = await engine.open();
  });
  afterEach(async () => database?.close());

  it('write every signer exactly once, count each once, and tell the repeats they already signed', async () => {
    const db = database.connection.db;
    const { id: petitionId } = await makePetition(db);
    const writer = createSignatureWriter(db, Math.random, { concurrency: POSTGRES_BATCHES_IN_FLIGHT });
    const writes: Promise<InsertOutcome>[] = [];
    // 12 waves, each on its own turn of the event loop (so each starts a batch while others commit),
    // of 40 signers: 30 new ones and 10 who were also in the wave before (some typed differently).
    for (let wave = 0; wave < 12; wave += 1) {
      for (let i = 0; i < 30; i += 1) writes.push(writer.write(signature(petitionId, `w${wave}-${i}@example.org`)));
      if (wave > 0) for (let i = 0; i < 10; i += 1) writes.push(writer.write(signature(petitionId, ` W${wave - 1}-${i}@Example.org`)));
      await nextTurn();
    }
    const outcomes = await Promise.all(writes);
    expect(outcomes.filter((o) => o.inserted)).toHaveLength(360);
    expect(outcomes.filter((o) => !o.inserted)).toHaveLength(110);
    const rows = await db.selectFrom('signatures').select('email_normalized').where('petition_id', '=', petitionId).execute();
    expect(rows).toHaveLength(360);
    expect(new Set(rows.map((r) => r.email_normalized)).size).toBe(360);
    expect((await countSignatures(db, [petitionId])).get(petitionId)).toBe(360);
  });
});
