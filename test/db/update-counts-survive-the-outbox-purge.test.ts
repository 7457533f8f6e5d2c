import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';
import { makeBarePetition } from '../support/factories.js';

// Migration 0007 moves "emailed to N signers" from a count of outbox rows (purged a month after
// sending) onto the update; updates sent before it keep the count the outbox still holds.
describe.each(enginesToTest())('migration 0007 on $name', (engine) => {
  let database: TestDatabase;

  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    database = await engine.open('0006-privacy');
  });
  afterEach(async () => database?.close());

  it('counts each update already emailed from its outbox messages, and nothing for the others', async () => {
    const db = database.connection.db;
    const { id: petitionId } = await makeBarePetition(db);
    const { id: otherPetitionId } = await makeBarePetition(db);
    const update = async (petition: number, emailSigners: number) =>
      (
        await db
          .insertInto('petition_updates')
          .values({
            petition_id: petition,
            author_id: null,
            created_at: '2026-11-01T00:00:00.000Z',
            email_signers: emailSigners,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const sent = await update(petitionId, 1);
    const second = await update(petitionId, 1);
    const notEmailed = await update(petitionId, 0);
    const elsewhere = await update(otherPetitionId, 1);
    let n = 0;
    const message = (petition: number, kind: string, payload: object) => {
      n += 1;
      return {
        kind,
        petition_id: petition,
        signature_id: n,
        recipient: null,
        locale: 'en',
        payload: JSON.stringify(payload),
        dedupe_key: `test:${n}`,
        status: 'sent',
        attempts: 1,
        next_attempt_at: '2026-11-01T00:00:00.000Z',
        created_at: '2026-11-01T00:00:00.000Z',
      };
    };
    await db
      .insertInto('mail_outbox')
      .values([
        ...Array.from({ length: 3 }, () => message(petitionId, 'petition_update', { update: sent })),
        message(petitionId, 'petition_update', { update: second }),
        ...Array.from({ length: 2 }, () => message(otherPetitionId, 'petition_update', { update: elsewhere })),
        message(petitionId, 'milestone_signer', { milestone: 100 }),
        // An update id that is a prefix of another's must not count for it.
        message(petitionId, 'petition_update', { update: sent * 100 + 7 }),
      ])
      .execute();

    expect(await migrateToLatest(database.connection, '0007-update-counts')).toEqual(['0007-update-counts']);

    const counts = await db.selectFrom('petition_updates').select(['id', 'emailed_count']).orderBy('id').execute();
    expect(counts.map((r) => [r.id, Number(r.emailed_count)])).toEqual([
      [sent, 3],
      [second, 1],
      [notEmailed, 0],
      [elsewhere, 2],
    ]);
  });
});
