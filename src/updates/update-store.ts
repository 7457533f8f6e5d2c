// Updates to signers: the rows and their texts in each language, and the queries that read them.
import { recordAudit } from '../platform/audit/audit-store.js';
import type { EventEmitter } from '../platform/events.js';
import type { UpdateEvents } from './events.js';
import type { Db } from '../platform/db/connect.js';
import { updateTextRow } from '../petitions/rendered-texts.js';
import type { UpdateText } from './update-text.js';

export interface NewUpdate {
  petitionId: number;
  authorId: number | null;
  createdAt: string;
  emailSigners: boolean;
  texts: Record<string, UpdateText>;
}

export interface UpdateSummary {
  id: number;
  createdAt: string;
  emailSigners: boolean;
  fanoutDone: boolean;
  /** How many signers it was emailed to (queued by the fan-out; stays when the outbox is purged). */
  emailedCount: number;
  texts: Map<string, UpdateText>;
}

/** Stores an update and its texts in one transaction; the fan-out job emails it if asked. */
export async function insertUpdate(db: Db, u: NewUpdate, events?: EventEmitter<UpdateEvents>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('petition_updates')
      .values({
        petition_id: u.petitionId,
        author_id: u.authorId,
        created_at: u.createdAt,
        email_signers: u.emailSigners ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const texts = Object.entries(u.texts).map(([locale, text]) => updateTextRow(id, locale, text.title, text.body));
    if (texts.length > 0) await trx.insertInto('petition_update_texts').values(texts).execute();
    // Under the person who wrote it (the organizer, or someone on the petition's team).
    await recordAudit(trx, {
      actorId: u.authorId,
      action: 'update.post',
      petitionId: u.petitionId,
      details: { update: id, email_signers: u.emailSigners },
      now: new Date(u.createdAt),
    });
    await events?.emit(
      'update.sent',
      { petitionId: u.petitionId, updateId: id, emailSigners: u.emailSigners, now: u.createdAt },
      trx,
    );
    return id;
  });
}

/** Texts of these updates, by update id and then locale. */
export async function findUpdateTexts(
  db: Db,
  updateIds: readonly number[],
): Promise<Map<number, Map<string, UpdateText>>> {
  const found = new Map<number, Map<string, UpdateText>>();
  if (updateIds.length === 0) return found;
  const rows = await db
    .selectFrom('petition_update_texts')
    .select(['update_id', 'locale', 'title', 'body', 'body_html'])
    .where('update_id', 'in', updateIds)
    .execute();
  for (const r of rows) {
    const texts = found.get(r.update_id) ?? new Map<string, UpdateText>();
    texts.set(r.locale, { title: r.title, body: r.body, bodyHtml: r.body_html });
    found.set(r.update_id, texts);
  }
  return found;
}

/** Newest first. */
export async function listUpdates(db: Db, petitionId: number): Promise<UpdateSummary[]> {
  const rows = await db
    .selectFrom('petition_updates')
    .select(['id', 'created_at', 'email_signers', 'fanout_done_at', 'emailed_count'])
    .where('petition_id', '=', petitionId)
    .orderBy('id', 'desc')
    .execute();
  const texts = await findUpdateTexts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    emailSigners: r.email_signers === 1,
    fanoutDone: r.fanout_done_at !== null,
    emailedCount: Number(r.emailed_count),
    texts: texts.get(r.id) ?? new Map<string, UpdateText>(),
  }));
}
