// GET /metrics in the Prometheus text format: requests by route pattern and status with their latency,
// signatures taken and refused by reason, confirmations, the outbox, mail sent, job rounds, the pool, the event
// loop's delay and the process's memory. Only this machine (not through a proxy) or METRICS_TOKEN may read it.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackgroundJobs } from '../../src/background-jobs.js';
import { createSmtpTransport } from '../../src/platform/mail/transport.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { startSmtpSink, type ReceivedMail } from '../support/smtp-sink.js';
import { postForm, TEST_ORIGIN, useTestApp, validSignature, type TestApp } from '../support/test-app.js';

const TOKEN = 'metrics-token-0123456789';

function listen(t: TestApp): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
}

/** The value of one sample line (`name{labels} value`), or undefined when the text has no such line. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(enginesToTest())('/metrics on $name', (engine) => {
  const t = useTestApp(engine, { env: { METRICS_TOKEN: TOKEN } });
  let server: ServerType | undefined;
  afterEach(() => {
    server?.close();
    server = undefined;
  });

  async function get(path: string, headers: Record<string, string> = {}) {
    server ??= await listen(t);
    const { port } = server.address() as AddressInfo;
    return fetch(`http://127.0.0.1:${port}${path}`, { headers });
  }

  it('counts requests by route, signatures by outcome and reason, confirmations and the outbox', async () => {
    const { slug } = await makePetition(t.deps.db, { requiresVerification: true });
    expect((await postForm(t, `/p/${slug}/sign`, validSignature())).status).toBe(303);
    expect((await postForm(t, `/p/${slug}/sign`, validSignature({ email: 'not-an-address' }))).status).toBe(422);
    expect((await t.app.request(`/es/p/${slug}`)).status).toBe(200);
    expect((await t.app.request('/no/such/page')).status).toBe(404);
    // The event loop held for 40 ms, then let go: the delay monitor (5 ms resolution) must see it. Without this, a
    // quick machine can finish the requests above without one sampled delay.
    const until = Date.now() + 40;
    while (Date.now() < until); // holding the event loop is the point
    await new Promise((resolve) => setTimeout(resolve, 20));

    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const requests = 'firma_http_request_duration_seconds_count';
    expect(sample(text, `${requests}{method="POST",route="/p/:slug/sign",status="303"}`)).toBe(1);
    expect(sample(text, `${requests}{method="POST",route="/p/:slug/sign",status="422"}`)).toBe(1);
    expect(sample(text, `${requests}{method="GET",route="/:locale/p/:slug",status="200"}`)).toBe(1);
    expect(sample(text, `${requests}{method="GET",route="(unmatched)",status="404"}`)).toBe(1);
    expect(sample(text, 'firma_signatures_total{outcome="signed",pending="true",reason=""}')).toBe(1);
    expect(sample(text, 'firma_signatures_total{outcome="refused",pending="false",reason="invalid_form"}')).toBe(1);
    // The confirmation email waits in the outbox: one message, queued moments ago.
    expect(sample(text, 'firma_outbox_waiting_messages')).toBe(1);
    expect(sample(text, 'firma_outbox_oldest_message_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'firma_signature_confirmations_total')).toBe(0);
    // The process: event-loop delay, heap and resident memory.
    expect(sample(text, 'firma_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'firma_nodejs_eventloop_lag_max_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'firma_nodejs_heap_size_used_bytes')).toBeGreaterThan(1e6);
    expect(sample(text, 'firma_process_resident_memory_bytes')).toBeGreaterThan(1e6);
    // PostgreSQL's pool: its size and the connections open; SQLite has no pool to report.
    const max = sample(text, 'firma_database_pool_connections{state="max"}');
    const open = sample(text, 'firma_database_pool_connections{state="open"}');
    if (engine.name === 'postgres') {
      expect(max).toBeGreaterThan(0);
      expect(open).toBeGreaterThanOrEqual(1);
    } else expect([max, open]).toEqual([undefined, undefined]);
  });

  /** Signs a petition that asks for confirmation, and lets the background jobs send that email to a real SMTP server. */
  async function signAndSendTheConfirmation(): Promise<ReceivedMail[]> {
    const { slug } = await makePetition(t.deps.db, { requiresVerification: true });
    expect((await postForm(t, `/p/${slug}/sign`, validSignature())).status).toBe(303);
    const sink = await startSmtpSink();
    const transport = createSmtpTransport({ url: sink.url, from: 'Firma <firma@example.org>' });
    const jobs = startBackgroundJobs(t.deps, transport, { mailPollMs: 20, mailDrain: 'all' });
    try {
      const deadline = Date.now() + 10_000;
      while (sink.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return sink.received;
    } finally {
      await jobs.stop();
      transport.close();
      await sink.close();
    }
  }

  it('counts mail sent and job rounds, and the outbox empties', async () => {
    expect(await signAndSendTheConfirmation()).toHaveLength(1);
    const text = await (await get('/metrics')).text();
    expect(sample(text, 'firma_mail_total{outcome="sent"}')).toBe(1);
    expect(sample(text, 'firma_outbox_waiting_messages')).toBe(0);
    expect(sample(text, 'firma_outbox_oldest_message_age_seconds')).toBe(0);
    expect(sample(text, 'firma_job_run_duration_seconds_count{job="mail",outcome="ok"}')).toBeGreaterThanOrEqual(1);
  });

  it('counts a confirmation from the emailed link', async () => {
    const [mail] = await signAndSendTheConfirmation();
    const link = /https?:\/\/\S+\/confirm/.exec(mail?.text ?? '')?.[0] ?? '';
    expect((await postForm(t, new URL(link).pathname, {})).status).toBe(200);
    const text = await (await get('/metrics')).text();
    expect(sample(text, 'firma_signature_confirmations_total')).toBe(1);
  });

  it('answers only on this machine or to the bearer of METRICS_TOKEN', async () => {
    // Through a reverse proxy on this machine the socket is loopback too: a forwarded request is not local.
    const forwarded = await get('/metrics', { 'X-Forwarded-For': '203.0.113.9' });
    expect(forwarded.status).toBe(401);
    expect(forwarded.headers.get('www-authenticate')).toBe('Bearer');
    expect(await forwarded.text()).not.toContain('firma_');
    expect(
      (await get('/metrics', { Forwarded: 'for=203.0.113.9', Authorization: 'Bearer wrong-token-0123456789' })).status,
    ).toBe(401);
    const withToken = await get('/metrics', { 'X-Forwarded-For': '203.0.113.9', Authorization: `Bearer ${TOKEN}` });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('firma_http_request_duration_seconds');
    // No socket at all (not a loopback peer): refused without the token.
    expect((await t.app.request('/metrics')).status).toBe(401);
    expect((await t.app.request('/metrics', { headers: { Origin: TEST_ORIGIN } })).status).toBe(401);
  });
});

describe.each(enginesToTest())('/metrics without METRICS_TOKEN on $name', (engine) => {
  const t = useTestApp(engine);

  it('is refused to anyone not on this machine, and says how to open it', async () => {
    const res = await t.app.request('/metrics', { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('METRICS_TOKEN');
  });
});
