// PostgreSQL ends every connection of Firma's (what a restart, a failover or pg_terminate_backend does: 57P01)
// while people are signing. The process stays up, a signer caught in the cut is told plainly to send again,
// signing resumes by itself within seconds, and every acknowledged signature is stored once. Before, the
// process exited with "Unhandled 'error' event" and stayed down.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFirma,
  cleanUp,
  createPostgresDatabase,
  DEMO_SLUG,
  killAll,
  POSTGRES_URL,
  queryPostgres,
  request,
  serve,
  signatureBody,
  tempDataDir,
  terminateBackends,
  type Exit,
} from '../support/firma-process.js';
import { copy } from '../support/copy.js';

interface Outcome {
  email: string;
  status: number;
  at: number;
}

describe.skipIf(POSTGRES_URL === undefined)('a PostgreSQL restart under signing load', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  it('the process stays up, signers in the cut get the 503 page, signing resumes, and every acknowledged signature is stored once', async () => {
    const database = await createPostgresDatabase();
    try {
      const server = await serve({ FIRMA_DATA_DIR: tempDataDir(), DATABASE_URL: database.url, LOG_LEVEL: 'error' });
      let exit: Exit | undefined;
      void server.exited.then((e) => (exit = e));
      const outcomes: Outcome[] = [];
      const refusals: { body: string; retryAfter: string | undefined }[] = [];
      const started = Date.now();
      const LOAD_MS = 7000;
      const CUTS_AT = [1500, 3500];
      let n = 0;
      const signer = async () => {
        while (Date.now() - started < LOAD_MS) {
          n += 1;
          const email = `cut-${n}@example.org`;
          const reply = await request(server.port, 'POST', `/en/p/${DEMO_SLUG}/sign`, { body: signatureBody(email) });
          outcomes.push({ email, status: reply.status, at: Date.now() - started });
          if (reply.status === 503)
            refusals.push({ body: reply.body, retryAfter: reply.headers['retry-after'] as string | undefined });
        }
      };
      const cuts = (async () => {
        let ended = 0;
        for (const at of CUTS_AT) {
          await new Promise((resolve) => setTimeout(resolve, at - (Date.now() - started)));
          ended += await terminateBackends(database.name);
        }
        return ended;
      })();
      await Promise.all([...Array.from({ length: 8 }, signer), cuts]);

      expect(await cuts).toBeGreaterThan(0);
      expect(exit).toBeUndefined();
      expect((await request(server.port, 'GET', '/healthz')).status).toBe(200);
      expect(server.output()).not.toContain('Unhandled');
      expect(outcomes.filter((o) => o.status !== 303 && o.status !== 503)).toEqual([]);
      for (const refusal of refusals) {
        expect(refusal.retryAfter).toBe('60');
        expect(refusal.body).toContain(copy('en', 'sign.unavailable.title'));
        expect(refusal.body).not.toMatch(/\n\s+at /);
      }
      // Signing resumed within a few seconds of the last cut.
      const lastCut = CUTS_AT.at(-1) ?? 0;
      const resumedAt = outcomes.filter((o) => o.status === 303 && o.at > lastCut).map((o) => o.at)[0];
      expect(resumedAt).toBeDefined();
      expect((resumedAt ?? Infinity) - lastCut).toBeLessThan(3000);

      const acknowledged = outcomes.filter((o) => o.status === 303).map((o) => o.email);
      const stored = await queryPostgres<{ email: string; n: string }>(
        database.url,
        "select email, count(*) as n from signatures where email like 'cut-%' group by email",
      );
      const storedEmails = new Set(stored.map((r) => r.email));
      expect(acknowledged.filter((email) => !storedEmails.has(email))).toEqual([]);
      expect(stored.filter((r) => Number(r.n) !== 1)).toEqual([]);
      const [row] = await queryPostgres<{ confirmed: string; pending: string }>(
        database.url,
        "select count(*) filter (where status = 'confirmed') as confirmed, count(*) filter (where status = 'pending') as pending from signatures",
      );
      // The one-second response cache: the count the page shows is read again after it expires.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const counts = JSON.parse((await request(server.port, 'GET', `/p/${DEMO_SLUG}.json`)).body) as {
        signature_count: number;
        pending_count: number;
      };
      expect(counts.signature_count).toBe(Number(row?.confirmed));
      expect(counts.pending_count).toBe(Number(row?.pending));
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      killAll();
      await database.drop();
    }
  }, 180_000);
});
