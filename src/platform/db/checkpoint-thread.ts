// SQLite's WAL checkpoints, mostly done by a thread of their own. SQLite checkpoints inside the commit that
// takes the write-ahead log past 1,000 pages: that commit copies the pages into the database file and syncs it,
// 5–25 ms on the serving thread, several times a second under a signing spike (measured: 82 of 1,082 commits,
// 0.9 s of a 18 s run). A second connection, in a worker thread, copies the log's pages ahead of that commit
// with passive checkpoints (they never wait for, nor block, the writer), so the commit's own checkpoint finds
// little or nothing left to copy. The commit's checkpoint stays: the log starts again from its beginning only
// when a commit finds all of it copied, which a checkpointer in another thread cannot arrange while commits
// keep coming (every pass leaves behind the frames committed while it ran), so without it the log would grow
// for as long as a spike lasts.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** How often the thread checkpoints. The log then holds about a tenth of a second of writes. */
const CHECKPOINT_EVERY_MS = 100;

interface Job {
  file: string;
  everyMs: number;
}

const ENTRY = fileURLToPath(import.meta.url);

export interface CheckpointThread {
  /** Stops the thread (the connection's own close makes the last checkpoint). */
  stop(): Promise<void>;
}

/**
 * Starts the thread that checkpoints `file`. From the TypeScript sources (the tests) there is no compiled entry
 * for a worker to load; then, or if the thread stops, the commits checkpoint alone: only speed differs.
 */
export function checkpointInThread(
  file: string,
  onProblem: (message: string) => void = () => undefined,
): CheckpointThread {
  if (!ENTRY.endsWith('.js') || !fs.existsSync(ENTRY) || file === ':memory:') return { stop: async () => undefined };
  let stopping = false;
  const worker = new Worker(ENTRY, {
    workerData: { file, everyMs: CHECKPOINT_EVERY_MS } satisfies Job,
    // It allocates next to nothing: a small heap keeps the server's memory where it was without it.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 },
  });
  // The thread never keeps the process alive: stopping the server closes the connection, which checkpoints.
  worker.unref();
  const stopped = (why: string) => {
    if (!stopping) onProblem(`the checkpoint thread stopped (${why}); commits copy the log into the database alone`);
  };
  worker.on('error', (err) => stopped(err.message));
  worker.on('exit', (code) => stopped(`exit code ${code}`));
  return {
    async stop() {
      stopping = true;
      await worker.terminate();
    },
  };
}

/** The thread: its own connection to the file, a passive checkpoint at each tick. */
function runCheckpoints({ file, everyMs }: Job): void {
  const sqlite = new SQLite(file, { fileMustExist: true });
  // A checkpoint reads the log and writes the database file directly; it needs no page cache of its own.
  sqlite.pragma('cache_size = 16');
  const checkpoint = sqlite.prepare('pragma wal_checkpoint(PASSIVE)');
  setInterval(() => checkpoint.get(), everyMs);
}

if (!isMainThread && parentPort !== null && (workerData as Partial<Job> | null)?.everyMs !== undefined) {
  runCheckpoints(workerData as Job); // sent by checkpointInThread
}
