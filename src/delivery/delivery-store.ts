// Delivery records: written with the update that emails opted-in signers, in one transaction; read for the pages.
import { recordAudit } from '../platform/audit/audit-store.js';
import type { EventEmitter } from '../platform/events.js';
import type { DeliveryEvents } from './events.js';
import type { Db } from '../platform/db/connect.js';
import type { Locale } from '../platform/i18n/translator.js';
import type { Target } from '../petitions/petition.js';
import { updateTextRow } from '../petitions/rendered-texts.js';
import type { PhotoType } from './photo-processing.js';

export interface NewDelivery {
  petitionId: number;
  deliveredOn: string;
  recipients: Target[];
  location: string;
  notes: string;
  recordedBy: number | null;
  photo: { type: PhotoType; bytes: Uint8Array } | undefined;
  /** The update to signers, one text per language of the petition. */
  update: { locale: Locale; title: string; body: string }[];
  now: Date;
}

export interface Delivery {
  id: number;
  deliveredOn: string;
  recipients: Target[];
  location: string;
  notes: string;
  hasPhoto: boolean;
}

export async function insertDelivery(db: Db, d: NewDelivery, events?: EventEmitter<DeliveryEvents>): Promise<number> {
  const createdAt = d.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const update = await trx
      .insertInto('petition_updates')
      .values({ petition_id: d.petitionId, author_id: d.recordedBy, created_at: createdAt, email_signers: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const text of d.update) {
      await trx
        .insertInto('petition_update_texts')
        .values(updateTextRow(update.id, text.locale, text.title, text.body))
        .execute();
    }
    const { id } = await trx
      .insertInto('deliveries')
      .values({
        petition_id: d.petitionId,
        delivered_on: d.deliveredOn,
        recipients: JSON.stringify(d.recipients),
        location: d.location,
        notes: d.notes,
        recorded_by: d.recordedBy,
        update_id: update.id,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (d.photo !== undefined) {
      await trx
        .insertInto('delivery_photos')
        .values({ delivery_id: id, content_type: d.photo.type, bytes: Buffer.from(d.photo.bytes) })
        .execute();
    }
    await recordAudit(trx, {
      actorId: d.recordedBy,
      action: 'delivery.record',
      petitionId: d.petitionId,
      details: { delivery: id, delivered_on: d.deliveredOn, photo: d.photo !== undefined },
      now: d.now,
    });
    await events?.emit(
      'petition.delivered',
      { petitionId: d.petitionId, deliveryId: id, deliveredOn: d.deliveredOn, now: createdAt },
      trx,
    );
    return id;
  });
}

function parseRecipients(json: string): Target[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as Target[]) : []; // written by insertDelivery above
}

/** A petition's deliveries, earliest first. */
export async function listDeliveries(db: Db, petitionId: number): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('deliveries')
    .leftJoin('delivery_photos', 'delivery_photos.delivery_id', 'deliveries.id')
    .select([
      'deliveries.id',
      'delivered_on',
      'recipients',
      'location',
      'notes',
      'delivery_photos.delivery_id as photo_id',
    ])
    .where('petition_id', '=', petitionId)
    .orderBy('delivered_on')
    .orderBy('deliveries.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    deliveredOn: r.delivered_on,
    recipients: parseRecipients(r.recipients),
    location: r.location,
    notes: r.notes,
    hasPhoto: r.photo_id !== null,
  }));
}

/** A delivery photo, with the slug of its petition (served only while the petition page is public). */
export async function findDeliveryPhoto(
  db: Db,
  deliveryId: number,
): Promise<{ type: string; bytes: Uint8Array; petitionId: number } | undefined> {
  const row = await db
    .selectFrom('delivery_photos')
    .innerJoin('deliveries', 'deliveries.id', 'delivery_photos.delivery_id')
    .select(['content_type', 'bytes', 'deliveries.petition_id'])
    .where('delivery_photos.delivery_id', '=', deliveryId)
    .executeTakeFirst();
  return row === undefined ? undefined : { type: row.content_type, bytes: row.bytes, petitionId: row.petition_id };
}
