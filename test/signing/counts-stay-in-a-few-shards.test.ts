// The count of a petition lives in at most COUNT_SHARDS rows, whatever changes it: signing, confirming
// by email, withdrawing. Confirming once added a row per confirmation (a shard out of a million), so the
// table and every count query grew without bound; migration 0008 folds such rows back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNCOUNTED } from '../../src/signing/signing-metrics.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { signerToken } from '../../src/platform/tokens/signer-token.js';
import { COUNT_SHARDS, countSignatures } from '../../src/signing/signature-counts.js';
import { confirmSignature, withdrawSignature } from '../../src/signing/signer-links.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';
import { makeBarePetition, makePetition, makeSignature, newSignature, TEST_SECRET } from '../support/factories.js';
import { createReactions } from '../../src/reactions.js';

describe.each(enginesToTest())('count shards on $name', (engine) => {
  let database: TestDatabase;

  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
  });
  afterEach(async () => database?.close());

  async function shardRows(petitionId: number): Promise<number[]> {
    const rows = await database.connection.db
      .selectFrom('petition_count_shards')
      .select('shard')
      .where('petition_id', '=', petitionId)
      .execute();
    return rows.map((r) => r.shard);
  }

  it('200 confirmations and 50 withdrawals keep the count exact in at most COUNT_SHARDS rows', async () => {
    database = await engine.open();
    const db = database.connection.db;
    const { id } = await makePetition(db, { requiresVerification: true });
    const deps = {
      db,
      events: createReactions(),
      now: () => new Date('2026-11-20T12:05:00.000Z'),
      random: Math.random,
      confirmationExpiryDays: 14,
      signingMetrics: UNCOUNTED,
    };
    const tokens: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const signature = newSignature(id, { requiresVerification: true });
      await makeSignature(db, id, signature);
      tokens.push(signerToken(TEST_SECRET, signature.tokenSalt));
    }
    for (const token of tokens) expect((await confirmSignature(deps, token)).kind).toBe('confirmed');
    for (const token of tokens.slice(0, 50)) expect((await withdrawSignature(deps, token)).kind).toBe('done');

    expect((await countSignatures(db, [id])).get(id)).toBe(150);
    const shards = await shardRows(id);
    expect(shards.length).toBeLessThanOrEqual(COUNT_SHARDS);
    expect(shards.every((s) => s >= 0 && s < COUNT_SHARDS)).toBe(true);
  });

  it('migration 0008 folds the rows of shards past the set into it, keeping every count', async () => {
    database = await engine.open('0007-update-counts');
    const db = database.connection.db;
    const { id: first } = await makeBarePetition(db);
    const { id: second } = await makeBarePetition(db);
    const rows = [
      { petition_id: first, shard: 3, signature_count: 10 },
      { petition_id: first, shard: 35, signature_count: 5 }, // folds into shard 3
      { petition_id: first, shard: 999_999, signature_count: 1 },
      { petition_id: first, shard: 123_456, signature_count: -1 },
      { petition_id: second, shard: 64, signature_count: 7 },
      { petition_id: second, shard: 31, signature_count: 2 },
    ];
    await db.insertInto('petition_count_shards').values(rows).execute();

    expect(await migrateToLatest(database.connection, '0008-probe-and-count-shards')).toEqual([
      '0008-probe-and-count-shards',
    ]);

    expect(Object.fromEntries(await countSignatures(db, [first, second]))).toEqual({ [first]: 15, [second]: 9 });
    expect((await shardRows(first)).every((s) => s < COUNT_SHARDS)).toBe(true);
    expect((await shardRows(second)).sort((a, b) => a - b)).toEqual([0, 31]);
    const shard3 = await db
      .selectFrom('petition_count_shards')
      .select('signature_count')
      .where('petition_id', '=', first)
      .where('shard', '=', 3)
      .executeTakeFirstOrThrow();
    expect(Number(shard3.signature_count)).toBe(15);
  });
});
