// Recording a delivery: the form checked, the photo re-encoded, the update to signers written in every language.
import type { EventEmitter } from '../platform/events.js';
import type { DeliveryEvents } from './events.js';
import type { Db } from '../platform/db/connect.js';
import type { MessageKey } from '../platform/i18n/message-key.js';
import { translator, type Locale, type Params } from '../platform/i18n/translator.js';
import { isPublished, targetName, textFor, type Petition } from '../petitions/petition.js';
import { countSignatures } from '../signing/signature-counts.js';
import { insertDelivery, type Delivery } from './delivery-store.js';
import { MAX_PHOTO_PIXELS, processDeliveryPhoto, type PhotoRefusal, type PhotoType } from './photo-processing.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const LIMITS = { location: 200, notes: 2000 } as const;

export interface DeliveryForm {
  delivered_on: string;
  recipients: string[];
  location: string;
  notes: string;
  photo: Uint8Array | undefined;
}

export type DeliveryErrors = Record<string, { key: MessageKey; params?: Params }>;

export type RecordOutcome =
  { kind: 'recorded'; id: number } | { kind: 'invalid'; errors: DeliveryErrors } | { kind: 'draft' };

const PHOTO_REFUSALS: Record<PhotoRefusal, DeliveryErrors[string]> = {
  'not-an-image': { key: 'delivery.error.photoType' },
  'too-many-pixels': { key: 'delivery.error.photoPixels', params: { megapixels: MAX_PHOTO_PIXELS / 1_000_000 } },
  unreadable: { key: 'delivery.error.photoUnreadable' },
};

function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** "A, B and C" in the reader's language. */
export function listOf(names: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** The delivered line on the public page, in `locale`. */
export function deliveredLine(petition: Petition, delivery: Delivery, locale: Locale): { line: string; alt: string } {
  const t = translator(locale);
  const recipients = listOf(
    delivery.recipients.map((r) => targetName(r, locale, petition.defaultLocale)),
    locale,
  );
  const date = t.date(`${delivery.deliveredOn}T12:00:00Z`);
  const key = petition.deliveryMethod === 'by_hand' ? 'delivered.byHand' : 'delivered.other';
  return { line: t.t(key, { recipients, date }), alt: t.t('delivered.photoAlt', { recipients, date }) };
}

export async function recordDelivery(
  deps: { db: Db; now: () => Date; petitions: { forget(): void }; events: EventEmitter<DeliveryEvents> },
  petition: Petition,
  form: DeliveryForm,
  actorId: number | null,
): Promise<RecordOutcome> {
  // A draft has nothing to deliver: no one has signed it, and signers would be told of a delivery they never saw.
  if (!isPublished(petition)) return { kind: 'draft' };
  const errors: DeliveryErrors = {};
  const deliveredOn = form.delivered_on.trim();
  if (!isRealDay(deliveredOn)) errors['delivered_on'] = { key: 'delivery.error.date' };
  const positions = [...new Set(form.recipients)]
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0 && n < petition.targets.length);
  if (positions.length === 0) errors['recipients'] = { key: 'delivery.error.recipients' };
  const location = form.location.trim();
  if (location === '') errors['location'] = { key: 'delivery.error.location' };
  else if (location.length > LIMITS.location)
    errors['location'] = { key: 'delivery.error.tooLong', params: { max: LIMITS.location } };
  const notes = form.notes.trim().replace(/\r\n/g, '\n');
  if (notes.length > LIMITS.notes) errors['notes'] = { key: 'delivery.error.tooLong', params: { max: LIMITS.notes } };
  let photo: { type: PhotoType; bytes: Uint8Array } | undefined;
  if (form.photo !== undefined && form.photo.length > 0) {
    if (form.photo.length > MAX_PHOTO_BYTES) errors['photo'] = { key: 'delivery.error.photoSize' };
    else {
      const processed = await processDeliveryPhoto(form.photo);
      if (processed.ok) photo = { type: processed.type, bytes: processed.bytes };
      else errors['photo'] = PHOTO_REFUSALS[processed.reason];
    }
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  const recipients = positions
    .sort((a, b) => a - b)
    .flatMap((i) => (petition.targets[i] === undefined ? [] : [petition.targets[i]]));
  const count = (await countSignatures(deps.db, [petition.id])).get(petition.id) ?? 0;
  const update = petition.locales.map((locale) => {
    const t = translator(locale);
    const title = textFor(petition, locale).title;
    const names = listOf(
      recipients.map((r) => targetName(r, locale, petition.defaultLocale)),
      locale,
    );
    const body = t.t('delivered.update.body', {
      date: t.date(`${deliveredOn}T12:00:00Z`),
      title,
      recipients: names,
      location,
      count,
    });
    return {
      locale,
      title: t.t('delivered.update.title', { title }),
      body: notes === '' ? body : `${body}\n\n${t.t('delivered.update.notes')}\n${notes}`,
    };
  });
  const id = await insertDelivery(
    deps.db,
    {
      petitionId: petition.id,
      deliveredOn,
      recipients,
      location,
      notes,
      recordedBy: actorId,
      photo,
      update,
      now: deps.now(),
    },
    deps.events,
  );
  // The petition page shows the delivery.
  deps.petitions.forget();
  return { kind: 'recorded', id };
}
