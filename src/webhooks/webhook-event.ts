// One kind of webhook event: its type (as Standard Webhooks' payload names it), the label an organizer picks it by,
// and the data it carries, written out when the delivery is sent. Each kind is one file in events/, listed in
// webhook-events.ts; the worker is one loop over that list.
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { ListedSignature } from '../signing/listed-signature.js';
import { petitionUrl, textFor, type Petition } from '../petitions/petition.js';

/** A signature as a webhook tells of it. */
export type WebhookSignature = Omit<ListedSignature, 'status' | 'modifiedAt'>;

/** One queued delivery, as the worker claimed it. */
export interface ClaimedDelivery {
  id: number;
  endpointId: number;
  petitionId: number;
  eventType: string;
  subjectId: number | null;
  data: Record<string, unknown>;
  occurredAt: string;
  attempts: number;
  url: string;
  secret: string;
  kind: 'standard' | 'osdi';
  /** The CRM's API token (osdi). */
  token: string | null;
  /** Tags the CRM gives the person (osdi). */
  tags: string[];
}

/** What the worker looked up for a batch: all an event may read to write its data. */
export interface WebhookLookup {
  delivery: ClaimedDelivery;
  petition: Petition | undefined;
  /** The signature the delivery is about, if it names one and it is still there. */
  signature: WebhookSignature | undefined;
  /** The titles of the update the delivery is about, by language. */
  updateTitles: Map<string, string> | undefined;
  baseUrl: string;
}

export type WebhookData = Record<string, unknown> | { cancel: string };

export interface WebhookEvent {
  type: string;
  /** What the delivery's subject id names, looked up with the batch. */
  subject?: 'signature' | 'update';
  /** How the organizer's list of events names it. */
  label: MessageKey;
  /** Sent only when asked for (the test event), never chosen in the list. */
  onDemand?: boolean;
  data(lookup: WebhookLookup): WebhookData;
}

/** The petition as every event's data carries it (its title in its own language, its page). */
export function petitionPart(
  lookup: WebhookLookup,
): { id: number; slug: string; title: string; url: string } | { cancel: string } {
  const { petition } = lookup;
  if (petition === undefined) return { cancel: 'petition is gone' };
  return {
    id: petition.id,
    slug: petition.slug,
    title: textFor(petition, petition.defaultLocale).title,
    url: petitionUrl(lookup.baseUrl, petition.defaultLocale, petition.slug),
  };
}

/** The event's data with the petition first, or why it cannot be sent. */
export function withPetition(lookup: WebhookLookup, rest: () => WebhookData): WebhookData {
  const petition = petitionPart(lookup);
  if ('cancel' in petition) return petition;
  const more = rest();
  if ('cancel' in more) return more;
  return { petition, ...more };
}
