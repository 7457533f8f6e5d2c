// `firma serve` listens before its database is ready: while it waits for PostgreSQL (or migrates it), /healthz
// answers 200 (alive: a liveness probe must not restart a long migration), /readyz 503 "starting", and a page the
// "try again in a minute" page in the reader's language. Once the database answers, the site is ready.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFirma,
  cleanUp,
  createPostgresDatabase,
  DEMO_SLUG,
  freePort,
  killAll,
  launch,
  POSTGRES_URL,
  request,
  tempDataDir,
  waitUntil,
} from '../support/firma-process.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { copy } from '../support/copy.js';

describe.skipIf(POSTGRES_URL === undefined)('firma serve while its database is not there yet', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  it('is alive but not ready, and ready once the database answers', async () => {
    const database = await createPostgresDatabase();
    const target = new URL(database.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    proxy.silence();
    try {
      const port = await freePort();
      const server = launch(['serve'], {
        PORT: String(port),
        HOST: '127.0.0.1',
        FIRMA_DATA_DIR: tempDataDir(),
        DATABASE_URL: proxy.url(database.url),
        DATABASE_ACQUIRE_TIMEOUT_MS: '1000',
      });
      await waitUntil(
        'listening',
        30_000,
        async () => (await request(port, 'GET', '/healthz')).status === 200,
        server.output,
      );

      const readyz = await request(port, 'GET', '/readyz');
      expect(readyz.status).toBe(503);
      expect(JSON.parse(readyz.body)).toEqual({ status: 'starting', database: 'migrating' });
      expect(readyz.headers['retry-after']).toBe('60');
      const page = await request(port, 'GET', `/es/p/${DEMO_SLUG}`);
      expect(page.status).toBe(503);
      expect(page.headers['retry-after']).toBe('60');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.body).toContain('lang="es"');
      expect(page.body).toContain(copy('es', 'page.unavailable.title'));
      // Styled like the site: the stylesheet it links is served already.
      const stylesheet = /href="(\/static\/[^"]+\.css)"/.exec(page.body)?.[1] ?? '';
      expect((await request(port, 'GET', stylesheet)).status).toBe(200);

      proxy.restore();
      await waitUntil(
        'ready',
        30_000,
        async () => (await request(port, 'GET', '/readyz')).status === 200,
        server.output,
      );
      const served = await request(port, 'GET', `/es/p/${DEMO_SLUG}`);
      expect(served.status).toBe(200);
      // The socket's address reaches the site through the handler swapped in at ready (getConnInfo): /metrics
      // answers this machine, and not a request a proxy relayed.
      const metrics = await request(port, 'GET', '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain('firma_http_request_duration_seconds_count');
      expect((await request(port, 'GET', '/metrics', { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(
        403,
      );
    } finally {
      killAll();
      await proxy.close();
      await database.drop();
    }
  });
});
