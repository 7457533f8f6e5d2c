// `firma serve` on SQLite copies its write-ahead log into the database file from a thread of its own, ahead of
// the commit that would otherwise do it on the serving thread once the log reaches 1,000 pages (4 MiB). Seen
// from outside: signatures reach the database file while the log is still far below that size, which without
// the thread would not happen until the log reached it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFirma,
  cleanUp,
  DEMO_SLUG,
  killAll,
  request,
  serve,
  signatureBody,
  tempDataDir,
  waitUntil,
} from '../support/firma-process.js';

const SQLITE_AUTOCHECKPOINT_BYTES = 1000 * 4096;

describe('SQLite checkpoints in firma serve', () => {
  beforeAll(buildFirma, 180_000);
  afterEach(killAll);
  afterAll(cleanUp);

  it('a thread copies the log into the database file before the log is big enough for a commit to do it', async () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, 'firma.db');
    // A first start makes and seeds the database; stopping it checkpoints everything and removes the log.
    const first = await serve({ FIRMA_DATA_DIR: dataDir });
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    const server = await serve({ FIRMA_DATA_DIR: dataDir });
    const sizeBefore = fs.statSync(file).size;
    for (let i = 0; i < 60; i += 4) {
      const replies = await Promise.all(
        Array.from({ length: 4 }, (_, j) =>
          request(server.port, 'POST', `/en/p/${DEMO_SLUG}/sign`, {
            body: signatureBody(`checkpointed-${i + j}@example.org`, `Checkpointed ${i + j}`),
          }),
        ),
      );
      expect(replies.map((reply) => reply.status)).toEqual([303, 303, 303, 303]);
    }
    await waitUntil('the signatures reaching the database file', 5000, async () => fs.statSync(file).size > sizeBefore);
    // Had a commit checkpointed, the log would have reached SQLite's threshold first.
    expect(fs.statSync(`${file}-wal`).size).toBeLessThan(SQLITE_AUTOCHECKPOINT_BYTES);
    expect(server.output()).not.toContain('checkpoint thread stopped');
  });
});
