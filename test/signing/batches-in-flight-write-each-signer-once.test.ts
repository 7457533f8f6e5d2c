import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countSignatures } from '../../src/signing/signature-counts.js';
import type { InsertOutcome } from '../../src/signing/signature-store.js';
import { createSignatureWriter, POSTGRES_BATCHES_IN_FLIGHT } from '../../src/signing/signature-writer.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';
import { makePetition, newSignature } from '../support/factories.js';

const signature = (petitionId: number, email: string) => newSignature(petitionId, { email, locale: 'es' });

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
      if (wave > 0)
        for (let i = 0; i < 10; i += 1)
          writes.push(writer.write(signature(petitionId, ` W${wave - 1}-${i}@Example.org`)));
      await nextTurn();
    }
    const outcomes = await Promise.all(writes);
    expect(outcomes.filter((o) => o.inserted)).toHaveLength(360);
    expect(outcomes.filter((o) => !o.inserted)).toHaveLength(110);
    const rows = await db
      .selectFrom('signatures')
      .select('email_normalized')
      .where('petition_id', '=', petitionId)
      .execute();
    expect(rows).toHaveLength(360);
    expect(new Set(rows.map((r) => r.email_normalized)).size).toBe(360);
    expect((await countSignatures(db, [petitionId])).get(petitionId)).toBe(360);
  });
});
