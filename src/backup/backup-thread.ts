// A backup made in a worker thread: the copy and its integrity check read the whole database, which takes the
// thread that runs them for about half a second per 100,000 signatures. The scheduled backup inside `firma serve`
// runs here so that the event loop serving signers never waits for it.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { errorMessage } from '../platform/error-code.js';
import { backupSqlite, BackupProblem, type BackupResult } from './sqlite-backup.js';

interface Job {
  source: string;
  out: string;
  secret: string | undefined;
}

type Answer = { ok: true; result: BackupResult } | { ok: false; problem: string } | { ok: false; error: string };

const ENTRY = fileURLToPath(import.meta.url);

/**
 * backupSqlite in a worker thread. From the TypeScript sources (the tests) there is no compiled entry for a
 * worker to load: the backup then runs in this thread.
 */
export async function backupSqliteInThread(
  source: string,
  out: string,
  secret: string | undefined,
): Promise<BackupResult> {
  if (!ENTRY.endsWith('.js') || !fs.existsSync(ENTRY)) return backupSqlite(source, out, secret);
  const worker = new Worker(ENTRY, { workerData: { source, out, secret } satisfies Job });
  const answer = await new Promise<Answer>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the backup thread exited (${code}) without an answer`)));
  });
  if (answer.ok) return answer.result;
  if ('problem' in answer) throw new BackupProblem(answer.problem);
  throw new Error(answer.error);
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  const { source, out, secret } = workerData as Job; // sent just above, by backupSqliteInThread
  backupSqlite(source, out, secret).then(
    (result) => port.postMessage({ ok: true, result } satisfies Answer),
    (err: unknown) =>
      port.postMessage(
        (err instanceof BackupProblem
          ? { ok: false, problem: err.message }
          : { ok: false, error: errorMessage(err) }) satisfies Answer,
      ),
  );
}
