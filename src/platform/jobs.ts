// Scheduled work as a list: each job says its name, how often it runs and what it does, and `runJobs`
// runs the list. A job runs every so often, never twice at once; a failure is logged and the next round
// tries again; while the database is known to be down, rounds are skipped (no query, no log line) until its
// probe sees it back. A job that works in batches calls `pause()` between them, where a stop ends it.
import type { Logger } from 'pino';
import type { DatabaseHealth } from './db/health.js';
import type { Metrics } from './metrics/metrics.js';

/** The usual interval of the purges (old rows, expired tokens, retention). */
export const HOURLY = 3600_000;

export interface JobContext {
  /** Between batches: lets other work run, or ends the job at this safe point once a stop was asked for. */
  pause(): Promise<void>;
}

export interface ScheduledJob<Deps> {
  /** Named in logs ("background job failed", job: name). */
  name: string;
  everyMs: number;
  run(deps: Deps, context: JobContext): Promise<unknown>;
}

export interface JobRunnerDeps {
  database: Pick<DatabaseHealth, 'outage' | 'noteFailure'>;
  logger: Logger;
  /** Each round's outcome and duration, for /metrics. */
  metrics?: Pick<Metrics, 'jobRuns'>;
}

/** Thrown by `pause()` once a stop was asked for: the job ends at that safe point. */
class JobStopped extends Error {
  override name = 'JobStopped';
}

/** While the database cannot serve, jobs wait this long between rounds (its health logs the outage). */
const OUTAGE_POLL_MS = 2000;

export interface RunningJobs {
  /** Asks every job to stop at its next safe point, and resolves when each has. */
  stop(): Promise<void>;
}

/** Runs each job every `intervalOf(job)` ms (its own `everyMs` unless told otherwise). */
export function runJobs<Deps extends JobRunnerDeps>(
  jobs: readonly ScheduledJob<Deps>[],
  deps: Deps,
  intervalOf: (job: ScheduledJob<Deps>) => number = (job) => job.everyMs,
): RunningJobs {
  let stopping = false;
  const context: JobContext = {
    pause: () => (stopping ? Promise.reject(new JobStopped()) : new Promise<void>((resolve) => setImmediate(resolve))),
  };
  const stops = jobs.map((job) => schedule(job, intervalOf(job), deps, context));
  return {
    async stop() {
      stopping = true;
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}

function schedule<Deps extends JobRunnerDeps>(
  job: ScheduledJob<Deps>,
  everyMs: number,
  deps: Deps,
  context: JobContext,
): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = () => {
    if (deps.database.outage() !== undefined) {
      // The database's health probes it and logs the outage; this round waits for it.
      if (!stopped) timer = setTimeout(round, OUTAGE_POLL_MS);
      return;
    }
    let delay = everyMs;
    const started = performance.now();
    const observe = (outcome: 'ok' | 'failed' | 'stopped') =>
      deps.metrics?.jobRuns.observe({ job: job.name, outcome }, (performance.now() - started) / 1000);
    running = job
      .run(deps, context)
      .then(() => observe('ok'))
      .catch((err: unknown) => {
        if (err instanceof JobStopped) return observe('stopped');
        observe('failed');
        if (deps.database.noteFailure(err) !== undefined) {
          delay = Math.max(everyMs, OUTAGE_POLL_MS);
          return;
        }
        deps.logger.error({ err, job: job.name }, 'background job failed');
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(round, delay);
      });
  };
  timer = setTimeout(round, 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
