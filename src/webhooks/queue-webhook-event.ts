// What the rest of Firma calls (through src/reactions.ts) when something happened that webhooks tell of: the
// deliveries are queued in the same transaction as the change, so an event is sent if and only if it happened.
import type { Db } from '../platform/db/connect.js';
import { queueDeliveries, type QueuedEvent } from './webhook-store.js';

export type { QueuedEvent };

export async function queueWebhookEvent(trx: Db, event: QueuedEvent): Promise<number> {
  return queueDeliveries(trx, event);
}
