// A real HTTP server in the test process that receives webhooks: it keeps each request (headers and body) and
// answers with the status the test sets; and the organizer's side: adding a webhook through its page, and checking
// a message as a receiving program does.
import http from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { webhookSender, webhookWorkerDeps } from '../../src/background-jobs.js';
import { deliverWebhooks, type WebhookRound } from '../../src/webhooks/deliver-webhooks.js';
import type { WebhookSender } from '../../src/webhooks/send-webhook.js';
import { openMailroom, type Mailroom } from './mailroom.js';
import { getAs, postFormAs, type SignedIn } from './accounts.js';
import type { TestApp } from './test-app.js';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  /** The body as JSON. */
  json: { type: string; timestamp: string; data: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- messages read loosely, each field checked by the test
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** The status the next requests get (200 unless set). */
  answer(status: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : (value ?? ''),
        ]),
      );
      if (status >= 200 && status < 300) received.push({ headers, body, json: JSON.parse(body) });
      res.statusCode = status;
      res.end(status < 300 ? 'ok' : 'broken');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/firma`,
    port,
    received,
    answer(next) {
      status = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const ALL_EVENTS = [
  'signature.confirmed',
  'signature.withdrawn',
  'milestone.reached',
  'petition.closed',
  'petition.won',
  'petition.delivered',
  'update.sent',
];

/** The add form as a browser sends it: one checkbox per chosen event. */
export function webhookForm(url: string, events: readonly string[], description = ''): Record<string, string> {
  return { url, description, ...Object.fromEntries(events.map((e) => [`events.${e}`, 'yes'])) };
}

/** Adds a webhook through the page; returns its id and signing secret as the endpoint's page shows them. */
export async function addWebhook(
  t: TestApp,
  who: SignedIn,
  petitionId: number,
  url: string,
  events: readonly string[],
): Promise<{ id: number; secret: string; page: string }> {
  const res = await postFormAs(t, who, `/organize/${petitionId}/webhooks`, webhookForm(url, events, 'CRM sync'));
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(new RegExp(`^/organize/${petitionId}/webhooks/\\d+\\?done=created$`));
  const page = await (await getAs(t, who, location)).text();
  const secret = /whsec_[A-Za-z0-9+/=]+/.exec(page)?.[0] ?? '';
  return { id: Number(/webhooks\/(\d+)/.exec(location)?.[1]), secret, page };
}

/**
 * Checks the message's signature with the receiver's copy of the secret, as a receiving program does — on a clock
 * that agrees with the server's (the test clock), since a receiver refuses a timestamp five minutes off.
 */
export function verifiedAt(now: Date, secret: string, message: ReceivedWebhook) {
  const clock = vi.spyOn(Date, 'now').mockReturnValue(now.getTime());
  try {
    return new Webhook(secret).verify(message.body, message.headers) as ReceivedWebhook['json'];
  } finally {
    clock.mockRestore();
  }
}

/** What a webhook test works with: a receiver, a mailroom, and one round of the server's webhook worker. */
export interface WebhookWorld {
  readonly receiver: WebhookReceiver;
  readonly mailroom: Mailroom;
  /** One round of the worker, with the server's sender (private addresses as the test app's config says). */
  deliver(): Promise<WebhookRound>;
}

/** Registers the hooks that start the world before each test and stop it after. */
export function useWebhookWorld(t: TestApp): WebhookWorld {
  let receiver: WebhookReceiver | undefined;
  let mailroom: Mailroom | undefined;
  let sender: WebhookSender | undefined;
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    mailroom = await openMailroom(t);
    sender = webhookSender(t.deps);
  });
  afterEach(async () => {
    sender?.close();
    await receiver?.close();
    await mailroom?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the webhook world exists only inside a test');
    return value;
  };
  return {
    get receiver() {
      return ready(receiver);
    },
    get mailroom() {
      return ready(mailroom);
    },
    deliver: () => deliverWebhooks(webhookWorkerDeps(t.deps, ready(sender))),
  };
}
