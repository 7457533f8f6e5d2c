// One webhook request: the body signed per Standard Webhooks (the `standardwebhooks` package: webhook-id,
// webhook-timestamp, webhook-signature), posted with a time limit through keep-alive connections, to a checked
// address only (webhook-url.ts). Redirects are not followed: a 3xx is a failure, as a redirect could lead anywhere.
import http from 'node:http';
import https from 'node:https';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { checkUrlShape, PrivateAddressError, publicOnlyLookup } from './webhook-url.js';

/** How long a receiver has to answer (Standard Webhooks' receivers are asked to answer quickly). */
export const WEBHOOK_TIMEOUT_MS = 15_000;
/** Requests in flight at once, to all receivers together. */
export const WEBHOOK_CONCURRENCY = 16;

export interface SendResult {
  ok: boolean;
  /** The receiver's HTTP status; null when none came (refused, timed out, connection failed). */
  status: number | null;
  error: string | null;
}

export interface WebhookRequest {
  url: string;
  messageId: string;
  body: string;
  now: Date;
  /** Signed per Standard Webhooks with this secret (a webhook); or sent with these headers instead (a CRM). */
  sign: { secret: string } | { headers: Record<string, string> };
}

export interface WebhookSender {
  send(request: WebhookRequest): Promise<SendResult>;
  close(): void;
}

/** A new Standard Webhooks signing secret: 32 random bytes, base64, after `whsec_`. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function createWebhookSender(options: {
  allowPrivate: boolean;
  userAgent: string;
  timeoutMs?: number;
}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: WEBHOOK_CONCURRENCY }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: WEBHOOK_CONCURRENCY }),
  };
  const signers = new Map<string, Webhook>();
  const signerFor = (secret: string) => {
    let signer = signers.get(secret);
    if (signer === undefined) {
      signer = new Webhook(secret);
      if (signers.size > 1000) signers.clear();
      signers.set(secret, signer);
    }
    return signer;
  };

  return {
    send({ url, messageId, body, now, sign }) {
      const shape = checkUrlShape(url, options.allowPrivate);
      if (!shape.ok)
        return Promise.resolve({
          ok: false,
          status: null,
          error:
            shape.refusal === 'private_address' ? new PrivateAddressError(url).message : `refused: ${shape.refusal}`,
        });
      const target = shape.url;
      const extra =
        'secret' in sign
          ? {
              'Content-Type': 'application/json',
              'webhook-id': messageId,
              'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
              'webhook-signature': signerFor(sign.secret).sign(messageId, now, body),
            }
          : sign.headers;
      return new Promise<SendResult>((resolve) => {
        const transport = target.protocol === 'https:' ? https : http;
        const request = transport.request(
          target,
          {
            method: 'POST',
            agent: agents[target.protocol === 'https:' ? 'https:' : 'http:'],
            ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
            headers: {
              'Content-Length': Buffer.byteLength(body),
              'User-Agent': options.userAgent,
              ...extra,
            },
            timeout: timeoutMs,
          },
          (response) => {
            const status = response.statusCode ?? 0;
            // The answer's body is not read for anything: drain it so the connection can be used again.
            response.resume();
            response.on('end', () =>
              resolve(
                status >= 200 && status < 300
                  ? { ok: true, status, error: null }
                  : { ok: false, status, error: `HTTP ${status}` },
              ),
            );
            response.on('error', (err) => resolve({ ok: false, status, error: err.message }));
          },
        );
        request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        request.on('error', (err) => resolve({ ok: false, status: null, error: err.message }));
        request.end(body);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
